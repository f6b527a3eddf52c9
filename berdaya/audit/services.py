"""Writing the audit trail. Services call these inside their own transaction."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.conf import settings
from django.db import connections, router
from django.db.models import Model
from django.utils import timezone

from berdaya.lib.masking import ADDRESS_STARS, STAR, mask_address, mask_nik, mask_phone

from .models import Action, AuditEntry

M = TypeVar("M", bound=Model)


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


# Fields computed from others (search indexes): never shown as a change, never the only change.
DERIVED_FIELDS = frozenset({"search_text", "search_vector"})


def _shown(value):
    """A stored change value as users read it: lists and mappings as text, not Python reprs."""
    if isinstance(value, list | tuple | set):
        return ", ".join(str(_shown(v)) for v in value) or None
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_shown(v)}" for k, v in value.items()) or None
    return value


def _birth_year(value: str) -> str:
    return f"{value[:4]}-**-**" if len(value) >= 4 and value[:4].isdigit() else ADDRESS_STARS


# Personal fields never stored in the clear in ``changes`` (R45: the trail is itself a log): the value is
# masked as in lists, plus a keyed fingerprint so a reader still sees that (and when) the value changed and
# whether two entries hold the same value. A birth date keeps its year only: with the kelurahan and sex it
# would rebuild a NIK from its last 4 digits.
PERSONAL_CHANGE_MASKS: dict[str, Callable[[str], str]] = {
    "nik": mask_nik,
    "phone": mask_phone,
    "address": mask_address,
    "birth_date": _birth_year,
}
FINGERPRINT_SALT = "berdaya.audit.changes"


@functools.cache
def _fingerprint_key() -> bytes:
    """Derived once per process from SECRET_KEY (an import hashes hundreds of thousands of values)."""
    return hashlib.sha256(f"{FINGERPRINT_SALT}:{settings.SECRET_KEY}".encode()).digest()  # 32 bytes: a key


def protected_value(field: str, value):
    """The stored form of one personal value: ``************0001 #1a2b3c4d``; other fields unchanged.
    Idempotent: a value already protected (it holds the mask's stars) is returned as it is."""
    mask = PERSONAL_CHANGE_MASKS.get(field)
    if mask is None or value is None or value == "":
        return value
    text = str(value)
    if STAR in text:
        return text
    # Keyed BLAKE2b is a MAC by design, and one call (an import protects hundreds of thousands of values).
    digest = hashlib.blake2b(f"{field}:{text}".encode(), key=_fingerprint_key(), digest_size=4)
    fingerprint = digest.hexdigest()
    return f"{mask(text) or STAR * 4} #{fingerprint}"


def protect_changes(changes: dict) -> dict:
    """``changes`` with every personal field's values protected (see PERSONAL_CHANGE_MASKS)."""
    if not changes or not PERSONAL_CHANGE_MASKS.keys() & changes.keys():
        return changes
    protected = {}
    for name, value in changes.items():
        if name not in PERSONAL_CHANGE_MASKS:
            protected[name] = value
        elif isinstance(value, list | tuple):
            protected[name] = [protected_value(name, v) for v in value]
        else:
            protected[name] = protected_value(name, value)
    return protected


def clean_changes(changes: dict | None) -> dict:
    """Drop derived fields and empty-to-empty pairs; render lists and mappings as text; protect personal
    fields (R45)."""
    cleaned = {}
    for name, pair in (changes or {}).items():
        if name in DERIVED_FIELDS or name.startswith("search_"):
            continue
        if isinstance(pair, list | tuple) and len(pair) == 2:
            old, new = _shown(pair[0]), _shown(pair[1])
            if old == new or (old in (None, "") and new in (None, "")):
                continue
            cleaned[name] = [old, new]
        else:
            cleaned[name] = _shown(pair)
    return protect_changes(cleaned)


def audit_log(
    *,
    actor,
    action: Action | str,
    obj: Model | type[Model],
    changes: dict | None = None,
    person_id: int | None = None,
    note: str = "",
    object_repr: str = "",
) -> AuditEntry | None:
    """Append one entry. ``obj`` is a record, or a model class for actions on many records (exports).
    An update whose changes are all derived or empty, with no note, is not an entry: the trail never shows
    an empty change (returns None)."""
    many = isinstance(obj, type)
    had_changes = bool(changes)
    changes = clean_changes(changes)
    if str(action) == Action.UPDATE and had_changes and not changes and not note:
        return None
    if str(action) == Action.UPDATE and not had_changes and not note:
        return None
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


# --- The one shared write path (style.md 3 and 8) -------------------------------------------------------
# Services call these inside their own ``transaction.atomic``: snapshot -> change -> save -> audit row.
# No service builds an audit row for a create, update or delete by hand.


def _actor_or_none(actor):
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def changes_between(before: dict, after: dict) -> dict[str, list]:
    """The audit diff without empty-to-empty entries (an empty file field is "" on one side, None on the
    other)."""
    return {name: pair for name, pair in diff(before, after).items() if pair[0] or pair[1]}


def _stamp(obj: Model, actor, *, new: bool) -> None:
    who = _actor_or_none(actor)
    if new and hasattr(obj, "created_by_id"):
        setattr(obj, "created_by", who)  # noqa: B010 - not every model is Tracked
    if hasattr(obj, "updated_by_id"):
        setattr(obj, "updated_by", who)  # noqa: B010


def audited_create(
    *,
    actor,
    obj: M,
    fields: Iterable[str],
    note: str = "",
    person_id: int | None = None,
    clean: bool = True,
    related: dict[str, Iterable] | None = None,
    then: Callable[[M], object] | None = None,
) -> M:
    """Save a new record and audit its creation with the display value of every listed field.
    ``related``: many-to-many values ({field name: records}) set after the save, listed in the same row.
    ``then(obj)``: runs after the save and before the row is written, for values computed from the saved
    record (a cooperative's status), so the creation row holds them."""
    fields = tuple(fields)
    _stamp(obj, actor, new=True)
    if clean:
        obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    if then is not None:
        then(obj)
    changes = changes_between({}, snapshot(obj, fields))
    for name, values in (related or {}).items():
        values = list(values)
        getattr(obj, name).set(values)
        if values:
            changes[name] = [None, ", ".join(str(value) for value in values)]
    audit_log(actor=actor, action=Action.CREATE, obj=obj, changes=changes, note=note, person_id=person_id)
    return obj


def audited_update(
    *,
    actor,
    obj: M,
    data: dict,
    fields: Iterable[str],
    note: str = "",
    person_id: int | None = None,
    clean: bool = True,
    prepare: Callable[[M], object] | None = None,
) -> dict[str, list]:
    """Apply ``data`` (only names in ``fields``) to a saved record; save and audit only what changed.
    Returns the changes (empty when nothing changed: then nothing is saved and no row is written).
    ``prepare(obj)`` runs after ``data`` is applied and before the comparison: checks against the database
    (raise ValidationError to refuse) and values derived from the new ones (listed in ``fields`` to be
    audited)."""
    fields = tuple(fields)
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"{sorted(unknown)} are not editable fields of {type(obj).__name__}")
    before = snapshot(obj, fields)
    for name, value in data.items():
        setattr(obj, name, value)
    if prepare is not None:
        prepare(obj)
    changes = changes_between(before, snapshot(obj, fields))
    if changes:
        _stamp(obj, actor, new=False)
        if clean:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
        audit_log(actor=actor, action=Action.UPDATE, obj=obj, changes=changes, note=note, person_id=person_id)
    return changes


def audited_delete(
    *, actor, obj: Model, fields: Iterable[str], note: str = "", person_id: int | None = None
) -> None:
    """Delete a record, keeping the display values it had in its audit row."""
    changes = {name: [old, None] for name, old in snapshot(obj, tuple(fields)).items() if old}
    audit_log(actor=actor, action=Action.DELETE, obj=obj, changes=changes, note=note, person_id=person_id)
    obj.delete()


# --- Many rows at once (imports, bulk decisions, demo data) ----------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One audit row of a bulk write: the record's key and label, its changes, whose data it is."""

    object_id: object
    object_repr: str = ""
    changes: dict | None = None
    person_id: int | None = None
    note: str = ""


def audit_log_many(
    *,
    actor,
    action: Action | str,
    model: type[Model],
    entries: Iterable[Entry],
    note: str = "",
    at: dt.datetime | None = None,
    insert: Callable[[type[Model], list[dict]], None] | None = None,
) -> int:
    """Append one row per entry, in bulk; returns how many. ``note`` is the default for entries without
    their own; ``at`` the time (default now); ``insert`` a faster inserter of rows (attname -> value)
    for very large batches (the imports pass their COPY-based one). Returns the number of rows."""
    who = _actor_or_none(actor)
    name = who.get_username() if who is not None else "sistem"
    rows = [
        {
            "actor_id": who.pk if who is not None else None,
            "actor_name": name,
            "action": str(getattr(action, "value", action)),
            "object_type": model._meta.label_lower,
            "object_id": str(entry.object_id),
            "object_repr": str(entry.object_repr)[:200],
            "changes": protect_changes(entry.changes or {}),
            "person_id": entry.person_id,
            "note": (entry.note or note)[:300],
            **({"at": at} if at is not None else {}),
        }
        for entry in entries
    ]
    if insert is not None:
        insert(AuditEntry, rows)
    else:
        AuditEntry.objects.bulk_create((AuditEntry(**row) for row in rows), batch_size=1000)
    return len(rows)


def audited_bulk_create(
    *,
    actor,
    objs: Iterable[M],
    fields: Iterable[str],
    note: str = "",
    person_id: Callable[[M], int | None] | None = None,
    batch_size: int = 500,
) -> list[M]:
    """Create many records (no ``full_clean``: the caller validated them) and one CREATE row each, with
    the display value of every listed field. ``person_id(obj)`` ties a row to a person (R46)."""
    fields = tuple(fields)
    objs = list(objs)
    if not objs:
        return []
    model = type(objs[0])
    for obj in objs:
        _stamp(obj, actor, new=True)
    created = model._default_manager.bulk_create(objs, batch_size=batch_size)
    audit_log_many(
        actor=actor,
        action=Action.CREATE,
        model=model,
        entries=[
            Entry(
                obj.pk,
                str(obj),
                changes_between({}, snapshot(obj, fields)),
                person_id(obj) if person_id else None,
            )
            for obj in created
        ],
        note=note,
    )
    return created


# --- R46: unmasked personal data shown or exported ----------------------------------------------------------
PERSONAL_LOG_BATCH = 2000


def personal_data_logged(
    *,
    actor,
    model: type[Model],
    shown: Iterable[tuple[object, int | None]],
    note: str,
    action: Action | str = Action.VIEW,
) -> int:
    """R46: one entry per person whose unmasked NIK, phone or address was rendered (a record, a form, a page
    of a list) or exported, so each appears in that person's own access log. ``shown``: (record pk, person
    id) pairs of ``model``. One INSERT per batch: a list page of 25 costs one query. Returns the count."""
    authenticated = actor is not None and actor.is_authenticated
    pairs = list(dict.fromkeys((str(pk), pid) for pk, pid in shown if pid))
    if not pairs:
        return 0
    # One multi-row INSERT built here, not bulk_create: making 25 model instances to write 25 constant-shaped
    # rows was a tenth of a list page's time under load (issue 17). The columns are the model's own.
    connection = connections[router.db_for_write(AuditEntry)]
    column = {f.name: f for f in AuditEntry._meta.concrete_fields}
    common = (
        column["at"].get_db_prep_save(timezone.now(), connection),
        actor.pk if authenticated else None,
        actor.get_username() if authenticated else "sistem",
        str(action),
        model._meta.label_lower,
    )
    repr_, no_changes, note = (
        str(model._meta.verbose_name)[:200],
        column["changes"].get_db_prep_save({}, connection),
        note[:300],
    )
    names = ("at", "actor", "actor_name", "action", "object_type", "object_id", "object_repr", "changes",
             "person_id", "note")  # fmt: skip
    columns = ", ".join(connection.ops.quote_name(column[name].column) for name in names)
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    row = "(" + ", ".join(["%s"] * len(names)) + ")"
    size = min(PERSONAL_LOG_BATCH, (connection.features.max_query_params or 65535) // len(names))
    with connection.cursor() as cursor:
        for start in range(0, len(pairs), size):
            batch = pairs[start : start + size]
            params = [v for pk, pid in batch for v in (*common, pk[:64], repr_, no_changes, pid, note)]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * len(batch))}", params)  # noqa: S608 - names from the model, values bound
    return len(pairs)
