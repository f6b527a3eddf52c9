"""The job seeker import (naker/importing.py) through the generic framework: people by NIK, cards through
the services, skills normalised, Indonesian reasons for rejected rows, idempotent."""

import pytest

from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx
from berdaya.naker.models import JobSeeker
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
