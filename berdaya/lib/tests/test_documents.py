import datetime as dt

import docx
import pytest

from berdaya.lib import documents


def test_a_long_date_names_the_month_in_indonesian():
    assert documents.long_date(dt.date(2023, 1, 3)) == "3 Januari 2023"
    assert documents.long_date(dt.date(2022, 12, 31)) == "31 Desember 2022"


def test_a_date_not_yet_known_is_a_line_to_fill_in():
    assert documents.long_date(None) == documents.BLANK_DATE


def test_without_libreoffice_the_conversion_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "soffice", lambda: None)
    with pytest.raises(documents.PdfError, match="tidak terpasang"):
        documents.docx_to_pdf(tmp_path / "a.docx", tmp_path)


def test_a_docx_becomes_a_pdf_beside_it(tmp_path):
    if documents.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed here")
    source = tmp_path / "surat.docx"
    document = docx.Document()
    document.add_paragraph("Surat keterangan")
    document.save(source)
    pdf = documents.docx_to_pdf(source, tmp_path)
    assert pdf == tmp_path / "surat.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
