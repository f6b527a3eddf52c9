"""Reads of the LPK and BKK registries: search, filters, the registration mark's validity (R39a)."""

from __future__ import annotations

import datetime as dt

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from . import rules
from .models import BkkReport


def institution_search(queryset: QuerySet, q: str, *fields: str) -> QuerySet:
    if not q:
        return queryset
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": q})
    return queryset.filter(condition)


def bkk_with_mark(queryset: QuerySet, on: dt.date) -> QuerySet:
    """Annotate ``mark_valid`` (R39a/R39b) in the database, the same rule as ``rules.mark_valid``."""
    due = rules.last_year_due(on)
    reported = Exists(BkkReport.objects.filter(bkk=OuterRef("pk"), year=due))
    valid = Q(registered_on__lte=on) & (Q(registered_on__year__gt=due) | Q(mark_reported=True))
    return queryset.annotate(mark_reported=reported).annotate(
        mark_valid_db=ExpressionWrapper(valid, output_field=BooleanField())
    )


def bkk_filter_mark(queryset: QuerySet, valid: str, on: dt.date) -> QuerySet:
    if valid not in ("1", "0"):
        return queryset
    return queryset.filter(mark_valid_db=valid == "1")
