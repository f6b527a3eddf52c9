"""Reads shared by the division's pages and the home page (already scoped querysets in, querysets out)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Min, Q, QuerySet

from berdaya.workdays.models import DeadlineStatus

from .models import ComplianceItem, DisputeStatus, ItemKind


def with_next_deadline(disputes: QuerySet) -> QuerySet:
    """Each dispute with ``next_due`` (its earliest running deadline) for the mediator's list."""
    return disputes.annotate(
        next_due=Min("deadlines__due_on", filter=Q(deadlines__status=DeadlineStatus.OPEN))
    )


def dispute_filter(queryset: QuerySet, data: dict) -> QuerySet:
    q = (data.get("q") or "").strip()
    if q:
        queryset = queryset.filter(Q(number__icontains=q) | Q(company__name__icontains=q))
    for name in ("status", "dispute_type", "route"):
        if data.get(name):
            queryset = queryset.filter(**{name: data[name]})
    if not data.get("closed") and not data.get("status"):
        queryset = queryset.exclude(status=DisputeStatus.CLOSED)
    return queryset


def overdue_deadlines(deadlines: QuerySet, today: dt.date) -> QuerySet:
    return deadlines.filter(status=DeadlineStatus.OPEN, due_on__lt=today)


def due_soon(deadlines: QuerySet, today: dt.date, days: int = 3) -> QuerySet:
    return deadlines.filter(
        status=DeadlineStatus.OPEN, due_on__gte=today, due_on__lte=today + dt.timedelta(days=days)
    )


def renewals_due(items: QuerySet, today: dt.date, days: int = 60) -> QuerySet:
    """PPs whose validity ends within ``days`` (R41a: renewal due before the 2-year expiry), not yet renewed
    (no later PP or PKB for the company)."""
    ending = items.filter(
        kind=ItemKind.PP, valid_to__gte=today, valid_to__lte=today + dt.timedelta(days=days)
    )
    renewed = ComplianceItem.objects.filter(
        kind__in=[ItemKind.PP, ItemKind.PKB], valid_to__gt=today + dt.timedelta(days=days)
    ).values("company_id")
    return ending.exclude(company_id__in=renewed).select_related("company").order_by("valid_to")
