"""Writes the yearly report (LAKIP) from ``LakipData``.

DOCX (python-docx) in the Permenpan RB 53/2014 structure (sakip.md "The yearly report"), XLSX of every table
(openpyxl), PDF by converting the DOCX with LibreOffice headless. ``build_all`` writes the three files and
reports progress step by step.
"""

from __future__ import annotations

import io
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from berdaya.lib.documents import PdfError, docx_to_pdf, long_date

from . import charts
from .data import LakipData
from .narrative import with_drafts
from .numbers import DASH, fmt_number, fmt_percent, fmt_rupiah
from .tables import Kind, Table, all_tables

TO_COMPLETE = "[Belum tercatat di Berdaya: lengkapi bagian ini pada berkas DOCX.]"


def cell_text(value, kind: Kind) -> str:
    if value is None or value == "":
        return DASH if kind != Kind.TEXT else ""
    if kind == Kind.PCT:
        return fmt_percent(value)
    if kind == Kind.RP:
        return fmt_rupiah(value)
    if kind in (Kind.INT, Kind.NUM) and isinstance(value, int | Decimal):
        return fmt_number(value)
    return str(value)


def file_stem(data: LakipData) -> str:
    return f"LAKIP-{data.year}"


# --- DOCX ---------------------------------------------------------------------------------------------------


@dataclass
class _Writer:
    """Builds the document in order and remembers headings, tables and figures for the front lists."""

    data: LakipData
    tables: dict[str, Table]
    doc: Document = field(default_factory=Document)
    headings: list[tuple[int, str, int]] = field(default_factory=list)  # level, text, listed index
    table_captions: list[tuple[str, int]] = field(default_factory=list)
    figure_captions: list[tuple[str, int]] = field(default_factory=list)
    figures: int = 0
    # Page numbers of the listed headings and captions, in document order (None: not known, none printed);
    # ``marking``: a first pass that tags each with an invisible marker to find its page in the PDF.
    pages: list[int] | None = None
    marking: bool = False
    listed: int = 0

    def _listed(self, paragraph) -> None:
        if self.marking:
            run = paragraph.add_run(marker(self.listed))
            run.font.size = Pt(1)
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        self.listed += 1

    def heading(self, text: str, level: int = 1, *, new_page: bool = False):
        if new_page:
            self.doc.add_page_break()
        self.headings.append((level, text, self.listed))
        paragraph = self.doc.add_heading(text, level)
        self._listed(paragraph)
        return paragraph

    def para(self, text: str, *, style: str | None = None, bold: bool = False, align=None):
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold = bold
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def bullets(self, items: list[str], style: str = "List Bullet") -> None:
        for item in items:
            self.doc.add_paragraph(item, style=style)

    def table(self, key: str) -> None:
        """The table with its caption; a table with no rows is a note to complete the section instead."""
        spec = self.tables[key]
        if not spec.rows or (key == "budget" and not self.data.budget):  # budget: only its total row
            self.para(TO_COMPLETE)
            return
        self.table_captions.append((spec.caption, self.listed))
        caption = self.para(spec.caption, style="Caption", align=WD_ALIGN_PARAGRAPH.CENTER)
        self._listed(caption)
        caption.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=len(spec.columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, column in zip(table.rows[0].cells, spec.columns, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(column.title)
            run.bold = True
        _repeat_header(table.rows[0])
        for index, values in enumerate(spec.rows):
            cells = table.add_row().cells
            for cell, value, column in zip(cells, values, spec.columns, strict=True):
                run = cell.paragraphs[0].add_run(cell_text(value, column.kind))
                run.bold = index in spec.bold_rows
                if column.kind != Kind.TEXT:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _set_widths(table, spec, self.doc.sections[-1])
        if spec.source:
            self.para(f"Sumber: {spec.source}", style="Caption")
        self.doc.add_paragraph()

    def orientation(self, landscape: bool) -> None:
        """Start a new page in a section of the given orientation (wide tables go landscape)."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False  # only the cover goes without a page number
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        short, long = sorted((section.page_width, section.page_height))
        section.page_width, section.page_height = (long, short) if landscape else (short, long)

    def figure(self, png: bytes, title: str, width_cm: float = 15) -> None:
        self.figures += 1
        caption = f"Gambar {self.figures} {title}"
        self.figure_captions.append((caption, self.listed))
        self.doc.add_picture(io.BytesIO(png), width=Cm(width_cm))
        self.doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._listed(self.para(caption, style="Caption", align=WD_ALIGN_PARAGRAPH.CENTER))


def _row_flag(row, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row) -> None:
    _row_flag(row, "w:tblHeader")


def _set_widths(table, spec: Table, section) -> None:
    total = section.page_width - section.left_margin - section.right_margin
    weights = [column.width or (1.6 if column.kind == Kind.TEXT else 0.9) for column in spec.columns]
    unit = total / sum(weights)
    table.autofit = False
    for column, weight in zip(table.columns, weights, strict=True):
        column.width = int(weight * unit)  # the grid LibreOffice lays out by
    for row in table.rows:
        for cell, weight in zip(row.cells, weights, strict=True):
            cell.width = int(weight * unit)


def _page_number_footer(doc: Document, text: str) -> None:
    doc.sections[0].different_first_page_header_footer = True  # the cover carries no page number
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{text} – ")
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
        run._r.append(element)


def _setup(doc: Document) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.25)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    for name in ("Caption",):
        doc.styles[name].font.size = Pt(9)
    table_font = doc.styles["Table Grid"].font
    table_font.size = Pt(8.5)


def place_date(place: str, day, year: int) -> str:
    """ "Banjarmasin, 3 Januari 2023", or a dotted line to fill in by hand in ``year`` when not yet signed."""
    if day is None:
        return f"{place}, ........................ {year}"
    return f"{place}, {long_date(day)}"


def _long_date(data: LakipData) -> str:
    return place_date(data.office.place, data.signed_on, data.year + 1)


def _signature(w: _Writer, signatory, *, place_date: str = "") -> None:
    lines = [place_date] if place_date else []
    lines += [signatory.title, "", "", "", signatory.name]
    if signatory.rank:
        lines.append(signatory.rank)
    if signatory.nip:
        lines.append(f"NIP. {signatory.nip}")
    for line in lines:
        paragraph = w.para(line, bold=line == signatory.name, align=WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.space_after = Pt(0)


EMBLEM_PLACEHOLDER = Path(__file__).parent / "emblem_placeholder.png"


def emblem(doc: Document, png: bytes, width) -> None:
    """The regional emblem (the uploaded one, or the neutral placeholder shipped with Berdaya), centred."""
    doc.add_picture(io.BytesIO(png or EMBLEM_PLACEHOLDER.read_bytes()), width=width)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _front_matter(w: _Writer) -> dict:
    data, doc = w.data, w.doc
    office = data.office_name.upper()
    for _ in range(2):
        doc.add_paragraph()
    emblem(doc, data.office.emblem, Cm(3.5))
    doc.add_paragraph()
    title = w.para(
        "LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
    )
    title.runs[0].font.size = Pt(18)
    year = w.para(f"(LAKIP) TAHUN {data.year}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    year.runs[0].font.size = Pt(16)
    for _ in range(6):
        doc.add_paragraph()
    w.para(office, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER).runs[0].font.size = Pt(14)
    w.para(str(data.year + 1), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)

    w.heading("KATA PENGANTAR", new_page=True)
    for text in data.foreword.split("\n\n"):
        w.para(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    _signature(w, data.office.head, place_date=_long_date(data))

    w.heading("PERNYATAAN TELAH DIREVIU", new_page=True)
    w.para(
        data.reviewed_statement
        or "Pernyataan telah direviu oleh Inspektorat dilampirkan setelah reviu atas laporan ini selesai."
    )

    marks = {}
    for key, title in (("contents", "DAFTAR ISI"), ("tables", "DAFTAR TABEL"), ("figures", "DAFTAR GAMBAR")):
        doc.add_page_break()
        doc.add_heading(title, 1)  # not itself listed in the contents
        marks[key] = doc.add_paragraph()
    return marks


def marker(index: int) -> str:
    return f"QZX{index}XZQ"


MARKER = re.compile(r"QZX(\d+)XZQ")


def pages_of_markers(pdf: Path) -> dict[int, int]:
    """Listed index -> page (1-based, as the footer counts) of each marker in the first pass's PDF."""
    text = subprocess.run(  # noqa: S603, S607 - fixed command (poppler-utils), a path we created
        ["pdftotext", "-q", str(pdf), "-"], capture_output=True, timeout=120, check=True
    ).stdout.decode(errors="replace")
    found = {}
    for page, content in enumerate(text.split("\f"), start=1):
        for match in MARKER.finditer(re.sub(r"\s+", "", content)):
            found.setdefault(int(match.group(1)), page)
    return found


def _entry(w: _Writer, mark, text: str, index: int, *, indent: float = 0, bold: bool = False) -> None:
    """One line of a front list: the text, a dotted leader and its page number (the right tab stop)."""
    paragraph = mark.insert_paragraph_before()
    paragraph.add_run(text).bold = bold
    section = w.doc.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    paragraph.paragraph_format.left_indent = Cm(indent)
    paragraph.paragraph_format.space_after = Pt(2)
    if w.pages is not None or w.marking:
        page = w.pages[index] if w.pages is not None and index < len(w.pages) else 0
        shown = page or ("00" if w.marking else "")  # "00" in the first pass: the width of a number
        paragraph.add_run(f"\t{shown}").bold = bold


def _fill_lists(w: _Writer, marks: dict) -> None:
    """The contents and the lists of tables and figures, written once everything else is known, each
    line with its page number when a first pass through LibreOffice gave them (``build_all``)."""
    for level, text, index in w.headings:
        _entry(w, marks["contents"], text, index, indent=0.75 * (level - 1), bold=level == 1)
    for key, captions in (("tables", w.table_captions), ("figures", w.figure_captions)):
        for caption, index in captions:
            _entry(w, marks[key], caption, index)
    for mark in marks.values():
        mark._p.getparent().remove(mark._p)


def _summary(w: _Writer) -> None:
    data = w.data
    w.heading("IKHTISAR EKSEKUTIF", new_page=True)
    w.para(data.executive_summary, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    w.bullets(
        [
            f"{r.indicator.name}: target {cell_text(r.target, Kind.NUM)} {r.indicator.unit}, realisasi "
            f"{cell_text(r.realisation, Kind.NUM)} {r.indicator.unit}, capaian {fmt_percent(r.achievement)} "
            f"({data.category(r.achievement)})"
            for r in data.iku
        ]
    )


def _items_or_note(w: _Writer, items: list[str]) -> None:
    if items:
        w.bullets(items)
    else:
        w.para(TO_COMPLETE)


def _chapter_one(w: _Writer) -> None:
    data = w.data
    w.heading("BAB I PENDAHULUAN", new_page=True)
    w.heading("A. Latar Belakang", 2)
    w.para(data.background or TO_COMPLETE, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    w.heading("B. Gambaran Umum Organisasi", 2)
    w.heading("1. Kedudukan, Tugas Pokok dan Fungsi", 3)
    for unit in data.units:
        paragraph = w.doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{unit.name}: " if unit.duties else unit.name).bold = True
        paragraph.add_run(unit.duties)
    w.heading("2. Sumber Daya Manusia", 3)
    for index in range(1, len(data.staff_tables) + 1):
        w.table(f"staff{index}")
    if not data.staff_tables:
        w.para(TO_COMPLETE)
    w.heading("3. Sarana dan Prasarana", 3)
    _items_or_note(w, data.facilities)
    w.heading("C. Permasalahan Utama", 2)
    _items_or_note(w, data.strategic_issues)
    if data.placement_history:
        w.table("placement")
        w.figure(
            charts.placement_chart(data.placement_history), "Pencari Kerja Terdaftar dan yang Ditempatkan"
        )
    w.heading("D. Sistematika Penulisan", 2)
    w.bullets(
        [
            "Ikhtisar Eksekutif",
            "Bab I Pendahuluan",
            "Bab II Perencanaan dan Perjanjian Kinerja",
            "Bab III Akuntabilitas Kinerja",
            "Bab IV Penutup",
            "Lampiran",
        ]
    )


def _chapter_two(w: _Writer) -> None:
    data = w.data
    w.heading("BAB II PERENCANAAN DAN PERJANJIAN KINERJA", new_page=True)
    w.heading(f"A. Rencana Strategis {data.renstra.period}", 2)
    number = 0
    if data.renstra.duties:
        number += 1
        w.heading(f"{number}. Tugas", 3)
        w.para(data.renstra.duties, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    if data.renstra.functions:
        number += 1
        w.heading(f"{number}. Fungsi", 3)
        _numbered(w, data.renstra.functions)
    w.heading(f"{number + 1}. Tujuan, Sasaran Strategis dan Arah Kebijakan", 3)
    w.table("plan")
    w.heading("B. Indikator Kinerja Utama", 2)
    w.table("iku")
    w.heading(f"C. Perjanjian Kinerja Tahun {data.year}", 2)
    if data.agreement.revision:
        w.para(f"Versi: {data.agreement.revision}")
    w.table("pk")
    w.heading("D. Program Prioritas", 2)
    w.table("priority")


def _indicator_section(w: _Writer, number: int, result) -> None:
    data, ind = w.data, result.indicator
    w.heading(f"{number}. {ind.name}", 3)
    w.para(f"Sasaran: {ind.target_name}" if ind.target_name else f"Tujuan: {ind.goal}")
    if ind.formula:
        w.para(f"Formula: {ind.formula}", style="Caption")
    parts = [
        ("(1) Target dan realisasi", result.narrative.analysis),
    ]
    for title, text in parts:
        w.para(title, bold=True)
        w.para(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    w.para("(2) Perbandingan dengan tahun-tahun sebelumnya", bold=True)
    if result.history:
        w.figure(charts.trend_chart(result, data.year), f"Target dan Realisasi {ind.name}")
    else:
        w.para("Belum ada data tahun sebelumnya untuk indikator ini.")
    w.para(f"(3) Perbandingan dengan target akhir Renstra {data.renstra.end_year}", bold=True)
    if result.renstra_end_target is not None:
        w.para(
            f"Target akhir {cell_text(result.renstra_end_target, Kind.NUM)} {ind.unit}; realisasi tahun "
            f"{data.year} mencapai {fmt_percent(result.vs_end_target)} dari target akhir."
        )
    else:
        w.para("Target akhir Renstra belum ditetapkan untuk indikator ini.")
    w.para("(4) Perbandingan dengan standar nasional", bold=True)
    w.para(result.national_standard or "Tidak ada standar nasional untuk indikator ini.")
    for title, text in (
        ("(5) Analisis penyebab keberhasilan/kegagalan dan solusi", result.narrative.causes),
        ("(6) Analisis efisiensi penggunaan sumber daya", result.narrative.efficiency),
        ("(7) Program/kegiatan yang mendukung", result.narrative.programs),
    ):
        w.para(title, bold=True)
        w.para(text, align=WD_ALIGN_PARAGRAPH.JUSTIFY)


def _chapter_three(w: _Writer, progress: Callable[[str], None]) -> None:
    data = w.data
    w.heading(f"BAB III AKUNTABILITAS KINERJA TAHUN {data.year}", new_page=True)
    w.heading("A. Capaian Kinerja Organisasi", 2)
    w.para(
        "Capaian kinerja = realisasi / target × 100% untuk indikator yang makin tinggi makin baik; kategori "
        "capaian mengikuti tabel berikut."
    )
    w.table("bands")
    w.table("results")
    if data.iku:
        w.figure(charts.achievement_chart(data), f"Capaian Indikator Kinerja Utama Tahun {data.year}")
    if "trend" in w.tables and w.tables["trend"].rows:
        w.table("trend")
    w.table("endtarget")
    w.heading("Analisis Capaian per Indikator", 2)
    for number, result in enumerate(data.results, start=1):
        progress(f"Indikator {result.indicator.shown}: {result.indicator.name}"[:120])
        _indicator_section(w, number, result)
    if data.division_tables:
        w.heading("Capaian Indikator Kinerja per Bidang", 2)
        for index in range(1, len(data.division_tables) + 1):
            w.table(f"division{index}")
    w.orientation(landscape=True)
    w.heading("B. Akuntabilitas Keuangan", 2)
    w.heading("1. Realisasi Anggaran", 3)
    pagu, spent = data.budget_total
    if pagu:
        value = spent / pagu * 100
        w.para(
            f"Realisasi keuangan {fmt_rupiah(spent)} dari pagu {fmt_rupiah(pagu)} ({fmt_percent(value)}, "
            f"kategori {data.category(value)})."
        )
    w.table("budget")
    w.heading("2. Target dan Realisasi Pendapatan", 3)
    w.table("revenue")


def _numbered(w: _Writer, items: list[str]) -> None:
    """Items numbered from 1 in each list (Word's "List Number" would continue the previous list)."""
    if not items:
        w.para(TO_COMPLETE)
    for number, item in enumerate(items, start=1):
        paragraph = w.para(f"{number}.\t{item}", align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.left_indent = Cm(0.75)
        paragraph.paragraph_format.first_line_indent = Cm(-0.75)
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))


def _chapter_four(w: _Writer) -> None:
    data = w.data
    w.orientation(landscape=False)
    w.heading("BAB IV PENUTUP")
    w.heading("A. Kesimpulan", 2)
    _numbered(w, data.conclusions)
    w.heading("B. Saran", 2)
    _numbered(w, data.recommendations)
    _signature(w, data.office.head, place_date=_long_date(data))


def _appendices(w: _Writer) -> None:
    data = w.data
    w.heading("LAMPIRAN", new_page=True)
    w.heading(f"Lampiran 1. {data.agreement.title}", 2)
    w.tables["pk_appendix"] = _renumbered(w.tables["pk"], "L.1", "pk_appendix")
    w.table("pk_appendix")
    if data.agreement.first_party and data.agreement.second_party:
        party_signatures(w.doc, data.agreement.first_party, data.agreement.second_party)
    w.heading("Lampiran 2. Indikator Kinerja Utama", 2, new_page=True)
    w.tables["iku_appendix"] = _renumbered(w.tables["iku"], "L.2", "iku_appendix")
    w.table("iku_appendix")
    for result in data.iku:
        ind = result.indicator
        if ind.definition:
            w.para(f"{ind.shown} {ind.name}: {ind.definition}", style="Caption")


def party_signatures(doc: Document, first, second, dated: str = "") -> None:
    """The PK's two signature blocks side by side: second party left, first party right (with the place
    and date above it when given)."""
    table = doc.add_table(rows=1, cols=2)
    _row_flag(table.rows[0], "w:cantSplit")  # both blocks on one page
    for cell, (label, person, above) in zip(
        table.rows[0].cells, (("Pihak Kedua", second, ""), ("Pihak Pertama", first, dated)), strict=True
    ):
        cell.text = ""
        lines = ([above] if dated else []) + [label, person.title, "", "", person.name or "." * 30]
        lines += [person.rank] if person.rank else []
        lines += [f"NIP. {person.nip}"] if person.nip else []
        for index, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run(line).bold = line == person.name


def _renumbered(spec: Table, number: str, key: str) -> Table:
    return Table(key, number, spec.title, spec.columns, spec.rows, spec.bold_rows, spec.source)


def build_docx(
    data: LakipData,
    path: Path,
    progress: Callable[[str], None] = lambda step: None,
    *,
    pages: list[int] | None = None,
    marking: bool = False,
) -> Path:
    """Write the report as DOCX; ``data`` is expected with its drafts filled (``with_drafts``).
    ``pages``: the page of each listed heading and caption (from a ``marking`` pass), for the front lists."""
    w = _Writer(data=data, tables=all_tables(data), pages=pages, marking=marking)
    _setup(w.doc)
    _page_number_footer(w.doc, f"LAKIP {data.office.name} {data.year}")
    marks = _front_matter(w)
    _summary(w)
    progress("Bab I")
    _chapter_one(w)
    progress("Bab II")
    _chapter_two(w)
    progress("Bab III")
    _chapter_three(w, progress)
    progress("Bab IV dan lampiran")
    _chapter_four(w)
    _appendices(w)
    _fill_lists(w, marks)
    w.doc.core_properties.title = f"LAKIP {data.office_name} Tahun {data.year}"
    w.doc.core_properties.author = data.office_name
    w.doc.save(path)
    return path


# --- XLSX ---------------------------------------------------------------------------------------------------

XLSX_FORMATS = {Kind.INT: "#,##0", Kind.NUM: "#,##0.00", Kind.PCT: "#,##0.00", Kind.RP: "#,##0"}


def _xlsx_value(value, kind: Kind):
    if value is None:
        return None
    if kind == Kind.TEXT:
        return str(value)
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)  # openpyxl has no Decimal
    return value


def build_xlsx(data: LakipData, path: Path) -> Path:
    """Every table of the report on its own sheet, numbers as numbers (percent columns hold the percentage
    value, e.g. 3.88 for 3,88%), so the office can recompute and chart them."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    index = workbook.create_sheet("Daftar tabel")
    index.append(["Tabel", "Judul", "Lembar"])
    for cell in index[1]:
        cell.font = Font(bold=True)
    for spec in all_tables(data).values():
        sheet = workbook.create_sheet(f"T{spec.number}"[:31])
        index.append([spec.number, spec.title, sheet.title])
        sheet.append([spec.caption])
        sheet["A1"].font = Font(bold=True)
        sheet.append(
            [c.title + (" (%)" if c.kind == Kind.PCT and "%" not in c.title else "") for c in spec.columns]
        )
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row_index, values in enumerate(spec.rows):
            sheet.append([_xlsx_value(v, c.kind) for v, c in zip(values, spec.columns, strict=True)])
            for cell, column in zip(sheet[sheet.max_row], spec.columns, strict=True):
                if column.kind in XLSX_FORMATS:
                    cell.number_format = XLSX_FORMATS[column.kind]
                if row_index in spec.bold_rows:
                    cell.font = Font(bold=True)
        for number, column in enumerate(spec.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = 14 if column.kind != Kind.TEXT else 40
        sheet.freeze_panes = "A3"
    index.column_dimensions["B"].width = 70
    workbook.save(path)
    return path


# --- All three ----------------------------------------------------------------------------------------------


@dataclass
class Built:
    docx: Path
    xlsx: Path
    pdf: Path | None
    seconds: float
    pdf_error: str = ""

    def as_dict(self) -> dict:
        return {
            "docx": self.docx.name,
            "xlsx": self.xlsx.name,
            "pdf": self.pdf.name if self.pdf else "",
            "seconds": round(self.seconds, 2),
            "pdf_error": self.pdf_error,
        }


STEPS = 8  # drafts, four chapter groups, XLSX, two PDF passes; each indicator adds one (see build_all)


def build_all(
    data: LakipData,
    out_dir: Path,
    progress: Callable[[int, int, str], None] = lambda done, total, message: None,
    *,
    pdf: bool = True,
) -> Built:
    """Write DOCX, XLSX and (when LibreOffice is there and ``pdf``) PDF of ``data`` into ``out_dir``."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    total = STEPS + len(data.results)
    done = 0

    def step(message: str) -> None:
        nonlocal done
        done += 1
        progress(min(done, total), total, message)

    step("Menyusun narasi")
    data = with_drafts(data)
    stem = file_stem(data)
    docx_path = out_dir / f"{stem}.docx"
    pdf_path, pdf_error = None, ""
    if pdf:
        # First pass: markers tell on which page LibreOffice lays out each heading, table and figure; the
        # second writes those page numbers into the contents and the lists, then converts again.
        build_docx(data, docx_path, step, marking=True)
        step("Konversi PDF (menghitung halaman)")
        try:
            found = pages_of_markers(docx_to_pdf(docx_path, out_dir))
            pages = [found.get(index, 0) for index in range(max(found, default=-1) + 1)]
            build_docx(data, docx_path, pages=pages)
            step("Konversi PDF")
            pdf_path = docx_to_pdf(docx_path, out_dir)
        except (PdfError, subprocess.SubprocessError, OSError) as error:
            build_docx(data, docx_path)
            pdf_error = str(error)
    else:
        build_docx(data, docx_path, step)
    step("Tabel XLSX")
    xlsx_path = build_xlsx(data, out_dir / f"{stem}.xlsx")
    progress(total, total, "Selesai")
    return Built(docx_path, xlsx_path, pdf_path, time.perf_counter() - started, pdf_error)
