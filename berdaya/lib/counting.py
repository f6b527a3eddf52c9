"""Counting records in total or per group, the way every registry's figures module does it.

``count_by(queryset, by, groups)``: with ``by=None`` the number of (distinct) records; with ``by`` one of
the names in ``groups`` ({name: a function returning the expression to group on}) a dict
{group value: number}, sorted by value, records without a value (None) last.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.db.models import Count, QuerySet


def count_by(queryset: QuerySet, by: str | None, groups: Mapping[str, Callable]) -> int | dict:
    if by is None:
        return queryset.count()
    if by not in groups:
        raise ValueError(f"by must be one of {sorted(groups)} or None, not {by!r}")
    rows = (
        queryset.order_by()
        .annotate(count_group=groups[by]())  # not "group": a model may have that field
        .values("count_group")
        .annotate(n=Count("pk", distinct=True))
        .values_list("count_group", "n")
    )
    return dict(sorted(rows, key=lambda row: (row[0] is None, row[0] or "")))
