"""Reads of the cooperative registry shared by views, exports, figures and the health/rating module.

Functions taking a ``queryset`` expect it already scoped (``berdaya.accounts.access.scoped``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from berdaya.regions.models import Region

from .models import Cooperative, FollowUp, Rat, WatchStage
from .status import STAGE_ORDER


def rat_held_for(cooperative: Cooperative | int, fiscal_year: int) -> bool:
    """True when a RAT is recorded as held for ``fiscal_year`` (domain.md R25 needs it)."""
    pk = getattr(cooperative, "pk", cooperative)
    return Rat.objects.filter(cooperative_id=pk, fiscal_year=fiscal_year).exists()


def overdue_follow_ups(queryset: QuerySet | None = None, *, on: dt.date | None = None) -> QuerySet:
    """Follow-ups not done whose due date has passed (due today is not overdue)."""
    queryset = FollowUp.objects.all() if queryset is None else queryset
    return queryset.filter(done_on__isnull=True, due_on__lt=on or timezone.localdate())


def with_overdue_flag(queryset: QuerySet, *, on: dt.date | None = None) -> QuerySet:
    overdue = overdue_follow_ups(on=on).filter(visit__cooperative=OuterRef("pk"))
    return queryset.annotate(has_overdue=Exists(overdue))


def cooperative_search(queryset: QuerySet, q: str) -> QuerySet:
    """By name (every word), Nomor Induk Koperasi, legal-entity number, or group."""
    q = (q or "").strip()
    if not q:
        return queryset
    if re.fullmatch(r"[\d./\-\s]+", q):
        return queryset.filter(
            Q(nomor_induk_koperasi__startswith=q.replace(" ", "")) | Q(legal_entity_number__icontains=q)
        )
    by_words = Q()
    for word in q.split():
        by_words &= Q(name__icontains=word) | Q(group__icontains=word)
    return queryset.filter(by_words | Q(legal_entity_number__icontains=q))


def _code(value) -> str:
    return getattr(value, "code", None) or str(value)


def cooperative_filter(queryset: QuerySet, data: dict) -> QuerySet:
    """Apply cleaned filter data. Keys (all optional): q, status, stage, kind, kecamatan, kelurahan,
    health (a category, or "none"), rating ("quality", "rated", "none"), supervised ("1"/"0"),
    overdue ("1")."""
    queryset = cooperative_search(queryset, data.get("q") or "")
    if data.get("status"):
        queryset = queryset.filter(status=data["status"])
    if data.get("stage"):
        queryset = queryset.filter(watch_stage="" if data["stage"] == "none" else data["stage"])
    if data.get("kind"):
        queryset = queryset.filter(kind=data["kind"])
    if data.get("kecamatan"):
        codes = list(Region.objects.filter(parent_id=_code(data["kecamatan"])).values_list("code", flat=True))
        queryset = queryset.filter(kelurahan_id__in=codes)
    if data.get("kelurahan"):
        queryset = queryset.filter(kelurahan_id=_code(data["kelurahan"]))
    if data.get("health"):
        queryset = queryset.filter(health_category="" if data["health"] == "none" else data["health"])
    rating = data.get("rating")
    if rating == "quality":
        queryset = queryset.filter(rating_quality=True)
    elif rating == "rated":
        queryset = queryset.exclude(rating_predicate="")
    elif rating == "none":
        queryset = queryset.filter(rating_predicate="")
    if data.get("supervised") in ("1", "0"):
        from .models import MembershipArea

        city = Q(membership_area=MembershipArea.KOTA)
        queryset = queryset.filter(city) if data["supervised"] == "1" else queryset.exclude(city)
    if data.get("overdue") == "1":
        queryset = with_overdue_flag(queryset).filter(has_overdue=True)
    return queryset


SORTS = {
    "name": "name",
    "-name": "-name",
    "registered": "registered_on",
    "-registered": "-registered_on",
    "status": "status",
    "-status": "-status",
}


def cooperative_sort(queryset: QuerySet, sort: str | None) -> QuerySet:
    order = SORTS.get(sort or "", "name")
    return queryset.order_by(order, "-id" if order.startswith("-") else "id")


def watch_list(queryset: QuerySet) -> list[dict]:
    """Cooperatives on the watch list grouped by stage (most urgent first), from the cached stage:
    [{"stage", "label", "items", "count"}]; stages without items are kept so the page shows zeros."""
    rows = list(queryset.exclude(watch_stage="").select_related("kelurahan__parent").order_by("name", "id"))
    groups = []
    for stage in STAGE_ORDER:
        items = [c for c in rows if c.watch_stage == stage]
        groups.append({"stage": stage.value, "label": stage.label, "items": items, "count": len(items)})
    return groups


def watch_counts(queryset: QuerySet, by: str) -> dict[tuple[str, str], int]:
    """(stage, kecamatan code or kind) -> count of cooperatives on the watch list."""
    counts: Counter = Counter()
    for stage, kelurahan, kind in queryset.exclude(watch_stage="").values_list(
        "watch_stage", "kelurahan_id", "kind"
    ):
        key = (kelurahan[:8] if kelurahan else "") if by == "kecamatan" else kind
        counts[(stage, key)] += 1
    return dict(counts)


WATCH_STAGES = [stage for stage in STAGE_ORDER if stage != WatchStage.NONE]
