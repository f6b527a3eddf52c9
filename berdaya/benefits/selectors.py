"""Reads of the benefit history for other apps (docs/interfaces.md)."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Benefit


def served_q(
    person_ref: str | None = None,
    enterprise_ref: str | None = None,
    cooperative_ref: str | None = None,
    *,
    kind: str | list[str] | None = None,
    since: dt.date | None = None,
    exclude_ref: str | None = None,
    exclude_model=None,
) -> Exists:
    """An ``Exists`` (for annotate or filter) that is true when the outer row's person, enterprise or
    cooperative (each named by a reference to the outer row, e.g. ``"owner_id"``) has any benefit in the
    history, optionally of ``kind`` and on or after ``since``. ``exclude_ref`` with ``exclude_model`` leaves
    out the outer row's own record (an application does not count as its own earlier service)."""
    refs = Q(pk__in=[])
    if person_ref:
        refs |= Q(person_id=OuterRef(person_ref))
    if enterprise_ref:
        refs |= Q(enterprise_id=OuterRef(enterprise_ref))
    if cooperative_ref:
        refs |= Q(cooperative_id=OuterRef(cooperative_ref))
    rows = Benefit.objects.filter(refs)
    if kind:
        rows = rows.filter(kind__in=[kind] if isinstance(kind, str) else list(kind))
    if since is not None:
        rows = rows.filter(received_on__gte=since)
    if exclude_ref:
        content_type = ContentType.objects.get_for_model(exclude_model)
        rows = rows.exclude(content_type=content_type, object_id=OuterRef(exclude_ref))
    return Exists(rows)


def history(person=None, enterprise=None, cooperative=None) -> QuerySet:
    """Every benefit of a person, a business (and its owner) or a cooperative, newest first."""
    q = Q(pk__in=[])
    if person is not None:
        q |= Q(person=person)
    if enterprise is not None:
        q |= Q(enterprise=enterprise) | Q(person_id=enterprise.owner_id)
    if cooperative is not None:
        q |= Q(cooperative=cooperative)
    return Benefit.objects.filter(q).select_related("enterprise", "cooperative", "person")


def served_ids(field: str, *, kind=None, since=None) -> QuerySet:
    """Distinct ids in ``field`` (person_id, enterprise_id, cooperative_id) of everyone served."""
    rows = Benefit.objects.filter(**{f"{field}__isnull": False})
    if kind:
        rows = rows.filter(kind__in=[kind] if isinstance(kind, str) else list(kind))
    if since is not None:
        rows = rows.filter(received_on__gte=since)
    return rows.values_list(field, flat=True).distinct()
