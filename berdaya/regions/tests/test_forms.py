import datetime
import re

import pytest
from django import forms

from berdaya.regions.forms import KelurahanField
from berdaya.regions.models import Region

OUTSIDE = "Kelurahan tidak dikenal atau di luar wilayah kerja."


class DomicileForm(forms.Form):
    kelurahan = KelurahanField(label="Domisili")


class NationalForm(forms.Form):
    kelurahan = KelurahanField(jurisdiction_only=False, required=False)


@pytest.mark.usefixtures("banjarmasin")
class TestKelurahanField:
    def test_it_accepts_a_kelurahan_of_the_jurisdiction(self):
        form = DomicileForm(data={"kelurahan": "63.71.01.1001", "kelurahan_kecamatan": "63.71.01"})

        assert form.is_valid(), form.errors
        assert form.cleaned_data["kelurahan"] == Region.objects.get(code="63.71.01.1001")

    # domain.md R13: the jurisdiction is Kota Banjarmasin; 63.01 is Kabupaten Tanah Laut.
    def test_it_rejects_a_village_outside_the_jurisdiction_with_a_clear_message(self):
        form = DomicileForm(data={"kelurahan": "63.01.01.2001"})

        assert not form.is_valid()
        assert form.errors["kelurahan"] == [OUTSIDE]

    def test_it_rejects_an_unknown_code(self):
        form = DomicileForm(data={"kelurahan": "63.71.01.1999"})

        assert form.errors["kelurahan"] == [OUTSIDE]

    def test_it_rejects_a_retired_kelurahan(self):
        # domain.md R13: old codes are kept, dated, and no longer offered.
        Region.objects.filter(code="63.71.01.1001").update(valid_to=datetime.date(2020, 1, 1))

        form = DomicileForm(data={"kelurahan": "63.71.01.1001"})

        assert form.errors["kelurahan"] == [OUTSIDE]

    def test_it_rejects_a_kecamatan_given_as_a_kelurahan(self):
        form = DomicileForm(data={"kelurahan": "63.71.01"})

        assert form.errors["kelurahan"] == ["Pilih kelurahan di kecamatan yang dipilih."]

    def test_a_kecamatan_alone_asks_for_the_kelurahan_and_keeps_the_kecamatan(self):
        form = DomicileForm(data={"kelurahan": "", "kelurahan_kecamatan": "63.71.02"})

        assert form.errors["kelurahan"] == ["Pilih kelurahan di kecamatan yang dipilih."]
        html = str(form["kelurahan"])
        assert re.search(r'<option value="63.71.02" selected>', html)
        assert "Kuripan" in html

    def test_it_follows_the_jurisdiction_setting(self, settings):
        settings.BERDAYA_JURISDICTION = "63.01"

        assert DomicileForm(data={"kelurahan": "63.01.01.2001"}).is_valid()
        assert DomicileForm(data={"kelurahan": "63.71.01.1001"}).errors["kelurahan"] == [OUTSIDE]

    def test_the_national_field_accepts_any_current_village(self):
        form = NationalForm(data={"kelurahan": "6301012001"})

        assert form.is_valid(), form.errors
        assert form.cleaned_data["kelurahan"].code == "63.01.01.2001"

    def test_an_optional_field_may_stay_empty(self):
        form = NationalForm(data={})

        assert form.is_valid()
        assert form.cleaned_data["kelurahan"] is None


@pytest.mark.usefixtures("banjarmasin")
class TestKelurahanPickerWidget:
    def test_it_renders_two_labelled_selects_chained_with_htmx(self):
        html = str(DomicileForm()["kelurahan"])

        assert '<label for="id_kelurahan_kecamatan">Kecamatan</label>' in html
        assert '<label for="id_kelurahan">Kelurahan</label>' in html
        assert 'name="kelurahan_kecamatan"' in html
        assert 'hx-get="/wilayah/kelurahan/?kecamatan_field=kelurahan_kecamatan"' in html
        assert 'hx-target="#id_kelurahan"' in html
        assert 'hx-trigger="change"' in html
        assert html.count('<option value="63.71.0') == 5  # the five kecamatan, no kelurahan yet
        assert "pilih kecamatan dahulu" in html

    def test_it_has_no_inline_script_or_style_for_the_content_security_policy(self):
        html = str(DomicileForm(initial={"kelurahan": "63.71.05.1003"}))

        assert "<script" not in html
        assert "style=" not in html
        assert not re.search(r"\son[a-z]+=", html)  # no onchange= handlers either

    def test_with_an_initial_value_the_kecamatan_is_preselected_and_its_kelurahan_listed(self):
        html = str(DomicileForm(initial={"kelurahan": Region.objects.get(code="63.71.05.1003")})["kelurahan"])

        assert '<option value="63.71.05" selected>Banjarmasin Tengah</option>' in html
        assert '<option value="63.71.05.1003" selected>Mawar</option>' in html
        assert "Kelayan Luar" in html  # another kelurahan of Banjarmasin Tengah
        assert "Mantuil" not in html  # Banjarmasin Selatan's

    def test_the_form_shows_its_label_as_the_legend_of_a_fieldset(self):
        html = DomicileForm().as_div()

        assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>Domisili", html)

    def test_the_national_picker_groups_kecamatan_by_regency(self):
        html = str(NationalForm()["kelurahan"])

        assert '<optgroup label="Kota Banjarmasin, Kalimantan Selatan">' in html
        assert '<optgroup label="Kabupaten Tanah Laut, Kalimantan Selatan">' in html
