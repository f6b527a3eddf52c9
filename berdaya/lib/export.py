"""A list exported as a download: CSV streamed row by row, or XLSX written in openpyxl's write-only mode.

Registries build their own rows (and mask what the role must not see, R45) and audit the export; this
only turns rows into a file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
) -> HttpResponseBase:
    """``fmt`` "csv" or "xlsx"; the file is called ``<name>-<YYYYmmdd-HHMM>.<fmt>`` (``<name>.<fmt>``
    when not ``stamped``: a name that already says what it holds, like a year)."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    filename = f"{name}-{stamp}.{fmt}" if stamped else f"{name}.{fmt}"
    response: HttpResponseBase
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            yield "\ufeff"  # so spreadsheet programs read UTF-8
            yield writer.writerow(columns)
            for row in rows:
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(sheet)
        worksheet.append(list(columns))
        for row in rows:
            worksheet.append(list(row))
        response = HttpResponse(content_type=XLSX_TYPE)
        workbook.save(response)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def workbook_download(workbook: Workbook, *, filename: str) -> HttpResponse:
    """An openpyxl workbook the caller laid out itself (several sheets, styles), as an XLSX download."""
    response = HttpResponse(content_type=XLSX_TYPE)
    workbook.save(response)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
