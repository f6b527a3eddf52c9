"""Health assessments (R23-R25) and ratings (R26) of cooperatives; re-exported by models.py.

The category, score, band and quality flag are never typed: ``assessment.services`` computes them with
``health.py`` / ``rating.py`` from the answers and the rubric in force on the assessment date, stores them
with the answers and the rubric used, and copies the latest result onto the cooperative's summary fields
(``health_category``, ``health_year``, ``rating_predicate``, ``rating_quality``, ``rated_on``) so the
cooperative lists can filter on them.
"""

from __future__ import annotations

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

from . import rubrics
from .health import Category, Method

__all__ = ["Category", "HealthAssessment", "Method", "Rating", "Rubric", "RubricKind"]

_ACCESS = AccessPolicy(division=Division.KOPERASI, area_field="cooperative__kelurahan__code")


class RubricKind(models.TextChoices):
    HEALTH_2016 = "health_2016", _("Kesehatan, metode 2016")
    HEALTH_2020 = "health_2020", _("Kesehatan, metode 2020")
    RATING = "rating", _("Pemeringkatan")


class Rubric(models.Model):
    """One version of a rubric (aspects, indicators, weights, bands), in force from ``effective_from``.

    Reference data loaded from ``assessment/rubrics/*.json`` (``rubrics.load``), read by everyone:
    not a registry, so no AccessPolicy. Assessments keep the rubric they were computed with.
    """

    kind = models.CharField(_("jenis"), max_length=16, choices=RubricKind.choices)
    version = models.CharField(_("versi"), max_length=20)
    effective_from = models.DateField(_("berlaku sejak"))
    legal_basis = models.CharField(_("dasar hukum"), max_length=200, blank=True)
    data = models.JSONField(_("isi"))

    class Meta:
        ordering = ["kind", "-effective_from"]
        verbose_name = _("rubrik penilaian")
        verbose_name_plural = _("rubrik penilaian")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="kop_rubric_kind_version")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version}"

    @classmethod
    def in_force(cls, kind: str, on: dt.date) -> Rubric | None:
        """The newest version of ``kind`` in force on ``on`` (None before the first one).

        An empty table (a database flushed by transactional tests) is filled from the files first.
        """
        if not cls.objects.filter(kind=kind).exists():
            rubrics.load(cls)
        return cls.objects.filter(kind=kind, effective_from__lte=on).order_by("-effective_from").first()


class HealthAssessment(Tracked):
    """The health of a savings-and-loan cooperative for one closed fiscal year, by one method (R23-R25)."""

    access = _ACCESS

    cooperative = models.ForeignKey(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.PROTECT,
        related_name="health_assessments",
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("tahun buku"), validators=[MinValueValidator(1960), MaxValueValidator(2200)]
    )
    method = models.CharField(_("metode"), max_length=4, choices=Method.choices)
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubrik"), on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField(_("tanggal penilaian"))
    assessor = models.CharField(_("penilai"), max_length=150, blank=True)
    answers = models.JSONField(_("jawaban"), default=dict)
    score = models.DecimalField(_("skor"), max_digits=6, decimal_places=2)
    category = models.CharField(_("kategori"), max_length=40, choices=Category.choices)
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-fiscal_year", "-assessed_on", "-pk"]
        verbose_name = _("penilaian kesehatan")
        verbose_name_plural = _("penilaian kesehatan")
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "fiscal_year", "method"], name="kop_health_coop_year_method"
            ),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=100), name="kop_health_score_0_100"),
            models.CheckConstraint(
                condition=Q(category__in=Category.values), name="kop_health_category_valid"
            ),
            models.CheckConstraint(condition=Q(method__in=Method.values), name="kop_health_method_valid"),
        ]
        indexes = [models.Index(fields=["fiscal_year", "category"], name="kop_health_year_cat_idx")]

    def __str__(self) -> str:
        return f"{self.cooperative} {self.fiscal_year}: {self.get_category_display()}"


class Rating(Tracked):
    """A rating (pemeringkatan) by an independent body on a date (R26)."""

    access = _ACCESS

    cooperative = models.ForeignKey(
        "koperasi.Cooperative", verbose_name=_("koperasi"), on_delete=models.PROTECT, related_name="ratings"
    )
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubrik"), on_delete=models.PROTECT, related_name="+")
    rated_on = models.DateField(_("tanggal pemeringkatan"))
    fiscal_year = models.PositiveSmallIntegerField(
        _("tahun buku yang dinilai"), validators=[MinValueValidator(1960), MaxValueValidator(2200)]
    )
    rater = models.CharField(_("lembaga pemeringkat"), max_length=150)
    certificate_number = models.CharField(_("nomor sertifikat"), max_length=80, blank=True)
    scores = models.JSONField(_("nilai indikator"), default=dict)
    total = models.DecimalField(_("total nilai"), max_digits=7, decimal_places=2)
    band = models.CharField(_("kode predikat"), max_length=40)
    letter = models.CharField(_("peringkat"), max_length=4)
    predicate = models.CharField(_("predikat"), max_length=60)
    quality = models.BooleanField(_("koperasi berkualitas"), default=False)
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-rated_on", "-pk"]
        verbose_name = _("pemeringkatan")
        verbose_name_plural = _("pemeringkatan")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "rated_on"], name="kop_rating_coop_date"),
            models.CheckConstraint(condition=Q(total__gte=0), name="kop_rating_total_gte_0"),
        ]
        indexes = [models.Index(fields=["rated_on", "quality"], name="kop_rating_date_quality_idx")]

    def __str__(self) -> str:
        return f"{self.cooperative} {self.rated_on:%Y-%m-%d}: {self.predicate}"
