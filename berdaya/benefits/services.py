"""Writes of the benefit history (style.md 3), called by the programs and training services."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from berdaya.audit.services import audited_create, audited_delete, audited_update

from .models import Benefit, Source

FIELDS = (
    "person",
    "enterprise",
    "cooperative",
    "kelurahan",
    "source",
    "kind",
    "title",
    "received_on",
    "year",
)


def _ref_of(ref) -> tuple[ContentType, int]:
    return ContentType.objects.get_for_model(type(ref)), ref.pk


@transaction.atomic
def benefit_record(
    *,
    actor,
    ref,
    source: str,
    kind: str,
    title: str,
    received_on: dt.date,
    person=None,
    enterprise=None,
    cooperative=None,
    kelurahan=None,
) -> Benefit:
    """The one row for ``ref`` (an application or a participant), created or brought up to date."""
    if source not in Source.values:
        raise ValueError(f"unknown benefit source {source!r}")
    content_type, object_id = _ref_of(ref)
    data = {
        "person": person,
        "enterprise": enterprise,
        "cooperative": cooperative,
        "kelurahan": kelurahan or getattr(enterprise or cooperative or person, "kelurahan", None),
        "source": source,
        "kind": kind,
        "title": title[:255],
        "received_on": received_on,
        "year": received_on.year,
    }
    person_id = person.pk if person is not None else None
    existing = Benefit.objects.filter(content_type=content_type, object_id=object_id).first()
    if existing is not None:
        audited_update(actor=actor, obj=existing, data=data, fields=FIELDS, person_id=person_id)
        return existing
    benefit = Benefit(content_type=content_type, object_id=object_id, **data)
    return audited_create(actor=actor, obj=benefit, fields=FIELDS, person_id=person_id)


@transaction.atomic
def benefit_withdraw(*, actor, ref, note: str = "") -> bool:
    """Remove the row of ``ref`` when the benefit was reversed (an attendance cancelled, an award undone)."""
    content_type, object_id = _ref_of(ref)
    benefit = Benefit.objects.filter(content_type=content_type, object_id=object_id).first()
    if benefit is None:
        return False
    audited_delete(actor=actor, obj=benefit, fields=FIELDS, note=note, person_id=benefit.person_id)
    return True
