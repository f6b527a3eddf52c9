from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.lib.nik import validate_nik
from berdaya.lib.phone import normalize_phone
from berdaya.regions.forms import KelurahanField
from berdaya.regions.models import is_region_code
from berdaya.regions.selectors import kecamatan_in_jurisdiction, kelurahan_in

from .assessment.health import Category
from .models import (
    BoardMember,
    Cooperative,
    CooperativeYear,
    DissolutionGround,
    Kind,
    Rat,
    Status,
    Visit,
    VisitStatus,
    WarningLetter,
    WatchStage,
)
from .services import YEAR_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ALL = [("", _("Semua"))]


class CooperativeFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Nama, Nomor Induk Koperasi atau badan hukum")}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ALL + Status.choices)
    stage = forms.ChoiceField(
        label=_("Pemantauan"),
        required=False,
        choices=ALL + [c for c in WatchStage.choices if c[0]] + [("none", _("Tidak dipantau"))],
    )
    kind = forms.ChoiceField(label=_("Jenis"), required=False, choices=ALL + Kind.choices)
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)
    kelurahan = forms.ChoiceField(label=_("Kelurahan"), required=False)
    health = forms.ChoiceField(label=_("Kesehatan"), required=False)
    rating = forms.ChoiceField(
        label=_("Pemeringkatan"),
        required=False,
        choices=ALL
        + [
            ("quality", _("Berkualitas")),
            ("rated", _("Sudah diperingkat")),
            ("none", _("Belum diperingkat")),
        ],
    )
    supervised = forms.ChoiceField(
        label=_("Pembina"),
        required=False,
        choices=ALL + [("1", _("Kota (anggota dalam kota)")), ("0", _("Provinsi/pusat"))],
    )
    overdue = forms.ChoiceField(
        label=_("Tindak lanjut"), required=False, choices=ALL + [("1", _("Ada yang lewat batas waktu"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        districts = list(kecamatan_in_jurisdiction())
        self.fields["kecamatan"].choices = ALL + [(r.code, r.name) for r in districts]
        chosen = self.data.get("kecamatan") if self.is_bound else None
        villages = kelurahan_in(chosen) if chosen and is_region_code(chosen) else []
        self.fields["kelurahan"].choices = ALL + [(r.code, r.name) for r in villages]

        self.fields["health"].choices = ALL + list(Category.choices) + [("none", _("Belum dinilai"))]


class CooperativeForm(forms.ModelForm):
    kelurahan = KelurahanField(label=_("Kelurahan"), required=False)

    class Meta:
        model = Cooperative
        fields = [
            "name",
            "kind",
            "group",
            "legal_entity_number",
            "legal_entity_date",
            "nomor_induk_koperasi",
            "address",
            "kelurahan",
            "membership_area",
            "contact_person",
            "phone",
            "email",
            "employees",
            "registered_on",
        ]
        widgets = {"legal_entity_date": DATE, "registered_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["registered_on"].initial = timezone.localdate()

    def clean_phone(self):
        value = self.cleaned_data.get("phone")
        if not value:
            return ""
        try:
            return normalize_phone(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_nomor_induk_koperasi(self):
        # domain.md R11: never validated as a person's NIK; digits and separators as printed.
        return (self.cleaned_data.get("nomor_induk_koperasi") or "").strip()

    def validate_unique(self):
        pass  # the service checks the Nomor Induk Koperasi with its own message

    def data_for_service(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CooperativeYearForm(forms.ModelForm):
    class Meta:
        model = CooperativeYear
        fields = list(YEAR_FIELDS)

    def validate_unique(self):
        pass  # a second entry for a year corrects the first (services.cooperative_year_record)


class RatForm(forms.ModelForm):
    class Meta:
        model = Rat
        fields = [
            "fiscal_year",
            "held_on",
            "attendance",
            "surplus_decided",
            "accountability_report",
            "minutes",
            "note",
        ]
        widgets = {"held_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def validate_unique(self):
        pass  # a second RAT for a year corrects the first (services.rat_record)


class BoardMemberForm(forms.ModelForm):
    person_nik = forms.CharField(
        label=_("NIK"), max_length=24, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    person_name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=150,
        required=False,
        help_text=_("Wajib bila NIK belum terdaftar di data orang."),
    )

    class Meta:
        model = BoardMember
        fields = ["role", "term_start", "term_end"]
        widgets = {"term_start": DATE, "term_end": DATE}

    field_order = ["person_nik", "person_name", "role", "term_start", "term_end"]

    def clean_person_nik(self):
        return validate_nik(self.cleaned_data["person_nik"])

    def clean(self):
        data = super().clean()
        if data.get("term_start") and data.get("term_end") and data["term_end"] < data["term_start"]:
            self.add_error("term_end", _("Akhir masa jabatan tidak boleh sebelum mulai menjabat."))
        return data


class WarningLetterForm(forms.ModelForm):
    class Meta:
        model = WarningLetter
        fields = ["number", "issued_on", "missed_years", "document"]
        widgets = {"issued_on": DATE}


class VisitPlanForm(forms.ModelForm):
    officer = forms.ModelChoiceField(
        label=_("Petugas"),
        queryset=User.objects.filter(is_active=True, role__in=[Role.PETUGAS_LAPANGAN, Role.KOPERASI]),
    )

    class Meta:
        model = Visit
        fields = ["officer", "planned_on", "purpose"]
        widgets = {"planned_on": DATE}


class VisitReportForm(forms.ModelForm):
    """The officer's report, on a phone: date, findings, a photo, and up to two follow-ups."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (VisitStatus.DONE, VisitStatus.DONE.label),
            (VisitStatus.CANCELLED, VisitStatus.CANCELLED.label),
        ],
    )
    follow_up_1 = forms.CharField(label=_("Tindak lanjut 1"), max_length=255, required=False)
    owner_1 = forms.CharField(label=_("Penanggung jawab 1"), max_length=150, required=False)
    due_1 = forms.DateField(label=_("Batas waktu 1"), required=False, widget=DATE)
    follow_up_2 = forms.CharField(label=_("Tindak lanjut 2"), max_length=255, required=False)
    owner_2 = forms.CharField(label=_("Penanggung jawab 2"), max_length=150, required=False)
    due_2 = forms.DateField(label=_("Batas waktu 2"), required=False, widget=DATE)

    class Meta:
        model = Visit
        fields = ["status", "visited_on", "findings", "photo"]
        widgets = {
            "visited_on": DATE,
            "findings": forms.Textarea(attrs={"rows": 4}),
            # On a phone, the camera opens directly.
            "photo": forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.initial.get("visited_on"):
            self.initial["visited_on"] = timezone.localdate()

    def clean(self):
        data = super().clean()
        if data.get("status") == VisitStatus.DONE and not data.get("visited_on"):
            self.add_error("visited_on", _("Isi tanggal kunjungan."))
        for n in (1, 2):
            parts = [data.get(f"follow_up_{n}"), data.get(f"owner_{n}"), data.get(f"due_{n}")]
            if any(parts) and not all(parts):
                self.add_error(f"follow_up_{n}", _("Isi tindak lanjut, penanggung jawab dan batas waktunya."))
        return data

    def visit_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self.Meta.fields
            if name != "photo" or self.cleaned_data[name]
        }

    def follow_ups(self) -> list[dict]:
        return [
            {
                "action": self.cleaned_data[f"follow_up_{n}"],
                "owner": self.cleaned_data[f"owner_{n}"],
                "due_on": self.cleaned_data[f"due_{n}"],
            }
            for n in (1, 2)
            if self.cleaned_data.get(f"follow_up_{n}")
        ]


class DissolutionStartForm(forms.Form):
    ground = forms.ChoiceField(label=_("Dasar hukum pembubaran"), choices=DissolutionGround.choices)
    on = forms.DateField(label=_("Tanggal usulan"), widget=DATE)
    reference = forms.CharField(label=_("Nomor surat"), max_length=150, required=False)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DissolutionStepForm(forms.Form):
    stage = forms.ChoiceField(label=_("Langkah berikutnya"))
    on = forms.DateField(label=_("Tanggal"), widget=DATE)
    reference = forms.CharField(label=_("Nomor surat/keputusan"), max_length=150, required=False)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        from .models import DissolutionStage

        self.fields["stage"].choices = [(s, DissolutionStage(s).label) for s in stages]
