"""The training centre (UPTD BLK): competency programmes and their units (R40), cohorts (a cohort is a
``training.Event`` of kind ``blk`` linked to a programme), competency test results per participant and
unit (R40a), apprenticeships (a ``training.Event`` of kind ``magang`` with a host company) and each
apprentice's outcome. Written only by ``services``."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

from . import rules

ACCESS = AccessPolicy(division=Division.TENAGA_KERJA)
PARTICIPANT_ACCESS = AccessPolicy(
    division=Division.TENAGA_KERJA, area_field="participant__person__kelurahan__code"
)


class Programme(Tracked):
    """A competency-based training programme (PBK) the BLK offers."""

    access = ACCESS

    code = models.CharField(_("kode program"), max_length=20, unique=True)
    title = models.CharField(_("judul program"), max_length=200)
    vocation = models.CharField(_("kejuruan"), max_length=100, blank=True)
    jp_hours = models.PositiveSmallIntegerField(_("jam pelajaran (JP)"))
    requirements = models.TextField(_("persyaratan peserta"), blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    active = models.BooleanField(_("masih ditawarkan"), default=True, db_index=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("program pelatihan BLK")
        verbose_name_plural = _("program pelatihan BLK")
        constraints = [models.CheckConstraint(condition=Q(jp_hours__gt=0), name="blk_programme_jp_positive")]

    def __str__(self) -> str:
        return f"{self.title} ({self.jp_hours} JP)"

    @property
    def minutes(self) -> int:
        return rules.jp_to_minutes(self.jp_hours)


class CompetencyUnit(Tracked):
    """A unit of competency (SKKNI unit code and title) the programme trains and tests."""

    access = ACCESS

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="units")
    code = models.CharField(_("kode unit"), max_length=40)
    title = models.CharField(_("judul unit"), max_length=255)
    jp_hours = models.PositiveSmallIntegerField(_("JP"), default=0)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = _("unit kompetensi")
        verbose_name_plural = _("unit kompetensi")
        constraints = [models.UniqueConstraint(fields=["programme", "code"], name="blk_unit_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Cohort(Tracked):
    """A cohort (angkatan) of a programme: the ``training.Event`` holds dates, capacity, sessions,
    participants, check-ins, certificates and follow-ups."""

    access = ACCESS

    event = models.OneToOneField(
        "training.Event",
        on_delete=models.CASCADE,
        related_name="blk_cohort",
        limit_choices_to={"kind": "blk"},
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), on_delete=models.PROTECT, related_name="cohorts"
    )
    number = models.PositiveSmallIntegerField(_("angkatan ke"), default=1)
    instructor = models.CharField(_("instruktur"), max_length=150, blank=True)

    class Meta:
        ordering = ["-event__starts_on", "-id"]
        verbose_name = _("angkatan BLK")
        verbose_name_plural = _("angkatan BLK")

    def __str__(self) -> str:
        return str(self.event)


class Result(models.TextChoices):
    KOMPETEN = rules.KOMPETEN, _("Kompeten")
    BELUM = rules.BELUM_KOMPETEN, _("Belum kompeten")


class UnitResult(Tracked):
    """The competency test result of one participant for one unit (R40a)."""

    access = PARTICIPANT_ACCESS

    participant = models.ForeignKey(
        "training.Participant", on_delete=models.CASCADE, related_name="blk_results"
    )
    unit = models.ForeignKey(CompetencyUnit, on_delete=models.PROTECT, related_name="results")
    result = models.CharField(_("hasil uji"), max_length=16, choices=Result.choices)
    assessed_on = models.DateField(_("tanggal uji"))
    assessor = models.CharField(_("asesor"), max_length=150, blank=True)

    class Meta:
        ordering = ["participant", "unit__order", "id"]
        verbose_name = _("hasil uji kompetensi")
        verbose_name_plural = _("hasil uji kompetensi")
        constraints = [
            models.UniqueConstraint(fields=["participant", "unit"], name="blk_result_one_per_unit"),
            models.CheckConstraint(condition=Q(result__in=Result.values), name="blk_result_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.unit.code}: {self.result}"


class Apprenticeship(Tracked):
    """An apprenticeship (pemagangan) at a host company: the ``training.Event`` of kind ``magang`` holds the
    dates and participants."""

    access = ACCESS

    event = models.OneToOneField(
        "training.Event",
        on_delete=models.CASCADE,
        related_name="apprenticeship",
        limit_choices_to={"kind": "magang"},
    )
    host = models.ForeignKey(
        "companies.Company",
        verbose_name=_("perusahaan penyelenggara"),
        on_delete=models.PROTECT,
        related_name="apprenticeships",
    )
    mentor = models.CharField(_("mentor/pembimbing"), max_length=150)
    mentor_position = models.CharField(_("jabatan mentor"), max_length=150, blank=True)
    field = models.CharField(_("bidang pemagangan"), max_length=150, blank=True)
    agreement_number = models.CharField(_("nomor perjanjian pemagangan"), max_length=100, blank=True)

    class Meta:
        ordering = ["-event__starts_on", "-id"]
        verbose_name = _("pemagangan")
        verbose_name_plural = _("pemagangan")

    def __str__(self) -> str:
        return str(self.event)


class Outcome(models.TextChoices):
    HIRED_HOST = "host", _("Diterima di perusahaan penyelenggara")
    HIRED_OTHER = "other", _("Bekerja di perusahaan lain")
    NOT_HIRED = "not", _("Belum bekerja")


class ApprenticeOutcome(Tracked):
    """What became of one apprentice."""

    access = PARTICIPANT_ACCESS

    participant = models.OneToOneField(
        "training.Participant", on_delete=models.CASCADE, related_name="apprentice_outcome"
    )
    outcome = models.CharField(_("hasil"), max_length=8, choices=Outcome.choices)
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("perusahaan lain"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    noted_on = models.DateField(_("tanggal dicatat"))

    class Meta:
        verbose_name = _("hasil pemagangan")
        verbose_name_plural = _("hasil pemagangan")
        constraints = [
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="blk_outcome_valid"),
            # "other company" names it; the host and "not hired" name none.
            models.CheckConstraint(
                condition=Q(outcome="other", company__isnull=False)
                | (~Q(outcome="other") & Q(company__isnull=True)),
                name="blk_outcome_company_iff_other",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.outcome}"
