"""Running an import: read rows lazily, validate each, write valid ones in batches, collect rejected ones.

Memory stays flat: one batch of rows is held at a time, rejected rows go straight to the error file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.db import DatabaseError, InterfaceError, OperationalError, transaction
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from berdaya.lib.export import safe_cell

from .parsers import is_empty
from .readers import MAX_CELL_CHARS, ReaderError, Table
from .spec import ImportSpec, Row

log = logging.getLogger(__name__)

PREVIEW_ROWS = 30  # the preview page says how many it shows (imports/preview.html)
PREVIEW_SAMPLE = 1000


@dataclass
class Counts:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    failed_batches: list[str] = field(default_factory=list)
    resume_from: int | None = None  # after a stop: the first row not saved (rows before it are)
    last_read: int = 0  # the spreadsheet row number of the last row read

    @property
    def saved(self) -> int:
        return self.created + self.updated + self.unchanged


class RunStopped(Exception):
    """The run stopped before the end of the file (the file could not be read further, or the database
    connection was lost). Every batch before ``counts.resume_from`` is saved; nothing after it is."""

    def __init__(self, message: str, counts: Counts):
        super().__init__(message)
        self.counts = counts


# A lost or unusable connection: retrying rows one by one would only log every valid row as refused.
CONNECTION_ERRORS = (InterfaceError, OperationalError)


def mapped_fields(spec: ImportSpec, mapping: list[str]) -> list[tuple[int, object]]:
    by_name = {f.name: f for f in spec.fields}
    return [(index, by_name[name]) for index, name in enumerate(mapping) if name in by_name]


def missing_required(spec: ImportSpec, mapping: list[str]) -> list[str]:
    """Labels of required fields no column is mapped to."""
    chosen = set(mapping)
    return [f.label for f in spec.fields if f.required and f.name not in chosen]


def _reason(label: str, message: str) -> str:
    return message if message.lower().startswith(label.lower()) else f"{label}: {message}"


def validate(spec: ImportSpec, mapping: list[str], rows: Iterator[tuple[int, list]]):
    """Yields (row number, cells, values, reasons) per data row; values is None when the row is rejected."""
    columns = mapped_fields(spec, mapping)
    clean = spec.clean
    for number, cells in rows:
        values: dict = {}
        reasons: list[str] = []
        for index, import_field in columns:
            cell = cells[index]
            if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                reasons.append(f"{import_field.label}: isi sel lebih dari {MAX_CELL_CHARS:,} karakter.")
                continue
            if is_empty(cell):
                if import_field.required:
                    reasons.append(f"{import_field.label} wajib diisi.")
                continue
            try:
                values[import_field.name] = import_field.parse(cell)
            except ValueError as error:
                reasons.append(_reason(import_field.label, str(error)))
        if not reasons:
            reasons = clean(values)
        yield number, cells, (None if reasons else values), reasons


class ErrorFile:
    """The rejected rows as XLSX (openpyxl write-only: rows go to disk as they come): the row number, the
    original columns and "alasan" (every reason, joined with "; "), to fix and import again."""

    def __init__(self, path: Path, headers: list[str]):
        self.path = path
        self.headers = headers
        self.workbook = None  # created at the first rejected row: most runs have none
        self.count = 0

    @staticmethod
    def _cell(value):
        """A cell as the error file keeps it: control characters dropped, at most Excel's cell size, and
        never a formula (a name typed as `=HYPERLINK(...)` must not run when the file is opened)."""
        if isinstance(value, str):
            return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_CHARS])
        return value

    def add(self, number: int, cells: list, reasons: list[str]) -> None:
        if self.workbook is None:
            self.workbook = Workbook(write_only=True)
            self.sheet = self.workbook.create_sheet("Ditolak")
            self.sheet.append(["baris", *self.headers, "alasan"])
        self.count += 1
        self.sheet.append([number, *(self._cell(c) for c in cells), "; ".join(reasons)])

    def close(self) -> Path | None:
        if not self.count:
            return None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.workbook.save(self.path)
        return self.path


def execute(
    spec: ImportSpec,
    table: Table,
    mapping: list[str],
    *,
    actor,
    source: str,
    errors: ErrorFile | None = None,
    progress: Callable[[int, int | None, str], None] | None = None,
    batch_size: int | None = None,
    counts: Counts | None = None,
    on_batch: Callable[[Counts], None] | None = None,
) -> Counts:
    """Import every row of ``table`` in batches, each written in its own transaction.

    A batch the database refuses (say, a NIB another record already has) is split in halves and retried
    until the refused rows stand alone: those are rejected with the database's reason, the rest are saved.
    Rows for the same record (the same NIK twice in a file) go to successive batches, in file order, so a
    batch never holds one record twice and batches stay full."""
    spec.prepare()
    batch_size = batch_size or spec.batch_size
    counts = counts if counts is not None else Counts()
    # Batches being filled: the first is written when full; a row whose record is already in a batch
    # goes to the next batch that does not hold it.
    pending: list[tuple[list[Row], list[list], set]] = [([], [], set())]

    def reject(number, cells, reasons):
        counts.rejected += 1
        if errors is not None:
            errors.add(number, cells, reasons)

    def write(rows: list[Row], cells: list[list]) -> None:
        try:
            with transaction.atomic():  # the batch and its counts are saved together, or neither
                result = spec.write_batch(rows, actor=actor, source=source)
                if on_batch is not None:
                    on_batch(replace(counts, created=counts.created + result.created,
                                     updated=counts.updated + result.updated,
                                     unchanged=counts.unchanged + result.unchanged))  # fmt: skip
        except CONNECTION_ERRORS as error:
            counts.resume_from = min(
                row.number for batch in [rows, *[b[0] for b in pending]] for row in batch
            )
            raise RunStopped(
                f"Basis data tidak dapat dihubungi ({str(error).strip()[:200]}).", counts
            ) from error
        except DatabaseError as error:
            if len(rows) > 1:
                half = len(rows) // 2
                write(rows[:half], cells[:half])
                write(rows[half:], cells[half:])
                return
            number = rows[0].number
            log.warning("import row %s refused: %s", number, error)
            counts.failed_batches.append(f"Baris {number} ditolak basis data: {error}"[:300])
            reject(number, cells[0], [f"Tidak tersimpan: ditolak basis data ({error})."[:500]])
        else:
            counts.created += result.created
            counts.updated += result.updated
            counts.unchanged += result.unchanged

    def flush():
        rows, cells, _keys = pending.pop(0)
        if not pending:
            pending.append(([], [], set()))
        held = spec.review(rows) if rows else {}
        if held:
            kept = [
                (row, row_cells) for row, row_cells in zip(rows, cells, strict=True) if row.number not in held
            ]
            for row, row_cells in zip(rows, cells, strict=True):
                if row.number in held:
                    reject(row.number, row_cells, held[row.number])
            rows, cells = [row for row, _c in kept], [c for _r, c in kept]
        if rows:
            write(rows, cells)
        if progress is not None:
            progress(counts.total, table.total, f"{counts.total} baris diproses")

    checked = validate(spec, mapping, table.rows)
    while True:
        try:
            number, cells, values, reasons = next(checked)
        except StopIteration:
            break
        except ReaderError as error:
            # The rows read so far are whole: save them, then say where to resume.
            while pending[0][0] or len(pending) > 1:
                flush()
            counts.resume_from = counts.last_read + 1 if counts.last_read else None
            raise RunStopped(str(error), counts) from None
        counts.total += 1
        counts.last_read = number
        if values is None:
            reject(number, cells, reasons)
            continue
        key = spec.row_key(values)
        target = next((batch for batch in pending if key not in batch[2]), None)
        if target is None:
            target = ([], [], set())
            pending.append(target)
        target[0].append(Row(number, values))
        target[1].append(cells)
        target[2].add(key)
        if len(pending[0][0]) >= batch_size:
            flush()
    while pending[0][0] or len(pending) > 1:
        flush()
    if progress is not None:
        progress(counts.total, counts.total, "Selesai")
    return counts


@dataclass
class Preview:
    rows: list[dict]  # {"number", "cells", "ok", "reasons"} for the first PREVIEW_ROWS rows
    valid: int
    invalid: int
    sampled: int


def preview(spec: ImportSpec, table: Table, mapping: list[str]) -> Preview:
    """The first PREVIEW_ROWS rows with their verdict, and the valid/invalid counts in the first
    PREVIEW_SAMPLE rows. Rows that clash with the registry (``spec.review``) count as rejected, as the run
    will hold them back."""
    spec.prepare()
    sampled, valid_rows = [], []
    for index, (number, cells, values, reasons) in enumerate(validate(spec, mapping, table.rows)):
        if index >= PREVIEW_SAMPLE:
            break
        sampled.append({"number": number, "cells": cells, "ok": values is not None, "reasons": reasons})
        if values is not None:
            valid_rows.append(Row(number, values))
    held = spec.review(valid_rows) if valid_rows else {}
    for row in sampled:
        if row["number"] in held:
            row["ok"], row["reasons"] = False, held[row["number"]]
    valid = sum(1 for row in sampled if row["ok"])
    return Preview(
        rows=sampled[:PREVIEW_ROWS], valid=valid, invalid=len(sampled) - valid, sampled=len(sampled)
    )
