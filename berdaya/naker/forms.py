"""Input boundary of the manpower pages: clear Indonesian messages; services execute."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.lib.nik import validate_nik
from berdaya.people.models import Education
from berdaya.regions.models import Region
from berdaya.regions.selectors import kecamatan_in_jurisdiction

from .models import CardReport, FollowUpCall, JobSeeker, Occupation, Placement, Skill, Vacancy
from .rules import CardStatus

PHOTO_TYPES = {"image/jpeg", "image/png"}
PHOTO_MAX_BYTES = 2 * 1024 * 1024
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _kecamatan():
    return kecamatan_in_jurisdiction()


class JobSeekerForm(forms.ModelForm):
    occupations = forms.ModelMultipleChoiceField(
        label=_("Jabatan yang diminati"),
        queryset=Occupation.objects.all(),
        required=False,
        help_text=_("Dari daftar jabatan dinas (KBJI 2014); tahan Ctrl untuk memilih lebih dari satu."),
    )
    skills_text = forms.CharField(
        label=_("Keterampilan"),
        required=False,
        max_length=500,
        help_text=_("Tulis bebas, pisahkan dengan koma (mis. jahit baju, ms office). Disesuaikan ke daftar."),
    )

    class Meta:
        model = JobSeeker
        fields = [
            "education",
            "major",
            "school",
            "graduation_year",
            "non_formal",
            "occupations",
            "skills_text",
            "experience_years",
            "experience",
            "languages",
            "disability",
            "preferred_kecamatan",
            "willing_abroad",
            "expected_wage",
            "marital_status",
            "religion",
            "photo",
        ]
        widgets = {
            "non_formal": forms.Textarea(attrs={"rows": 2}),
            "experience": forms.Textarea(attrs={"rows": 2}),
            "expected_wage": forms.NumberInput(attrs={"inputmode": "numeric", "step": 50000}),
            "graduation_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png", "capture": "user"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_kecamatan"].queryset = _kecamatan()
        self.fields["experience_years"].required = False

    def clean_experience_years(self):
        return self.cleaned_data.get("experience_years") or 0

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):
            if photo.content_type not in PHOTO_TYPES:
                raise forms.ValidationError(_("Pas foto harus berkas JPG atau PNG."))
            if photo.size > PHOTO_MAX_BYTES:
                raise forms.ValidationError(_("Pas foto paling besar 2 MB."))
        return photo


class RegisterForm(JobSeekerForm):
    """Registration starts from the people registry: the person's NIK (R7: one person per NIK)."""

    nik = forms.CharField(
        label=_("NIK"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=_("Orangnya harus sudah ada di registri Orang (satu data per NIK)."),
    )

    field_order = ["nik"]

    def clean_nik(self) -> str:
        return validate_nik(self.cleaned_data["nik"])


class ReportForm(forms.ModelForm):
    class Meta:
        model = CardReport
        fields = ["reported_on", "channel", "note"]
        widgets = {"reported_on": DATE}


class JobSeekerFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama, nomor kartu atau NIK"), required=False)
    status = forms.ChoiceField(
        label=_("Status kartu"), choices=[("", _("Semua"))] + CardStatus.choices, required=False
    )
    education = forms.ChoiceField(
        label=_("Pendidikan"), choices=[("", _("Semua"))] + Education.choices, required=False
    )
    occupation = forms.ModelChoiceField(
        label=_("Jabatan diminati"), queryset=Occupation.objects.all(), required=False
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan domisili"), queryset=Region.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("Tahun kartu terbit"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = _kecamatan()


class VacancyForm(forms.ModelForm):
    must_skills = forms.ModelMultipleChoiceField(
        label=_("Keterampilan wajib"), queryset=Skill.objects.all(), required=False
    )
    nice_skills = forms.ModelMultipleChoiceField(
        label=_("Keterampilan diutamakan"), queryset=Skill.objects.all(), required=False
    )

    class Meta:
        model = Vacancy
        fields = [
            "company",
            "title",
            "occupation",
            "count",
            "education",
            "majors",
            "must_skills",
            "nice_skills",
            "experience_years",
            "kecamatan",
            "abroad",
            "wage_min",
            "wage_max",
            "contract",
            "hours",
            "social_security",
            "conditions",
            "closing_date",
        ]
        widgets = {"closing_date": DATE, "conditions": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = _kecamatan()
        self.fields["experience_years"].required = False

    def clean_experience_years(self):
        return self.cleaned_data.get("experience_years") or 0

    def clean(self):
        data = super().clean()
        low, high = data.get("wage_min"), data.get("wage_max")
        if low is not None and high is not None and high < low:
            self.add_error("wage_max", _("Upah sampai harus sama atau lebih dari upah dari."))
        return data


class VacancyFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari posisi atau perusahaan"), required=False)
    state = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("", _("Semua")),
            ("open", _("Dibuka (terverifikasi, belum lewat)")),
            ("expired", _("Lewat batas")),
        ]
        + Vacancy.State.choices,
        required=False,
    )
    occupation = forms.ModelChoiceField(label=_("Jabatan"), queryset=Occupation.objects.all(), required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Alasan ditolak"), max_length=255)


class PlacementForm(forms.ModelForm):
    class Meta:
        model = Placement
        fields = [
            "company",
            "position",
            "occupation",
            "channel",
            "bkk",
            "destination",
            "start_date",
            "vacancy",
            "note",
        ]
        widgets = {"start_date": DATE}

    def __init__(self, *args, vacancies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies if vacancies is not None else Vacancy.objects.none()

    def clean(self):
        data = super().clean()
        if (
            data.get("channel") == Placement.Channel.BKK
            and data.get("destination") == Placement.Destination.AKAN
        ):
            self.add_error("destination", _("BKK tidak boleh menempatkan ke luar negeri (R39)."))
        return data


class VerifyPlacementForm(forms.Form):
    method = forms.ChoiceField(label=_("Cara verifikasi"), choices=Placement.Method.choices)
    verified_on = forms.DateField(label=_("Tanggal verifikasi"), widget=DATE)


class PlacementFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama atau perusahaan"), required=False)
    state = forms.ChoiceField(
        label=_("Verifikasi"), choices=[("", _("Semua"))] + Placement.State.choices, required=False
    )
    destination = forms.ChoiceField(
        label=_("Tujuan"), choices=[("", _("Semua"))] + Placement.Destination.choices, required=False
    )
    channel = forms.ChoiceField(
        label=_("Jalur"), choices=[("", _("Semua"))] + Placement.Channel.choices, required=False
    )
    year = forms.IntegerField(label=_("Tahun mulai kerja"), required=False, min_value=2000, max_value=2100)


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil panggilan"), choices=FollowUpCall.Outcome.choices[1:])


class HistoryForm(forms.Form):
    text = forms.CharField(
        label=_("Tabel riwayat"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Tempel baris 'Tahun  Terdaftar  Ditempatkan  Rasio' seperti di LAKIP (Tabel 1.4)."),
    )
    source = forms.CharField(label=_("Sumber"), max_length=200, initial="LAKIP 2022, Tabel 1.4")


class OccupationForm(forms.ModelForm):
    class Meta:
        model = Occupation
        fields = ["kbji_code", "name", "synonyms", "related"]

    def clean_kbji_code(self):
        code = self.cleaned_data["kbji_code"].strip()
        if not code.isdigit() or len(code) != 4:
            raise forms.ValidationError(_("Kode KBJI 2014 untuk golongan jabatan berupa 4 angka, mis. 5120."))
        return code


# --- Job fair (R38b) ------------------------------------------------------------------------------------


class CardField(forms.CharField):
    """The AK/1 card's number or QR (or the holder's NIK), resolved to the job seeker."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Nomor kartu AK/1 atau NIK"))
        kwargs.setdefault("max_length", 300)
        kwargs.setdefault(
            "help_text", _("Ketik nomor kartu (6371-2022-000123), pindai QR kartu, atau ketik NIK.")
        )
        super().__init__(**kwargs)

    def clean(self, value):
        from . import selectors

        text = super().clean(value)
        seeker = selectors.card_or_nik(text)
        if seeker is None:
            raise forms.ValidationError(
                _("Kartu AK/1 tidak ditemukan: daftarkan pencari kerjanya dulu (menu Pencari kerja).")
            )
        return seeker


class FairBoothForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Perusahaan"), queryset=None)
    booth = forms.CharField(label=_("Nomor stan"), max_length=20, required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class FairRegisterForm(forms.Form):
    card = CardField()


class FairApplyForm(forms.Form):
    card = CardField()
    vacancy = forms.ModelChoiceField(label=_("Lowongan"), queryset=None)

    def __init__(self, *args, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vacancy"].queryset = vacancies
        self.fields["vacancy"].label_from_instance = lambda v: f"{v.company.name} — {v.title} ({v.count})"


class FairInterviewForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Hasil wawancara"),
        required=False,
        choices=[
            ("", _("Sudah wawancara (hasil menyusul)")),
            ("lolos", _("Lolos")),
            ("tidak_lolos", _("Tidak lolos")),
        ],
    )
    note = forms.CharField(label=_("Catatan"), max_length=255, required=False)


class FairHireForm(forms.Form):
    start_date = forms.DateField(label=_("Mulai bekerja"), widget=DATE)
    confirmed = forms.BooleanField(
        label=_("Dikonfirmasi perusahaan di stan"),
        required=False,
        initial=True,
        help_text=_("Tercentang: penempatan langsung terverifikasi (R38a) dan kartu AK/1 ditutup."),
    )
