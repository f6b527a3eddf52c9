"""Input boundary of the LPK and BKK pages (Indonesian messages)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.lib.phone import normalize_phone
from berdaya.regions.forms import KelurahanField

from .models import Accreditation, Bkk, BkkReport, Coaching, Lpk
from .services import BKK_FIELDS, COACHING_FIELDS, LPK_FIELDS, REPORT_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class InstitutionForm(forms.ModelForm):
    kelurahan = KelurahanField(required=False)

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class LpkForm(InstitutionForm):
    class Meta:
        model = Lpk
        fields = LPK_FIELDS
        widgets = {
            "permit_date": DATE,
            "permit_until": DATE,
            "accredited_on": DATE,
            "programmes": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        if data.get("accreditation") and not data.get("accredited_on"):
            self.add_error("accredited_on", _("Isi tanggal akreditasi."))
        return data


class BkkForm(InstitutionForm):
    class Meta:
        model = Bkk
        fields = BKK_FIELDS
        widgets = {"decree_date": DATE, "registered_on": DATE}


class ReportForm(forms.ModelForm):
    placed_abroad = forms.IntegerField(
        label=_("Ditempatkan ke luar negeri"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_("BKK hanya menempatkan lulusannya di dalam negeri (R39)."),
    )

    class Meta:
        model = BkkReport
        fields = REPORT_FIELDS
        widgets = {"reported_on": DATE}


class CoachingForm(forms.ModelForm):
    class Meta:
        model = Coaching
        fields = COACHING_FIELDS
        widgets = {"held_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}


class LpkFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, nomor izin atau program"), required=False)
    accreditation = forms.ChoiceField(
        label=_("Akreditasi"),
        required=False,
        choices=[("", _("Semua")), *Accreditation.choices[:-1], ("-", _("Belum terakreditasi"))],
    )
    coached = forms.IntegerField(label=_("Dibina pada tahun"), required=False, min_value=2000, max_value=2100)


class BkkFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, sekolah, NPSN atau nomor tanda"), required=False)
    mark = forms.ChoiceField(
        label=_("Tanda pendaftaran"),
        required=False,
        choices=[("", _("Semua")), ("1", _("Berlaku")), ("0", _("Tidak berlaku (belum lapor)"))],
    )
    coached = forms.IntegerField(label=_("Dibina pada tahun"), required=False, min_value=2000, max_value=2100)
