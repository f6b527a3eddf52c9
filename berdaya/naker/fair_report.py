"""The report after a job fair (R38b) as DOCX (python-docx) and PDF (LibreOffice, ``lib.documents``):
the figures of ``selectors.fair_figures`` and the hires by education, sex and occupation."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

from berdaya.lib.documents import docx_to_pdf, long_date

from .selectors import FairFigures

COLUMNS = ("Stan", "Perusahaan", "Lowongan (orang)", "Pelamar", "Wawancara", "Diterima")


def _table(doc, header: tuple[str, ...], rows: list[tuple]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = str(value)


def build_docx(event, figures: FairFigures, groups: dict[str, list[tuple[str, int]]], *, today) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Liberation Sans"
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(f"Laporan {event.title}", level=1)
    doc.add_paragraph(f"{long_date(event.starts_on)} s.d. {long_date(event.ends_on)}, {event.venue}")
    rate = f"{figures.hire_rate} %" if figures.hire_rate is not None else "-"
    _table(
        doc,
        ("Uraian", "Jumlah"),
        [
            ("Perusahaan peserta", len(figures.rows)),
            ("Pencari kerja terdaftar", figures.registered),
            ("Hadir (presensi kartu AK/1)", f"{figures.checked_in} ({figures.walk_ins} datang langsung)"),
            ("Lamaran", f"{figures.applications} ({figures.applicants} pelamar)"),
            ("Wawancara", f"{figures.interviewed} ({figures.passed} lolos)"),
            ("Diterima bekerja", f"{figures.hired} ({figures.verified} terverifikasi, dihitung untuk R38)"),
            ("Diterima per yang hadir", rate),
        ],
    )
    for title, rows in groups.items():
        doc.add_heading(f"Diterima bekerja menurut {title}", level=2)
        _table(doc, (title.capitalize(), "Jumlah"), rows or [("-", 0)])
    doc.add_heading("Per perusahaan", level=2)
    _table(
        doc,
        COLUMNS,
        [(r.booth or "-", r.company, f"{r.vacancies} ({r.places})", r.applicants, r.interviewed, r.hired)
         for r in figures.rows],
    )  # fmt: skip
    doc.add_paragraph(f"Dicetak {long_date(today)} dari catatan Berdaya.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_pdf(event, figures: FairFigures, groups: dict[str, list[tuple[str, int]]], *, today) -> bytes:
    content = build_docx(event, figures, groups, today=today)
    with tempfile.TemporaryDirectory(prefix="bursa-") as tmp:
        docx = Path(tmp) / f"laporan-bursa-{event.pk}.docx"
        docx.write_bytes(content)
        return docx_to_pdf(docx, Path(tmp)).read_bytes()
