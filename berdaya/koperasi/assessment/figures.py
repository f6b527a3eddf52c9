"""Health and rating figures for the yearly report (domain.md R23-R26).

The querysets return Cooperative rows, over the whole registry or over ``queryset`` (cooperatives,
e.g. already scoped or already limited to the active ones); ``count(queryset, by=...)`` counts them
in total, or with ``by="kecamatan"`` / ``by="kind"`` as a dict {kecamatan code or kind: number} (key ""
for cooperatives without a kelurahan), as the registry's own ``figures`` module does.

- healthy_cooperatives(year): cooperatives whose health assessment for fiscal year ``year`` is in
  ``categories`` (default only *Sehat*). When a cooperative was assessed for that year by both methods,
  the one assessed last (latest ``assessed_on``, then latest recorded) decides.
- quality_cooperatives(at): cooperatives whose latest rating dated on or before ``at`` (and on or after
  ``since`` if given) was in a quality band (R26: at or above the band the office sets, *Cukup
  Berkualitas* by default, as stored with each rating). A later, lower rating replaces an earlier quality
  one. Seed 003 counts the ratings of one year (20 quality cooperatives rated in 2022): pass
  ``since=date(2022, 1, 1)``, ``at=date(2022, 12, 31)``.
- quality_pct(at): the key indicator "Persentase Koperasi Berkualitas" (seed 003: quality cooperatives /
  active cooperatives x 100, 20 / 309 = 6.47 % in 2022) = quality_count(at, since) x 100 /
  ``figures.active(at)`` (R21, as of ``at``); a Decimal in full precision, None when none is active.

The one definition of "koperasi berkualitas" of a period, shown everywhere (sakip.md S4 and S10: one
indicator, one value on every page): ``quality_of_period(end)`` = cooperatives whose latest rating dated in
the ``QUALITY_YEARS`` calendar year(s) up to ``end`` (1: the period's own year, as seed 003 counts the 20
rated in 2022) was in a quality band, and ``quality_share(end)`` = that count x 100 / ``figures.active(end)``.
The registry's figures page, the cooperative clerk's home page and the kinerja measure ``koperasi.quality``
(over ``koperasi.active``) all call these two, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Substr

from berdaya.lib.counting import count_by

from ..figures import active, share  # the registry's own definition of "active" (R21)
from ..models import Cooperative
from .health import Category
from .models import HealthAssessment, Rating

BY = {"kecamatan": lambda: Coalesce(Substr("kelurahan_id", 1, 8), Value("")), "kind": lambda: F("kind")}


def _base(queryset: QuerySet | None) -> QuerySet:
    return Cooperative.objects.all() if queryset is None else queryset


def healthy_cooperatives(
    year: int, *, categories=(Category.SEHAT,), queryset: QuerySet | None = None
) -> QuerySet:
    decisive = (
        HealthAssessment.objects.filter(cooperative=OuterRef("pk"), fiscal_year=year)
        .order_by("-assessed_on", "-pk")
        .values("category")[:1]
    )
    return _base(queryset).annotate(health_of_year=Subquery(decisive)).filter(health_of_year__in=categories)


def quality_cooperatives(
    at: dt.date, *, since: dt.date | None = None, queryset: QuerySet | None = None
) -> QuerySet:
    ratings = Rating.objects.filter(cooperative=OuterRef("pk"), rated_on__lte=at)
    if since is not None:
        ratings = ratings.filter(rated_on__gte=since)
    latest = ratings.order_by("-rated_on", "-pk").values("quality")[:1]
    return _base(queryset).annotate(quality_at=Subquery(latest)).filter(quality_at=True)


def count(queryset: QuerySet, *, by: str | None = None):
    return count_by(queryset, by, BY)


def healthy_count(year: int, *, by: str | None = None, categories=(Category.SEHAT,), queryset=None):
    return count(healthy_cooperatives(year, categories=categories, queryset=queryset), by=by)


def quality_count(at: dt.date, *, since: dt.date | None = None, by: str | None = None, queryset=None):
    return count(quality_cooperatives(at, since=since, queryset=queryset), by=by)


def quality_pct(at: dt.date, *, since: dt.date | None = None, by: str | None = None, queryset=None):
    return share(
        quality_count(at, since=since, by=by, queryset=queryset), active(at, by=by, queryset=queryset)
    )


QUALITY_YEARS = 1  # seed 003 counts the ratings dated in the report year (20 in 2022, 20 / 309 = 6.47 %)


def quality_window_start(end: dt.date, within_years: int = QUALITY_YEARS) -> dt.date:
    return dt.date(end.year - within_years + 1, 1, 1)


def quality_of_period(
    end: dt.date, *, within_years: int = QUALITY_YEARS, queryset: QuerySet | None = None
) -> QuerySet:
    """Quality cooperatives of the period ending ``end`` (R26, S4): the one definition (module docstring)."""
    return quality_cooperatives(end, since=quality_window_start(end, within_years), queryset=queryset)


def quality_share(end: dt.date, *, within_years: int = QUALITY_YEARS, by: str | None = None, queryset=None):
    """The key indicator "Persentase Koperasi Berkualitas": quality_of_period x 100 / active."""
    quality = count(quality_of_period(end, within_years=within_years, queryset=queryset), by=by)
    return share(quality, active(end, by=by, queryset=queryset))


def health_by_category(year: int, *, queryset=None) -> dict[str, int]:
    """{category: number of cooperatives} for fiscal year ``year`` (the decisive assessment each)."""
    return {
        category: count(healthy_cooperatives(year, categories=(category,), queryset=queryset))
        for category in Category.values
    }
