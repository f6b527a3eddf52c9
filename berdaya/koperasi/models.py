"""Cooperatives: the registry, yearly figures, RATs, visits and dissolution (domain.md section 5).

The activity status (R21) and the watch-list stage (R20, R22) are never typed: ``status.evaluate`` derives
them from the RAT history and the dated ``RatRule`` table. ``Cooperative.status``/``watch_stage`` are a cached
copy for fast list filters, rewritten by every service that changes what they depend on (RATs, warning
letters, dissolution steps, founding date) and daily by ``berdaya koperasi_refresh_status`` (dates move).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

from .assessment.health import Category as HealthCategory

# Health assessments (R23-R25) and ratings (R26) live in the assessment subpackage; importing them here
# registers them with this app (app_label koperasi, migrations in koperasi/migrations).
from .assessment.models import HealthAssessment, Rating, Rubric, RubricKind  # noqa: F401

MONEY = {"max_digits": 18, "decimal_places": 2}
_KOP = Division.KOPERASI
# Child records are scoped through their cooperative: a field officer reads what lies in their area.
_CHILD_ACCESS = AccessPolicy(division=_KOP, area_field="cooperative__kelurahan__code")


def _non_negative(field: str, model: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}), name=f"{model}_{field}_gte_0"
    )


class Kind(models.TextChoices):
    SIMPAN_PINJAM = "simpan_pinjam", _("Simpan pinjam")
    KONSUMEN = "konsumen", _("Konsumen")
    PRODUSEN = "produsen", _("Produsen")
    PEMASARAN = "pemasaran", _("Pemasaran")
    JASA = "jasa", _("Jasa")


class MembershipArea(models.TextChoices):
    """domain.md R19: the city supervises cooperatives whose membership lies inside the city."""

    KOTA = "kota", _("Dalam satu kota")
    PROVINSI = "provinsi", _("Lintas kabupaten/kota dalam provinsi")
    NASIONAL = "nasional", _("Lintas provinsi")


class Status(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    TIDAK_AKTIF = "tidak_aktif", _("Tidak aktif")
    DIBUBARKAN = "dibubarkan", _("Dibubarkan")


class WatchStage(models.TextChoices):
    """The watch list's stages, most urgent last in this list, ordered by ``status.STAGE_ORDER``."""

    NONE = "", _("Tidak dipantau")
    DUE_SOON = "due_soon", _("RAT segera jatuh tempo")
    LATE = "late", _("RAT terakhir terlambat")
    MISSED_ONCE = "missed_once", _("Tidak RAT sekali (berisiko)")
    MISSED_M = "missed_m", _("Tidak RAT berturut-turut")
    INACTIVE = "inactive", _("Tidak aktif")


class RatRule(models.Model):
    """The dated rules of the RAT cycle (domain.md R20-R22, R27); the row in force on a date applies.

    Fiscal years are calendar years (UU 25/1992 art. 26 speaks of the book year; cooperatives close on 31
    December). Staff add a row with a new ``valid_from`` when the rule changes; old rows stay for history.
    """

    valid_from = models.DateField(_("berlaku sejak"), unique=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=200)
    deadline_months = models.PositiveSmallIntegerField(
        _("batas RAT (bulan setelah tutup buku)"), default=6, help_text=_("R20, UU 25/1992 Pasal 26.")
    )
    active_years = models.PositiveSmallIntegerField(
        _("N: tahun buku untuk status aktif"), default=3, help_text=_("R21 (perlu dikonfirmasi: 2 atau 3).")
    )
    missed_for_warning = models.PositiveSmallIntegerField(
        _("M: RAT terlewat berturut-turut sebelum surat peringatan"),
        default=2,
        help_text=_("R22, Permenkop 19/2015."),
    )
    at_risk_lead_months = models.PositiveSmallIntegerField(
        _("peringatan dini (bulan sebelum batas RAT)"), default=1, help_text=_("R22.")
    )
    objection_months = models.PositiveSmallIntegerField(
        _("masa sanggahan pembubaran (bulan)"),
        default=2,
        help_text=_("R27, PP 17/1994 (perlu dikonfirmasi)."),
    )

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("aturan RAT")
        verbose_name_plural = _("aturan RAT")
        constraints = [
            models.CheckConstraint(condition=Q(active_years__gte=1), name="ratrule_active_years_gte_1"),
            models.CheckConstraint(condition=Q(missed_for_warning__gte=1), name="ratrule_missed_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.legal_basis} ({date_format(self.valid_from)})"


class Cooperative(Tracked):
    access = AccessPolicy(division=_KOP, area_field="kelurahan__code")

    name = models.CharField(_("nama koperasi"), max_length=200, db_index=True)
    legal_entity_number = models.CharField(_("nomor badan hukum"), max_length=100, blank=True)
    legal_entity_date = models.DateField(_("tanggal badan hukum"), null=True, blank=True)
    # domain.md R11: not a person's NIK; never validated as one.
    nomor_induk_koperasi = models.CharField(
        _("Nomor Induk Koperasi (NIK koperasi)"), max_length=30, blank=True, db_index=True
    )
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices, db_index=True)
    group = models.CharField(
        _("kelompok"),
        max_length=100,
        blank=True,
        help_text=_("Mis. KPRI, Kopkar, Kopwan, KUD, pondok pesantren."),
    )
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 4},
        null=True,
        blank=True,
    )
    membership_area = models.CharField(
        _("wilayah keanggotaan"),
        max_length=10,
        choices=MembershipArea.choices,
        default=MembershipArea.KOTA,
        db_index=True,
        help_text=_("Menentukan pembina: kota bila anggota di dalam kota (R19)."),
    )
    phone = models.CharField(_("telepon"), max_length=16, blank=True, help_text=_("Format E.164 (+62…)."))
    email = models.EmailField(_("surel"), blank=True)
    contact_person = models.CharField(_("narahubung"), max_length=150, blank=True)
    employees = models.PositiveIntegerField(_("jumlah karyawan"), default=0)
    registered_on = models.DateField(_("tanggal terdaftar di dinas"), db_index=True)
    source = models.CharField(_("sumber data"), max_length=40, blank=True, default="manual")
    source_id = models.CharField(_("ID di sumber"), max_length=100, blank=True)
    # Cached from status.evaluate (see the module docstring): never typed.
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.AKTIF,
        editable=False,
        db_index=True,
    )
    status_reason = models.CharField(_("alasan status"), max_length=255, blank=True, editable=False)
    watch_stage = models.CharField(
        _("tahap pemantauan"),
        max_length=12,
        choices=WatchStage.choices,
        blank=True,
        editable=False,
        db_index=True,
    )
    status_on = models.DateField(_("status dihitung pada"), null=True, blank=True, editable=False)
    # Written by the health and rating services (assessment.services), filtered on by the list.
    health_category = models.CharField(
        _("kesehatan"), max_length=40, blank=True, db_index=True, choices=HealthCategory.choices
    )
    health_year = models.PositiveSmallIntegerField(_("tahun penilaian kesehatan"), null=True, blank=True)
    rating_predicate = models.CharField(_("predikat pemeringkatan"), max_length=60, blank=True)
    rating_quality = models.BooleanField(_("koperasi berkualitas"), default=False, db_index=True)
    rated_on = models.DateField(_("tanggal pemeringkatan"), null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("koperasi")
        verbose_name_plural = _("koperasi")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source_id=""),
                name="cooperative_source_id_unique",
            ),
            models.UniqueConstraint(
                fields=["nomor_induk_koperasi"],
                condition=~Q(nomor_induk_koperasi=""),
                name="cooperative_nik_koperasi_unique",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="cooperative_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="cooperative_status_valid"),
        ]
        indexes = [
            models.Index(fields=["kelurahan", "name"], name="kop_coop_kel_name_idx"),
            models.Index(fields=["name", "id"], name="kop_coop_name_id_idx"),
            models.Index(fields=["registered_on", "id"], name="kop_coop_registered_id_idx"),
            models.Index(fields=["kind", "status"], name="kop_coop_kind_status_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kecamatan_code(self) -> str | None:
        return self.kelurahan_id[:8] if self.kelurahan_id else None

    @property
    def supervised_by_city(self) -> bool:
        """domain.md R19."""
        return self.membership_area == MembershipArea.KOTA


class BoardRole(models.TextChoices):
    KETUA = "ketua", _("Ketua")
    WAKIL_KETUA = "wakil_ketua", _("Wakil ketua")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    BENDAHARA = "bendahara", _("Bendahara")
    ANGGOTA_PENGURUS = "anggota_pengurus", _("Anggota pengurus")
    KETUA_PENGAWAS = "ketua_pengawas", _("Ketua pengawas")
    PENGAWAS = "pengawas", _("Anggota pengawas")
    MANAJER = "manajer", _("Manajer")


class BoardMember(Tracked):
    """A person on the board (pengurus) or supervisory board (pengawas), with their term."""

    access = _CHILD_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="board")
    person = models.ForeignKey(
        "people.Person", verbose_name=_("orang"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("jabatan"), max_length=20, choices=BoardRole.choices)
    term_start = models.DateField(_("mulai menjabat"))
    term_end = models.DateField(_("akhir masa jabatan"), null=True, blank=True)

    class Meta:
        ordering = ["cooperative", "role", "-term_start"]
        verbose_name = _("pengurus/pengawas")
        verbose_name_plural = _("pengurus dan pengawas")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gte=F("term_start")),
                name="boardmember_term_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"


class CooperativeYear(Tracked):
    """A cooperative's figures for one fiscal year (from its RAT accountability report)."""

    access = _CHILD_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="years")
    fiscal_year = models.PositiveSmallIntegerField(_("tahun buku"), db_index=True)
    members_men = models.PositiveIntegerField(_("anggota laki-laki"), default=0)
    members_women = models.PositiveIntegerField(_("anggota perempuan"), default=0)
    employees = models.PositiveIntegerField(_("karyawan"), null=True, blank=True)
    own_capital = models.DecimalField(_("modal sendiri"), **MONEY, null=True, blank=True)
    external_capital = models.DecimalField(_("modal luar"), **MONEY, null=True, blank=True)
    assets = models.DecimalField(_("aset"), **MONEY, null=True, blank=True)
    business_volume = models.DecimalField(_("volume usaha"), **MONEY, null=True, blank=True)
    surplus = models.DecimalField(_("SHU"), max_digits=18, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["cooperative", "-fiscal_year"]
        verbose_name = _("data tahunan koperasi")
        verbose_name_plural = _("data tahunan koperasi")
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "fiscal_year"], name="cooperativeyear_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=1945, fiscal_year__lte=2100), name="cooperativeyear_year_range"
            ),
            _non_negative("own_capital", "cooperativeyear"),
            _non_negative("external_capital", "cooperativeyear"),
            _non_negative("assets", "cooperativeyear"),
            _non_negative("business_volume", "cooperativeyear"),
        ]

    def __str__(self) -> str:
        return f"{self.cooperative} {self.fiscal_year}"

    @property
    def members_total(self) -> int:
        return self.members_men + self.members_women


class Rat(Tracked):
    """An annual members' meeting (Rapat Anggota Tahunan) held for a fiscal year (R20)."""

    access = _CHILD_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="rats")
    fiscal_year = models.PositiveSmallIntegerField(_("tahun buku"))
    held_on = models.DateField(_("tanggal RAT"))
    attendance = models.PositiveIntegerField(_("anggota hadir"), null=True, blank=True)
    surplus_decided = models.DecimalField(_("SHU yang diputuskan"), **MONEY, null=True, blank=True)
    accountability_report = models.FileField(
        _("laporan pertanggungjawaban"), upload_to="koperasi/rat/%Y/", blank=True
    )
    minutes = models.FileField(_("notulen / berita acara"), upload_to="koperasi/rat/%Y/", blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["cooperative", "-fiscal_year"]
        verbose_name = _("RAT")
        verbose_name_plural = _("RAT")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "fiscal_year"], name="rat_one_per_fiscal_year"),
            models.CheckConstraint(
                condition=Q(fiscal_year__gte=1945, fiscal_year__lte=2100), name="rat_year_range"
            ),
        ]
        indexes = [models.Index(fields=["fiscal_year", "held_on"], name="kop_rat_year_held_idx")]

    def __str__(self) -> str:
        return f"RAT {self.fiscal_year} {self.cooperative}"


class WarningLetter(Tracked):
    """A written warning after M consecutive missed RATs (R22)."""

    access = _CHILD_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="warnings")
    number = models.CharField(_("nomor surat"), max_length=100)
    issued_on = models.DateField(_("tanggal surat"))
    missed_years = models.CharField(_("tahun buku tanpa RAT"), max_length=100, blank=True)
    document = models.FileField(_("berkas surat"), upload_to="koperasi/surat/%Y/", blank=True)

    class Meta:
        ordering = ["cooperative", "-issued_on"]
        verbose_name = _("surat peringatan")
        verbose_name_plural = _("surat peringatan")

    def __str__(self) -> str:
        return self.number


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Direncanakan")
    DONE = "done", _("Selesai")
    CANCELLED = "cancelled", _("Dibatalkan")


# Field officers (PPKL) plan and record visits in their area or assigned to them.
_VISIT_ACCESS = AccessPolicy(
    division=_KOP, area_field="cooperative__kelurahan__code", assignee_field="officer", field_work=True
)


class Visit(Tracked):
    """A supervision visit by a field extension officer (PPKL)."""

    access = _VISIT_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="visits")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        on_delete=models.PROTECT,
        related_name="koperasi_visits",
    )
    planned_on = models.DateField(_("tanggal rencana"), db_index=True)
    purpose = models.CharField(_("tujuan"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED, db_index=True
    )
    visited_on = models.DateField(_("tanggal kunjungan"), null=True, blank=True)
    findings = models.TextField(_("temuan"), blank=True)
    photo = models.FileField(_("foto"), upload_to="koperasi/kunjungan/%Y/", blank=True)

    class Meta:
        ordering = ["-planned_on", "-id"]
        verbose_name = _("kunjungan lapangan")
        verbose_name_plural = _("kunjungan lapangan")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=VisitStatus.DONE) | Q(visited_on__isnull=False),
                name="visit_done_has_date",
            ),
        ]
        indexes = [models.Index(fields=["officer", "status", "planned_on"], name="kop_visit_officer_idx")]

    def __str__(self) -> str:
        return f"{self.cooperative} · {date_format(self.planned_on)}"


class FollowUp(Tracked):
    """A follow-up recommended by a visit, with a due date and an owner."""

    access = AccessPolicy(
        division=_KOP,
        area_field="visit__cooperative__kelurahan__code",
        assignee_field="visit__officer",
        field_work=True,
    )

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("tindak lanjut"), max_length=255)
    owner = models.CharField(_("penanggung jawab"), max_length=150)
    due_on = models.DateField(_("batas waktu"), db_index=True)
    done_on = models.DateField(_("selesai pada"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")

    def __str__(self) -> str:
        return self.action


class DissolutionGround(models.TextChoices):
    """Coded legal grounds (UU 25/1992 Ps. 46-47; PP 17/1994 Ps. 3); wording to confirm with the office."""

    MEMBERS = "uu25_46a", _("Keputusan Rapat Anggota (UU 25/1992 Ps. 46 huruf a)")
    TERM_ENDED = "uu25_46b", _("Jangka waktu berdiri berakhir (UU 25/1992 Ps. 46 huruf b)")
    NOT_COMPLIANT = "pp17_3_1a", _("Tidak memenuhi ketentuan UU 25/1992 (PP 17/1994 Ps. 3 ayat 1 huruf a)")
    PUBLIC_ORDER = (
        "pp17_3_1b",
        _("Kegiatan bertentangan dengan ketertiban umum/kesusilaan (PP 17/1994 Ps. 3 ayat 1 huruf b)"),
    )
    NOT_VIABLE = "pp17_3_1c", _("Kelangsungan hidup tidak dapat diharapkan (PP 17/1994 Ps. 3 ayat 1 huruf c)")
    BANKRUPT = "pp17_3_2", _("Dinyatakan pailit (PP 17/1994 Ps. 3 ayat 2)")


class DissolutionStage(models.TextChoices):
    """R27's steps, in order (status.DISSOLUTION_ORDER)."""

    PROPOSAL = "proposal", _("Usulan pembubaran")
    NOTICE = "notice", _("Pemberitahuan rencana pembubaran")
    OBJECTION = "objection", _("Masa sanggahan")
    DECISION = "decision", _("Keputusan pembubaran")
    SETTLEMENT = "settlement", _("Penyelesaian (likuidasi)")
    STRUCK_OFF = "struck_off", _("Dihapus dari daftar")
    CANCELLED = "cancelled", _("Dibatalkan")


class Dissolution(Tracked):
    """One dissolution procedure (R27). Its steps are ``DissolutionStep`` rows; ``stage`` is the latest."""

    access = _CHILD_ACCESS

    cooperative = models.ForeignKey(Cooperative, on_delete=models.CASCADE, related_name="dissolutions")
    ground = models.CharField(_("dasar pembubaran"), max_length=12, choices=DissolutionGround.choices)
    stage = models.CharField(_("tahap"), max_length=12, choices=DissolutionStage.choices, editable=False)
    started_on = models.DateField(_("tanggal usulan"))

    class Meta:
        ordering = ["cooperative", "-started_on"]
        verbose_name = _("pembubaran")
        verbose_name_plural = _("pembubaran")
        constraints = [
            # One procedure under way per cooperative: a cancelled one may be followed by a new one.
            models.UniqueConstraint(
                fields=["cooperative"],
                condition=~Q(stage="cancelled"),
                name="dissolution_one_open_per_cooperative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cooperative}: {self.get_stage_display()}"


class DissolutionStep(Tracked):
    access = AccessPolicy(division=_KOP, area_field="dissolution__cooperative__kelurahan__code")

    dissolution = models.ForeignKey(Dissolution, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField(_("tahap"), max_length=12, choices=DissolutionStage.choices)
    on = models.DateField(_("tanggal"))
    reference = models.CharField(_("nomor surat/keputusan"), max_length=150, blank=True)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["dissolution", "on", "id"]
        verbose_name = _("langkah pembubaran")
        verbose_name_plural = _("langkah pembubaran")
        constraints = [
            models.UniqueConstraint(fields=["dissolution", "stage"], name="dissolutionstep_one_per_stage"),
        ]

    def __str__(self) -> str:
        return self.get_stage_display()
