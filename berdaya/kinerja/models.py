"""Performance accountability (SAKIP): the plan, indicators, agreements, action plans, budget,
snapshots and the SWOT workspace. Achievement and categories are never stored as typed values: they are
computed (``evaluation``) from measure values and targets (sakip.md S8); snapshots freeze them (S3)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

from .formulas import Kind as _Kind
from .formulas import LowerFormula as _LowerFormula

ACCESS = AccessPolicy(division=Division.KINERJA)
VALUE = {"max_digits": 20, "decimal_places": 6}
MONEY = {"max_digits": 18, "decimal_places": 2}
PERCENT = {"max_digits": 9, "decimal_places": 4}


class Unit(models.TextChoices):
    """Organisational units that sign agreements and own action plans (seed 003, Bab I)."""

    DINAS = "dinas", _("Dinas (Kepala Dinas)")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    KOPERASI = "koperasi", _("Bidang Koperasi")
    USAHA_MIKRO = "usaha_mikro", _("Bidang Usaha Mikro")
    P3K = "p3k", _("Bidang Pelatihan dan Penempatan Tenaga Kerja")
    PHIJS = "phijs", _("Bidang Hubungan Industrial dan Jaminan Sosial")
    SEKSI = "seksi", _("Seksi / Sub Koordinator")


class Echelon(models.TextChoices):
    II = "II", _("Eselon II (Kepala Dinas)")
    III = "III", _("Eselon III (Sekretaris / Kepala Bidang)")
    IV = "IV", _("Eselon IV (Kepala Seksi / Sub Bagian)")


class Renstra(Tracked):
    """A 5-year strategic plan; a revision is a new version pointing at the one it replaces."""

    name = models.CharField(_("nama"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("tahun awal"))
    end_year = models.PositiveSmallIntegerField(_("tahun akhir"))
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    revises = models.ForeignKey(
        "self", verbose_name=_("merevisi"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_current = models.BooleanField(_("berlaku"), default=True)
    note = models.TextField(_("catatan"), blank=True)

    access = ACCESS

    class Meta:
        ordering = ["-start_year", "-version"]
        verbose_name = _("renstra")
        verbose_name_plural = _("renstra")
        constraints = [
            models.CheckConstraint(condition=Q(end_year__gte=F("start_year")), name="renstra_end_gte_start"),
            models.UniqueConstraint(fields=["start_year", "version"], name="renstra_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class Goal(Tracked):
    """Tujuan."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField(_("nomor"), max_length=10)
    name = models.CharField(_("tujuan"), max_length=300)

    access = ACCESS

    class Meta:
        ordering = ["code"]
        verbose_name = _("tujuan")
        verbose_name_plural = _("tujuan")
        constraints = [models.UniqueConstraint(fields=["renstra", "code"], name="goal_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class StrategicTarget(Tracked):
    """Sasaran strategis, with its strategy and policy direction (Tabel 2.1)."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(_("nomor"), max_length=10)
    name = models.CharField(_("sasaran"), max_length=300)
    strategy = models.TextField(_("strategi"), blank=True)
    policy = models.TextField(_("arah kebijakan"), blank=True)

    access = ACCESS

    class Meta:
        ordering = ["code"]
        verbose_name = _("sasaran strategis")
        verbose_name_plural = _("sasaran strategis")
        constraints = [models.UniqueConstraint(fields=["goal", "code"], name="target_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Indicator(Tracked):
    """An indicator defined without code (S1-S2): numerator / denominator from named measures."""

    class Kind(models.TextChoices):
        RATIO = _Kind.RATIO, _("Rasio: pembilang / penyebut × faktor")
        COUNT = _Kind.COUNT, _("Jumlah: nilai pembilang")
        GROWTH = _Kind.GROWTH, _("Pertumbuhan: (n − n−1) / n−1 × faktor")

    class LowerFormula(models.TextChoices):
        TWO_TARGET = _LowerFormula.TWO_TARGET, _("(2 × target − realisasi) / target × 100")
        INVERSE = _LowerFormula.INVERSE, _("target / realisasi × 100")

    class Level(models.TextChoices):
        GOAL = "tujuan", _("Indikator tujuan")
        TARGET = "sasaran", _("Indikator sasaran")
        PROGRAM = "program", _("Indikator program / kegiatan")

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="indicators")
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    target = models.ForeignKey(
        StrategicTarget, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("nama indikator"), max_length=400)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices, default=Level.TARGET)
    is_iku = models.BooleanField(_("IKU"), default=False, help_text=_("Indikator Kinerja Utama."))
    unit = models.CharField(_("satuan"), max_length=30, help_text=_("%, orang, koperasi, dokumen, nilai"))
    higher_is_better = models.BooleanField(_("semakin tinggi semakin baik"), default=True)
    lower_formula = models.CharField(
        _("rumus capaian bila semakin rendah semakin baik"),
        max_length=12,
        choices=LowerFormula.choices,
        default=LowerFormula.TWO_TARGET,
    )
    floor_zero = models.BooleanField(_("capaian minimal 0"), default=False)
    kind = models.CharField(_("jenis rumus"), max_length=8, choices=Kind.choices, default=Kind.RATIO)
    numerator_key = models.CharField(_("ukuran pembilang"), max_length=80)
    numerator_filters = models.JSONField(_("saringan pembilang"), default=dict, blank=True)
    denominator_key = models.CharField(_("ukuran penyebut"), max_length=80, blank=True)
    denominator_filters = models.JSONField(_("saringan penyebut"), default=dict, blank=True)
    denominator_offset = models.SmallIntegerField(
        _("geser tahun penyebut"), default=0, help_text=_("-1: penyebut diambil dari tahun sebelumnya (S2).")
    )
    factor = models.DecimalField(_("faktor"), max_digits=10, decimal_places=2, default=100)
    bounded = models.BooleanField(
        _("pembilang ≤ penyebut"),
        default=True,
        help_text=_("Periksa bahwa pembilang tidak melebihi penyebut."),
    )
    formula_text = models.TextField(_("rumus (uraian)"), blank=True)
    data_source = models.CharField(_("sumber data"), max_length=200, blank=True)
    responsible_unit = models.CharField(_("penanggung jawab"), max_length=20, choices=Unit.choices)
    baseline = models.DecimalField(_("nilai dasar"), null=True, blank=True, **VALUE)
    baseline_year = models.PositiveSmallIntegerField(_("tahun dasar"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    access = ACCESS

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikator")
        constraints = [
            models.UniqueConstraint(fields=["renstra", "code"], name="indicator_unique_code"),
            models.CheckConstraint(
                condition=~Q(kind="ratio") | ~Q(denominator_key=""), name="indicator_ratio_has_denominator"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class YearTarget(Tracked):
    """The Renstra's target of an indicator for one year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="year_targets")
    year = models.PositiveSmallIntegerField(_("tahun"))
    value = models.DecimalField(_("target"), **VALUE)

    access = ACCESS

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="yeartarget_unique")]


class ManualMeasure(Tracked):
    """A measure no registry computes (yet): staff enter its value with evidence (S1). When a registry
    registers the same key, the computed measure is used instead."""

    key = models.CharField(_("kunci"), max_length=80, unique=True)
    label = models.CharField(_("nama ukuran"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    unit = models.CharField(_("satuan"), max_length=30, blank=True)

    access = ACCESS

    class Meta:
        ordering = ["key"]
        verbose_name = _("ukuran manual")
        verbose_name_plural = _("ukuran manual")

    def __str__(self) -> str:
        return self.label


class ManualValue(Tracked):
    """The value of a manual measure for a year (quarter 0) or a quarter, with its evidence file."""

    measure = models.ForeignKey(ManualMeasure, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(
        _("triwulan"), default=0, validators=[MaxValueValidator(4)], help_text=_("0 = setahun")
    )
    value = models.DecimalField(_("nilai"), **VALUE)
    evidence = models.FileField(_("bukti"), upload_to="kinerja/bukti/%Y/", blank=True)
    note = models.TextField(_("keterangan"), blank=True)

    access = ACCESS

    class Meta:
        ordering = ["measure", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "year", "quarter"], name="manualvalue_unique"),
            models.CheckConstraint(condition=Q(quarter__lte=4), name="manualvalue_quarter_0_4"),
        ]


class Band(models.Model):
    """A category band (S7) of a dated set: the set with the latest ``effective_from`` on or before a date
    applies. Each band is a half-open interval; None bounds are infinite. Reference data."""

    class Colour(models.TextChoices):
        GREEN = "green", _("hijau")
        TEAL = "teal", _("hijau muda")
        YELLOW = "yellow", _("kuning")
        ORANGE = "orange", _("jingga")
        RED = "red", _("merah")

    effective_from = models.DateField(_("berlaku sejak"))
    label = models.CharField(_("kategori"), max_length=40)
    colour = models.CharField(_("warna"), max_length=10, choices=Colour.choices)
    lower = models.DecimalField(_("batas bawah"), null=True, blank=True, **PERCENT)
    lower_closed = models.BooleanField(_("termasuk batas bawah"), default=False)
    upper = models.DecimalField(_("batas atas"), null=True, blank=True, **PERCENT)
    upper_closed = models.BooleanField(_("termasuk batas atas"), default=False)

    class Meta:
        ordering = ["effective_from", "lower"]
        constraints = [models.UniqueConstraint(fields=["effective_from", "label"], name="band_unique_label")]

    def __str__(self) -> str:
        return self.label


class CheckRule(models.Model):
    """Tolerances of the data-quality checks (S9-S10), dated like the bands."""

    effective_from = models.DateField(_("berlaku sejak"), unique=True)
    percent_tolerance = models.DecimalField(
        _("selisih persen yang dibiarkan"), help_text=_("poin persen"), **PERCENT
    )
    money_tolerance = models.DecimalField(_("selisih rupiah yang dibiarkan"), **MONEY)
    denominator_jump = models.DecimalField(
        _("lonjakan penyebut"), help_text=_("rasio tahun n / tahun n−1 yang perlu penjelasan"), **PERCENT
    )

    class Meta:
        ordering = ["effective_from"]

    def __str__(self) -> str:
        return str(self.effective_from)


class AchievementCap(models.Model):
    """The one cap on achievement (S6) for every indicator, dated like the bands: the row with the latest
    ``effective_from`` on or before the period's end applies (``evaluation.cap_at``). No cap: no limit."""

    effective_from = models.DateField(_("berlaku sejak"), unique=True)
    cap = models.DecimalField(_("batas atas capaian (%)"), null=True, blank=True, **PERCENT)

    class Meta:
        ordering = ["effective_from"]
        verbose_name = _("batas atas capaian")

    def __str__(self) -> str:
        return f"{self.effective_from}: {self.cap}"


class Agreement(Tracked):
    """Perjanjian Kinerja of one unit for one year; a revision is a new version (S: PK)."""

    year = models.PositiveSmallIntegerField(_("tahun"))
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    section = models.CharField(_("seksi / sub bagian"), max_length=200, blank=True)
    echelon = models.CharField(_("eselon"), max_length=3, choices=Echelon.choices)
    version = models.PositiveSmallIntegerField(_("versi"), default=1)
    first_party = models.CharField(_("pihak pertama"), max_length=200, help_text=_("nama dan jabatan"))
    second_party = models.CharField(_("pihak kedua"), max_length=200, help_text=_("nama dan jabatan"))
    signed_on = models.DateField(_("tanggal tanda tangan"), null=True, blank=True)
    reason = models.TextField(_("alasan revisi"), blank=True)

    access = ACCESS

    class Meta:
        ordering = ["-year", "echelon", "unit", "section", "-version"]
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "unit", "section", "version"], name="agreement_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"PK {self.year} {self.get_unit_display()} {self.section} v{self.version}".replace("  ", " ")


class AgreementTarget(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="agreement_targets")
    value = models.DecimalField(_("target"), **VALUE)

    class Meta:
        ordering = ["indicator__order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "indicator"], name="agreementtarget_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class ActionPlan(Tracked):
    """Rencana aksi: a unit's quarterly targets (cumulative to the quarter's end) for one indicator."""

    year = models.PositiveSmallIntegerField(_("tahun"))
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="action_plans")
    action = models.TextField(_("rencana aksi"))
    q1 = models.DecimalField(_("target TW I"), null=True, blank=True, **VALUE)
    q2 = models.DecimalField(_("target TW II"), null=True, blank=True, **VALUE)
    q3 = models.DecimalField(_("target TW III"), null=True, blank=True, **VALUE)
    q4 = models.DecimalField(_("target TW IV"), null=True, blank=True, **VALUE)

    access = ACCESS

    class Meta:
        ordering = ["year", "unit", "indicator__order"]
        verbose_name = _("rencana aksi")
        verbose_name_plural = _("rencana aksi")
        indexes = [models.Index(fields=["year", "unit"])]

    def quarter_target(self, quarter: int):
        return getattr(self, f"q{quarter}")


class BudgetItem(Tracked):
    """Program → kegiatan → sub kegiatan of one year, with pagu and the person responsible. Realisation
    lives per quarter (``BudgetQuarter``); a parent's figures roll up from its children."""

    class Level(models.IntegerChoices):
        PROGRAM = 1, _("Program")
        ACTIVITY = 2, _("Kegiatan")
        SUB_ACTIVITY = 3, _("Sub kegiatan")

    year = models.PositiveSmallIntegerField(_("tahun"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    level = models.PositiveSmallIntegerField(_("tingkat"), choices=Level.choices)
    code = models.CharField(_("nomor"), max_length=20, blank=True)
    name = models.CharField(_("nama"), max_length=400)
    pagu = models.DecimalField(_("pagu (Rp)"), **MONEY)
    responsible = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    justification = models.TextField(_("penjelasan"), blank=True, help_text=_("mis. realisasi di atas pagu"))
    order = models.PositiveIntegerField(_("urutan"), default=0)
    reported_percent = models.DecimalField(
        _("persen tertulis"), null=True, blank=True, help_text=_("dari dokumen yang diimpor"), **PERCENT
    )
    reported_category = models.CharField(_("kategori tertulis"), max_length=40, blank=True)

    access = ACCESS

    class Meta:
        ordering = ["year", "order"]
        verbose_name = _("anggaran")
        verbose_name_plural = _("anggaran")
        indexes = [models.Index(fields=["year", "level"])]
        constraints = [models.CheckConstraint(condition=Q(pagu__gte=0), name="budgetitem_pagu_gte_0")]

    def __str__(self) -> str:
        return self.name


class BudgetQuarter(models.Model):
    """Realisation of a budget item in one quarter: money spent in the quarter, physical progress (%)
    at its end."""

    item = models.ForeignKey(BudgetItem, on_delete=models.CASCADE, related_name="quarters")
    quarter = models.PositiveSmallIntegerField(
        _("triwulan"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    financial = models.DecimalField(_("realisasi keuangan (Rp)"), default=0, **MONEY)
    physical = models.DecimalField(_("realisasi fisik (%)"), null=True, blank=True, **PERCENT)

    class Meta:
        ordering = ["quarter"]
        constraints = [
            models.UniqueConstraint(fields=["item", "quarter"], name="budgetquarter_unique"),
            models.CheckConstraint(condition=Q(quarter__gte=1, quarter__lte=4), name="budgetquarter_1_4"),
        ]

    def __str__(self) -> str:
        return f"{self.item} T{self.quarter}"


class Snapshot(models.Model):
    """A closed period's frozen value of one indicator (S3): inputs, outputs and the records counted."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="snapshots")
    year = models.PositiveSmallIntegerField(_("tahun"))
    quarter = models.PositiveSmallIntegerField(_("triwulan"), default=0)
    closed_at = models.DateTimeField(_("ditutup"), auto_now_add=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    inputs = models.JSONField(_("masukan"), default=dict)
    value = models.DecimalField(_("realisasi"), null=True, **VALUE)
    target = models.DecimalField(_("target"), null=True, **VALUE)
    achievement = models.DecimalField(_("capaian"), null=True, **VALUE)
    category = models.CharField(_("kategori"), max_length=40, blank=True)
    records = models.JSONField(_("data yang dihitung"), default=dict)

    access = ACCESS

    class Meta:
        ordering = ["year", "quarter", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter"], name="snapshot_unique_period")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}/{self.quarter}"


class SwotItem(Tracked):
    """One item of the year's SWOT matrix; it may cite an indicator or a finding (seeds 001, 002)."""

    class Quadrant(models.TextChoices):
        S = "S", _("Kekuatan (S)")
        W = "W", _("Kelemahan (W)")
        O = "O", _("Peluang (O)")  # noqa: E741 - the quadrant's letter
        T = "T", _("Ancaman (T)")

    year = models.PositiveSmallIntegerField(_("tahun"))
    quadrant = models.CharField(_("kuadran"), max_length=1, choices=Quadrant.choices)
    text = models.TextField(_("uraian"))
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indikator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    finding = models.CharField(_("temuan"), max_length=300, blank=True)

    access = ACCESS

    class Meta:
        ordering = ["year", "quadrant", "pk"]


class SwotStrategy(Tracked):
    class Kind(models.TextChoices):
        SO = "SO", _("Strategi SO")
        ST = "ST", _("Strategi ST")
        WO = "WO", _("Strategi WO")
        WT = "WT", _("Strategi WT")

    year = models.PositiveSmallIntegerField(_("tahun"))
    kind = models.CharField(_("jenis"), max_length=2, choices=Kind.choices)
    text = models.TextField(_("strategi"))
    programs = models.ManyToManyField(BudgetItem, verbose_name=_("program pelaksana"), blank=True)

    access = ACCESS

    class Meta:
        ordering = ["year", "kind", "pk"]


class DocumentSetting(Tracked):
    """What the office sets on purpose for the documents it signs (one row): the regional emblem printed on
    the LAKIP cover and at the head of each PK. Without an upload a neutral placeholder is printed."""

    emblem = models.ImageField(
        _("lambang daerah"),
        upload_to="kinerja/lambang/",
        blank=True,
        help_text=_("PNG atau JPEG, paling besar 1 MB; dicetak di sampul LAKIP dan di kepala PK."),
    )

    class Meta:
        verbose_name = _("pengaturan dokumen")
        verbose_name_plural = _("pengaturan dokumen")
