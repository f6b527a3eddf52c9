from django import forms
from django.core.exceptions import ValidationError

from berdaya.lib.forms import add_service_error


class NameForm(forms.Form):
    name = forms.CharField()


def test_an_error_on_a_known_field_lands_on_that_field():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(form, ValidationError({"name": "Nama sudah dipakai."}))
    assert form.errors["name"] == ["Nama sudah dipakai."]


def test_an_error_on_a_field_the_form_lacks_is_shown_above_the_form():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(
        form, ValidationError({"status_date": "Tanggal status tidak boleh sebelum tanggal terdaftar."})
    )
    assert form.non_field_errors() == ["Tanggal status tidak boleh sebelum tanggal terdaftar."]


def test_a_plain_error_is_shown_above_the_form():
    form = NameForm({"name": "x"})
    form.is_valid()
    add_service_error(form, ValidationError("Tidak boleh."))
    assert form.non_field_errors() == ["Tidak boleh."]
