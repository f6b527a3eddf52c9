import datetime as dt
import html

import pytest

from berdaya.imports import readers
from berdaya.imports.readers import ReaderError, open_table

from .helpers import write_csv, write_xlsx


def rows_of(table):
    return [cells for _number, cells in table.rows]


def test_csv_with_semicolons_and_a_bom(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["1", "Ali"]], ["No", "Nama"], delimiter=";")
    table = open_table(path)
    assert table.headers == ["No", "Nama"]
    assert rows_of(table) == [["1", "Ali"]]


def test_csv_with_commas(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["1", "Ali; Badu"]], ["No", "Nama"], delimiter=",")
    assert rows_of(open_table(path)) == [["1", "Ali; Badu"]]


def test_csv_from_old_excel_in_windows_1252(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["1", "Café Acil"]], ["No", "Nama"], encoding="cp1252")
    assert rows_of(open_table(path)) == [["1", "Café Acil"]]


def test_xlsx_rows_keep_their_spreadsheet_numbers_and_types(tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [[1, "Ali", dt.date(2021, 3, 12)], [None, None, None], [3, "Badu", None]],
        ["No", "Nama", "Tgl"],
    )
    table = open_table(path)
    assert table.headers == ["No", "Nama", "Tgl"]
    rows = list(table.rows)
    assert [number for number, _ in rows] == [2, 4]  # the empty row 3 is skipped
    assert rows[0][1][1] == "Ali"
    assert rows[0][1][2] in (dt.date(2021, 3, 12), dt.datetime(2021, 3, 12))


def test_a_big_xlsx_is_streamed_with_the_same_rows(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "a.xlsx", [[1, "Ali & Co", 1500.5], [2, "Badu", 3]], ["No", "Nama", "Modal"])
    monkeypatch.setattr(readers, "STREAM_ABOVE_BYTES", 0)
    table = open_table(path)
    assert table.headers == ["No", "Nama", "Modal"]
    assert rows_of(table) == [[1, "Ali & Co", 1500.5], [2, "Badu", 3]]
    assert table.total == 2


def test_header_row_may_come_after_blank_rows(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["", ""], ["NIK", "Nama"], ["1", "Ali"]], ["", ""])
    table = open_table(path)
    assert table.headers == ["NIK", "Nama"]
    assert rows_of(table) == [["1", "Ali"]]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.csv", b"", "Berkas kosong"),
        ("a.xlsx", b"bukan zip", "tidak dapat dibaca sebagai Excel"),
        ("a.pdf", b"%PDF", "Jenis berkas tidak didukung"),
    ],
)
def test_unreadable_files_say_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=message):
        open_table(path)


def test_an_xlsx_with_only_empty_cells_is_empty(tmp_path):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "a.xlsx")
    with pytest.raises(ReaderError, match="Berkas kosong"):
        open_table(tmp_path / "a.xlsx")


# --- Files from other writers (namespace prefixes, LibreOffice) ------------------------------------------


def _prefixed_copy(source, target):
    """The same workbook with its sheet and shared strings written as `<x:row>`, `<x:c>`... (as .NET's
    OpenXML SDK and some server-side exporters do)."""
    import re
    import zipfile

    def prefixed(xml: bytes, root: bytes) -> bytes:
        xml = re.sub(rb"<(/?)(?![?!])([A-Za-z]+)([\s>/])", rb"<\1x:\2\3", xml)
        return xml.replace(b"<x:" + root + b" xmlns=", b"<x:" + root + b" xmlns:x=", 1)

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = prefixed(data, b"worksheet")
            elif info.filename == "xl/sharedStrings.xml":
                data = prefixed(data, b"sst")
            zout.writestr(info, data)
    return target


@pytest.mark.parametrize("streamed", [False, True])
def test_a_workbook_with_namespace_prefixes_reads_every_row(tmp_path, monkeypatch, streamed):
    # Issue: the streaming reader assumed unprefixed element names and would read `<x:row>` as nothing.
    source = write_xlsx(
        tmp_path / "a.xlsx", [[1, "Ali & Co", 1500.5], [2, "Badu", 3]], ["No", "Nama", "Modal"]
    )
    path = _prefixed_copy(source, tmp_path / "x.xlsx")
    assert b"<x:row" in __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml")
    if streamed:
        monkeypatch.setattr(readers, "STREAM_ABOVE_BYTES", 0)
    table = open_table(path)
    assert table.headers == ["No", "Nama", "Modal"]
    assert rows_of(table) == [[1, "Ali & Co", 1500.5], [2, "Badu", 3]]


def _workbook_with_sheet(path, sheet_xml: bytes, shared: list[str]):
    """A minimal .xlsx around a hand-written sheet, to reproduce other writers' markup exactly."""
    import zipfile

    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    strings = b"".join(b"<si><t>" + html.escape(s).encode() + b"</t></si>" for s in shared)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            b"<?xml version='1.0'?><workbook " + ns + b" " + rel + b'><sheets><sheet name="Lembar1" '
            b'sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>',
        )
        z.writestr("xl/sharedStrings.xml", b"<?xml version='1.0'?><sst " + ns + b">" + strings + b"</sst>")
        z.writestr("xl/worksheets/sheet1.xml", b"<?xml version='1.0'?><worksheet " + ns + b"><sheetData>"
                   + sheet_xml + b"</sheetData></worksheet>")  # fmt: skip
    return path


# Cell markup as LibreOffice (s before t, spans), Google Sheets (t before s, no spans) and WPS Office
# (inline strings, an extra attribute, a row without r) write it.
OTHER_WRITERS = {
    "libreoffice": b'<row r="1" spans="1:2"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v>'
    b'</c></row><row r="2" spans="1:2"><c r="A2" s="0" t="n"><v>1</v></c><c r="B2" s="0" t="s"><v>2</v></c>'
    b"</row>",
    "google": b'<row r="1"><c r="A1" t="s" s="1"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c></row>'
    b'<row r="2"><c r="A2" s="2"><v>1</v></c><c r="B2" t="s" s="1"><v>2</v></c></row>',
    "wps": b'<row r="1"><c r="A1" t="inlineStr"><is><t>No</t></is></c><c r="B1" t="inlineStr"><is><t>Nama'
    b'</t></is></c></row><row><c r="A2" cm="1"><v>1</v></c><c r="B2" t="inlineStr"><is><t xml:space="pres'
    b'erve">Ali &amp; Co</t></is></c></row>',
}


@pytest.mark.parametrize("writer", sorted(OTHER_WRITERS))
@pytest.mark.parametrize("streamed", [False, True])
def test_files_from_other_spreadsheet_programs_read_the_same_in_both_readers(
    tmp_path, monkeypatch, writer, streamed
):
    path = _workbook_with_sheet(
        tmp_path / f"{writer}.xlsx", OTHER_WRITERS[writer], ["No", "Nama", "Ali & Co"]
    )
    if streamed:
        monkeypatch.setattr(readers, "STREAM_ABOVE_BYTES", 0)
    table = open_table(path)
    assert table.headers == ["No", "Nama"]
    assert [[int(a), b] for a, b in rows_of(table)] == [[1, "Ali & Co"]]


# --- Bounds before parsing (zip bombs, huge cells, many columns) ---------------------------------------


def test_a_shared_strings_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    # A 1 MB file took 3.2 GB in a web worker: the zip directory says how big each member unpacks.
    bomb = _workbook_with_sheet(tmp_path / "bomb.xlsx", OTHER_WRITERS["google"], ["No", "A" * (60 * 1024**2)])
    assert bomb.stat().st_size < 1024**2
    with pytest.raises(ReaderError, match="membesar"):
        open_table(bomb)


def test_more_columns_than_any_registry_has_are_refused_with_a_message(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["x"] * 5002], [f"K{i}" for i in range(5002)], delimiter=",")
    with pytest.raises(ReaderError, match="5002 kolom"):
        open_table(path)


def test_a_header_that_is_not_a_header_is_refused(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["1"]], ["A" * 5000], delimiter=",")
    with pytest.raises(ReaderError, match="lebih dari 200 karakter"):
        open_table(path)


def test_a_10_mb_csv_cell_stops_reading_with_an_indonesian_message_naming_the_row(tmp_path):
    path = write_csv(tmp_path / "a.csv", [["1", "Ali"], ["2", "B" * (10 * 1024**2)]], ["No", "Nama"])
    table = open_table(path)
    rows = table.rows
    assert next(rows) == (2, ["1", "Ali"])
    with pytest.raises(ReaderError, match="berhenti dibaca di baris 3"):
        next(rows)


def test_an_xlsx_larger_than_the_total_cap_once_unpacked_is_refused_with_a_message(tmp_path, monkeypatch):
    """Issue 17, finding 3: every member's unpacked size together is capped (MAX_UNCOMPRESSED_BYTES), read
    from the zip directory; the constant is made small here instead of building a 2 GB file."""
    import zipfile

    path = write_xlsx(tmp_path / "a.xlsx", [["1", "Ali"]], ["No", "Nama"])
    total = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", total)
    assert rows_of(open_table(path)) == [["1", "Ali"]]  # at the cap: still read
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED_BYTES", total - 1)
    with pytest.raises(ReaderError, match="Berkas Excel ditolak: isinya .* Pecah berkas menjadi beberapa"):
        open_table(path)


def test_an_xlsx_whose_shared_strings_exceed_the_cap_is_refused_with_a_message(tmp_path, monkeypatch):
    """Issue 17, finding 3: the shared-string table is held in memory, so its unpacked size is capped
    (MAX_SHARED_STRINGS_BYTES); the constant is made small here instead of building a 512 MB table."""
    import zipfile

    path = _workbook_with_sheet(tmp_path / "a.xlsx", OTHER_WRITERS["google"], ["No", "Nama", "Ali"])
    (size,) = [
        i.file_size for i in zipfile.ZipFile(path).infolist() if i.filename.endswith("sharedStrings.xml")
    ]
    monkeypatch.setattr(readers, "MAX_SHARED_STRINGS_BYTES", size)
    assert open_table(path).headers == ["No", "Nama"]  # at the cap: still read
    monkeypatch.setattr(readers, "MAX_SHARED_STRINGS_BYTES", size - 1)
    with pytest.raises(ReaderError, match="Berkas Excel ditolak: tabel teksnya terlalu besar untuk dibaca"):
        open_table(path)
