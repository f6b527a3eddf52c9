"""The AK/1 card as DOCX and PDF (R37a): A6 (or A5), with photo, a QR to the verification page, and the
four reporting boxes. DOCX by python-docx, PDF by LibreOffice (``lib.documents.docx_to_pdf``)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import segno
from django.core import signing
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from berdaya.lib.documents import docx_to_pdf

from . import rules

SIZES = {"a6": (Cm(10.5), Cm(14.8)), "a5": (Cm(14.8), Cm(21.0))}
SALT = "naker.card"


def card_token(card_number: str) -> str:
    """A signed token for the verification link (card numbers are sequential: the signature stops
    guessing the next one)."""
    return signing.dumps(card_number, salt=SALT)


def card_from_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def build_docx(job_seeker, *, verify_url: str, today, size: str = "a6") -> bytes:
    person = job_seeker.person
    width, height = SIZES.get(size, SIZES["a6"])
    small = size == "a6"
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(0.8))
    style = doc.styles["Normal"]
    style.font.name = "Liberation Sans"
    style.font.size = Pt(7 if small else 9)
    style.paragraph_format.space_after = Pt(0)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("KARTU TANDA BUKTI PENDAFTARAN PENCARI KERJA (AK/1)")
    run.bold = True
    run.font.size = Pt(8 if small else 11)
    sub = doc.add_paragraph("Dinas Koperasi, Usaha Mikro dan Tenaga Kerja Kota Banjarmasin")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER

    top = doc.add_table(rows=1, cols=3)
    photo_cell, data_cell, qr_cell = top.rows[0].cells
    if job_seeker.photo:
        try:
            with job_seeker.photo.open("rb") as photo:
                photo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(photo.read()), width=Cm(2.0))
        except Exception:  # noqa: BLE001 - a damaged photo must not stop the card; the box stays empty
            photo_cell.paragraphs[0].add_run("(pas foto 3×4)")
    else:
        photo_cell.paragraphs[0].add_run("(pas foto 3×4)")
    lines = [
        ("No. kartu", job_seeker.card_number),
        ("NIK", person.nik),
        ("Nama", person.name),
        ("TTL", f"{person.birth_place or '-'}, {person.birth_date:%d-%m-%Y}"),
        ("L/P", person.get_sex_display()),
        ("Status", job_seeker.get_marital_status_display() or "-"),
        ("Agama", job_seeker.religion or "-"),
        (
            "Alamat",
            " ".join(filter(None, [person.address, person.kelurahan.name if person.kelurahan else ""])),
        ),
    ]
    data_cell.paragraphs[0].add_run(f"{lines[0][0]}: {lines[0][1]}").bold = True
    for label, value in lines[1:]:
        data_cell.add_paragraph(f"{label}: {value}")
    qr_cell.paragraphs[0].add_run().add_picture(_qr_png(verify_url), width=Cm(2.2))
    qr_cell.add_paragraph("Pindai untuk verifikasi")
    for cell, cm in zip((photo_cell, data_cell, qr_cell), (2.3, 4.8 if small else 8.4, 2.4), strict=True):
        cell.width = Cm(cm)

    education = f"{job_seeker.get_education_display()} {job_seeker.major} {job_seeker.school}".strip()
    if job_seeker.graduation_year:
        education += f" ({job_seeker.graduation_year})"
    doc.add_paragraph(f"Pendidikan formal: {education}")
    doc.add_paragraph(f"Pelatihan/sertifikat: {job_seeker.non_formal or '-'}")
    skills = ", ".join(s.name for s in job_seeker.skills.all()) or "-"
    doc.add_paragraph(f"Keterampilan: {skills}")
    occupations = ", ".join(f"{o.name} ({o.kbji_code})" for o in job_seeker.occupations.all()) or "-"
    doc.add_paragraph(f"Jabatan diminati: {occupations}")

    state = rules.card_state(
        today=today,
        valid_from=job_seeker.valid_from,
        reports=job_seeker.periods.order_by("-number").first().reports.values_list("reported_on", flat=True),
        closed_on=job_seeker.closed_on,
    )
    doc.add_paragraph(f"Berlaku: {job_seeker.valid_from:%d-%m-%Y} s.d. {state.valid_until:%d-%m-%Y}").runs[
        0
    ].bold = True
    doc.add_paragraph("Laporan pencari kerja (wajib lapor setiap 6 bulan selama belum bekerja):")
    boxes = doc.add_table(rows=3, cols=4)
    boxes.style = "Table Grid"
    for k, box in enumerate(state.boxes):
        boxes.cell(0, k).text = f"Lapor ke-{box.number}"
        boxes.cell(1, k).text = f"s.d. {box.due:%d-%m-%Y}"
        boxes.cell(2, k).text = f"✓ {box.reported_on:%d-%m-%Y}" if box.reported_on else "\n\n(paraf petugas)"
    doc.add_paragraph("Kartu ini gratis. Bila sudah bekerja, wajib melapor ke dinas.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_card_pdf(job_seeker, *, verify_url: str, today, size: str = "a6") -> bytes:
    content = build_docx(job_seeker, verify_url=verify_url, today=today, size=size)
    with tempfile.TemporaryDirectory(prefix="ak1-") as tmp:
        docx = Path(tmp) / f"ak1-{job_seeker.card_number}.docx"
        docx.write_bytes(content)
        return docx_to_pdf(docx, Path(tmp)).read_bytes()
