"""What a registry declares to be importable: its columns (fields), how a row finds its record (the key),
and how a batch of valid rows is written (bulk, atomic, audited).

A registry adds ``<app>/importing.py`` with a spec and ``register(spec)``; ``ImportsConfig.ready()`` imports
every installed app's ``importing`` module. Most registries subclass ``ModelSpec`` (one row = one record of
one model) and only list fields and say how a row becomes a record; see ``berdaya/people/importing.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone

from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log_many

from . import parsers
from .bulk import fast_insert, fast_update, in_array

__all__ = [
    "SPECS",
    "BatchResult",
    "ImportField",
    "ImportSpec",
    "ModelSpec",
    "Row",
    "get_spec",
    "normalize_header",
    "register",
    "suggest_mapping",
]

RELATED_NAMES_KEPT = 20_000  # display names of related records held between an import's batches


@dataclass(frozen=True)
class ImportField:
    """One importable column. ``parse(value)`` gets a non-empty cell and returns the clean value or raises
    ValueError with an Indonesian message; ``synonyms`` are header texts the office uses for it."""

    name: str
    label: str
    parse: Callable = field(default_factory=parsers.text)
    required: bool = False
    synonyms: tuple[str, ...] = ()
    help: str = ""


@dataclass(slots=True)
class Row:
    """A valid row: its spreadsheet row number and its parsed values (only the columns that had a value)."""

    number: int
    values: dict


@dataclass
class BatchResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # ModelSpec: the batch's records by row key after the write (attname -> value, plus "pk"), and the keys
    # of those that existed before it: what a spec writing related rows needs without querying again.
    records: dict = field(default_factory=dict)
    found: set = field(default_factory=set)


class ImportSpec:
    """The interface the runner needs. Subclass ``ModelSpec`` unless rows fan out in unusual ways."""

    key: str  # "people", "umkm": the CLI's and URL's name
    label: str  # "Orang", shown on screens
    model: type[models.Model]  # access checks: can_edit_model(user, spec.model)
    nav: str = ""  # the menu item to highlight on the import pages
    fields: tuple[ImportField, ...] = ()
    batch_size: int = 5000

    def field(self, name: str) -> ImportField:
        return self._fields_by_name()[name]

    def _fields_by_name(self) -> dict[str, ImportField]:
        return {f.name: f for f in self.fields}

    def prepare(self) -> None:
        """Called once at the start of a run (and of a preview): refresh cached reference data."""
        parsers.clear_caches()
        self.__dict__.pop("_related_names", None)

    def clean(self, values: dict) -> list[str]:
        """Checks across columns after each column parsed; may add derived values. Returns reasons."""
        return []

    def row_key(self, values: dict) -> Hashable:
        """What identifies the row's record; two rows with the same key in one batch are written in turn."""
        raise NotImplementedError

    def review(self, rows: list[Row]) -> dict[int, list[str]]:
        """Rows that are valid on their own but clash with the registry (or an earlier row of the file), by
        row number, with the reasons: they are held back for a person to review, never written. Called by
        the preview and before each batch is written."""
        return {}

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        raise NotImplementedError


SPECS: dict[str, ImportSpec] = {}


def register(spec: ImportSpec) -> ImportSpec:
    SPECS[spec.key] = spec
    return spec


def get_spec(key: str) -> ImportSpec:
    """The spec registered under ``key``; KeyError if none."""
    return SPECS[key]


# --- Header suggestions -------------------------------------------------------------------------------------


def normalize_header(text: str) -> str:
    """ "NAMA  Pemilik (sesuai KTP)*" -> "nama pemilik sesuai ktp": the form headers are compared in."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def suggest_mapping(
    spec: ImportSpec, headers: list[str], remembered: dict[str, str] | None = None
) -> list[str]:
    """A field name (or "") per column: first what this source's remembered mapping says, then exact
    matches of the header with a field's name, label or synonyms, then the closest fuzzy match. Each field
    is suggested for one column at most."""
    from rapidfuzz import fuzz

    names = {f.name for f in spec.fields}
    normalized = [normalize_header(h) for h in headers]
    result = [""] * len(headers)
    used: set[str] = set()
    for index, header in enumerate(normalized):
        chosen = (remembered or {}).get(header, "")
        if chosen in names and chosen not in used:
            result[index] = chosen
            used.add(chosen)
    candidates = []
    for f in spec.fields:
        for text in (f.name.replace("_", " "), f.label, *f.synonyms):
            candidates.append((normalize_header(text), f.name))
    for index, header in enumerate(normalized):
        if result[index] or not header:
            continue
        for text, name in candidates:
            if text == header and name not in used:
                result[index] = name
                used.add(name)
                break
    scored = []
    for index, header in enumerate(normalized):
        if result[index] or not header:
            continue
        for text, name in candidates:
            score = fuzz.token_sort_ratio(header, text)
            if score >= 85:
                scored.append((score, index, name))
    for _score, index, name in sorted(scored, reverse=True):
        if not result[index] and name not in used:
            result[index] = name
            used.add(name)
    return result


# --- One row = one record of one model ----------------------------------------------------------------------


def display(value) -> str | None:
    """A value as the audit trail shows it (the rules of audit.services)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class ModelSpec(ImportSpec):
    """Rows that create or update one model's records, found by a natural key or by the source's row ID.

    Subclasses set ``model``, ``fields``, ``key_field`` (the model field of the natural key, e.g. "nik"),
    ``audited_fields`` (the model fields a row may set, compared to decide "unchanged"), ``repr_field``
    (the field naming the record in the audit trail) and, when the model keeps ``source``/``source_id``
    (traceability), ``keeps_source = True``. Override ``instance_values`` when import fields and model
    fields differ, ``same`` for tolerant comparisons, ``person_id`` for R46, ``defaults`` for new records.

    Records are read as plain values and new ones written with ``bulk.fast_insert`` (no model instances:
    they cost more than the rest of the import together); updates with ``bulk.fast_update``.
    """

    key_field: str = ""
    repr_field: str = "name"
    audited_fields: tuple[str, ...] = ()
    keeps_source: bool = False
    source_id_field: str = "source_id"  # the ImportField carrying the row's ID in the source, if mapped

    # -- hooks -----------------------------------------------------------------------------------------
    def instance_values(self, values: dict) -> dict:
        """Model field -> value for the row (default: the parsed values of audited fields)."""
        return {name: values[name] for name in self.audited_fields if name in values}

    def same(self, name: str, old, new) -> bool:
        return old == new

    def person_id(self, record: dict) -> int | None:
        return None

    def defaults(self) -> dict:
        """Attname -> value for a new record beyond the row's (e.g. a default sector)."""
        return {}

    def new_record_values(self, values: dict) -> dict:
        """Attname -> value a new record gets from its row beyond the audited fields (not in its audit
        row: derived values, e.g. a denormalised class)."""
        return {}

    def after_update(self, updated: list[tuple[dict, dict]]) -> None:
        """Called inside the batch's transaction with (record, {attname: new value}) of updated records."""

    # -- the mechanism -----------------------------------------------------------------------------------
    def row_key(self, values: dict) -> Hashable:
        source_id = values.get(self.source_id_field) if self.keeps_source else None
        if source_id:
            return ("source_id", source_id)
        return (self.key_field, values.get(self.key_field))

    def _choice_labels(self) -> dict[str, dict]:
        """Field -> {value: label} for choice fields: the audit trail shows "Laki-laki", not "L"."""
        labels = {}
        for name in self.audited_fields:
            choices = getattr(self.model._meta.get_field(name), "choices", None)
            if choices:
                labels[name] = {value: str(label) for value, label in choices}
        return labels

    def shown(self, name: str, value, labels: dict[str, dict]) -> str | None:
        if name in labels and value in labels[name]:
            return labels[name][value]
        if value is not None and not isinstance(value, models.Model):
            model_field = self.model._meta.get_field(name)
            if model_field.is_relation:
                return self._related_name(model_field, value)  # "Kuliner", never the key "7"
        return display(value)

    def _prefetch_related_names(self, prepared, records, attnames) -> None:
        """One query per relation field per batch for the names the audit rows show (owners, sectors).

        The names are kept between batches (sectors repeat), but not without bound: one owner a row was a
        million names held by a million-row import (issue 14: memory flat). The batch about to be written
        fetches what it lacks, so clearing here loses nothing."""
        cache = self.__dict__.setdefault("_related_names", {})
        if len(cache) > RELATED_NAMES_KEPT:
            cache.clear()
        for name, attname in attnames.items():
            model_field = self.model._meta.get_field(name)
            if not model_field.is_relation or model_field.related_model._meta.label_lower == "regions.region":
                continue
            model = model_field.related_model
            keys = {values.get(name) for _row, values in prepared}
            keys |= {record.get(attname) for record in records}
            keys = {k.pk if isinstance(k, models.Model) else k for k in keys} - {None}
            missing = [k for k in keys if (model, k) not in cache]
            if missing:
                for found in model._base_manager.filter(in_array("pk", missing)):
                    cache[(model, found.pk)] = str(found)

    def _related_name(self, model_field, key) -> str:
        """The display name of a related record by key, cached per spec (sectors, regions: a handful)."""
        cache = self.__dict__.setdefault("_related_names", {})
        model = model_field.related_model
        if (model, key) not in cache:
            if model._meta.label_lower == "regions.region":
                region = parsers._kelurahan_index()[0].get(key)
                cache[(model, key)] = region.name if region else str(key)
            else:
                found = model._base_manager.filter(pk=key).first()
                cache[(model, key)] = str(found) if found is not None else str(key)
        return cache[(model, key)]

    def _attnames(self) -> dict[str, str]:
        meta = self.model._meta
        return {name: meta.get_field(name).attname for name in self.audited_fields}

    def fetch_existing(self, keys: Iterable[Hashable], *, source: str) -> dict[Hashable, dict]:
        """One query per key kind: the batch's existing records (as dicts of attname -> value, plus "pk")
        by natural key and by source ID."""
        keys = list(keys)
        columns = ["pk", *dict.fromkeys([*self._attnames().values(), self.key_field, self.repr_field])]
        if self.keeps_source:
            columns.append("source_id")
        manager = self.model._default_manager
        found: dict[Hashable, dict] = {}
        natural = [value for kind, value in keys if kind == self.key_field]
        if natural:
            for record in manager.filter(in_array(self.key_field, natural)).values(*columns):
                found[(self.key_field, record[self.key_field])] = record
        by_source = [value for kind, value in keys if kind == "source_id"]
        if by_source:
            for record in manager.filter(in_array("source_id", by_source), source=source).values(*columns):
                found[("source_id", record["source_id"])] = record
        return found

    def write_batch(self, rows: list[Row], *, actor, source: str) -> BatchResult:
        result = BatchResult()
        existing = self.fetch_existing({self.row_key(row.values) for row in rows}, source=source)
        attnames = self._attnames()
        prepared = [(row, self.instance_values(row.values)) for row in rows]
        self._prefetch_related_names(prepared, existing.values(), attnames)
        labels = self._choice_labels()
        now = timezone.now()
        actor_id = actor.pk if actor is not None and actor.is_authenticated else None
        to_create, created_audits, to_update, update_audits = [], [], [], []
        defaults = self.defaults()
        for row, values in prepared:
            source_id = row.values.get(self.source_id_field) or ""
            key = self.row_key(row.values)
            record = existing.get(key)
            if record is None:
                data = dict(defaults) | self.new_record_values(row.values)
                changes = {}
                for name, value in values.items():
                    data[attnames[name]] = value.pk if isinstance(value, models.Model) else value
                    shown = self.shown(name, value, labels)
                    if shown is not None:
                        changes[name] = [None, shown]
                if self.keeps_source:
                    data["source"], data["source_id"] = source, source_id
                data["created_by_id"] = data["updated_by_id"] = actor_id
                to_create.append(data)
                created_audits.append((key, changes, source_id))
                continue
            changes, changed = {}, {}
            for name, new in values.items():
                attname = attnames[name]
                old = record[attname]
                new_value = new.pk if isinstance(new, models.Model) else new
                if old == new_value or self.same(name, old, new_value):
                    continue
                old_shown = labels[name].get(old, old) if name in labels else self.old_display(name, old)
                changes[name] = [old_shown or None, self.shown(name, new, labels)]
                changed[attname] = new_value
            if not changes:
                result.unchanged += 1
                continue
            to_update.append((record, changed))
            update_audits.append((record, changes, source_id))
        result.found = set(existing)
        with transaction.atomic():
            audits = []
            if to_create:
                fast_insert(self.model, to_create, now=now)
                created = self.fetch_existing([key for key, _c, _s in created_audits], source=source)
                existing.update(created)
                audits += [
                    (Action.CREATE, created[key], changes, sid) for key, changes, sid in created_audits
                ]
            if to_update:
                fast_update(
                    self.model,
                    [(record["pk"], changed | {"updated_by_id": actor_id}) for record, changed in to_update],
                    now=now,
                )
                self.after_update(to_update)
                for record, changed in to_update:
                    record.update(changed)
                audits += [(Action.UPDATE, record, changes, sid) for record, changes, sid in update_audits]
            self.write_audit(audits, actor=actor, source=source, now=now)
        result.created, result.updated = len(to_create), len(to_update)
        result.records = existing
        return result

    def old_display(self, name: str, old) -> str | None:
        model_field = self.model._meta.get_field(name)
        if model_field.is_relation and old is not None:
            return self._related_name(model_field, old)
        return display(old)

    def write_audit(self, audits: list, *, actor, source: str, now) -> None:
        """One audit row per created or updated record, inserted in bulk (COPY on PostgreSQL)."""
        note = f"Impor dari {source}"
        for action in dict.fromkeys(audit[0] for audit in audits):  # first seen first
            audit_log_many(
                actor=actor,
                action=action,
                model=self.model,
                entries=[
                    Entry(
                        record["pk"],
                        str(record.get(self.repr_field) or ""),
                        changes,
                        self.person_id(record),
                        f"{note}, ID sumber {source_id}" if source_id else note,
                    )
                    for kind, record, changes, source_id in audits
                    if kind == action
                ],
                at=now,
                insert=lambda model, rows: fast_insert(model, rows, now=now),
            )
