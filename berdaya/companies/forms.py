"""The company registry's input boundary: clear Indonesian messages; NIB/KBLI digits; E.164 phone."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from berdaya.lib.phone import normalize_phone
from berdaya.regions.forms import KelurahanField
from berdaya.regions.selectors import kecamatan_in_jurisdiction

from .models import KBLI_SECTIONS, Company, Status

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CompanyForm(forms.ModelForm):
    kelurahan = KelurahanField(required=False)

    class Meta:
        model = Company
        fields = [
            "name", "legal_form", "nib", "kbli", "main_activity", "address", "kelurahan", "head_office",
            "contact_name", "contact_position", "phone", "email", "workers_male", "workers_female",
            "workers_pkwt", "workers_pkwtt", "workers_foreign", "headcount_on", "status",
        ]  # fmt: skip
        widgets = {"headcount_on": DATE}

    def __init__(self, *args, head_offices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if head_offices is not None:
            self.fields["head_office"].queryset = head_offices
        self.fields["head_office"].required = False

    def validate_unique(self):
        pass  # NIB and source ID uniqueness are checked by the service with their own messages

    def clean_nib(self) -> str:
        nib = "".join((self.cleaned_data.get("nib") or "").split())
        if nib and (not nib.isdigit() or len(nib) != 13):
            raise ValidationError(_("NIB harus 13 digit angka."))  # domain.md R9
        return nib

    def clean_kbli(self) -> str:
        kbli = (self.cleaned_data.get("kbli") or "").strip()
        if kbli and (not kbli.isdigit() or len(kbli) != 5):
            raise ValidationError(_("KBLI harus 5 digit angka."))
        return kbli

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone") or ""
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CompanyFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, NIB atau KBLI"), required=False)
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    section = forms.ChoiceField(
        label=_("Sektor KBLI"),
        required=False,
        choices=[("", _("Semua"))] + [(k, f"{k} — {v}") for k, v in KBLI_SECTIONS.items()],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua")), *Status.choices])
    branch = forms.ChoiceField(
        label=_("Kantor"),
        required=False,
        choices=[("", _("Semua")), ("0", _("Kantor pusat / tunggal")), ("1", _("Kantor cabang"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        districts = [(r.code, r.name) for r in kecamatan_in_jurisdiction()]
        self.fields["kecamatan"].choices = [("", _("Semua")), *districts]


class MergeForm(forms.Form):
    keep = forms.IntegerField(widget=forms.HiddenInput)
    duplicate = forms.IntegerField(widget=forms.HiddenInput)
