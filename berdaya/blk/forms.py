"""Input boundary of the training centre's pages (Indonesian messages)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.companies.models import Company
from berdaya.training.models import Method

from .models import Apprenticeship, CompetencyUnit, Outcome, Programme, Result
from .services import APPRENTICESHIP_FIELDS, PROGRAMME_FIELDS, UNIT_FIELDS, GraduateOutcome

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProgrammeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari judul, kode atau kejuruan"), required=False)
    active = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua")), ("1", _("Masih ditawarkan")), ("0", _("Tidak ditawarkan"))],
    )


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = PROGRAMME_FIELDS
        widgets = {
            "requirements": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


class UnitForm(forms.ModelForm):
    class Meta:
        model = CompetencyUnit
        fields = UNIT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jp_hours"].required = False
        self.fields["order"].required = False


class CohortFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari judul angkatan"), required=False)
    programme = forms.ModelChoiceField(label=_("Program"), queryset=Programme.objects.none(), required=False)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programmes is not None:
            self.fields["programme"].queryset = programmes


class EventDatesForm(forms.Form):
    title = forms.CharField(
        label=_("Judul (kosongkan untuk judul program + angkatan)"), required=False, max_length=255
    )
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE)
    ends_on = forms.DateField(label=_("Selesai"), widget=DATE)
    venue = forms.CharField(label=_("Tempat"), required=False, max_length=255, initial="UPTD BLK")
    capacity = forms.IntegerField(label=_("Kapasitas (orang)"), min_value=1, max_value=500, initial=16)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class CohortForm(EventDatesForm):
    instructor = forms.CharField(label=_("Instruktur"), required=False, max_length=150)


class RegisterForm(forms.Form):
    nik = forms.CharField(label=_("NIK peserta"), max_length=16, min_length=16)
    name = forms.CharField(label=_("Nama (bila NIK belum terdaftar)"), required=False, max_length=150)


class SelectForm(forms.Form):
    seed = forms.CharField(label=_("Benih undian (kosongkan untuk acak)"), required=False, max_length=32)


class ResultsMetaForm(forms.Form):
    assessed_on = forms.DateField(label=_("Tanggal uji"), widget=DATE)
    assessor = forms.CharField(label=_("Asesor"), required=False, max_length=150)


RESULT_CHOICES = [("", "—"), *Result.choices]


class GraduateFollowUpForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hasil"),
        choices=[
            (GraduateOutcome.WORKING, _("Bekerja di perusahaan")),
            (GraduateOutcome.SELF_EMPLOYED, _("Berwirausaha")),
            (GraduateOutcome.NOT_YET, _("Belum bekerja/berusaha")),
        ],
        widget=forms.RadioSelect,
    )
    done_on = forms.DateField(label=_("Tanggal tindak lanjut"), widget=DATE)
    method = forms.ChoiceField(label=_("Cara"), choices=Method.choices, initial=Method.PHONE)
    company = forms.ModelChoiceField(label=_("Perusahaan"), queryset=Company.objects.none(), required=False)
    position = forms.CharField(label=_("Jabatan"), required=False, max_length=150)
    start_date = forms.DateField(label=_("Mulai bekerja"), required=False, widget=DATE)
    business_name = forms.CharField(label=_("Nama usaha"), required=False, max_length=150)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies

    def clean(self):
        data = super().clean()
        if data.get("outcome") == GraduateOutcome.WORKING:
            if not data.get("company"):
                self.add_error("company", _("Pilih perusahaan tempat lulusan bekerja."))
            if not data.get("position"):
                self.add_error("position", _("Isi jabatan lulusan."))
        if data.get("outcome") == GraduateOutcome.SELF_EMPLOYED and not data.get("business_name"):
            self.add_error("business_name", _("Isi nama usaha yang dijalankan lulusan."))
        return data


class ApprenticeshipForm(forms.ModelForm):
    class Meta:
        model = Apprenticeship
        fields = APPRENTICESHIP_FIELDS

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["host"].queryset = companies


class ApprenticeshipEventForm(EventDatesForm):
    pass


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=Outcome.choices)
    company = forms.ModelChoiceField(
        label=_("Perusahaan lain"), queryset=Company.objects.none(), required=False
    )
    noted_on = forms.DateField(label=_("Tanggal dicatat"), widget=DATE)

    def __init__(self, *args, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.HIRED_OTHER and not data.get("company"):
            self.add_error("company", _("Pilih perusahaan tempat peserta bekerja."))
        return data
