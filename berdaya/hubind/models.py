"""Industrial relations (Bidang PHIJS, domain.md section 8): yearly labour reports (WLKP), compliance items
with validity (R41, R41a, R42), PP approval / PKB registration cases, labour disputes under UU 2/2004 with
deadlines in working days (R43, R43a), PHK reports, strike and lock-out notices, the wage council and the
tripartite body, unions.

Companies are ``companies.Company`` (the one registry). Deadlines are ``workdays.Deadline`` rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked
from berdaya.workdays.models import Deadline

_HI = Division.HUBUNGAN_INDUSTRIAL
_BY_COMPANY = AccessPolicy(division=_HI, area_field="company__kelurahan__code")


# --- Dated thresholds (R41, R41a) -------------------------------------------------------------------------


class Threshold(models.Model):
    """Which items a company must have, by its size on a date (R41): reference data staff edit."""

    valid_from = models.DateField(_("berlaku sejak"), unique=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300)
    pp_min_workers = models.PositiveIntegerField(_("wajib PP mulai (pekerja)"), default=10)
    lks_min_workers = models.PositiveIntegerField(_("wajib LKS Bipartit mulai (pekerja)"), default=50)
    pp_max_years = models.PositiveSmallIntegerField(_("masa berlaku PP paling lama (tahun)"), default=2)
    pp_renewal_days = models.PositiveSmallIntegerField(_("pengingat pembaruan PP (hari sebelum)"), default=60)
    pp_decision_working_days = models.PositiveSmallIntegerField(_("pengesahan PP (hari kerja)"), default=30)
    bpjs_programmes = models.CharField(
        _("program BPJS wajib"), max_length=40, default="jkk,jkm,jht", help_text=_("Kode dipisah koma.")
    )

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("ambang kewajiban")
        verbose_name_plural = _("ambang kewajiban")

    def __str__(self) -> str:
        return f"{self.legal_basis} ({date_format(self.valid_from)})"


# --- Yearly labour report (WLKP) --------------------------------------------------------------------------


class LabourReport(Tracked):
    """One company's yearly labour report (Wajib Lapor Ketenagakerjaan), as imported or typed."""

    access = _BY_COMPANY

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="labour_reports")
    year = models.PositiveSmallIntegerField(_("tahun laporan"), db_index=True)
    reported_on = models.DateField(_("tanggal lapor"), null=True, blank=True)
    report_number = models.CharField(_("nomor WLKP"), max_length=60, blank=True)
    workers_male = models.PositiveIntegerField(_("pekerja laki-laki"), default=0)
    workers_female = models.PositiveIntegerField(_("pekerja perempuan"), default=0)
    workers_pkwt = models.PositiveIntegerField(_("PKWT"), default=0)
    workers_pkwtt = models.PositiveIntegerField(_("PKWTT"), default=0)
    workers_foreign = models.PositiveIntegerField(_("tenaga kerja asing"), default=0)
    workers_disabled = models.PositiveIntegerField(_("pekerja penyandang disabilitas"), default=0)
    source = models.CharField(_("sumber"), max_length=40, blank=True, default="manual")

    class Meta:
        ordering = ["company", "-year"]
        verbose_name = _("laporan ketenagakerjaan (WLKP)")
        verbose_name_plural = _("laporan ketenagakerjaan (WLKP)")
        constraints = [
            models.UniqueConstraint(fields=["company", "year"], name="labourreport_one_per_year"),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100), name="labourreport_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} {self.year}"

    @property
    def workers_total(self) -> int:
        return max(self.workers_male + self.workers_female, self.workers_pkwt + self.workers_pkwtt)


# --- Compliance items with validity (R41, R42) ------------------------------------------------------------


class ItemKind(models.TextChoices):
    PP = "pp", _("Peraturan Perusahaan (PP)")
    PKB = "pkb", _("Perjanjian Kerja Bersama (PKB)")
    LKS = "lks", _("LKS Bipartit")
    WAGE_STRUCTURE = "wage_structure", _("Struktur dan skala upah")
    BPJS = "bpjs", _("BPJS Ketenagakerjaan")


BPJS_PROGRAMMES = {
    "jkk": _("Jaminan Kecelakaan Kerja (JKK)"),
    "jkm": _("Jaminan Kematian (JKM)"),
    "jht": _("Jaminan Hari Tua (JHT)"),
    "jp": _("Jaminan Pensiun (JP)"),
    "jkp": _("Jaminan Kehilangan Pekerjaan (JKP)"),
}


class ComplianceItem(Tracked):
    """One PP approval, PKB registration, bipartite body, wage structure statement or BPJS membership,
    valid from a date until its expiry (a PP at most 2 years, R41), with its evidence file."""

    access = _BY_COMPANY

    company = models.ForeignKey(
        "companies.Company", on_delete=models.PROTECT, related_name="compliance_items"
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=ItemKind.choices, db_index=True)
    number = models.CharField(_("nomor"), max_length=100, blank=True)
    valid_from = models.DateField(_("berlaku sejak"))
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    programmes = models.JSONField(_("program BPJS"), default=list, blank=True)
    evidence = models.FileField(_("berkas bukti"), upload_to="hubind/bukti/%Y/", blank=True)
    notes = models.CharField(_("catatan"), max_length=255, blank=True)
    source = models.CharField(_("sumber"), max_length=40, blank=True, default="manual")

    class Meta:
        ordering = ["company", "kind", "-valid_from"]
        verbose_name = _("kelengkapan tata kelola")
        verbose_name_plural = _("kelengkapan tata kelola")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="complianceitem_valid_to_after_from",
            ),
            models.CheckConstraint(condition=Q(kind__in=ItemKind.values), name="complianceitem_kind_valid"),
            # R41: a PP lasts at most 2 years, so it always has an end.
            models.CheckConstraint(
                condition=~Q(kind=ItemKind.PP) | Q(valid_to__isnull=False), name="complianceitem_pp_has_end"
            ),
        ]
        indexes = [models.Index(fields=["kind", "valid_to"], name="hubind_item_kind_to_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()

    def valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)


# --- PP approval and PKB registration as cases (R41a) ------------------------------------------------------


class AgreementKind(models.TextChoices):
    PP = "pp", _("Pengesahan Peraturan Perusahaan")
    PKB = "pkb", _("Pendaftaran Perjanjian Kerja Bersama")


class AgreementStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Diajukan")
    CORRECTION = "correction", _("Perlu perbaikan")
    COMPLETE = "complete", _("Berkas lengkap, diperiksa")
    APPROVED = "approved", _("Disahkan / didaftarkan")
    REJECTED = "rejected", _("Ditolak")


# Dossier checklist (Permenaker 28/2014): key -> label.
DOSSIER = {
    "wlkp": _("Bukti WLKP yang masih berlaku"),
    "deed": _("Akta pendirian / NIB perusahaan"),
    "bpjs": _("Bukti kepesertaan BPJS Ketenagakerjaan"),
    "wage_structure": _("Surat pernyataan struktur dan skala upah"),
    "draft": _("Naskah PP / PKB yang ditandatangani"),
}


class AgreementCase(Tracked):
    access = _BY_COMPANY

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="agreement_cases")
    kind = models.CharField(_("jenis"), max_length=4, choices=AgreementKind.choices)
    submitted_on = models.DateField(_("tanggal diajukan"))
    dossier = models.JSONField(_("kelengkapan berkas"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.SUBMITTED
    )
    correction_notes = models.TextField(_("catatan perbaikan"), blank=True)
    complete_on = models.DateField(_("berkas lengkap pada"), null=True, blank=True)
    decision_number = models.CharField(_("nomor keputusan"), max_length=100, blank=True)
    decision_on = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    valid_to = models.DateField(_("berlaku sampai"), null=True, blank=True)
    item = models.OneToOneField(
        ComplianceItem, on_delete=models.PROTECT, null=True, blank=True, related_name="agreement_case"
    )

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = _("permohonan PP/PKB")
        verbose_name_plural = _("permohonan PP/PKB")
        constraints = [
            models.UniqueConstraint(
                fields=["decision_number"],
                condition=~Q(decision_number=""),
                name="agreementcase_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.company}"

    @property
    def missing_documents(self) -> list[str]:
        return [str(label) for key, label in DOSSIER.items() if not self.dossier.get(key)]


# --- Labour disputes (R43, R43a) --------------------------------------------------------------------------


class DisputeType(models.TextChoices):
    RIGHTS = "rights", _("Perselisihan hak")
    INTEREST = "interest", _("Perselisihan kepentingan")
    PHK = "phk", _("Perselisihan PHK")
    INTER_UNION = "inter_union", _("Perselisihan antar SP/SB")


class Route(models.TextChoices):
    MEDIATION = "mediation", _("Mediasi")
    CONCILIATION = "conciliation", _("Konsiliasi")
    ARBITRATION = "arbitration", _("Arbitrase")


# R43: arbitration only for interest and inter-union disputes (UU 2/2004 Pasal 29).
ARBITRABLE = frozenset({DisputeType.INTEREST, DisputeType.INTER_UNION})


class DisputeStatus(models.TextChoices):
    REGISTERED = "registered", _("Tercatat, menunggu pilihan penyelesaian")
    CLARIFICATION = "clarification", _("Klarifikasi")
    MEDIATION = "mediation", _("Mediasi berjalan")
    RECOMMENDED = "recommended", _("Anjuran diterbitkan")
    CLOSED = "closed", _("Selesai")


class Outcome(models.TextChoices):
    BIPARTITE = "bipartite", _("Selesai bipartit (perjanjian bersama)")
    AGREEMENT = "agreement", _("Perjanjian bersama (mediasi/konsiliasi)")
    ACCEPTED = "accepted", _("Anjuran diterima para pihak")
    REJECTED = "rejected", _("Anjuran ditolak: ke Pengadilan Hubungan Industrial")
    AWARD = "award", _("Putusan arbitrase")
    WITHDRAWN = "withdrawn", _("Dicabut")


SETTLED = frozenset({Outcome.BIPARTITE, Outcome.AGREEMENT, Outcome.ACCEPTED, Outcome.AWARD})


class Dispute(Tracked):
    """A labour dispute registered with the office, refused without the bipartite minutes (R43)."""

    access = AccessPolicy(division=_HI, area_field="company__kelurahan__code", mediator_field="mediator")

    number = models.CharField(_("nomor perkara"), max_length=40, unique=True)
    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="disputes")
    dispute_type = models.CharField(_("jenis perselisihan"), max_length=12, choices=DisputeType.choices)
    # Personal data (R45): masked for roles that work with figures.
    worker_party = models.CharField(
        _("pihak pekerja"), max_length=255, help_text=_("Nama pekerja atau serikat.")
    )
    union = models.ForeignKey(
        "Union",
        verbose_name=_("serikat pekerja"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    workers_involved = models.PositiveIntegerField(_("pekerja terlibat"), default=1)
    summary = models.TextField(_("pokok perselisihan"), blank=True)
    bipartite_minutes = models.FileField(_("risalah bipartit"), upload_to="hubind/bipartit/%Y/", blank=True)
    bipartite_ended_on = models.DateField(_("perundingan bipartit berakhir"), null=True, blank=True)
    registered_on = models.DateField(_("tanggal dicatat"), db_index=True)
    route = models.CharField(_("penyelesaian"), max_length=14, choices=Route.choices, blank=True)
    mediator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mediator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mediated_disputes",
    )
    handed_on = models.DateField(_("dilimpahkan ke mediator"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=14,
        choices=DisputeStatus.choices,
        default=DisputeStatus.REGISTERED,
        db_index=True,
    )
    recommendation_number = models.CharField(_("nomor anjuran"), max_length=60, blank=True)
    recommendation_on = models.DateField(_("tanggal anjuran"), null=True, blank=True)
    recommendation_text = models.TextField(_("isi anjuran"), blank=True)
    outcome = models.CharField(_("hasil"), max_length=10, choices=Outcome.choices, blank=True, db_index=True)
    closed_on = models.DateField(_("tanggal selesai"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-registered_on", "-id"]
        verbose_name = _("perselisihan hubungan industrial")
        verbose_name_plural = _("perselisihan hubungan industrial")
        constraints = [
            models.CheckConstraint(
                condition=~Q(route=Route.ARBITRATION) | Q(dispute_type__in=sorted(ARBITRABLE)),
                name="dispute_arbitration_only_interest_or_inter_union",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(closed_on__isnull=False), name="dispute_outcome_has_date"
            ),
        ]
        indexes = [models.Index(fields=["outcome", "closed_on"], name="hubind_dispute_outcome_idx")]

    def __str__(self) -> str:
        return f"{self.number} — {self.company}"

    def get_absolute_url(self) -> str:
        return reverse("hubind:dispute", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status != DisputeStatus.CLOSED


class HearingKind(models.TextChoices):
    CLARIFICATION = "clarification", _("Klarifikasi")
    MEDIATION = "mediation", _("Sidang mediasi")


class Hearing(Tracked):
    access = AccessPolicy(
        division=_HI, area_field="dispute__company__kelurahan__code", mediator_field="dispute__mediator"
    )

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="hearings")
    kind = models.CharField(_("jenis"), max_length=14, choices=HearingKind.choices)
    held_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    employer_present = models.BooleanField(_("pengusaha hadir"), default=True)
    worker_present = models.BooleanField(_("pekerja hadir"), default=True)
    attendees = models.TextField(_("daftar hadir"), blank=True)
    minutes = models.TextField(_("risalah"), blank=True)

    class Meta:
        ordering = ["dispute", "held_on", "id"]
        verbose_name = _("sidang")
        verbose_name_plural = _("sidang")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {date_format(self.held_on)}"


class AnswerChoice(models.TextChoices):
    ACCEPT = "accept", _("Menerima anjuran")
    REJECT = "reject", _("Menolak anjuran")
    SILENT = "silent", _("Tidak menjawab (dianggap menolak)")


class Party(models.TextChoices):
    EMPLOYER = "employer", _("Pengusaha")
    WORKER = "worker", _("Pekerja / SP")


class RecommendationAnswer(Tracked):
    """A party's written answer to the anjuran; silence after 10 working days counts as rejection
    (UU 2/2004 Pasal 13 ayat (2) huruf c)."""

    access = AccessPolicy(
        division=_HI, area_field="dispute__company__kelurahan__code", mediator_field="dispute__mediator"
    )

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="answers")
    party = models.CharField(_("pihak"), max_length=10, choices=Party.choices)
    answer = models.CharField(_("jawaban"), max_length=8, choices=AnswerChoice.choices)
    answered_on = models.DateField(_("tanggal"))

    class Meta:
        ordering = ["dispute", "answered_on"]
        verbose_name = _("jawaban anjuran")
        verbose_name_plural = _("jawaban anjuran")
        constraints = [models.UniqueConstraint(fields=["dispute", "party"], name="answer_one_per_party")]


class CaseDeadline(Deadline):
    """A deadline of a dispute or a PP/PKB case (workdays.Deadline: working days, article, pausable)."""

    access = AccessPolicy(
        division=_HI, area_field="dispute__company__kelurahan__code", mediator_field="dispute__mediator"
    )

    dispute = models.ForeignKey(
        Dispute, on_delete=models.CASCADE, null=True, blank=True, related_name="deadlines"
    )
    agreement_case = models.ForeignKey(
        AgreementCase, on_delete=models.CASCADE, null=True, blank=True, related_name="deadlines"
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("tenggat")
        verbose_name_plural = _("tenggat")
        constraints = [
            models.CheckConstraint(
                condition=Q(dispute__isnull=False) | Q(agreement_case__isnull=False),
                name="casedeadline_has_case",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="hubind_deadline_open_idx")]


# --- PHK reports, strikes and lock-outs -------------------------------------------------------------------


class LayoffReport(Tracked):
    access = _BY_COMPANY

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="layoff_reports")
    reported_on = models.DateField(_("tanggal laporan"))
    effective_on = models.DateField(_("tanggal PHK"), null=True, blank=True)
    workers = models.PositiveIntegerField(_("pekerja di-PHK"))
    reason = models.CharField(_("alasan"), max_length=255)
    agreed = models.BooleanField(_("disepakati bipartit"), default=False)

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("laporan PHK")
        verbose_name_plural = _("laporan PHK")


class NoticeKind(models.TextChoices):
    STRIKE = "strike", _("Mogok kerja")
    LOCKOUT = "lockout", _("Penutupan perusahaan (lock-out)")


class StrikeNotice(Tracked):
    """A strike (UU 13/2003 Pasal 140) or lock-out (Pasal 148) notice: at least 7 days before it starts."""

    access = _BY_COMPANY

    company = models.ForeignKey("companies.Company", on_delete=models.PROTECT, related_name="strike_notices")
    kind = models.CharField(_("jenis"), max_length=8, choices=NoticeKind.choices)
    notified_on = models.DateField(_("tanggal pemberitahuan"))
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    reason = models.CharField(_("alasan"), max_length=255)
    workers = models.PositiveIntegerField(_("pekerja terlibat"), default=0)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("pemberitahuan mogok / lock-out")
        verbose_name_plural = _("pemberitahuan mogok / lock-out")

    @property
    def notice_days(self) -> int:
        return (self.starts_on - self.notified_on).days

    @property
    def timely(self) -> bool:
        return self.notice_days >= 7


# --- Wage council, tripartite body, unions ----------------------------------------------------------------


class Body(models.TextChoices):
    WAGE_COUNCIL = "wage_council", _("Dewan Pengupahan")
    TRIPARTITE = "tripartite", _("LKS Tripartit")


class Element(models.TextChoices):
    UNION = "union", _("Serikat pekerja")
    EMPLOYER = "employer", _("Asosiasi pengusaha (APINDO)")
    ACADEMIC = "academic", _("Akademisi")
    GOVERNMENT = "government", _("Pemerintah")


class BodyMember(Tracked):
    access = AccessPolicy(division=_HI)

    body = models.CharField(_("lembaga"), max_length=14, choices=Body.choices)
    name = models.CharField(_("nama"), max_length=150)
    element = models.CharField(_("unsur"), max_length=10, choices=Element.choices)
    organisation = models.CharField(_("instansi / organisasi"), max_length=150, blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["body", "element", "name"]
        verbose_name = _("anggota lembaga")
        verbose_name_plural = _("anggota lembaga")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_element_display()})"


class Meeting(Tracked):
    access = AccessPolicy(division=_HI)

    body = models.CharField(_("lembaga"), max_length=14, choices=Body.choices, db_index=True)
    held_on = models.DateField(_("tanggal"), db_index=True)
    place = models.CharField(_("tempat"), max_length=200)
    agenda = models.CharField(_("agenda"), max_length=255, blank=True)
    present = models.ManyToManyField(BodyMember, verbose_name=_("hadir"), blank=True, related_name="meetings")
    minutes = models.TextField(_("notulen"), blank=True)
    decisions = models.TextField(_("keputusan / rekomendasi"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")

    def __str__(self) -> str:
        return f"{self.get_body_display()} {date_format(self.held_on)}"


class Union(Tracked):
    """A union (SP/SB) recorded with the office (Kepmenakertrans 16/2001), its membership verified."""

    access = AccessPolicy(division=_HI, area_field="company__kelurahan__code")

    name = models.CharField(_("nama SP/SB"), max_length=200)
    registration_number = models.CharField(_("nomor bukti pencatatan"), max_length=60, blank=True)
    registered_on = models.DateField(_("tanggal pencatatan"), null=True, blank=True)
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("perusahaan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="unions",
    )
    federation = models.CharField(_("federasi / konfederasi"), max_length=150, blank=True)
    members_claimed = models.PositiveIntegerField(_("anggota menurut SP/SB"), default=0)
    members_verified = models.PositiveIntegerField(_("anggota terverifikasi"), null=True, blank=True)
    verified_on = models.DateField(_("tanggal verifikasi"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("serikat pekerja")
        verbose_name_plural = _("serikat pekerja")

    def __str__(self) -> str:
        return self.name
