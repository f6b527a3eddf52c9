import datetime as dt

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
