import io

from openpyxl import load_workbook

from berdaya.lib.export import table_download


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
