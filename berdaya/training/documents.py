"""Certificates (R50) and the event report for the LAKIP as DOCX by python-docx; PDF through
LibreOffice with the shared converter (``lib.documents.docx_to_pdf``), so the server has one way of
making PDFs. QR images are made here, server-side, by segno."""

from __future__ import annotations

import io
import tempfile
from collections import Counter
from pathlib import Path

import segno
from django.urls import reverse
from django.utils.translation import gettext as _

from berdaya.lib.documents import PdfError, docx_to_pdf, long_date
from berdaya.lib.masking import mask_name

from .models import TOOK_PART, Certificate, Event, Participant


class DocumentError(Exception):
    """The PDF could not be made (LibreOffice missing or failing)."""


def qr_png(text: str, *, scale: int = 6) -> bytes:
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_svg(text: str, *, scale: int = 5) -> str:
    return segno.make(text, error="m", micro=False).svg_inline(scale=scale, border=2)


def verification_url(certificate: Certificate, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("training_public:verify", args=[certificate.code])


def certificates_docx(certificates: list[Certificate], base_url: str) -> bytes:
    """One page per certificate: number, name, event, dates, JP, and the QR of the public page."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(2))

    def line(text, size=12, bold=False, space=6):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(space)
        run = paragraph.add_run(text)
        run.font.size, run.bold = Pt(size), bold
        return paragraph

    for i, certificate in enumerate(certificates):
        participant = certificate.participant
        event = participant.event
        line(_("SERTIFIKAT"), 30, True, 4)
        line(_("Nomor: %(n)s") % {"n": certificate.number}, 11, False, 18)
        line(_("diberikan kepada"), 12)
        line(participant.person.name.upper(), 24, True, 12)
        line(_("sebagai peserta"), 12)
        line(event.title, 16, True)
        dates = long_date(event.starts_on)
        if event.ends_on != event.starts_on:
            dates = f"{dates} – {long_date(event.ends_on)}"
        line(f"{dates} · {event.venue}" if event.venue else dates, 11)
        if event.jp_hours:
            line(_("%(jp)s jam pelajaran (JP)") % {"jp": event.jp_hours}, 11)
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run().add_picture(
            io.BytesIO(qr_png(verification_url(certificate, base_url))), width=Cm(3)
        )
        line(_("Pindai untuk memeriksa keaslian: %(code)s") % {"code": certificate.code}, 9)
        if i < len(certificates) - 1:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(docx: bytes, name: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="sertifikat-") as folder:
        path = Path(folder) / f"{name}.docx"
        path.write_bytes(docx)
        try:
            return docx_to_pdf(path, Path(folder)).read_bytes()
        except PdfError as error:
            raise DocumentError(str(error)) from error


def public_view(certificate: Certificate) -> dict:
    """What the public verification page may show (R50, R53): the name masked, the event and the date."""
    event = certificate.participant.event
    return {
        "number": certificate.number,
        "name": mask_name(certificate.person.name),
        "event": event.title,
        "kind": event.get_kind_display(),
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "issued_on": certificate.issued_on,
        "revoked": certificate.revoked_at is not None,
        "revoked_on": certificate.revoked_at.date() if certificate.revoked_at else None,
    }


def report_docx(event: Event) -> bytes:
    """The event report for the LAKIP: who, where, when, how many by sex and kecamatan, photos."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    document.add_heading(_("Laporan Kegiatan"), level=0)
    document.add_heading(event.title, level=1)
    rows = [
        (_("Kode"), event.code),
        (_("Jenis"), event.get_kind_display()),
        (_("Bidang penyelenggara"), f"{event.get_division_display()} {event.section}".strip()),
        (_("Sub kegiatan anggaran"), str(event.budget_item or "—")),
        (_("Tanggal"), f"{long_date(event.starts_on)} – {long_date(event.ends_on)}"),
        (_("Tempat"), event.venue or "—"),
        (_("Pelatih/mitra"), event.partner or "—"),
        (_("Sasaran"), event.get_target_group_display()),
        (_("Jam pelajaran (JP)"), str(event.jp_hours)),
    ]
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(label), value
    took_part = list(
        Participant.objects.filter(event=event, status__in=TOOK_PART).select_related("person", "kecamatan")
    )
    registered = Participant.objects.filter(event=event).exclude(status="cancelled").count()
    document.add_heading(_("Peserta"), level=2)
    document.add_paragraph(
        _("Terdaftar %(reg)s orang, hadir %(att)s orang, lulus %(done)s orang.")
        % {
            "reg": registered,
            "att": len(took_part),
            "done": sum(1 for p in took_part if p.status == "completed"),
        }
    )
    sex = Counter(p.person.get_sex_display() for p in took_part)
    kecamatan = Counter((p.kecamatan.name if p.kecamatan else _("Tidak diketahui")) for p in took_part)
    for title, counter in ((_("Menurut jenis kelamin"), sex), (_("Menurut kecamatan"), kecamatan)):
        document.add_paragraph(title).runs[0].bold = True
        grid = document.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        grid.rows[0].cells[0].text, grid.rows[0].cells[1].text = "", _("Jumlah")
        for key, n in sorted(counter.items()):
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = str(key), str(n)
    document.add_heading(_("Daftar hadir"), level=2)
    people = document.add_table(rows=1, cols=4)
    people.style = "Table Grid"
    for cell, text in zip(people.rows[0].cells, (_("No"), _("Nama"), _("L/P"), _("Kecamatan")), strict=True):
        cell.text = str(text)
    for n, p in enumerate(sorted(took_part, key=lambda p: p.person.name), start=1):
        cells = people.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(n), p.person.name, p.person.sex
        cells[3].text = p.kecamatan.name if p.kecamatan else ""
    photos = [d for d in event.documents.filter(kind="photo")]
    if photos:
        document.add_heading(_("Dokumentasi"), level=2)
        for photo in photos:
            try:
                with photo.file.open("rb") as handle:
                    document.add_picture(io.BytesIO(handle.read()), width=Cm(12))
                document.add_paragraph(photo.name)
            except Exception:  # noqa: BLE001 - a broken upload must not stop the report
                document.add_paragraph(_("(foto %(name)s tidak dapat dibaca)") % {"name": photo.name})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
