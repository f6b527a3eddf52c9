"""The people import spec (berdaya/people/importing.py) on top of berdaya.imports."""

import datetime as dt

import pytest

from berdaya.imports import runner
from berdaya.imports.spec import get_spec
from berdaya.people.models import Person
from berdaya.test import valid_nik

pytestmark = pytest.mark.django_db

MAPPING = ["nik", "name", "sex", "birth_date", "phone", "kelurahan", "education", "disability"]


def validate(*rows):
    spec = get_spec("people")
    spec.prepare()
    numbered = [(i + 2, list(row)) for i, row in enumerate(rows)]
    return [(values, reasons) for _n, _c, values, reasons in runner.validate(spec, MAPPING, iter(numbered))]


def test_sex_and_birth_date_come_from_the_nik_when_missing():
    nik = valid_nik(birth=dt.date(1990, 5, 7), female=True)
    [(values, reasons)] = validate([nik, "Siti", None, None, None, None, None, None])
    assert reasons == []
    assert values["sex"] == "P" and values["birth_date"] == dt.date(1990, 5, 7)
    assert values["needs_review"] is False


def test_a_row_that_disagrees_with_its_nik_is_imported_and_flagged_for_review():  # domain.md R6
    nik = valid_nik(birth=dt.date(1990, 5, 7))
    [(values, _reasons)] = validate([nik, "Budi", "P", "08/05/1990", None, None, None, None])
    assert values["needs_review"] is True
    assert "Jenis kelamin tidak sesuai NIK" in values["review_reason"]
    assert "Tanggal lahir tidak sesuai NIK" in values["review_reason"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (["6371", "Ali"], "NIK tidak valid: NIK harus 16 digit angka."),
        (
            ["6371011213850001", "Ali"],
            "NIK tidak valid: Tanggal lahir pada NIK tidak valid: bulan harus 01–12.",
        ),
        ([None, "Ali"], "NIK wajib diisi."),
        ([valid_nik(), " "], "Nama wajib diisi."),
        ([valid_nik(), "Ali", "X"], "Jenis kelamin harus L atau P: 'X'."),
        ([valid_nik(), "Ali", None, "31/02/1990"], "Tanggal lahir: Tanggal tidak ada: '31/02/1990'."),
        ([valid_nik(), "Ali", None, "01/01/2999"], "Tanggal lahir: Tanggal 01/01/2999 ada di masa depan."),
        ([valid_nik(), "Ali", None, None, "12"], "Telepon: Nomor telepon tidak valid"),
        (
            [valid_nik(), "Ali", None, None, None, "Kayutangi Ulu"],
            "Kelurahan 'Kayutangi Ulu' tidak dikenal di wilayah kerja.",
        ),
        ([valid_nik(), "Ali", None, None, None, None, "S9"], "Pendidikan tidak dikenal: 'S9'."),
        (
            [valid_nik(), "Ali", None, None, None, None, None, "kadang"],
            "Penyandang disabilitas: Isi dengan 'ya' atau 'tidak'",
        ),
    ],
)
def test_each_bad_cell_gets_a_clear_indonesian_reason(row, reason):
    row = row + [None] * (len(MAPPING) - len(row))
    [(values, reasons)] = validate(row)
    assert values is None
    assert any(reason in text for text in reasons), reasons


def test_every_reason_of_a_row_is_given():
    [(_values, reasons)] = validate(["1", "", "X", None, None, None, None, None])
    assert len(reasons) == 3


def test_imported_people_match_what_the_form_would_store(tmp_path, cast):
    from berdaya.imports.readers import open_table
    from berdaya.imports.tests.helpers import write_xlsx

    nik = valid_nik(birth=dt.date(1985, 3, 12))
    path = write_xlsx(
        tmp_path / "a.xlsx",
        [
            [
                nik,
                "H. Ahmad Fauzi",
                "Laki-laki",
                "12 Maret 1985",
                "0812 3456 7890",
                "KELAYAN BARAT",
                "S1",
                "tidak",
            ]
        ],
        [
            "NIK",
            "Nama Lengkap",
            "Jenis Kelamin",
            "Tanggal Lahir",
            "No HP",
            "Kelurahan",
            "Pendidikan",
            "Disabilitas",
        ],
    )
    spec = get_spec("people")
    table = open_table(path)
    runner.execute(spec, table, MAPPING, actor=cast.umkm, source="uji")
    person = Person.objects.get(nik=nik)
    assert (person.name, person.sex, person.birth_date) == ("H. Ahmad Fauzi", "L", dt.date(1985, 3, 12))
    assert (person.phone, person.education, person.disability) == ("+6281234567890", "s1", False)
    assert person.kelurahan.name.lower() == "kelayan barat"
    assert person.needs_review is False
