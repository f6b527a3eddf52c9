"""The mediation documents (invitation, hearing minutes, the written recommendation, joint agreement) and
the PP/PKB decision letter as DOCX (python-docx) and PDF (LibreOffice, through ``lib.documents``
as ``programs.letters`` does), with the dates filled in. Always in Indonesian: they are official papers.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from berdaya.lib.documents import PdfError, docx_to_pdf, long_date

KINDS = ("invitation", "minutes", "recommendation", "agreement")
DOTS = "...................."


class DocumentError(RuntimeError):
    pass


@dataclass
class Paper:
    title: str
    number: str
    date: str
    subject: str
    paragraphs: list[str] = field(default_factory=list)
    details: list[tuple[str, str]] = field(default_factory=list)
    signer: str = ""
    filename: str = "dokumen"


def dispute_paper(dispute, kind: str) -> Paper:
    """The parts of one mediation document; ``kind`` is one of KINDS."""
    with translation.override("id"):
        return _dispute_paper(dispute, kind)


def _dispute_paper(dispute, kind: str) -> Paper:
    company = dispute.company
    parties = [
        (_("Pihak pengusaha"), company.name),
        (_("Pihak pekerja"), dispute.worker_party),
        (_("Jenis perselisihan"), dispute.get_dispute_type_display()),
        (_("Nomor perkara"), dispute.number),
    ]
    mediator = dispute.mediator.get_full_name() if dispute.mediator else "...................."
    hearings = list(dispute.hearings.all())
    slug = slugify(dispute.number.replace("/", "-"))
    if kind == "invitation":
        first = dispute.deadlines.filter(kind="first_hearing").first()
        return Paper(
            _("SURAT PANGGILAN SIDANG MEDIASI"),
            f"{dispute.number}/PGL",
            long_date(dispute.handed_on),
            _("Panggilan sidang mediasi"),
            [
                _(
                    "Sehubungan dengan pencatatan perselisihan hubungan industrial antara para pihak di "
                    "bawah ini, dengan ini para pihak dipanggil untuk hadir dalam sidang mediasi."
                ),
                _("Sidang mediasi pertama paling lambat %(date)s (UU 2/2004 Pasal 10).")
                % {"date": long_date(first.due_on) if first else "...................."},
            ],
            parties,
            _("Mediator Hubungan Industrial") + f"\n\n\n{mediator}",
            f"panggilan-{slug}",
        )
    if kind == "minutes":
        paragraphs = [
            f"{h.get_kind_display()} {long_date(h.held_on)}{' — ' + h.place if h.place else ''}: {h.minutes}"
            + "\n"
            + _("Hadir: pengusaha %(e)s, pekerja %(w)s.")
            % {
                "e": _("ya") if h.employer_present else _("tidak"),
                "w": _("ya") if h.worker_present else _("tidak"),
            }
            for h in hearings
        ] or [_("Belum ada sidang tercatat.")]
        return Paper(
            _("RISALAH SIDANG MEDIASI"),
            f"{dispute.number}/RSL",
            long_date(hearings[-1].held_on if hearings else None),
            _("Risalah sidang"),
            paragraphs,
            parties,
            _("Mediator Hubungan Industrial") + f"\n\n\n{mediator}",
            f"risalah-{slug}",
        )
    if kind == "recommendation":
        answers = dispute.deadlines.filter(kind="answers").first()
        return Paper(
            _("ANJURAN"),
            dispute.recommendation_number or "....................",
            long_date(dispute.recommendation_on),
            _("Anjuran tertulis mediator"),
            [
                _("Setelah mendengar keterangan para pihak dalam sidang mediasi, mediator menganjurkan:"),
                dispute.recommendation_text or "....................",
                _(
                    "Para pihak memberikan jawaban tertulis menerima atau menolak anjuran ini paling lambat "
                    "%(date)s (10 hari kerja, UU 2/2004 Pasal 13 ayat (2) huruf b). Pihak yang tidak "
                    "menjawab dianggap menolak anjuran (huruf c)."
                )
                % {"date": long_date(answers.due_on) if answers else "...................."},
            ],
            parties,
            _("Mediator Hubungan Industrial") + f"\n\n\n{mediator}",
            f"anjuran-{slug}",
        )
    return Paper(
        _("PERJANJIAN BERSAMA"),
        f"{dispute.number}/PB",
        long_date(dispute.closed_on),
        _("Perjanjian bersama"),
        [
            _(
                "Para pihak sepakat menyelesaikan perselisihan sebagaimana dirumuskan dalam sidang mediasi "
                "dan mendaftarkan perjanjian bersama ini pada Pengadilan Hubungan Industrial "
                "(UU 2/2004 Pasal 13 ayat (1))."
            ),
            dispute.recommendation_text or dispute.summary or "....................",
        ],
        parties,
        f"{_('Pihak pengusaha')}\n\n\n{DOTS}\n{_('Pihak pekerja')}\n\n\n{DOTS}",
        f"perjanjian-bersama-{slug}",
    )


def decision_paper(case) -> Paper:
    with translation.override("id"):
        kind = (
            _("Pengesahan Peraturan Perusahaan")
            if case.kind == "pp"
            else _("Pendaftaran Perjanjian Kerja Bersama")
        )
        return Paper(
            _("KEPUTUSAN KEPALA DINAS"),
            case.decision_number or "....................",
            long_date(case.decision_on),
            kind,
            [
                _(
                    "Menimbang permohonan tanggal %(date)s dan kelengkapan berkasnya, dengan ini %(kind)s "
                    "perusahaan di bawah ini."
                )
                % {"date": long_date(case.submitted_on), "kind": kind.lower()},
                _("Berlaku sampai %(date)s (paling lama 2 tahun, R41).") % {"date": long_date(case.valid_to)},
            ],
            [(_("Perusahaan"), case.company.name), (_("NIB"), case.company.nib or "—")],
            _("Kepala Dinas") + "\n\n\n....................",
            f"keputusan-{slugify((case.decision_number or 'draf').replace('/', '-'))}",
        )


def docx_bytes(paper: Paper) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

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
    title.add_run(paper.title).bold = True
    title.add_run("\n" + "Nomor: " + paper.number)
    doc.add_paragraph("Perihal: " + paper.subject)
    table = doc.add_table(rows=0, cols=2)
    for label, value in paper.details:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    for text in paper.paragraphs:
        doc.add_paragraph(text)
    signature = doc.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.add_run(f"Banjarmasin, {paper.date}\n{paper.signer}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def pdf_bytes(paper: Paper) -> bytes:
    with tempfile.TemporaryDirectory(prefix="hubind-") as folder:
        docx = Path(folder) / f"{paper.filename}.docx"
        docx.write_bytes(docx_bytes(paper))
        try:
            return docx_to_pdf(docx, Path(folder)).read_bytes()
        except PdfError as error:
            raise DocumentError(str(error)) from error
