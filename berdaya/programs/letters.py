"""The numbered fee-waiver letter (domain.md R31) as a document: DOCX written with python-docx, converted to
PDF by LibreOffice headless through ``berdaya.lib.documents`` (the one way the server makes PDFs).

Public: ``letter_docx(application) -> bytes``, ``letter_pdf(application) -> bytes`` (raises
``LetterError`` when LibreOffice is missing or fails), ``letter_filename(application, ext)``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from berdaya.lib.documents import PdfError, docx_to_pdf, long_date


class LetterError(RuntimeError):
    pass


def letter_lines(application) -> dict:
    """The letter's parts, shared by the DOCX and checked by the tests: number, date, subject, body."""
    entitlement = application.entitlement
    enterprise = application.enterprise
    owner = application.person.name if application.person else ""
    business = enterprise.name if enterprise else (application.cooperative or "—")
    body = _(
        "%(office)s menerangkan bahwa %(name)s, pemilik usaha %(business)s, adalah pelaku usaha mikro/kecil "
        "binaan Dinas dan diusulkan untuk memperoleh keringanan biaya permohonan pendaftaran merek "
        "%(mark)s."
    ) % {
        "office": settings.BERDAYA_OFFICE_NAME,
        "name": owner,
        "business": business,
        "mark": f"“{entitlement.mark}”" if entitlement.mark else "",
    }
    details = [(_("Nama usaha"), str(business)), (_("Merek"), entitlement.mark or "—")]
    if enterprise is not None and enterprise.nib:
        details.append((_("NIB"), enterprise.nib))
    return {
        "number": entitlement.letter_number,
        "date": long_date(application.awarded_on),
        "subject": application.program.name,
        "body": body,
        "details": details,
        "validity": _("Surat ini berlaku untuk satu permohonan merek pada tahun %(year)s.")
        % {"year": entitlement.letter_year},
    }


def letter_docx(application) -> bytes:
    """The letter in Indonesian whatever the clerk's interface language: it is an official document."""
    with translation.override("id"):
        return _letter_docx(application)


def _letter_docx(application) -> bytes:
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    parts = letter_lines(application)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    head = doc.add_paragraph()
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.add_run(settings.BERDAYA_OFFICE_NAME.upper()).bold = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("SURAT KETERANGAN")).bold = True
    title.add_run("\n" + _("Nomor: %(number)s") % {"number": parts["number"]})
    doc.add_paragraph(_("Perihal: %(subject)s") % {"subject": parts["subject"]})
    doc.add_paragraph(parts["body"])
    table = doc.add_table(rows=0, cols=2)
    for label, value in parts["details"]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    doc.add_paragraph(parts["validity"])
    signature = doc.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.add_run(f"Banjarmasin, {parts['date']}\n" + _("Kepala Dinas") + "\n\n\n\n....................")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def letter_filename(application, ext: str) -> str:
    number = slugify(application.entitlement.letter_number.replace("/", "-"))
    return f"surat-{number}.{ext}"


def letter_pdf(application) -> bytes:
    with tempfile.TemporaryDirectory(prefix="surat-") as folder:
        docx = Path(folder) / letter_filename(application, "docx")
        docx.write_bytes(letter_docx(application))
        try:
            return docx_to_pdf(docx, Path(folder)).read_bytes()
        except PdfError as error:
            raise LetterError(str(error)) from error
