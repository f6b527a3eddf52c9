"""A list exported as a download: CSV streamed row by row, or XLSX written in openpyxl's write-only mode.

Registries build their own rows (and mask what the role must not see, R45) and audit the export; this
only turns rows into a file, with every text cell that a spreadsheet would run as a formula neutralised
(CSV/formula injection: a name typed as `=HYPERLINK(...)` must reach the reader as text).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain signed number ("+6281234567890", "-12.5") is not a formula and stays as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d .,]*")


def safe_cell(value):
    """A text cell that a spreadsheet would run as a formula, made inert with a leading apostrophe (which
    the spreadsheet shows as text, OWASP's advice); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Sequence) -> list:
    return [safe_cell(value) for value in row]


def _xlsx_row(worksheet, row: Sequence) -> list:
    """openpyxl writes a string starting with "=" as a formula: such cells are written as typed text."""
    cells = []
    for value in row:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell = WriteOnlyCell(worksheet, value=value)
            cell.data_type = "s"
            cells.append(cell)
        else:
            cells.append(value)
    return cells


class _Echo:
    """A file-like object whose write() returns what it is given: csv.writer then yields lines."""

    def write(self, value):
        return value


def table_download(
    fmt: str,
    *,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    name: str,
    sheet: str,
    stamped: bool = True,
    on_complete: Callable[[], None] | None = None,
) -> HttpResponse:
    """``fmt`` "csv" or "xlsx"; the file is called ``<name>-<YYYYmmdd-HHMM>.<fmt>`` (``<name>.<fmt>``
    when not ``stamped``: a name that already says what it holds, like a year). ``on_complete`` runs once
    the last row is written (the audit entry of an export that really reached the user, R46)."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"{name}-{stamp}.{fmt}" if stamped else f"{name}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff"  # so spreadsheet programs read UTF-8
            yield writer.writerow(safe_row(columns))
            for row in rows:
                yield writer.writerow(safe_row(row))
            if on_complete is not None:
                on_complete()

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(sheet)
        worksheet.append(_xlsx_row(worksheet, columns))
        for row in rows:
            worksheet.append(_xlsx_row(worksheet, row))
        response = HttpResponse(content_type=XLSX_TYPE)
        workbook.save(response)
        if on_complete is not None:
            on_complete()
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_download(workbook: Workbook, *, filename: str) -> HttpResponse:
    """An openpyxl workbook the caller laid out itself (several sheets, styles), as an XLSX download."""
    response = HttpResponse(content_type=XLSX_TYPE)
    workbook.save(response)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
