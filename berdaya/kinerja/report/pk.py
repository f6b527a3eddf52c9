"""One performance agreement (PK) as its own document, DOCX and PDF, in the official layout (Permenpan RB
53/2014; seed 003 Tabel 2.2 and 2.3): title, office, the statement naming both parties, signatures with place
and date, then the appendix with the strategic targets, indicators and targets and, for the head of office's
PK, the programs and their budget. A revision (version > 1) is marked "Perubahan".

Built from the yearly report's pieces (``build._Writer``, ``tables``, ``lib.documents``) so both documents
look alike; see ``build_pk``.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import translation
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from berdaya.kinerja import budget, evaluation, selectors
from berdaya.kinerja.measures import Period
from berdaya.kinerja.models import Agreement as AgreementModel
from berdaya.kinerja.models import Unit as UnitChoice
from berdaya.lib.documents import docx_to_pdf

from .assemble import _place, agreement_data, jurisdiction_name, split_party, staffed
from .build import _setup, _Writer, emblem, party_signatures, place_date
from .data import Agreement, ProgramBudget, Signatory
from .tables import agreement_table, priority_table


@dataclass
class PkData:
    """What one PK document shows (the ``_Writer`` and the table builders read these fields)."""

    year: int
    version: int
    office_name: str
    place: str  # where it is signed: "Banjarmasin"
    jurisdiction: str  # "KOTA BANJARMASIN"
    unit: str  # "Bidang Koperasi · Seksi ..." or "" for the head of office
    agreement: Agreement
    signed_on: dt.date | None
    priority_programs: list[ProgramBudget] = field(default_factory=list)
    budget: list = field(default_factory=list)  # unused: the report's writer checks it for its budget table
    emblem: bytes = b""  # the regional emblem printed above the title (empty: the placeholder)


def pk_data(model: AgreementModel) -> PkData:
    with translation.override(settings.LANGUAGE_CODE):  # the document is Indonesian
        programs = []
        head_of_office = model.unit == UnitChoice.DINAS and not model.section
        if head_of_office:  # the head of office's PK carries the year's programs (seed 003 Tabel 2.3)
            roots = budget.tree(model.year, evaluation.bands_at(Period(model.year).end))
            programs = [ProgramBudget(root.item.name, root.pagu) for root in roots]
        unit = "" if head_of_office else str(model.get_unit_display())
        if model.section:
            unit = f"{unit} · {model.section}" if unit else model.section
        return PkData(
            year=model.year,
            version=model.version,
            office_name=settings.BERDAYA_OFFICE_NAME,
            place=_place(),
            jurisdiction=jurisdiction_name(),
            unit=unit,
            agreement=staffed(agreement_data(model, parties=split_party), head_of_office=head_of_office),
            signed_on=model.signed_on,
            priority_programs=programs,
            emblem=selectors.document_emblem_png(),
        )


STATEMENT = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
PROMISE = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
    "dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen "
    "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
)
SUPERVISION = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian "
    "kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan "
    "dan sanksi."
)
DOTS = "." * 40


def _title_block(w: _Writer, data: PkData, prefix: str = "") -> None:
    lines = [f"{prefix}{data.agreement.title.upper()}", data.office_name.upper(), data.jurisdiction.upper()]
    if data.unit:
        lines.insert(1, data.unit.upper())
    for line in lines:
        paragraph = w.para(line, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        paragraph.paragraph_format.space_after = 0
    if data.agreement.revision:
        w.para(
            f"Perubahan ke-{data.version - 1} ({data.agreement.revision})", align=WD_ALIGN_PARAGRAPH.CENTER
        )
    w.doc.add_paragraph()


def _party(w: _Writer, person: Signatory, role: str) -> None:
    for label, value in (("Nama", person.name or DOTS), ("Jabatan", person.title or DOTS)):
        paragraph = w.para(f"{label}\t: {value}")
        paragraph.paragraph_format.space_after = 0
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(2))  # the colons line up
    w.para(role)


def build_pk_docx(data: PkData, path: Path) -> Path:
    w = _Writer(data=data, tables={"pk": agreement_table(data, number="", key="pk")})
    _setup(w.doc)
    first, second = data.agreement.first_party, data.agreement.second_party
    dated = place_date(data.place, data.signed_on, data.year)
    emblem(w.doc, data.emblem, Cm(2.2))
    _title_block(w, data)
    w.para(STATEMENT)
    _party(w, first, "selanjutnya disebut pihak pertama.")
    _party(w, second, "selaku atasan pihak pertama, selanjutnya disebut pihak kedua.")
    w.para(PROMISE)
    w.para(SUPERVISION)
    party_signatures(w.doc, first, second, dated)
    w.doc.add_page_break()
    _title_block(w, data, prefix="LAMPIRAN ")
    w.tables["pk"].title = "Sasaran strategis, indikator kinerja dan target"
    w.table("pk")
    if data.priority_programs:
        w.tables["priority"] = priority_table(data)
        w.tables["priority"].number, w.tables["priority"].title = "", "Program dan anggaran"
        w.table("priority")
    party_signatures(w.doc, first, second, dated)
    w.doc.core_properties.title = f"{data.agreement.title} {data.office_name} {data.unit}".strip()
    w.doc.core_properties.author = data.office_name
    w.doc.save(path)
    return path


def file_stem(model: AgreementModel) -> str:
    parts = ["PK", str(model.year), model.unit, model.section, f"v{model.version}"]
    return "-".join("".join(c if c.isalnum() else "_" for c in p) for p in parts if p)


@dataclass
class BuiltPk:
    docx: Path
    pdf: Path | None
    seconds: float


def build_pk(model: AgreementModel, out_dir: Path, *, pdf: bool = True) -> BuiltPk:
    """Write the PK's DOCX (and its PDF through LibreOffice) into ``out_dir``; raises ``PdfError``
    when the PDF cannot be made."""
    start = time.monotonic()
    docx = build_pk_docx(pk_data(model), out_dir / f"{file_stem(model)}.docx")
    pdf_path = docx_to_pdf(docx, out_dir) if pdf else None
    return BuiltPk(docx=docx, pdf=pdf_path, seconds=time.monotonic() - start)
