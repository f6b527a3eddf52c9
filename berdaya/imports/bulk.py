"""Fast inserts for imports: plain rows straight to the database driver.

Django's ``bulk_create`` prepares every value through the field API (~8 µs a value): at 20-30 values a row
that alone caps an import near 4,000 rows/s. Here values are already clean Python values (the parsers made
them), so they go to ``executemany`` (SQLite) or ``COPY`` (PostgreSQL) as they are; only datetimes and JSON
are adapted, once per value kind. Model-level save hooks do not run: only for rows that services would
otherwise write without side effects (the caller writes the audit rows itself).
"""

from __future__ import annotations

import json

from django.db import connection, models
from django.db.models import F, Lookup
from django.db.models.fields import NOT_PROVIDED


def _defaults(model: type[models.Model], now) -> dict[str, object]:
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[field.attname] = now
        elif field.default is not NOT_PROVIDED:
            values[field.attname] = field.get_default()
        elif field.null:
            values[field.attname] = None
        elif field.empty_strings_allowed and field.blank:
            values[field.attname] = ""
    return values


def _adapter(field: models.Field, now):
    """How a clean value of this field goes to the driver (the same adaptations as fast_insert)."""
    if isinstance(field, models.JSONField):
        return lambda value: json.dumps(value, ensure_ascii=False)
    if isinstance(field, models.DateTimeField):
        adapt, adapted_now = connection.ops.adapt_datetimefield_value, None

        def datetime_value(value):
            nonlocal adapted_now
            if value is None:
                return None
            if value is now:
                adapted_now = adapted_now or adapt(now)
                return adapted_now
            return adapt(value)

        return datetime_value
    return None


def fast_update(model: type[models.Model], changes: list[tuple[object, dict]], *, now) -> None:
    """Update records in bulk: ``changes`` is a list of (pk, {attname: clean value}). Rows that change the
    same columns share one ``UPDATE ... WHERE pk = %s`` sent with ``executemany`` (Django's ``bulk_update``
    builds a CASE expression per value instead, which costs more than the rest of an import).
    ``updated_at`` is set to ``now`` when the model has it."""
    if not changes:
        return
    meta = model._meta
    has_updated_at = any(f.attname == "updated_at" for f in meta.concrete_fields)
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for pk, values in changes:
        columns = tuple(sorted(values))
        groups.setdefault(columns, []).append((pk, values))
    by_attname = {field.attname: field for field in meta.concrete_fields}
    table = connection.ops.quote_name(meta.db_table)
    pk_column = connection.ops.quote_name(meta.pk.column)
    with connection.cursor() as cursor:
        for attnames, rows in groups.items():
            fields = [by_attname[name] for name in attnames]
            adapters = [_adapter(field, now) for field in fields]
            assignments = [f"{connection.ops.quote_name(field.column)} = %s" for field in fields]
            if has_updated_at and "updated_at" not in attnames:
                assignments.append(f"{connection.ops.quote_name('updated_at')} = %s")
            sql = f"UPDATE {table} SET {', '.join(assignments)} WHERE {pk_column} = %s"  # noqa: S608
            stamp = [connection.ops.adapt_datetimefield_value(now)] if "updated_at" not in attnames else []
            params = []
            for pk, values in rows:
                row = [
                    adapt(values[name]) if adapt else values[name]
                    for name, adapt in zip(attnames, adapters, strict=True)
                ]
                params.append((*row, *(stamp if has_updated_at else ()), pk))
            cursor.executemany(sql, params)


def fast_insert(model: type[models.Model], rows: list[dict], *, now) -> None:
    """Insert ``rows`` (dicts of attname -> clean value; missing fields get their defaults; ``now`` fills
    auto_now/auto_now_add fields). No primary keys come back: query them by a key afterwards."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = _defaults(model, now)
    attnames = [f.attname for f in fields]
    json_columns = {i for i, f in enumerate(fields) if isinstance(f, models.JSONField)}
    datetime_columns = {i for i, f in enumerate(fields) if isinstance(f, models.DateTimeField)}
    adapt_datetime = connection.ops.adapt_datetimefield_value
    adapted_now = adapt_datetime(now)

    def values_of(row: dict) -> tuple:
        values = [row[name] if name in row else defaults.get(name) for name in attnames]
        for index in json_columns:
            values[index] = json.dumps(values[index], ensure_ascii=False)
        for index in datetime_columns:
            value = values[index]
            if value is not None:
                values[index] = adapted_now if value is now else adapt_datetime(value)
        return tuple(values)

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:  # noqa: S608 - names from _meta
                for row in rows:
                    copy.write_row(values_of(row))
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from _meta
            cursor.executemany(sql, [values_of(row) for row in rows])


class InArray(Lookup):
    """``field IN values`` for a batch's thousands of keys, used as ``qs.filter(InArray(F("nik"), niks))``.

    On PostgreSQL one array parameter, ``= ANY(%s)``: Django's ``__in`` sends one placeholder per value,
    which Django and psycopg then prepare and scan one by one (a fifth of a 5,000-row batch's time). On
    SQLite the values go straight into one ``IN (...)`` (no per-value field preparation: the values are
    clean keys, strings or integers)."""

    lookup_name = "in_array"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            return "1 = 0", ()
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", (*lhs_params, values)
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", (*lhs_params, *values)


def in_array(field: str, values) -> InArray:
    """The lookup ``field IN values`` as one array parameter on PostgreSQL (see InArray)."""
    return InArray(F(field), list(values))
