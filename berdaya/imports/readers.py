"""Spreadsheet readers: a file -> its header row and its data rows, read lazily.

    table = open_table(path)          # raises ReaderError with an Indonesian message
    table.headers                     # ["NIK", "Nama Pemilik", ...]
    for number, cells in table.rows:  # number = the row number the user sees in Excel (header = 1)
        ...

CSV: UTF-8 (with or without BOM), falling back to Windows-1252 (old Excel); `;` or `,` or tab, sniffed from
the header line. XLSX: python-calamine (Rust, fast) for the first non-empty sheet. Calamine holds a whole
sheet in memory (its `iter_rows` only converts lazily), so a sheet too big for that (STREAM_ABOVE_BYTES of
sheet XML: some 100,000-300,000 rows by width) is read by a streaming reader of the sheet XML instead,
about 2.5x slower but keeping memory flat whatever the file size.
"""

from __future__ import annotations

import codecs
import csv
import html
import posixpath
import re
import zipfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SUPPORTED_EXTENSIONS", "ReaderError", "Table", "open_table", "sniff_kind"]

SUPPORTED_EXTENSIONS = (".xlsx", ".csv")
STREAM_ABOVE_BYTES = 120 * 1024 * 1024
HEADER_SEARCH_ROWS = 20

# Bounds checked before anything is parsed, so a small file cannot take gigabytes (a zip bomb) or a
# worker's whole timeout (thousands of columns, a megabyte cell).
MAX_UNCOMPRESSED_BYTES = 2 * 1024**3  # every member of an .xlsx together, as it would be unpacked
MAX_SHARED_STRINGS_BYTES = 512 * 1024**2  # the shared-string table is held in memory
MAX_RATIO = 100  # unpacked / packed per member: real sheets are 5-30x, bombs 1,000x and more
RATIO_FROM_BYTES = 10 * 1024**2  # small members may compress better (styles, empty sheets)
MAX_COLUMNS = 300
MAX_HEADER_CHARS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell: longer is a row to fix, not data
MAX_CSV_FIELD_CHARS = 1024**2  # a CSV field the reader holds at all; longer stops the file with a message


class ReaderError(ValueError):
    """A file that cannot be read as a table; the message is for the user."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list]]  # (spreadsheet row number, cells), lazily
    total: int | None = None  # data rows, when cheap to know (None: unknown until read)


def open_table(path: str | Path, *, name: str | None = None) -> Table:
    """The table in ``path``; ``name`` (the uploaded file's name) decides the format when given."""
    suffix = Path(name or str(path)).suffix.lower()
    if suffix == ".csv":
        rows, last_row = _csv_rows(Path(path))
    elif suffix == ".xlsx":
        rows, last_row = _xlsx_rows(Path(path))
    else:
        raise ReaderError("Jenis berkas tidak didukung: gunakan .xlsx (Excel) atau .csv.")
    return _with_header(rows, last_row)


def _with_header(rows: Iterator[tuple[int, list]], last_row: int | None) -> Table:
    for _ in range(HEADER_SEARCH_ROWS):
        try:
            number, cells = next(rows)
        except StopIteration:
            break
        headers = [_header_text(cell) for cell in cells]
        while headers and not headers[-1]:
            headers.pop()
        if any(headers):
            width = len(headers)
            if width > MAX_COLUMNS:
                raise ReaderError(
                    f"Baris judul (baris {number}) berisi {width} kolom; paling banyak {MAX_COLUMNS}. "
                    "Hapus kolom yang tidak dipakai lalu unggah lagi."
                )
            for index, header in enumerate(headers):
                if len(header) > MAX_HEADER_CHARS:
                    raise ReaderError(
                        f"Judul kolom ke-{index + 1} lebih dari {MAX_HEADER_CHARS} karakter: periksa bahwa "
                        "baris pertama berisi judul kolom."
                    )
            headers = [header or f"Kolom {index + 1}" for index, header in enumerate(headers)]
            total = max(last_row - number, 0) if last_row else None
            return Table(headers=headers, rows=_data_rows(rows, width), total=total)
    raise ReaderError("Berkas kosong: tidak ada baris judul kolom maupun data.")


def _data_rows(rows: Iterator[tuple[int, list]], width: int) -> Iterator[tuple[int, list]]:
    for number, cells in rows:
        if len(cells) < width:
            cells = list(cells) + [None] * (width - len(cells))
        elif len(cells) > width:
            cells = cells[:width]
        for cell in cells:
            if cell is not None and cell != "" and not (isinstance(cell, str) and cell.isspace()):
                yield number, cells
                break


def _header_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return " ".join(str(cell)[: MAX_HEADER_CHARS * 4].split())


# --- CSV ----------------------------------------------------------------------------------------------------


def _encoding_of(path: Path) -> str:
    """utf-8-sig if the whole file decodes as UTF-8 (checked in chunks: memory stays flat), else cp1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as file:
        try:
            while chunk := file.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def _line_count(path: Path) -> int:
    lines, last = 0, b""
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk
    return lines + (0 if last.endswith(b"\n") else 1)


def _csv_rows(path: Path) -> tuple[Iterator[tuple[int, list]], int]:
    encoding = _encoding_of(path)
    file = path.open(encoding=encoding, errors="replace", newline="")
    first_line = file.readline()
    if "\x00" in first_line:
        file.close()
        raise ReaderError("Berkas tidak dapat dibaca sebagai CSV (bukan berkas teks).")
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    file.seek(0)

    def rows() -> Iterator[tuple[int, list]]:
        csv.field_size_limit(MAX_CSV_FIELD_CHARS)
        number = 0
        with file:
            reader = csv.reader(file, delimiter=delimiter)
            try:
                for number, cells in enumerate(reader, start=1):  # noqa: B007 (number is read below)
                    yield number, cells
            except csv.Error as error:
                raise ReaderError(_csv_error(error, number + 1)) from None

    return rows(), _line_count(path)


def _csv_error(error: csv.Error, number: int) -> str:
    if "field larger than field limit" in str(error):
        millions = MAX_CSV_FIELD_CHARS // 1024**2
        return (
            f"Berkas CSV berhenti dibaca di baris {number}: satu sel lebih dari {millions} juta karakter "
            "(sering karena tanda kutip yang tidak ditutup). Perbaiki baris itu lalu impor lagi."
        )
    return f"Berkas CSV rusak di baris {number}: tanda kutip atau pemisah kolom tidak beraturan."


# --- XLSX ---------------------------------------------------------------------------------------------------


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb before anything is unpacked: every member's size as recorded in the zip directory
    (the unpacking itself stops at that size: zipfile checks it), their sum, and each member's ratio."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            raise ReaderError(
                f"Berkas Excel ditolak: bagian {info.filename} membesar {ratio:,.0f} kali saat dibuka "
                "(berkas yang normal paling banyak puluhan kali). Simpan ulang dari Excel lalu unggah lagi."
            )
        if info.filename.endswith("sharedStrings.xml") and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise ReaderError(
                "Berkas Excel ditolak: tabel teksnya terlalu besar untuk dibaca. Pecah berkas menjadi "
                "beberapa berkas lalu unggah lagi."
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReaderError(
            f"Berkas Excel ditolak: isinya {total / 1024**3:.1f} GB saat dibuka, paling besar "
            f"{MAX_UNCOMPRESSED_BYTES // 1024**3} GB. Pecah berkas menjadi beberapa berkas."
        )


def _xlsx_rows(path: Path) -> tuple[Iterator[tuple[int, list]], int | None]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ReaderError(
            "Berkas tidak dapat dibaca sebagai Excel (.xlsx). Simpan ulang sebagai .xlsx."
        ) from None
    with archive:
        check_archive(archive)
        sheets = _sheet_paths(archive)
        if not sheets:
            raise ReaderError("Berkas Excel tidak berisi lembar kerja.")
        big = any(archive.getinfo(sheet).file_size > STREAM_ABOVE_BYTES for sheet in sheets)
    if big:
        return _streamed_xlsx_rows(path)
    return _calamine_rows(path)


def _calamine_rows(path: Path) -> tuple[Iterator[tuple[int, list]], int]:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for index in range(len(workbook.sheet_names)):
            sheet = workbook.get_sheet_by_index(index)
            if sheet.height:
                break
        else:
            raise ReaderError("Berkas kosong: tidak ada baris judul kolom maupun data.")
    except ReaderError:
        raise
    except Exception:  # calamine raises its own error types for every kind of broken file
        raise ReaderError(
            "Berkas tidak dapat dibaca sebagai Excel (.xlsx). Simpan ulang sebagai .xlsx."
        ) from None
    first_row = (sheet.start or (0, 0))[0] + 1

    def rows() -> Iterator[tuple[int, list]]:
        for offset, cells in enumerate(sheet.iter_rows()):
            yield first_row + offset, cells

    return rows(), first_row + sheet.height - 1


_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _sheet_paths(archive: zipfile.ZipFile) -> list[str]:
    """Worksheet XML paths in workbook order (workbook.xml + its relationships)."""
    names = set(archive.namelist())
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return sorted(name for name in names if name.startswith("xl/worksheets/sheet"))
    targets = {}
    for match in re.finditer(r"<Relationship\b([^>]*)/?>", rels):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', match[1]))
        target = attrs.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        targets[attrs.get("Id")] = target
    paths = []
    for match in re.finditer(r"<(?:\w+:)?sheet\b([^>]*)/?>", workbook):
        rel_id = re.search(r'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', match[1])
        if rel_id:
            target = targets.get(rel_id[1] or rel_id[2])
            if target in names:
                paths.append(target)
    return paths


class _SharedStrings:
    """The shared-string table, packed: one UTF-8 blob plus offsets (a Python str per entry would cost
    ~60 bytes each, hundreds of MB for a million-row sheet of unique names and NIKs)."""

    def __init__(self):
        self.blob = bytearray()
        self.offsets = array("Q", [0])

    def add(self, value: str) -> None:
        self.blob += value.encode("utf-8")
        self.offsets.append(len(self.blob))

    def __getitem__(self, index: int) -> str:
        return self.blob[self.offsets[index] : self.offsets[index + 1]].decode("utf-8")


_SI = re.compile(rb"<si>(.*?)</si>|<si/>", re.S)
_T = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>")
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)


def _xml_chunks(file, size: int = 1 << 20, end: bytes = b"</row>") -> Iterator[bytes]:
    """Chunks of an XML stream, each cut right after the last ``end`` tag it contains."""
    rest = b""
    while chunk := file.read(size):
        data = rest + chunk
        cut = data.rfind(end)
        if cut < 0:
            rest = data
            continue
        cut += len(end)
        yield data[:cut]
        rest = data[cut:]
    if rest:
        yield rest


def _unescape(raw: bytes) -> str:
    value = raw.decode("utf-8")
    return html.unescape(value) if "&" in value else value


_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:worksheet|sst)\b")


def _prefix_of(head: bytes) -> bytes:
    """The namespace prefix of the spreadsheet elements (b"x:" for `<x:row>`, written by some .NET and
    server-side writers), or b"" for the usual default namespace (Excel, LibreOffice, Google Sheets, WPS)."""
    found = _PREFIX.search(head)
    return found[1] or b"" if found else b""


def _unprefixed(chunk: bytes, prefix: bytes) -> bytes:
    """The chunk with the elements' prefix dropped, so one set of patterns reads both spellings."""
    return chunk.replace(b"</" + prefix, b"</").replace(b"<" + prefix, b"<") if prefix else chunk


def _load_shared_strings(archive: zipfile.ZipFile, path: str) -> _SharedStrings:
    table = _SharedStrings()
    if path not in archive.namelist():
        return table
    with archive.open(path) as file:
        prefix = _prefix_of(file.read(4096))
    with archive.open(path) as file:
        for chunk in _xml_chunks(file, end=b"</" + prefix + b"si>"):
            chunk = _unprefixed(chunk, prefix)
            for match in _SI.finditer(chunk):
                body = match[1] or b""
                if b"<rPh" in body:
                    body = _PHONETIC.sub(b"", body)
                table.add("".join(_unescape(part) for part in _T.findall(body)))
    return table


_ROW = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+)\d*"')
_CELL_TYPE = re.compile(rb'\bt="(\w+)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
# The common shape (Excel, LibreOffice, openpyxl): r, then optional s and t; a value or inline text. Rows
# where it does not account for every cell take the general path.
_FAST_CELL = re.compile(
    rb'<c r="([A-Z]+)\d+"(?: s="\d+")?(?: t="(\w+)")?(?: s="\d+")?\s*'
    rb"(?:/>|>(?:<f>[^<]*</f>|<f[^>]*/>)?(?:<v>([^<]*)</v>)?(?:<is>(.*?)</is>)?</c>)",
    re.S,
)


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"')


def _streamed_xlsx_rows(path: Path) -> tuple[Iterator[tuple[int, list]], int | None]:
    """Rows of the first non-empty sheet, parsed from the sheet XML as it is decompressed.

    Number cells come back as int/float (a date cell too: its Excel serial, which the date parser reads);
    text cells as str; booleans as bool; error cells as None.
    """
    archive = zipfile.ZipFile(path)
    sheet_path = _sheet_paths(archive)[0]
    strings = _load_shared_strings(archive, "xl/sharedStrings.xml")
    with archive.open(sheet_path) as file:
        head = file.read(4096)
    prefix = _prefix_of(head)
    found = _DIMENSION.search(_unprefixed(head, prefix))
    last_row = int(found[1]) if found else None
    columns: dict[bytes, int] = {}

    def cell_value(kind: bytes | None, body: bytes | None):
        if body is None:
            return None
        if kind == b"inlineStr":
            return "".join(_unescape(part) for part in _T.findall(body))
        found = _VALUE.search(body)
        if found is None:
            return None
        raw = found[1]
        if kind == b"s":
            return strings[int(raw)]
        if kind is None or kind == b"n":
            number = float(raw)
            return int(number) if number.is_integer() and b"E" not in raw and b"." not in raw else number
        if kind == b"b":
            return raw == b"1"
        if kind == b"e":
            return None
        return _unescape(raw)  # "str" (formula text), "d" (ISO date text)

    def rows() -> Iterator[tuple[int, list]]:
        with archive, archive.open(sheet_path) as file:
            number = 0
            for chunk in _xml_chunks(file, end=b"</" + prefix + b"row>"):
                for row in _ROW.finditer(_unprefixed(chunk, prefix)):
                    found = _ROW_NUMBER.search(row[1])
                    number = int(found[1]) if found else number + 1
                    body = row[2] or b""
                    fast = _FAST_CELL.findall(body)
                    if len(fast) == body.count(b"<c "):
                        cells = []
                        for letters, kind, raw, inline in fast:
                            index = columns.get(letters)
                            if index is None:
                                index = columns[letters] = _column_index(letters)
                            if index > len(cells):
                                cells.extend([None] * (index - len(cells)))
                            if kind == b"s":
                                cells.append(strings[int(raw)])
                            elif not kind or kind == b"n":
                                if not raw:
                                    cells.append(None)
                                elif b"." in raw or b"E" in raw or b"e" in raw:
                                    cells.append(float(raw))
                                else:
                                    cells.append(int(raw))
                            elif kind == b"inlineStr":
                                cells.append("".join(_unescape(part) for part in _T.findall(inline)))
                            elif kind == b"b":
                                cells.append(raw == b"1")
                            elif kind == b"e":
                                cells.append(None)
                            else:
                                cells.append(_unescape(raw))
                        yield number, cells
                        continue
                    cells = []
                    for cell in _CELL.finditer(body):
                        attrs = cell[1]
                        ref = _CELL_REF.search(attrs)
                        if ref:
                            letters = ref[1]
                            index = columns.get(letters)
                            if index is None:
                                index = columns[letters] = _column_index(letters)
                            if index > len(cells):
                                cells.extend([None] * (index - len(cells)))
                        kind = _CELL_TYPE.search(attrs)
                        cells.append(cell_value(kind[1] if kind else None, cell[2]))
                    yield number, cells

    return rows(), last_row


def sniff_kind(upload_name: str, head: bytes) -> str | None:
    """ "xlsx"/"csv" by name, checked against the content (a zip for xlsx, no NUL bytes for csv)."""
    suffix = Path(upload_name).suffix.lower()
    if suffix == ".xlsx":
        return "xlsx" if head.startswith(b"PK") else None
    if suffix == ".csv":
        return "csv" if b"\x00" not in head else None
    return None
