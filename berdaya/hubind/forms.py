"""Industrial relations input boundary: every form validates and shows Indonesian messages; the services
check the rules that need the database (R41-R43)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role

from .models import (
    BPJS_PROGRAMMES,
    DOSSIER,
    AgreementKind,
    AnswerChoice,
    Body,
    DisputeStatus,
    DisputeType,
    Element,
    HearingKind,
    ItemKind,
    NoticeKind,
    Outcome,
    Party,
    Route,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ALL = [("", _("Semua"))]


class CompanyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.nib})" if obj.nib else obj.name


def mediators():
    return User.objects.filter(role__in=[Role.MEDIATOR, Role.PHIJS], is_active=True).order_by("first_name")


class DisputeForm(forms.Form):
    company = CompanyChoiceField(label=_("Perusahaan"), queryset=None)
    dispute_type = forms.ChoiceField(label=_("Jenis perselisihan"), choices=DisputeType.choices)
    worker_party = forms.CharField(
        label=_("Pihak pekerja"), max_length=255, help_text=_("Nama pekerja atau serikat.")
    )
    workers_involved = forms.IntegerField(label=_("Pekerja terlibat"), min_value=1, initial=1)
    summary = forms.CharField(
        label=_("Pokok perselisihan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    bipartite_minutes = forms.FileField(
        label=_("Risalah perundingan bipartit"),
        required=False,
        help_text=_("Wajib: perselisihan tanpa risalah bipartit tidak dapat dicatat (R43)."),
    )
    bipartite_ended_on = forms.DateField(
        label=_("Perundingan bipartit berakhir"), widget=DATE, required=False
    )
    registered_on = forms.DateField(label=_("Tanggal dicatat"), widget=DATE)
    route = forms.ChoiceField(
        label=_("Cara penyelesaian"),
        choices=[("", _("Belum dipilih (7 hari kerja)")), *Route.choices],
        required=False,
    )
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=None, required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies
        self.fields["mediator"].queryset = mediators()


class RouteForm(forms.Form):
    route = forms.ChoiceField(label=_("Cara penyelesaian"), choices=Route.choices)
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=None, required=False)
    on = forms.DateField(label=_("Tanggal pelimpahan"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediator"].queryset = mediators()


class DateForm(forms.Form):
    on = forms.DateField(label=_("Tanggal"), widget=DATE)


class HearingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis sidang"), choices=HearingKind.choices, initial=HearingKind.MEDIATION
    )
    held_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    employer_present = forms.BooleanField(label=_("Pengusaha hadir"), required=False, initial=True)
    worker_present = forms.BooleanField(label=_("Pekerja hadir"), required=False, initial=True)
    attendees = forms.CharField(
        label=_("Daftar hadir"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    minutes = forms.CharField(label=_("Risalah"), widget=forms.Textarea(attrs={"rows": 4}))


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Isi anjuran"), widget=forms.Textarea(attrs={"rows": 5}))
    on = forms.DateField(label=_("Tanggal anjuran"), widget=DATE)


class AnswerForm(forms.Form):
    party = forms.ChoiceField(label=_("Pihak"), choices=Party.choices)
    answer = forms.ChoiceField(
        label=_("Jawaban"), choices=[c for c in AnswerChoice.choices if c[0] != "silent"]
    )
    on = forms.DateField(label=_("Tanggal jawaban"), widget=DATE)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Hasil"), choices=Outcome.choices)
    on = forms.DateField(label=_("Tanggal selesai"), widget=DATE)


class DisputeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nomor atau perusahaan"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ALL + list(DisputeStatus.choices))
    dispute_type = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=ALL + list(DisputeType.choices)
    )
    route = forms.ChoiceField(label=_("Penyelesaian"), required=False, choices=ALL + list(Route.choices))
    closed = forms.ChoiceField(
        label=_("Tampilkan"),
        required=False,
        choices=[("", _("Yang berjalan")), ("1", _("Semua, termasuk selesai"))],
    )


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=ItemKind.choices)
    number = forms.CharField(label=_("Nomor"), max_length=100, required=False)
    valid_from = forms.DateField(label=_("Berlaku sejak"), widget=DATE)
    valid_to = forms.DateField(
        label=_("Berlaku sampai"), widget=DATE, required=False, help_text=_("PP: paling lama 2 tahun (R41).")
    )
    programmes = forms.MultipleChoiceField(
        label=_("Program BPJS Ketenagakerjaan"),
        choices=list(BPJS_PROGRAMMES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    evidence = forms.FileField(label=_("Berkas bukti"), required=False)
    notes = forms.CharField(label=_("Catatan"), max_length=255, required=False)


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Tahun laporan"), min_value=2000, max_value=2100)
    reported_on = forms.DateField(label=_("Tanggal lapor"), widget=DATE, required=False)
    report_number = forms.CharField(label=_("Nomor WLKP"), max_length=60, required=False)
    workers_male = forms.IntegerField(label=_("Pekerja laki-laki"), min_value=0, initial=0)
    workers_female = forms.IntegerField(label=_("Pekerja perempuan"), min_value=0, initial=0)
    workers_pkwt = forms.IntegerField(label=_("PKWT"), min_value=0, initial=0)
    workers_pkwtt = forms.IntegerField(label=_("PKWTT"), min_value=0, initial=0)
    workers_foreign = forms.IntegerField(label=_("Tenaga kerja asing"), min_value=0, initial=0)


class AgreementForm(forms.Form):
    company = CompanyChoiceField(label=_("Perusahaan"), queryset=None)
    kind = forms.ChoiceField(label=_("Jenis permohonan"), choices=AgreementKind.choices)
    submitted_on = forms.DateField(label=_("Tanggal diajukan"), widget=DATE)
    dossier = forms.MultipleChoiceField(
        label=_("Berkas yang ada"),
        choices=list(DOSSIER.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class ReviewForm(forms.Form):
    dossier = forms.MultipleChoiceField(
        label=_("Berkas yang ada"),
        choices=list(DOSSIER.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    on = forms.DateField(label=_("Tanggal pemeriksaan"), widget=DATE)
    correction_notes = forms.CharField(
        label=_("Catatan perbaikan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class DecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Keputusan"),
        choices=[("1", _("Sahkan / daftarkan")), ("0", _("Tolak"))],
        coerce=lambda v: v == "1",
    )
    on = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    valid_to = forms.DateField(label=_("Berlaku sampai"), widget=DATE, required=False)


class LayoffForm(forms.Form):
    company = CompanyChoiceField(label=_("Perusahaan"), queryset=None)
    reported_on = forms.DateField(label=_("Tanggal laporan"), widget=DATE)
    effective_on = forms.DateField(label=_("Tanggal PHK"), widget=DATE, required=False)
    workers = forms.IntegerField(label=_("Pekerja di-PHK"), min_value=1)
    reason = forms.CharField(label=_("Alasan"), max_length=255)
    agreed = forms.BooleanField(label=_("Disepakati secara bipartit"), required=False)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class NoticeForm(forms.Form):
    company = CompanyChoiceField(label=_("Perusahaan"), queryset=None)
    kind = forms.ChoiceField(label=_("Jenis"), choices=NoticeKind.choices)
    notified_on = forms.DateField(label=_("Tanggal pemberitahuan"), widget=DATE)
    starts_on = forms.DateField(label=_("Mulai"), widget=DATE)
    ends_on = forms.DateField(label=_("Selesai"), widget=DATE, required=False)
    place = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    reason = forms.CharField(label=_("Alasan"), max_length=255)
    workers = forms.IntegerField(label=_("Pekerja terlibat"), min_value=0, initial=0)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class MeetingForm(forms.Form):
    body = forms.ChoiceField(label=_("Lembaga"), choices=Body.choices)
    held_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=200)
    agenda = forms.CharField(label=_("Agenda"), max_length=255, required=False)
    present = forms.ModelMultipleChoiceField(
        label=_("Anggota hadir"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    minutes = forms.CharField(label=_("Notulen"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    decisions = forms.CharField(
        label=_("Keputusan / rekomendasi"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members


class MemberForm(forms.Form):
    body = forms.ChoiceField(label=_("Lembaga"), choices=Body.choices)
    name = forms.CharField(label=_("Nama"), max_length=150)
    element = forms.ChoiceField(label=_("Unsur"), choices=Element.choices)
    organisation = forms.CharField(label=_("Instansi / organisasi"), max_length=150, required=False)


class UnionForm(forms.Form):
    name = forms.CharField(label=_("Nama SP/SB"), max_length=200)
    registration_number = forms.CharField(label=_("Nomor bukti pencatatan"), max_length=60, required=False)
    registered_on = forms.DateField(label=_("Tanggal pencatatan"), widget=DATE, required=False)
    company = CompanyChoiceField(label=_("Perusahaan"), queryset=None, required=False)
    federation = forms.CharField(label=_("Federasi / konfederasi"), max_length=150, required=False)
    members_claimed = forms.IntegerField(label=_("Anggota menurut SP/SB"), min_value=0, initial=0)

    def __init__(self, *args, companies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies


class VerifyForm(forms.Form):
    members = forms.IntegerField(label=_("Anggota terverifikasi"), min_value=0)
    on = forms.DateField(label=_("Tanggal verifikasi"), widget=DATE)
