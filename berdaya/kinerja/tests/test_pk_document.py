"""One performance agreement (PK) downloaded as DOCX and PDF in the official layout
(sakip.md "Perjanjian Kinerja": revisions are kept as versions and marked "Perubahan")."""

import datetime as dt
import time
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.urls import reverse
from docx import Document

from berdaya.kinerja import services
from berdaya.kinerja.models import BudgetItem, Echelon, Unit
from berdaya.kinerja.report.pk import build_pk, split_party
from berdaya.lib.documents import soffice

pytestmark = pytest.mark.django_db
HEAD = "Ir. Ichrom Muftezar, M.Si — Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"
MAYOR = "H. Ibnu Sina, S.Pi, M.Si — Wali Kota Banjarmasin"


@pytest.fixture
def agreement(cast, indicator):
    return services.agreement_sign(
        actor=cast.sekretariat,
        data={
            "year": 2022,
            "unit": Unit.DINAS,
            "echelon": Echelon.II,
            "first_party": HEAD,
            "second_party": MAYOR,
            "signed_on": dt.date(2022, 1, 10),
        },
        targets={indicator: D(3)},
    )


def text_of(doc) -> str:
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def rows_of(doc, *header):
    for table in doc.tables:
        if [cell.text for cell in table.rows[0].cells][: len(header)] == list(header):
            return [[cell.text for cell in row.cells] for row in table.rows[1:]]
    raise AssertionError(f"no table with header {header}")


def test_a_party_text_splits_into_name_and_position():
    assert split_party(MAYOR).name == "H. Ibnu Sina, S.Pi, M.Si"  # commas in titles do not split
    assert split_party(MAYOR).title == "Wali Kota Banjarmasin"
    only_post = split_party("Kepala Bidang Koperasi")
    assert (only_post.name, only_post.title) == ("", "Kepala Bidang Koperasi")  # name written by hand


def test_the_docx_names_both_parties_and_lists_the_signed_targets(agreement, tmp_path):
    BudgetItem.objects.create(
        year=2022, level=BudgetItem.Level.PROGRAM, name="Program Pengembangan UMKM", pagu=D("648763220")
    )
    doc = Document(build_pk(agreement, tmp_path, pdf=False).docx)
    text = text_of(doc)
    assert doc.inline_shapes, "the regional emblem heads the document"
    assert doc.paragraphs[1].text == "PERJANJIAN KINERJA TAHUN 2022"
    assert doc.paragraphs[2].text == settings.BERDAYA_OFFICE_NAME.upper()
    assert doc.paragraphs[3].text == "KOTA BANJARMASIN"
    assert "Nama\t: Ir. Ichrom Muftezar, M.Si" in text
    assert "Jabatan\t: Wali Kota Banjarmasin" in text
    assert "selanjutnya disebut pihak pertama." in text
    assert "Banjarmasin, 10 Januari 2022" in text
    assert "PERUBAHAN" not in text
    rows = rows_of(doc, "No", "Sasaran strategis", "Indikator kinerja", "Target")
    assert rows == [["1", "Meningkatnya WUB mandiri", "Persentase WUB mandiri", "3", "%"]]
    programs = rows_of(doc, "No", "Program", "Pagu")  # the head of office's PK carries the programs
    assert programs[0][1:] == ["Program Pengembangan UMKM", "Rp 648.763.220"]


def test_a_revision_is_marked_perubahan_with_its_new_targets(cast, agreement, indicator, tmp_path):
    revised = services.agreement_sign(
        actor=cast.sekretariat,
        data={"first_party": HEAD, "second_party": MAYOR, "signed_on": dt.date(2022, 8, 1)},
        targets={indicator: D("3.5")},
        revises=agreement,
        reason="perubahan anggaran",
    )
    doc = Document(build_pk(revised, tmp_path, pdf=False).docx)
    text = text_of(doc)
    assert doc.paragraphs[1].text == "PERJANJIAN KINERJA PERUBAHAN TAHUN 2022"
    assert "Perubahan ke-1 (versi 2: perubahan anggaran)" in text
    assert rows_of(doc, "No", "Sasaran strategis")[0][3] == "3,50"


def test_a_division_pk_names_its_unit_and_has_no_program_table(cast, indicator, tmp_path):
    division = services.agreement_sign(
        actor=cast.sekretariat,
        data={
            "year": 2022,
            "unit": Unit.USAHA_MIKRO,
            "echelon": Echelon.III,
            "first_party": "Kepala Bidang Usaha Mikro",
            "second_party": HEAD,
        },
        targets={indicator: D(3)},
    )
    BudgetItem.objects.create(year=2022, level=BudgetItem.Level.PROGRAM, name="Program X", pagu=D(1))
    doc = Document(build_pk(division, tmp_path, pdf=False).docx)
    text = text_of(doc)
    assert "BIDANG USAHA MIKRO" in text
    assert "Nama\t: " + "." * 40 in text  # the name is written by hand
    assert "Banjarmasin, ........................ 2022" in text  # not signed yet
    with pytest.raises(AssertionError):
        rows_of(doc, "No", "Program", "Pagu")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: no PDF conversion")
def test_the_pdf_is_produced(agreement, tmp_path):
    start = time.monotonic()
    built = build_pk(agreement, tmp_path)
    assert built.pdf.read_bytes().startswith(b"%PDF")
    print(f"PK PDF in {time.monotonic() - start:.1f}s")


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: no PDF conversion")
def test_the_pdf_download(cast, agreement):
    response = cast.client(cast.kepala).get(reverse("kinerja:agreement_download", args=[agreement.pk, "pdf"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_pages_link_the_downloads(cast, agreement):
    url = reverse("kinerja:agreement_download", args=[agreement.pk, "pdf"])
    client = cast.client(cast.kepala)
    assert url in client.get(reverse("kinerja:agreement", args=[agreement.pk])).content.decode()
    assert url in client.get(reverse("kinerja:agreements") + "?tahun=2022").content.decode()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("kepala", 200),
        ("sekretariat", 200),
        ("koperasi", 200),
        ("umkm", 200),
        ("p3k", 200),
        ("phijs", 200),
        ("inspektur", 200),
        ("admin", 200),
        ("petugas", 403),
    ],
)
def test_who_downloads_the_docx(cast, agreement, persona, status):
    url = reverse("kinerja:agreement_download", args=[agreement.pk, "docx"])
    response = cast.client(getattr(cast, persona)).get(url)
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"] == 'attachment; filename="PK-2022-dinas-v1.docx"'


def test_an_unknown_format_is_not_found(cast, agreement):
    url = reverse("kinerja:agreement_download", args=[agreement.pk, "odt"])
    assert cast.client(cast.kepala).get(url).status_code == 404


def test_staff_records_feed_the_signature_blocks(cast, indicator, tmp_path):
    # Issue 14: NIP, rank and position from the staff record, by the position the PK names ...
    cast.umkm.first_name, cast.umkm.last_name = "Diang", "Fitriani"
    cast.umkm.nip, cast.umkm.rank, cast.umkm.position = (
        "197809092003122005",
        "Pembina (IV/a)",
        "Kepala Bidang Usaha Mikro",
    )
    cast.umkm.save()
    # ... and by the name it names (titles and degrees aside).
    cast.kepala.first_name, cast.kepala.last_name = "Ichrom", "Muftezar"
    cast.kepala.nip, cast.kepala.rank = "196805121994031007", "Pembina Utama Muda (IV/c)"
    cast.kepala.save()
    division = services.agreement_sign(
        actor=cast.sekretariat,
        data={
            "year": 2022,
            "unit": Unit.USAHA_MIKRO,
            "echelon": Echelon.III,
            "first_party": "Kepala Bidang Usaha Mikro",
            "second_party": HEAD,
        },
        targets={indicator: D(3)},
    )
    text = text_of(Document(build_pk(division, tmp_path, pdf=False).docx))
    assert "Nama\t: Diang Fitriani" in text
    assert "Pembina (IV/a)" in text and "NIP. 19780909 200312 2 005" in text
    assert "Pembina Utama Muda (IV/c)" in text and "NIP. 19680512 199403 1 007" in text
