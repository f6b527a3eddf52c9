"""Figures of the cooperative registry for the yearly report (issue 4 point 9), for any date or year.

Each function counts over the whole registry or over ``queryset`` (cooperatives, e.g. already scoped).
With ``by=None`` it returns a number; with ``by="kecamatan"`` or ``by="kind"`` a dict {kecamatan code or
kind value: number} (key "" for cooperatives without a kelurahan). Percentages are Decimals in full
precision (round only for display) and None where the denominator is zero. Health ("healthy") and
rating ("rated quality") figures are in ``assessment_figures.py``.

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
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from . import status as status_rules
from .models import Cooperative, DissolutionStage, DissolutionStep, MembershipArea, Rat, RatRule, Status

BY = ("kecamatan", "kind")


def _base(queryset: QuerySet | None) -> QuerySet:
    return Cooperative.objects.all() if queryset is None else queryset


def _group_key(cooperative: Cooperative, by: str) -> str:
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


def _pct(part, whole):
    if isinstance(part, dict):
        return {key: _pct(part.get(key, 0), value) for key, value in whole.items()}
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def _registered_qs(on: dt.date, queryset: QuerySet | None) -> QuerySet:
    dissolved = DissolutionStep.objects.filter(
        dissolution__cooperative=OuterRef("pk"),
        stage__in=[DissolutionStage.DECISION, DissolutionStage.SETTLEMENT, DissolutionStage.STRUCK_OFF],
        on__lte=on,
    )
    return _base(queryset).filter(registered_on__lte=on).exclude(Exists(dissolved))


def _supervised_list(on: dt.date, queryset: QuerySet | None) -> list[Cooperative]:
    return list(
        _registered_qs(on, queryset)
        .filter(membership_area=MembershipArea.KOTA)
        .only("pk", "kind", "kelurahan_id", "legal_entity_date")
        .prefetch_related(
            Prefetch("rats", queryset=Rat.objects.only("cooperative_id", "fiscal_year", "held_on"))
        )
    )


def registered(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    return _count(list(_registered_qs(on, queryset).only("pk", "kind", "kelurahan_id")), by)


def supervised(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    """domain.md R19."""
    return _count(_supervised_list(on, queryset), by)


def _is_active(cooperative: Cooperative, on: dt.date, rule) -> bool:
    evaluation = status_rules.evaluate(
        rats={rat.fiscal_year: rat.held_on for rat in cooperative.rats.all()},
        on=on,
        rule=rule,
        first_year=cooperative.legal_entity_date.year if cooperative.legal_entity_date else None,
    )
    return evaluation.status == Status.AKTIF


def active(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    """domain.md R21, as of ``on``."""
    rule = status_rules.rule_on(RatRule.objects.all(), on)
    return _count([c for c in _supervised_list(on, queryset) if _is_active(c, on, rule)], by)


def active_pct(on: dt.date, *, by: str | None = None, queryset: QuerySet | None = None):
    return _pct(active(on, by=by, queryset=queryset), supervised(on, by=by, queryset=queryset))


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
    on_time = [c for c in required if any(r.fiscal_year == year and r.held_on <= due for r in c.rats.all())]
    return _count(on_time, by)


def rat_on_time_pct(year: int, *, by: str | None = None, queryset: QuerySet | None = None):
    return _pct(rat_on_time(year, by=by, queryset=queryset), rat_required(year, by=by, queryset=queryset))


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
            "pct": _pct(current - previous, previous),
        }
    return result
