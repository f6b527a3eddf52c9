"""Figures of the micro-enterprise registry for the yearly report (sakip.md S4-S5).

Each function counts over the whole registry, or over ``queryset`` (enterprises, e.g. already scoped),
and returns a number, or with ``by="kecamatan"`` / ``by="sector"`` a dict {kecamatan code or top-level
sector code: number} (key None for enterprises without a kelurahan). Percentages are Decimals in full
precision (S5: round only for display); None where the denominator is zero.

- registered(at): enterprises the office knew of on ``at`` (``registered_on`` on or before it).
- active(at): registered and not closed or moved away on ``at`` (a status dated after ``at`` did not yet
  apply). The current status is all the registry keeps, so a closure later reverted counts as active.
- ``size_class``: count only enterprises whose latest observation on or before ``at`` has that class.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, ExtractYear, Substr

from berdaya.lib.counting import count_by

from .models import Enterprise, Observation, Status, WubAssessment
from .selectors import scaled_up_events

BY = {
    "kecamatan": lambda: Substr("kelurahan_id", 1, 8),
    "sector": lambda: Coalesce("sector__parent__code", "sector__code"),
}


def _base(queryset: QuerySet | None) -> QuerySet:
    return Enterprise.objects.all() if queryset is None else queryset


def _count(queryset: QuerySet, by: str | None):
    return count_by(queryset, by, BY)


def _of_class(queryset: QuerySet, at: dt.date, size_class: str | None) -> QuerySet:
    if not size_class:
        return queryset
    latest = (
        Observation.objects.filter(enterprise=OuterRef("pk"), observed_on__lte=at)
        .exclude(size_class="")
        .order_by("-observed_on")
        .values("size_class")[:1]
    )
    return queryset.annotate(class_at=Subquery(latest)).filter(class_at=size_class)


def _registered(at: dt.date, queryset, size_class) -> QuerySet:
    return _of_class(_base(queryset).filter(registered_on__lte=at), at, size_class)


def _active(at: dt.date, queryset, size_class) -> QuerySet:
    still = Q(status=Status.AKTIF) | Q(status_date__isnull=True) | Q(status_date__gt=at)
    return _registered(at, queryset, size_class).filter(still)


def registered(at: dt.date, *, by: str | None = None, size_class: str | None = None, queryset=None):
    return _count(_registered(at, queryset, size_class), by)


def active(at: dt.date, *, by: str | None = None, size_class: str | None = None, queryset=None):
    return _count(_active(at, queryset, size_class), by)


def _percent_change(now: int, before: int) -> Decimal | None:
    if not before:
        return None
    return (Decimal(now) - Decimal(before)) * 100 / Decimal(before)


def growth(
    year: int, *, by: str | None = None, measure: str = "active", size_class: str | None = None, queryset=None
):
    """(n − n−1) / n−1 × 100, with n the count of ``measure`` ("active" or "registered") on 31 December
    of ``year`` (sakip.md S4 "growth of micro enterprises", S5 full precision)."""
    count = {"active": active, "registered": registered}[measure]
    now = count(dt.date(year, 12, 31), by=by, size_class=size_class, queryset=queryset)
    before = count(dt.date(year - 1, 12, 31), by=by, size_class=size_class, queryset=queryset)
    if by is None:
        return _percent_change(now, before)
    return {
        key: _percent_change(now.get(key, 0), before.get(key, 0))
        for key in sorted(set(now) | set(before), key=lambda k: (k is None, k or ""))
    }


def scaled_up(year: int, *, by: str | None = None, queryset=None):
    """Enterprises that moved up from mikro in ``year`` (domain.md R18; one enterprise counts once)."""
    ids = {event.enterprise_id for event in scaled_up_events(year, queryset=queryset)}
    return _count(Enterprise.objects.filter(pk__in=ids), by)


def _wub(queryset) -> QuerySet:
    return (
        _base(queryset)
        .filter(is_wub=True)
        .annotate(wub_year=Coalesce("wub_cohort__year", ExtractYear("registered_on")))
    )


def wub_trained(until_year: int, *, since: int | None = None, by: str | None = None, queryset=None):
    """New entrepreneurs trained up to ``until_year`` (by cohort year; the registration year when the cohort
    is unknown), from ``since`` if given (the first indicator counts "since 2016")."""
    wub = _wub(queryset).filter(wub_year__lte=until_year)
    if since is not None:
        wub = wub.filter(wub_year__gte=since)
    return _count(wub, by)


def wub_mandiri(year: int, *, since: int | None = None, by: str | None = None, queryset=None):
    """New entrepreneurs assessed mandiri in ``year`` (still producing, with turnover, in the city)."""
    assessed = WubAssessment.objects.filter(year=year, mandiri=True).values("enterprise")
    wub = _wub(queryset).filter(pk__in=assessed)
    if since is not None:
        wub = wub.filter(wub_year__gte=since)
    return _count(wub, by)


def wub_mandiri_percentage(year: int, *, since: int | None = None, queryset=None) -> Decimal | None:
    """The first key indicator: WUB mandiri in ``year`` / WUB trained up to ``year`` × 100 (sakip.md S4)."""
    trained = wub_trained(year, since=since, queryset=queryset)
    if not trained:
        return None
    return Decimal(wub_mandiri(year, since=since, queryset=queryset)) * 100 / Decimal(trained)
