"""Measures the cooperative registry offers to performance indicators (kinerja, sakip.md S1-S4).

Every value is the registry's own figure (``figures`` / ``assessment.figures``), taken for the period:

- ``koperasi.registered`` = ``figures.registered(end)``: known to the office and not dissolved at the period's
  end (31 December, or the quarter's last day; R27).
- ``koperasi.supervised`` = ``figures.supervised(end)``: registered with membership inside the city (R19).
- ``koperasi.active`` = ``figures.active(end)``: supervised and active by R21 as of the period's end.
- ``koperasi.rat_required`` = ``figures.rat_required(y)`` and ``koperasi.rat_on_time`` =
  ``figures.rat_on_time(y)`` with y = the period's year − 1: the fiscal year whose RAT falls due in the
  period's year (RAT of fiscal 2021 by 30 June 2022, R20), as a 2022 report counts it.
- ``koperasi.quality`` = ``assessment_figures.quality_of_period(end)``: latest rating dated in the period's
  year, at or above the office's quality band (R26), as seed 003 counts 2022 and as the registry's figures
  page shows it. Filter ``rated_within_years`` = N widens the window to the N calendar years up to the
  period's end (default ``assessment_figures.QUALITY_YEARS`` = 1). The key indicator is ``koperasi.quality`` /
  ``koperasi.active`` × 100 = ``assessment_figures.quality_share`` (one definition, S10).
- ``koperasi.healthy`` = ``assessment_figures.healthy_count(y)``, y = the period's year − 1: health assessed
  *Sehat* for the fiscal year closed before the period (assessed in the period's year, R23-R25).

Each measure also gives the cooperatives behind its number (``records``), for the drill-down and snapshots.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures
from . import status as status_rules
from .assessment import figures as assessment_figures
from .models import Cooperative, MembershipArea, RatRule


def _fiscal_year(period) -> int:
    return period.year - 1


def _supervised_qs(on: dt.date, queryset: QuerySet | None = None) -> QuerySet:
    # the population ``figures._supervised_list`` reads, as a queryset (R19)
    return figures._registered_qs(on, queryset).filter(membership_area=MembershipArea.KOTA)


def _rows_with_pks(on: dt.date, queryset: QuerySet | None = None):
    """(pk, row) pairs of ``figures._supervised_list``: the figures' own rows, so the same rules decide."""
    base = (Cooperative.objects.all() if queryset is None else queryset).order_by("pk")
    pks = list(_supervised_qs(on, base).values_list("pk", flat=True))
    return zip(pks, figures._supervised_list(on, base), strict=True)


def _registered(period, filters):
    return figures._registered_qs(period.end, None)


def _supervised(period, filters):
    return _supervised_qs(period.end)


def _active(period, filters):
    on = period.end
    rule = status_rules.rule_on(RatRule.objects.all(), on)
    ids = [pk for pk, row in _rows_with_pks(on) if figures._is_active(row, on, rule)]
    return Cooperative.objects.filter(pk__in=ids)


def _rat_population(period):
    year = _fiscal_year(period)
    due = status_rules.deadline(year, status_rules.rule_on(RatRule.objects.all(), dt.date(year, 12, 31)))
    closed = Cooperative.objects.filter(registered_on__lte=dt.date(year, 12, 31))
    return year, due, _rows_with_pks(due, closed)


def _rat_required(period, filters):
    _year, _due, rows = _rat_population(period)
    return Cooperative.objects.filter(pk__in=[pk for pk, _row in rows])


def _rat_on_time(period, filters):
    year, due, rows = _rat_population(period)
    ids = [pk for pk, row in rows if year in row.rats and row.rats[year] <= due]
    return Cooperative.objects.filter(pk__in=ids)


def _quality(period, filters):
    years = int(filters.get("rated_within_years") or assessment_figures.QUALITY_YEARS)
    return assessment_figures.quality_of_period(period.end, within_years=years)


def _healthy(period, filters):
    return assessment_figures.healthy_cooperatives(_fiscal_year(period))


QUALITY_FILTERS = {"rated_within_years": _("dinilai dalam N tahun terakhir")}
MEASURES = (
    (
        "koperasi.registered",
        _("Koperasi terdaftar"),
        _("Koperasi yang tercatat di registri dan belum dibubarkan pada akhir periode."),
        lambda period, filters: figures.registered(period.end),
        _registered,
    ),
    (
        "koperasi.supervised",
        _("Koperasi binaan kota"),
        _("Koperasi terdaftar yang wilayah keanggotaannya di dalam kota pada akhir periode (R19)."),
        lambda period, filters: figures.supervised(period.end),
        _supervised,
    ),
    (
        "koperasi.active",
        _("Koperasi aktif"),
        _("Koperasi binaan kota yang aktif (R21: RAT dalam N tahun buku terakhir) pada akhir periode."),
        lambda period, filters: figures.active(period.end),
        _active,
    ),
    (
        "koperasi.rat_required",
        _("Koperasi wajib RAT"),
        _(
            "Koperasi binaan kota yang wajib menyelenggarakan RAT tahun buku sebelum periode "
            "(batas waktunya jatuh pada tahun periode)."
        ),
        lambda period, filters: figures.rat_required(_fiscal_year(period)),
        _rat_required,
    ),
    (
        "koperasi.rat_on_time",
        _("Koperasi RAT tepat waktu"),
        _(
            "Koperasi wajib RAT yang menyelenggarakan RAT tahun buku sebelum periode paling lambat "
            "batas waktunya (R20)."
        ),
        lambda period, filters: figures.rat_on_time(_fiscal_year(period)),
        _rat_on_time,
    ),
    (
        "koperasi.quality",
        _("Koperasi berkualitas"),
        _(
            "Koperasi yang pemeringkatan terakhirnya dalam tahun periode berada pada atau di atas batas "
            "kualitas yang ditetapkan dinas (R26)."
        ),
        lambda period, filters: assessment_figures.count(_quality(period, filters)),
        _quality,
    ),
    (
        "koperasi.healthy",
        _("Koperasi sehat"),
        _("Koperasi yang dinilai Sehat untuk tahun buku sebelum periode (R23-R25)."),
        lambda period, filters: assessment_figures.healthy_count(_fiscal_year(period)),
        _healthy,
    ),
)

for key, label, description, value, records in MEASURES:
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="koperasi",
            value=value,
            records=records,
            filters=QUALITY_FILTERS if key == "koperasi.quality" else {},
        )
    )
