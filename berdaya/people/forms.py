from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from berdaya.lib.nik import parse_nik, validate_nik
from berdaya.lib.phone import normalize_phone
from berdaya.regions.forms import KelurahanField
from berdaya.regions.selectors import kecamatan_pairs

from .models import NikIssue, Person, Sex
from .services import AUDITED_FIELDS


class PersonForm(forms.ModelForm):
    """Input boundary for a person. Sex and birth date default to what the NIK says (R2, R3)."""

    kelurahan = KelurahanField(label=_("Kelurahan"), required=False)

    class Meta:
        model = Person
        fields = AUDITED_FIELDS  # the service's editable fields
        widgets = {
            "nik": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "rt": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 3}),
            "rw": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 3}),
        }
        help_texts = {
            "nik": _(
                "16 digit sesuai KTP. Jenis kelamin dan tanggal lahir diisi otomatis dari NIK bila kosong."
            ),
            "phone": _("Contoh: 0812-3456-7890. Disimpan dalam format +62."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = False
        self.fields["birth_date"].required = False
        self.fields["nik"].max_length = 24  # allow separators as typed; cleaned to 16 digits
        self.fields["nik"].required = not (self.instance.pk and self.instance.nik_issue)

    def validate_unique(self):
        # NIK uniqueness (R7) is the service's job: it refuses with the existing record to offer.
        pass

    def clean_nik(self) -> str | None:
        nik = (self.cleaned_data.get("nik") or "").strip()
        if not nik and self.instance.pk and self.instance.nik_issue:
            return None  # a record imported without a NIK may be saved before the NIK is known
        return validate_nik(nik)

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid_phone") from None

    def _clean_rt_rw(self, name: str) -> str:
        value = self.cleaned_data.get(name, "").strip()
        if value and (not value.isdigit() or len(value) > 3):
            raise ValidationError(_("Isi dengan angka, paling banyak 3 digit."), code="invalid")
        return value.zfill(3) if value else ""

    def clean_rt(self) -> str:
        return self._clean_rt_rw("rt")

    def clean_rw(self) -> str:
        return self._clean_rt_rw("rw")

    def clean(self):
        data = super().clean()
        nik = data.get("nik")
        if nik:
            parsed = parse_nik(nik)
            if not data.get("sex"):
                data["sex"] = parsed.sex
            if not data.get("birth_date"):
                data["birth_date"] = parsed.birth_date
        return data


def _kecamatan_choices():
    return [("", _("Semua"))] + list(kecamatan_pairs())


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Nama, NIK, atau nomor telepon")}),
    )
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    sex = forms.ChoiceField(
        label=_("Jenis kelamin"), required=False, choices=[("", _("Semua"))] + Sex.choices
    )
    needs_review = forms.ChoiceField(
        label=_("Status data"),
        required=False,
        choices=[
            ("", _("Semua")),
            ("1", _("Perlu diperiksa")),
            ("0", _("Sesuai NIK")),
            (NikIssue.MISSING, _("NIK belum tercatat")),
            (NikIssue.INVALID, _("NIK tidak valid")),
            ("lengkapi", _("Perlu dilengkapi (tanpa NIK)")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = _kecamatan_choices()  # read once per request
