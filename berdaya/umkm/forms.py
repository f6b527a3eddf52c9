from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from berdaya.lib.nik import validate_nik
from berdaya.lib.phone import normalize_phone
from berdaya.lib.size_class import SizeClass
from berdaya.regions.forms import KelurahanField
from berdaya.regions.selectors import kecamatan_pairs

from .models import Enterprise, Observation, OnlineAccount, Permit, Sector, Status, WubAssessment
from .selectors import sector_choice_pairs
from .services import ENTERPRISE_FIELDS

YES_NO_ALL = [("", _("Semua")), ("1", _("Ya")), ("0", _("Tidak"))]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _kecamatan_choices():
    return [("", _("Semua"))] + list(kecamatan_pairs())


class EnterpriseFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Nama usaha, pemilik, NIK atau telepon")}),
    )
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False, choices=_kecamatan_choices)
    sector = forms.ModelChoiceField(
        label=_("Sektor"),
        required=False,
        queryset=Sector.objects.filter(is_active=True),
        to_field_name="code",  # the options carry codes (readable, stable URLs)
        empty_label=_("Semua"),
    )
    size_class = forms.ChoiceField(
        label=_("Kelas usaha"),
        required=False,
        choices=[("", _("Semua"))] + SizeClass.choices + [("unknown", _("Belum ada data"))],
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Semua"))] + Status.choices)
    no_nib = forms.ChoiceField(
        label=_("Legalitas"),
        required=False,
        choices=[("", _("Semua")), ("1", _("Belum punya NIB")), ("0", _("Punya NIB"))],
    )
    is_wub = forms.ChoiceField(label=_("Wirausaha baru"), required=False, choices=YES_NO_ALL)
    dormant = forms.ChoiceField(
        label=_("Toko daring"), required=False, choices=[("", _("Semua")), ("1", _("Tidak aktif ≥ 90 hari"))]
    )
    aided = forms.ChoiceField(
        label=_("Bantuan program"),
        required=False,
        choices=[("", _("Semua")), ("1", _("Pernah menerima")), ("0", _("Belum pernah menerima"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices read once per request (a callable would be evaluated on every render of the field).
        self.fields["kecamatan"].choices = _kecamatan_choices()
        self.fields["sector"].choices = [("", _("Semua")), *sector_choice_pairs()]


class EnterpriseForm(forms.ModelForm):
    """An enterprise and its owner, named by NIK: an existing person is linked, a new one registered."""

    owner_nik = forms.CharField(
        label=_("NIK pemilik"), max_length=24, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    owner_name = forms.CharField(
        label=_("Nama pemilik"),
        max_length=150,
        required=False,
        help_text=_("Wajib bila NIK belum terdaftar di data orang."),
    )
    kelurahan = KelurahanField(label=_("Kelurahan"), required=False)
    confirm_not_duplicate = forms.BooleanField(
        label=_("Saya sudah memeriksa: ini usaha lain, tetap daftarkan"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Enterprise
        # The service's editable fields, in its order, less those this form does not show (the owner comes
        # from the NIK fields; the registration date, photo and source are set elsewhere).
        fields = [
            name for name in ENTERPRISE_FIELDS if name not in ("owner", "registered_on", "photo", "source")
        ]
        widgets = {"nib_date": DATE, "products": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["owner_nik"].initial = self.instance.owner.nik
            self.fields["owner_name"].initial = self.instance.owner.name

    def validate_unique(self):
        pass  # NIB and source ID uniqueness are checked by the service with their own messages

    def ask_to_confirm(self) -> None:
        """Likely duplicates were found: show the confirmation box, unticked."""
        self.fields["confirm_not_duplicate"].widget = forms.CheckboxInput()
        self.data = self.data.copy()
        self.data.pop(self.add_prefix("confirm_not_duplicate"), None)

    def clean_owner_nik(self) -> str:
        return validate_nik(self.cleaned_data["owner_nik"])

    def clean_phone(self) -> str:
        phone = (self.cleaned_data.get("phone") or "").strip()
        if not phone:
            return ""
        try:
            return normalize_phone(phone)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_nib(self) -> str:
        nib = "".join((self.cleaned_data.get("nib") or "").split())
        if nib and (not nib.isdigit() or len(nib) != 13):
            raise ValidationError(_("NIB harus 13 digit angka."))  # domain.md R9
        return nib

    def enterprise_data(self, owner) -> dict:
        data = {
            k: v
            for k, v in self.cleaned_data.items()
            if k not in {"owner_nik", "owner_name", "confirm_not_duplicate"}
        }
        return data | {"owner": owner}


class ObservationForm(forms.ModelForm):
    class Meta:
        model = Observation
        fields = ["observed_on", "capital", "assets_excl_land_buildings", "annual_sales", "source"]
        widgets = {"observed_on": DATE}


class PermitForm(forms.ModelForm):
    class Meta:
        model = Permit
        fields = ["kind", "name", "number", "issuer", "issued_on", "expires_on"]
        widgets = {"issued_on": DATE, "expires_on": DATE}


class OnlineAccountForm(forms.ModelForm):
    url = forms.URLField(label=_("Alamat (URL)"), required=False, max_length=300, assume_scheme="https")

    class Meta:
        model = OnlineAccount
        fields = ["platform", "url", "handle", "last_active_on"]
        widgets = {"last_active_on": DATE}


class WubAssessmentForm(forms.ModelForm):
    class Meta:
        model = WubAssessment
        fields = ["year", "visited_on", "still_producing", "has_turnover", "operating_in_city", "notes"]
        widgets = {"visited_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def validate_unique(self):
        pass  # one assessment per enterprise and year: the service says so in its own words


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    on = forms.DateField(label=_("Sejak tanggal"), widget=DATE)
    reason = forms.CharField(label=_("Alasan"), max_length=255, required=False)
