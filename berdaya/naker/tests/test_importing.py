"""The job seeker import (naker/importing.py) through the generic framework: people by NIK, cards through
the services, skills normalised, Indonesian reasons for rejected rows, idempotent."""

import pytest

from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx
from berdaya.naker.models import JobSeeker, Placement, Vacancy
from berdaya.test import valid_nik

pytestmark = pytest.mark.django_db

HEADERS = ["NIK", "Nama", "Kelurahan", "Tanggal daftar", "Pendidikan", "Jurusan", "Jabatan diminati",
           "Keterampilan"]  # fmt: skip
NIK = valid_nik()


def import_rows(path, rows, actor):
    spec = get_spec("pencaker")
    table = open_table(write_xlsx(path, rows, HEADERS))
    return runner.execute(spec, table, suggest_mapping(spec, table.headers), actor=actor, source="dinas")


def test_a_row_registers_the_person_and_the_card_and_a_second_run_changes_nothing(tmp_path, cast):
    rows = [[NIK, "Rahmat Hidayat", "kelayan barat", "03/02/2022", "SMK", "Tata Boga", "5120", "masak, jait"]]
    counts = import_rows(tmp_path / "a.xlsx", rows, cast.p3k)
    assert (counts.created, counts.rejected) == (1, 0)
    seeker = JobSeeker.objects.get()
    assert seeker.card_number.startswith("6371-2022-") and seeker.education == "sma"
    assert set(seeker.skills.values_list("name", flat=True)) == {"Memasak", "Menjahit"}
    assert [o.kbji_code for o in seeker.occupations.all()] == ["5120"]
    again = import_rows(tmp_path / "b.xlsx", rows, cast.p3k)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_an_unknown_occupation_and_a_missing_domicile_are_explained(tmp_path, cast):
    rows = [[valid_nik(), "Siti", "", "03/02/2022", "SMA", "", "penyelam laut dalam", ""]]
    counts = import_rows(tmp_path / "c.xlsx", rows, cast.p3k)
    assert counts.rejected == 1 and JobSeeker.objects.count() == 0


# --- Vacancies and placements --------------------------------------------------------------------------

VACANCY_HEADERS = ["NIB", "Nama perusahaan", "Posisi", "KBJI", "Jumlah", "Pendidikan", "Kecamatan",
                   "Gaji dari", "Gaji sampai", "Status kerja", "Batas lamaran", "Keterampilan"]  # fmt: skip
PLACEMENT_HEADERS = ["Nomor kartu AK/1", "Nama perusahaan", "Jabatan", "Jalur", "Tujuan", "Mulai bekerja",
                     "Cara verifikasi", "Tanggal verifikasi"]  # fmt: skip


def run(key, path, rows, headers, actor):
    spec = get_spec(key)
    table = open_table(write_xlsx(path, rows, headers))
    return runner.execute(spec, table, suggest_mapping(spec, table.headers), actor=actor, source="dinas")


@pytest.fixture
def company(cast):
    from berdaya.companies.services import company_register

    return company_register(actor=cast.p3k, data={"name": "PT Banua Hotel", "nib": "1234567890123"})


def test_vacancies_import_as_drafts_waiting_for_verification_and_again_unchanged(tmp_path, cast, company):
    # domain.md R36: an imported vacancy is not public until another officer verifies it
    rows = [["1234567890123", "", "Juru masak", "5120", 2, "SMK", "Banjarmasin Utara", "3 jt", "3,5 jt",
             "kontrak", "31/12/2030", "masak, tata boga"]]  # fmt: skip
    counts = run("lowongan", tmp_path / "v.xlsx", rows, VACANCY_HEADERS, cast.p3k)
    assert (counts.created, counts.rejected) == (1, 0)
    vacancy = Vacancy.objects.get()
    assert (vacancy.company, vacancy.state, vacancy.count, vacancy.contract) == (company, "draft", 2, "pkwt")
    assert (vacancy.wage_min, vacancy.wage_max, vacancy.kecamatan.name) == (
        3_000_000,
        3_500_000,
        "Banjarmasin Utara",
    )
    assert set(vacancy.must_skills.values_list("name", flat=True)) == {"Memasak", "Tata boga"}
    again = run("lowongan", tmp_path / "v2.xlsx", rows, VACANCY_HEADERS, cast.p3k)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    rows[0][4] = 3
    changed = run("lowongan", tmp_path / "v3.xlsx", rows, VACANCY_HEADERS, cast.p3k)
    assert changed.updated == 1 and Vacancy.objects.get().count == 3


def test_a_vacancy_row_of_an_unknown_company_or_a_reversed_wage_is_explained(tmp_path, cast, company):
    unknown = ["", "PT Tidak Ada", "Kasir", "5230", 1, "SMA", "", "", "", "tetap", "31/12/2030", ""]
    reversed_wage = [
        "1234567890123",
        "",
        "Kasir",
        "5230",
        1,
        "SMA",
        "",
        "4 jt",
        "3 jt",
        "tetap",
        "31/12/2030",
        "",
    ]
    rows = [unknown, reversed_wage]
    counts = run("lowongan", tmp_path / "w.xlsx", rows, VACANCY_HEADERS, cast.p3k)
    assert counts.rejected == 2 and not Vacancy.objects.exists()


def test_placements_import_by_card_number_verified_ones_close_the_card(tmp_path, cast, company):
    # domain.md R38a: a verified placement counts and closes the card (R37); unverified ones get their calls
    from berdaya.naker.tests.test_fair import make_seeker

    first, second = make_seeker(cast), make_seeker(cast)
    rows = [[first.card_number, "PT Banua Hotel", "Juru masak", "Laporan perusahaan", "AKL", "01/03/2025",
             "Konfirmasi perusahaan", "10/03/2025"],
            [second.person.nik, "pt banua hotel", "Kasir", "mandiri", "", "05/03/2025", "", ""]]  # fmt: skip
    counts = run("penempatan", tmp_path / "p.xlsx", rows, PLACEMENT_HEADERS, cast.p3k)
    assert (counts.created, counts.rejected) == (2, 0)
    verified = Placement.objects.get(job_seeker=first)
    assert (verified.state, verified.method, str(verified.verified_on)) == (
        "terverifikasi",
        "perusahaan",
        "2025-03-10",
    )
    first.refresh_from_db()
    assert first.closed_on is not None
    pending = Placement.objects.get(job_seeker=second)
    assert pending.state == "menunggu" and pending.calls.count() == 2
    again = run("penempatan", tmp_path / "p2.xlsx", rows, PLACEMENT_HEADERS, cast.p3k)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert Placement.objects.count() == 2


def test_a_placement_without_a_card_or_abroad_through_a_bkk_is_refused(tmp_path, cast, company):  # R39
    from berdaya.naker.tests.test_fair import make_seeker

    seeker = make_seeker(cast)
    no_card = ["6371-2022-999999", "PT Banua Hotel", "Kasir", "mandiri", "", "01/03/2025", "", ""]
    abroad = [seeker.card_number, "PT Banua Hotel", "Perawat", "BKK", "AKAN", "01/03/2025", "", ""]
    rows = [no_card, abroad]
    counts = run("penempatan", tmp_path / "q.xlsx", rows, PLACEMENT_HEADERS, cast.p3k)
    assert counts.rejected == 2 and not Placement.objects.exists()
