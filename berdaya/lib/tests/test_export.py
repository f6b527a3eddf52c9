import io

import pytest
from openpyxl import load_workbook

from berdaya.lib.export import safe_cell, table_download


def test_csv_streams_a_bom_the_header_and_every_row():
    response = table_download(
        "csv", columns=["Nama", "Kota"], rows=iter([["Acil", "Banjarmasin"]]), name="x", sheet="X"
    )
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffNama,Kota")
    assert "Acil,Banjarmasin" in body
    assert (
        response["Content-Disposition"].startswith('attachment; filename="x-')
        and ".csv" in response["Content-Disposition"]
    )


def test_xlsx_holds_the_header_and_every_row_in_its_sheet():
    response = table_download("xlsx", columns=["Nama"], rows=[["Acil"], ["Galuh"]], name="x", sheet="Daftar")
    sheet = load_workbook(io.BytesIO(response.content))["Daftar"]
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["Nama", "Acil", "Galuh"]


def test_a_laid_out_workbook_downloads_under_its_name():
    import io

    from openpyxl import Workbook, load_workbook

    from berdaya.lib.export import XLSX_TYPE, workbook_download

    workbook = Workbook()
    workbook.active.append(["Program", "Bantuan merek"])
    response = workbook_download(workbook, filename="laporan-x-2024.xlsx")
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="laporan-x-2024.xlsx"'
    assert load_workbook(io.BytesIO(response.content)).active["B1"].value == "Bantuan merek"


@pytest.mark.parametrize("value", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_made_text(value):
    # CSV/formula injection (OWASP): a leading apostrophe
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["+6281234567890", "-12.5", "Acil", "", 7, None])
def test_plain_values_and_signed_numbers_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_csv_neutralises_formulas_and_calls_back_after_the_last_row():
    done = []
    response = table_download(
        "csv",
        columns=["Nama"],
        rows=iter([["=HYPERLINK(1)"]]),
        name="x",
        sheet="X",
        on_complete=lambda: done.append(1),
    )
    assert done == []
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "'=HYPERLINK(1)" in body and done == [1]


def test_xlsx_writes_a_formula_like_name_as_text_not_a_formula():
    response = table_download("xlsx", columns=["Nama"], rows=[["=HYPERLINK(1)"]], name="x", sheet="Daftar")
    cell = load_workbook(io.BytesIO(response.content))["Daftar"]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"
