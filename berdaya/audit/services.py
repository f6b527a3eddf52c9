"""Writing the audit trail. Services call these inside their own transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Model

from .models import Action, AuditEntry


def _display(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"  # stored data is Indonesian, whatever the session's language
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def snapshot(obj: Model, fields: Iterable[str]) -> dict[str, str | None]:
    """The display values of ``fields`` on ``obj``, for diffing before and after a change."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        value = getattr(obj, name)
        if getattr(field, "choices", None) and value not in (None, ""):
            value = getattr(obj, f"get_{name}_display")()
        values[name] = _display(value)
    return values


def diff(before: dict, after: dict) -> dict[str, list]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def audit_log(
    *,
    actor,
    action: Action | str,
    obj: Model | type[Model],
    changes: dict | None = None,
    person_id: int | None = None,
    note: str = "",
    object_repr: str = "",
) -> AuditEntry:
    """Append one entry. ``obj`` is a record, or a model class for actions on many records (exports)."""
    many = isinstance(obj, type)
    authenticated = actor is not None and actor.is_authenticated
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "sistem",
        action=action,
        object_type=obj._meta.label_lower,
        object_id="*" if many else str(obj.pk),
        object_repr=(object_repr or str(obj))[:200],
        changes=changes or {},
        person_id=person_id,
        note=note[:300],
    )
