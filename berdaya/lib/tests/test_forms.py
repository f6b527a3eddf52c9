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


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Semua"), ("a&b", "A & <b>"), ("2", "Dua")], required=False)
    grouped = forms.ChoiceField(
        choices=[("", "—"), ("Kota", [("63.71.01", "Banjarmasin Selatan"), ("63.71.02", 'Timur "2"')])]
    )
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    small = forms.ChoiceField(
        choices=[(1, "Satu"), (2, "Dua")],
        widget=forms.Select(attrs={"data-autosubmit": True, "hidden": False}),
    )


def test_the_quick_select_renderer_writes_the_same_html_as_djangos_templates():
    """Issue 17 (load): the filter bars' <select>s are built in Python; the HTML must not change."""
    from django.forms.renderers import DjangoTemplates

    from berdaya.lib.forms import QuickSelectRenderer

    data = {"plain": "a&b", "grouped": "63.71.02", "many": ["x", "y"], "small": "2"}
    for args in ((data,), (), ({"grouped": "nope"},)):
        templates, quick = (
            Choices(*args, renderer=DjangoTemplates()),
            Choices(*args, renderer=QuickSelectRenderer()),
        )
        templates.is_valid(), quick.is_valid()
        for name in Choices.base_fields:
            assert str(quick[name]) == str(templates[name]), name
            assert str(quick[name]).startswith("<select")
    assert 'value="a&amp;b" selected>A &amp; &lt;b&gt;</option>' in str(Choices(data)["plain"])


def test_the_project_renders_forms_with_the_quick_select_renderer():
    from django.forms.renderers import get_default_renderer

    from berdaya.lib.forms import QuickSelectRenderer

    assert isinstance(get_default_renderer(), QuickSelectRenderer)
