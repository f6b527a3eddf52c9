"""Figures of the cooperative registry for the yearly report, for any date or year.

Each function counts over the whole registry or over ``queryset`` (cooperatives, e.g. already scoped).
With ``by=None`` it returns a number; with ``by="kecamatan"`` or ``by="kind"`` a dict {kecamatan code or
kind value: number} (key "" for cooperatives without a kelurahan). Percentages are Decimals in full
precision (round only for display) and None where the denominator is zero. Health ("healthy") and
rating ("rated quality") figures are in ``assessment/figures.py``.

Definitions:
- registered(on): cooperatives the office knew of on ``on`` (``registered_on`` on or before it) and not
  dissolved by then (no dissolution decision dated on or before ``on``, R27).
- supervised(on): registered on ``on`` and supervised by the city: membership inside the city (R19). The
  registry keeps the current membership area only, so a cooperative that moved to the province counts as
  the province's for every date.
- active(on): supervised and active on ``on`` by R21, recomputed from the RAT history as it stood on ``on``
  (``status.evaluate``, the rule in force on ``on``), not from the cached status.
- active_pct(on) = active(on) × 100 / supervised(on).
- rat_on_time(year): supervised on the RAT deadline of fiscal ``year`` (R20), registered before that
  fiscal year closed, whose RAT for ``year`` was held on or before the deadline.
- rat_on_time_pct(year) = rat_on_time(year) × 100 / those required to hold it (same population).
- growth(year): {"registered": …, "supervised": …, "active": …} each {"previous", "current", "change",
  "pct"} comparing 31 December of ``year`` - 1 and of ``year`` (or today for the running year).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from . import status as status_rules
from .models import Cooperative, DissolutionStage, DissolutionStep, MembershipArea, Rat, RatRule

BY = ("kecamatan", "kind")


def _base(queryset: QuerySet | None) -> QuerySet:
    return Cooperative.objects.all() if queryset is None else queryset


@dataclass(frozen=True)
class _Row:
    """What the figures need of a cooperative (plain values: thousands of model instances are slow)."""

    kind: str
    kelurahan_id: str | None
    first_year: int | None
    rats: dict  # fiscal year -> date held


def _group_key(cooperative, by: str) -> str:
    if by == "kecamatan":
        return cooperative.kelurahan_id[:8] if cooperative.kelurahan_id else ""
    return cooperative.kind


def _count(cooperatives, by: str | None):
    if by is None:
        return len(cooperatives)
    if by not in BY:
        raise ValueError(f"by must be one of {BY} or None, not {by!r}")
    counts: dict[str, int] = defaultdict(int)
    for cooperative in cooperatives:
        counts[_group_key(cooperative, by)] += 1
    return dict(sorted(counts.items()))


def share(part, whole):
    """part × 100 / whole as a Decimal (None when whole is 0); for dicts, per key of ``whole``."""
    if isinstance(part, dict):
        return {key: share(part.get(key, 0), value) for key, value in whole.items()}
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def _registered_qs(on: dt.date, queryset: QuerySet | None) -> QuerySet:
    # The few dissolved cooperatives as a literal list: cheaper than a correlated subquery per row.
    dissolved = DissolutionStep.objects.filter(
        stage__in=[DissolutionStage.DECISION, DissolutionStage.SETTLEMENT, DissolutionStage.STRUCK_OFF],
        on__lte=on,
    ).values_list("dissolution__cooperative_id", flat=True)
    return _base(queryset).filter(registered_on__lte=on).exclude(pk__in=list(dissolved))


def _supervised_list(on: dt.date, queryset: QuerySet | None) -> list[_Row]:
    rows = list(
        _registered_qs(on, queryset)
        .filter(membership_area=MembershipArea.KOTA)
        .values_list("pk", "kind", "kelurahan_id", "legal_entity_date")
    )
    rats: dict[int, dict] = defaultdict(dict)
    for cooperative_id, year, held_on in Rat.objects.filter(
        cooperative_id__in=[row[0] for row in rows], held_on__lte=on
    ).values_list("cooperative_id", "fiscal_year", "held_on"):
        rats[cooperative_id][year] = held_on
    return [
        _Row(kind, kelurahan, founded.year if founded else None, rats[pk])
        for pk, kind, kelurahan, founded in rows
    ]


def registered(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    rows = _registered_qs(on, queryset).values_list("kind", "kelurahan_id")
    return _count([_Row(kind, kelurahan, None, {}) for kind, kelurahan in rows], by)


def supervised(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    """domain.md R19."""
    return _count(_supervised_list(on, queryset), by)


def _is_active(row: _Row, on: dt.date, rule) -> bool:
    return status_rules.is_active(rats=row.rats, on=on, rule=rule, first_year=row.first_year)


def active(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    """domain.md R21, as of ``on``."""
    rule = status_rules.rule_on(RatRule.objects.all(), on)
    return _count([c for c in _supervised_list(on, queryset) if _is_active(c, on, rule)], by)


def active_pct(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    return share(active(on, by=by, queryset=queryset), supervised(on, by=by, queryset=queryset))


def rat_required(year: int, *, by: str | None = None, queryset: QuerySet | None = None):
    """Supervised cooperatives that had to hold the RAT of fiscal ``year`` (registered by its close)."""
    return _count(_required(year, queryset)[1], by)


def _required(year: int, queryset: QuerySet | None):
    rule = status_rules.rule_on(RatRule.objects.all(), dt.date(year, 12, 31))
    due = status_rules.deadline(year, rule)
    closed = dt.date(year, 12, 31)
    base = _base(queryset).filter(registered_on__lte=closed)
    return due, _supervised_list(due, base)


def rat_on_time(year: int, *, by: str | None = None, queryset: QuerySet | None = None):
    """domain.md R20."""
    due, required = _required(year, queryset)
    on_time = [row for row in required if year in row.rats and row.rats[year] <= due]
    return _count(on_time, by)


def rat_on_time_pct(year: int, *, by: str | None = None, queryset: QuerySet | None = None):
    return share(rat_on_time(year, by=by, queryset=queryset), rat_required(year, by=by, queryset=queryset))


def _year_end(year: int) -> dt.date:
    return min(dt.date(year, 12, 31), timezone.localdate())


def growth(year: int, *, queryset: QuerySet | None = None) -> dict[str, dict]:
    """Year-on-year change of registered, supervised and active cooperatives (end of year vs year before)."""
    result = {}
    for name, function in (("registered", registered), ("supervised", supervised), ("active", active)):
        previous = function(_year_end(year - 1), queryset=queryset)
        current = function(_year_end(year), queryset=queryset)
        result[name] = {
            "previous": previous,
            "current": current,
            "change": current - previous,
            "pct": share(current - previous, previous),
        }
    return result
