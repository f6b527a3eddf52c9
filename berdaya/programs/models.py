"""Assistance programs (domain.md R28-R36): programs defined as data, their eligibility criteria
(versioned with the program), applications with a recorded state machine, visits, entitlements, vouchers.

A program's criteria are rows (``Criterion``: a key from ``berdaya.programs.criteria`` + JSON parameters),
so a new program needs no code. Every application keeps the criteria version it was judged against.

The beneficiary is an enterprise (with its owner), a person, or a cooperative. ``Application.person`` is set
for the first two (the owner for an enterprise), because "never served" is counted per person (R35); for a
cooperative ``Application.cooperative`` is set instead and "never served" is counted per cooperative. A
check constraint keeps exactly one beneficiary.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division, Role
from berdaya.lib.models import Tracked

MONEY = {"max_digits": 18, "decimal_places": 2}
_UMKM = Division.USAHA_MIKRO
_APPLICATION_CHILD = AccessPolicy(division=_UMKM, area_field="application__kelurahan__code")


class Kind(models.TextChoices):
    CASH = "cash", _("Bantuan tunai")
    CREDIT_SUBSIDY = "credit_subsidy", _("Subsidi bunga kredit")
    EQUIPMENT = "equipment", _("Hibah peralatan")
    VOUCHER = "voucher", _("Voucher")
    FEE_WAIVER = "fee_waiver", _("Pembebasan biaya / surat fasilitasi (HKI, R31)")
    HALAL = "halal", _("Fasilitasi halal (R32)")
    NIB = "nib", _("Fasilitasi NIB")
    CREDIT = "credit", _("Kredit (KUR)")
    OTHER = "other", _("Lainnya")


class Target(models.TextChoices):
    ENTERPRISE = "enterprise", _("Usaha mikro")
    PERSON = "person", _("Perorangan")
    COOPERATIVE = "cooperative", _("Koperasi")


class Proposer(models.TextChoices):
    """Who proposes beneficiaries (domain.md R28)."""

    DINAS = "dinas", _("Dinas")
    KOPERASI = "koperasi", _("Koperasi")
    KEMENTERIAN = "kementerian", _("Kementerian/lembaga")
    BANK = "bank", _("Bank penyalur")


class Program(Tracked):
    access = AccessPolicy(division=_UMKM)

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama program"), max_length=150)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    target = models.CharField(_("sasaran"), max_length=12, choices=Target.choices, default=Target.ENTERPRISE)
    proposer = models.CharField(
        _("pengusul"), max_length=12, choices=Proposer.choices, default=Proposer.DINAS
    )
    description = models.TextField(_("keterangan"), blank=True)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"), null=True, blank=True)
    is_open = models.BooleanField(_("menerima pengajuan"), default=True)
    budget = models.DecimalField(_("anggaran per tahun"), **MONEY, null=True, blank=True)
    amount = models.DecimalField(_("nilai per penerima"), **MONEY, null=True, blank=True)
    quota = models.PositiveIntegerField(_("kuota per tahun"), null=True, blank=True)
    required_documents = models.JSONField(_("dokumen wajib"), default=list, blank=True)
    verification_steps = models.JSONField(_("langkah verifikasi"), default=list, blank=True)
    # Days after award at which monitoring visits fall due, e.g. [30, 365, 730] (R34).
    monitoring_days = models.JSONField(
        _("jadwal monitoring (hari setelah penyerahan)"), default=list, blank=True
    )
    # {"factor key": weight} over berdaya.programs.criteria.NEED_FACTORS (R35, after "never served").
    need_weights = models.JSONField(_("bobot skor kebutuhan"), default=dict, blank=True)
    approver_role = models.CharField(
        _("peran pemberi persetujuan"), max_length=20, choices=Role.choices, default=Role.USAHA_MIKRO
    )
    # Redeemed vouchers of recipients sharing one phone or address at which the pattern is flagged (R33).
    flag_same_contact = models.PositiveSmallIntegerField(_("ambang tanda kontak sama"), default=3)
    voucher_valid_days = models.PositiveIntegerField(_("masa berlaku voucher (hari)"), default=90)
    criteria_version = models.PositiveIntegerField(_("versi kriteria"), default=1, editable=False)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("program bantuan")
        verbose_name_plural = _("program bantuan")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="program_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0), name="program_budget_gte_0"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="program_amount_gte_0"
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="program_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def current_criteria(self):
        return self.criteria.filter(version=self.criteria_version)


class Criterion(models.Model):
    """One eligibility rule of a program version: a library key with its parameters (data, not code)."""

    access = AccessPolicy(division=_UMKM)

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="criteria")
    version = models.PositiveIntegerField(_("versi"))
    key = models.CharField(_("kriteria"), max_length=40)
    params = models.JSONField(_("parameter"), default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["program", "version", "order", "id"]
        verbose_name = _("kriteria kelayakan")
        verbose_name_plural = _("kriteria kelayakan")
        indexes = [models.Index(fields=["program", "version"], name="programs_crit_prog_ver_idx")]

    def __str__(self) -> str:
        return f"{self.program_id} v{self.version} {self.key}"


class State(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    VERIFIED = "verified", _("Terverifikasi")
    WAITLISTED = "waitlisted", _("Daftar tunggu")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")
    AWARDED = "awarded", _("Diberikan")
    DISBURSED = "disbursed", _("Dicairkan")
    REDEEMED = "redeemed", _("Ditukarkan")
    MONITORED = "monitored", _("Dimonitor")
    CLOSED = "closed", _("Selesai")
    WITHDRAWN = "withdrawn", _("Dibatalkan")


# States in which the beneficiary has received the program's benefit (R35 "served").
RECEIVED_STATES = (State.AWARDED, State.DISBURSED, State.REDEEMED, State.MONITORED, State.CLOSED)
# States that hold a place against quota and budget.
PLACE_STATES = (State.APPROVED, *RECEIVED_STATES)
# States of an application still being processed (one per beneficiary and program year).
OPEN_STATES = (State.DRAFT, State.SUBMITTED, State.VERIFIED, State.WAITLISTED)


class Application(Tracked):
    access = AccessPolicy(division=_UMKM, area_field="kelurahan__code")

    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.PROTECT, related_name="applications"
    )
    enterprise = models.ForeignKey(
        "umkm.Enterprise",
        verbose_name=_("usaha"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_applications",
    )
    # Empty only when the beneficiary is a cooperative (a legal body, no one person receives).
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("penerima"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_applications",
    )
    cooperative = models.ForeignKey(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_applications",
    )
    # Copied from the enterprise, person or cooperative for scoping and per-kelurahan reports.
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    year = models.PositiveSmallIntegerField(_("tahun"), db_index=True)
    state = models.CharField(
        _("status"), max_length=12, choices=State.choices, default=State.DRAFT, db_index=True
    )
    criteria_version = models.PositiveIntegerField(_("versi kriteria"), default=1)
    # [{"key", "label", "status": met|not_met|unknown, "reason"}] as of the last check.
    eligibility = models.JSONField(_("hasil kelayakan"), default=list, blank=True)
    eligible = models.BooleanField(_("memenuhi syarat"), null=True, blank=True, db_index=True)
    # Declared by the applicant (no registry holds them): {"active_loan": false, ...}.
    declarations = models.JSONField(_("pernyataan pemohon"), default=dict, blank=True)
    need_score = models.IntegerField(_("skor kebutuhan"), default=0)
    need_reasons = models.JSONField(_("alasan skor"), default=list, blank=True)
    amount = models.DecimalField(_("nilai"), **MONEY, null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diusulkan oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("diajukan"), null=True, blank=True)
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    awarded_on = models.DateField(_("tanggal penyerahan"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pengajuan")
        verbose_name_plural = _("pengajuan")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="application_state_valid"),
            models.UniqueConstraint(
                fields=["program", "person", "year"],
                condition=~Q(state__in=[State.WITHDRAWN, State.REJECTED]),
                name="application_one_live_per_program_year",
            ),
            models.UniqueConstraint(
                fields=["program", "cooperative", "year"],
                condition=~Q(state__in=[State.WITHDRAWN, State.REJECTED]),
                name="application_one_live_per_coop_year",
            ),
            # Exactly one beneficiary: a person (with their enterprise, if any) or a cooperative alone.
            models.CheckConstraint(
                condition=Q(cooperative__isnull=True, person__isnull=False)
                | Q(cooperative__isnull=False, person__isnull=True, enterprise__isnull=True),
                name="application_one_beneficiary",
            ),
        ]
        indexes = [
            models.Index(fields=["program", "state"], name="programs_app_prog_state_idx"),
            models.Index(fields=["person", "state"], name="programs_app_person_state_idx"),
            models.Index(fields=["enterprise", "state"], name="programs_app_ent_state_idx"),
            models.Index(fields=["cooperative", "state"], name="programs_app_coop_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.program} — {self.subject}"

    @property
    def subject(self):
        return self.enterprise or self.cooperative or self.person


class Transition(models.Model):
    """One move of an application's state: who, when, why. Written only by services."""

    access = _APPLICATION_CHILD

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("dari"), max_length=12, choices=State.choices, blank=True)
    to_state = models.CharField(_("ke"), max_length=12, choices=State.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(_("waktu"), auto_now_add=True)
    reason = models.CharField(_("alasan"), max_length=300, blank=True)

    class Meta:
        ordering = ["application", "at", "id"]
        verbose_name = _("riwayat status")
        verbose_name_plural = _("riwayat status")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_state} -> {self.to_state}"


class Document(Tracked):
    access = _APPLICATION_CHILD

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("nama dokumen"), max_length=100)
    file = models.FileField(_("berkas"), upload_to="programs/dokumen/%Y/")

    class Meta:
        ordering = ["application", "name", "id"]
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    def __str__(self) -> str:
        return self.name


class VisitPurpose(models.TextChoices):
    VERIFICATION = "verification", _("Verifikasi")
    MONITORING = "monitoring", _("Monitoring")


class Visit(Tracked):
    """A verification visit (before the decision) or a monitoring visit (after award, R34)."""

    access = AccessPolicy(
        division=_UMKM, area_field="application__kelurahan__code", assignee_field="officer", field_work=True
    )

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="visits")
    purpose = models.CharField(_("tujuan"), max_length=12, choices=VisitPurpose.choices)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("jatuh tempo"), db_index=True)
    done_on = models.DateField(_("tanggal kunjungan"), null=True, blank=True)
    findings = models.TextField(_("temuan"), blank=True)
    photo = models.FileField(_("foto"), upload_to="programs/kunjungan/%Y/", blank=True)
    passed = models.BooleanField(_("lolos verifikasi"), null=True, blank=True)
    still_running = models.BooleanField(_("usaha masih berjalan"), null=True, blank=True)
    equipment_in_use = models.BooleanField(_("peralatan dipakai"), null=True, blank=True)
    turnover_change = models.IntegerField(_("perubahan omzet (%)"), null=True, blank=True)
    online_active = models.BooleanField(_("toko daring aktif"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("kunjungan")
        verbose_name_plural = _("kunjungan")
        indexes = [models.Index(fields=["officer", "done_on", "due_on"], name="programs_visit_officer_idx")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.due_on}"


class Channel(models.TextChoices):
    BANK = "bank", _("Transfer bank")
    POS = "pos", _("Kantor pos")
    CASH = "tunai", _("Tunai")


class Entitlement(Tracked):
    """What an awarded application delivers: cash, equipment, a numbered letter (R31), or vouchers (R33)."""

    access = _APPLICATION_CHILD

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="entitlement")
    amount = models.DecimalField(_("nilai"), **MONEY, null=True, blank=True)
    paid_on = models.DateField(_("tanggal pencairan"), null=True, blank=True)
    channel = models.CharField(_("saluran"), max_length=8, choices=Channel.choices, blank=True)
    reference = models.CharField(_("nomor referensi"), max_length=100, blank=True)
    items = models.JSONField(_("barang"), default=list, blank=True)  # [{"name", "serial"}]
    handover_photo = models.FileField(_("foto serah terima"), upload_to="programs/serah/%Y/", blank=True)
    letter_year = models.PositiveSmallIntegerField(_("tahun surat"), null=True, blank=True)
    letter_seq = models.PositiveIntegerField(_("nomor urut surat"), null=True, blank=True)
    letter_number = models.CharField(_("nomor surat"), max_length=60, blank=True)
    # The one trademark a fee-waiver letter is for (R31: one mark per letter).
    mark = models.CharField(_("merek yang didaftarkan"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("hak bantuan")
        verbose_name_plural = _("hak bantuan")
        constraints = [
            models.UniqueConstraint(
                fields=["letter_year", "letter_seq"],
                condition=Q(letter_seq__isnull=False),
                name="entitlement_letter_unique",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0), name="entitlement_amount_gte_0"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application}"


class VoucherStatus(models.TextChoices):
    ISSUED = "issued", _("Berlaku")
    REDEEMED = "redeemed", _("Sudah ditukarkan")
    CANCELLED = "cancelled", _("Dibatalkan")


class Voucher(Tracked):
    """A voucher bound to one recipient (R33). Only a keyed hash of the code is stored: knowing the
    database does not give codes, and codes cannot be listed or guessed (berdaya.programs.vouchers)."""

    access = _APPLICATION_CHILD

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="vouchers")
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    value = models.DecimalField(_("nilai"), **MONEY, null=True, blank=True)
    expires_on = models.DateField(_("berlaku sampai"))
    status = models.CharField(
        _("status"), max_length=10, choices=VoucherStatus.choices, default=VoucherStatus.ISSUED, db_index=True
    )
    otp_hash = models.CharField(max_length=64, blank=True, editable=False)
    redeemed_at = models.DateTimeField(_("ditukarkan"), null=True, blank=True)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mitra"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    claim = models.ForeignKey(
        "Claim",
        verbose_name=_("klaim"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vouchers",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("voucher")
        verbose_name_plural = _("voucher")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=VoucherStatus.REDEEMED)
                | Q(redeemed_at__isnull=False, redeemed_by__isnull=False),
                name="voucher_redeemed_has_partner",
            ),
            models.CheckConstraint(
                condition=Q(claim__isnull=True) | Q(status=VoucherStatus.REDEEMED),
                name="voucher_claim_only_redeemed",
            ),
        ]

    def __str__(self) -> str:
        return f"Voucher {self.pk}"


class Claim(models.Model):
    """A partner's reimbursement claim: redeemed vouchers only (R33)."""

    access = AccessPolicy(division=_UMKM)

    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("mitra"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("diajukan"), auto_now_add=True)
    total = models.DecimalField(_("jumlah"), **MONEY, default=0)
    paid_on = models.DateField(_("dibayar"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("klaim mitra")
        verbose_name_plural = _("klaim mitra")

    def __str__(self) -> str:
        return f"Klaim {self.pk}"


class RedemptionAttempt(models.Model):
    """Every refused or accepted redemption, for the suspicious-pattern flags (R33)."""

    access = AccessPolicy(division=_UMKM)

    voucher = models.ForeignKey(
        Voucher, on_delete=models.CASCADE, null=True, blank=True, related_name="attempts"
    )
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    ok = models.BooleanField()
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {'ok' if self.ok else self.reason}"
