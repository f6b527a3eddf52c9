"""The import mechanism with the people spec: mapping, batches, idempotency, error file, audit rows."""

import pytest
from django.db import IntegrityError
from openpyxl import load_workbook

from berdaya.audit.models import AuditEntry
from berdaya.audit.services import protected_value
from berdaya.imports import runner, services
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, normalize_header, suggest_mapping
from berdaya.people.models import Person
from berdaya.test import valid_nik

from .helpers import PEOPLE_HEADERS, people_rows, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec():
    return get_spec("people")


def run(spec, path, *, actor=None, batch_size=None, errors=None, source="uji"):
    table = open_table(path)
    mapping = suggest_mapping(spec, table.headers)
    return runner.execute(
        spec, table, mapping, actor=actor, source=source, batch_size=batch_size, errors=errors
    )


def test_headers_are_suggested_from_names_and_synonyms(spec):
    headers = ["No", "NIK", "Nama Pelaku Usaha", "L/P", "Tgl. Lahir", "No. HP/WA", "ALAMAT", "Kelurahan"]
    assert suggest_mapping(spec, headers) == [
        "", "nik", "name", "sex", "birth_date", "", "address", "kelurahan",
    ]  # fmt: skip
    assert suggest_mapping(spec, ["NAMA PEMILIK"]) == ["name"]


def test_a_remembered_mapping_wins_over_suggestions(spec, cast):
    headers = ["Kolom A", "Kolom B", "Nama"]
    services.mapping_remember(
        actor=cast.umkm, spec=spec, source="sidt", headers=headers, mapping=["nik", "", "name"]
    )
    assert services.remembered_mapping(spec, "sidt") == {"kolom a": "nik", "kolom b": "", "nama": "name"}
    assert suggest_mapping(spec, ["KOLOM  A", "Nama"], services.remembered_mapping(spec, "sidt")) == [
        "nik",
        "name",
    ]
    assert normalize_header(" Tgl. Lahir* ") == "tgl lahir"


def test_missing_required_fields_are_named(spec):
    assert runner.missing_required(spec, ["nik", "", ""]) == ["Nama"]


def test_valid_rows_are_created_with_audit_rows(spec, tmp_path, cast):
    niks = [valid_nik() for _ in range(3)]
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows(niks)), actor=cast.umkm)
    assert (counts.total, counts.created, counts.rejected) == (3, 3, 0)
    person = Person.objects.get(nik=niks[0])
    assert person.phone == "+6281234567800"
    assert person.kelurahan.name.lower() == "kelayan barat"
    assert person.created_by == cast.umkm
    entry = AuditEntry.objects.get(object_type="people.person", object_id=str(person.pk))
    assert entry.action == "create" and entry.person_id == person.pk and entry.actor == cast.umkm
    assert entry.changes["nik"] == [None, protected_value("nik", niks[0])]  # R45: no raw NIK in the trail
    assert entry.changes["sex"] == [None, "Laki-laki"]  # choice labels, as the services write them
    assert entry.note == "Impor dari uji"


def test_reimporting_the_same_file_changes_nothing(spec, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik() for _ in range(5)]))
    run(spec, path)
    audit_rows = AuditEntry.objects.count()
    counts = run(spec, path)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 5)
    assert AuditEntry.objects.count() == audit_rows


def test_a_changed_row_updates_its_record_and_says_what_changed(spec, tmp_path):
    nik = valid_nik()
    run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows([nik])))
    rows = people_rows([nik])
    rows[0][6] = "Jl. Baru No. 1"
    counts = run(spec, write_xlsx(tmp_path / "b.xlsx", rows))
    assert (counts.created, counts.updated) == (0, 1)
    person = Person.objects.get(nik=nik)
    assert person.address == "Jl. Baru No. 1"
    entry = AuditEntry.objects.filter(object_id=str(person.pk), action="update").get()
    assert entry.changes == {
        "address": [protected_value("address", "Jl. Kelayan A"), protected_value("address", "Jl. Baru No. 1")]
    }
    assert "Kelayan" not in str(entry.changes)


def test_a_title_or_case_in_the_name_is_not_a_change(spec, tmp_path):
    nik = valid_nik()
    rows = people_rows([nik])
    rows[0][2] = "Hj. Siti Aminah"
    run(spec, write_xlsx(tmp_path / "a.xlsx", rows))
    rows[0][2] = "SITI  AMINAH"
    counts = run(spec, write_xlsx(tmp_path / "b.xlsx", rows))
    assert counts.unchanged == 1
    assert Person.objects.get(nik=nik).name == "Hj. Siti Aminah"


def test_rows_are_written_in_batches(spec, tmp_path):
    counts = run(
        spec, write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik() for _ in range(7)])), batch_size=3
    )
    assert counts.created == 7
    assert Person.objects.count() == 7


def test_the_same_nik_twice_in_a_file_is_written_in_turn(spec, tmp_path):
    nik = valid_nik()
    rows = people_rows([nik, nik])
    rows[1][2] = rows[0][2]  # the same person (another name would be a row to review)
    rows[1][6] = "Jl. Kedua"
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", rows))
    assert (counts.created, counts.updated) == (1, 1)
    assert Person.objects.get(nik=nik).address == "Jl. Kedua"


def test_a_row_the_database_refuses_is_rejected_alone_and_the_rest_of_its_batch_is_saved(
    spec, tmp_path, monkeypatch
):
    niks = [valid_nik() for _ in range(6)]
    refused = niks[3]
    from berdaya.imports import spec as spec_module

    original = spec_module.ModelSpec.write_audit

    def refuse_one_nik(self, audits, **kwargs):
        original(self, audits, **kwargs)  # the records are written by now: the refusal must undo them
        if any(record["nik"] == refused for _action, record, _changes, _sid in audits):
            raise IntegrityError("kunci ganda")

    monkeypatch.setattr(spec_module.ModelSpec, "write_audit", refuse_one_nik)
    errors = runner.ErrorFile(tmp_path / "ditolak.xlsx", PEOPLE_HEADERS)
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows(niks)), batch_size=4, errors=errors)
    assert (counts.created, counts.rejected) == (5, 1)
    assert set(Person.objects.values_list("nik", flat=True)) == set(niks) - {refused}
    assert counts.failed_batches == ["Baris 5 ditolak basis data: kunci ganda"]
    rejected = load_workbook(errors.close()).active
    assert [cell.value for cell in rejected[2]][:3] == [5, 4, refused]
    assert "ditolak basis data (kunci ganda)" in rejected[2][-1].value
    assert AuditEntry.objects.filter(object_type="people.person").count() == 5  # none for the refused row


def test_rejected_rows_go_to_the_error_file_with_every_reason(spec, tmp_path):
    good = valid_nik()
    rows = people_rows([good, "12345", valid_nik()])
    rows[2][2] = ""
    rows[2][7] = "Antah Berantah"
    errors = runner.ErrorFile(tmp_path / "ditolak.xlsx", PEOPLE_HEADERS)
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", rows), errors=errors)
    assert (counts.created, counts.rejected) == (1, 2)
    path = errors.close()
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0] == ("baris", *PEOPLE_HEADERS, "alasan")
    assert values[1][0] == 3 and values[1][2] == "12345"
    assert "NIK tidak valid: NIK harus 16 digit angka." in values[1][-1]
    assert values[2][0] == 4
    assert values[2][-1] == "Nama wajib diisi.; Kelurahan 'Antah Berantah' tidak dikenal di wilayah kerja."


def test_a_clean_run_writes_no_error_file(spec, tmp_path):
    errors = runner.ErrorFile(tmp_path / "ditolak.xlsx", PEOPLE_HEADERS)
    run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik()])), errors=errors)
    assert errors.close() is None


def test_preview_shows_the_first_rows_and_counts(spec, tmp_path):
    table = open_table(write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik(), "1", valid_nik()])))
    result = runner.preview(spec, table, suggest_mapping(spec, table.headers))
    assert (result.valid, result.invalid) == (2, 1)
    assert [row["ok"] for row in result.rows] == [True, False, True]
    assert Person.objects.count() == 0


def test_a_record_repeated_in_a_file_goes_to_the_next_batches_in_file_order(spec, tmp_path, monkeypatch):
    a, b, c, d = (valid_nik() for _ in range(4))
    rows = people_rows([a, a, b, c, d, a])
    for index, row in enumerate(rows):
        row[2] = f"Warga {row[1]}"  # one name per NIK: the same people
        row[6] = f"Jl. Ke-{index + 1}"
    original = type(spec).write_batch
    sizes = []

    def spy(self, batch, **kwargs):
        sizes.append(len(batch))
        return original(self, batch, **kwargs)

    monkeypatch.setattr(type(spec), "write_batch", spy)
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", rows), batch_size=4)
    assert sizes == [4, 1, 1]  # the first batch stays full; the repeats follow it
    assert (counts.created, counts.updated) == (4, 2)
    assert Person.objects.get(nik=a).address == "Jl. Ke-6"


def test_a_row_that_would_rename_a_registered_person_is_held_for_review(spec, tmp_path, monkeypatch):
    # a row reusing an existing NIK with another name and sex renamed that person silently.
    from berdaya.people import services as people_services

    renamed = []
    monkeypatch.setattr(people_services, "RENAME_FOLLOWERS", [renamed.extend])
    nik, other = valid_nik(), valid_nik()
    run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows([nik, other])))
    rows = people_rows([nik, other])
    rows[0][2], rows[0][3] = "Nama Baru Sekali", "P"
    rows[1][6] = "Jl. Baru"  # the other row is an ordinary update
    errors = runner.ErrorFile(tmp_path / "ditolak.xlsx", PEOPLE_HEADERS)
    counts = run(spec, write_xlsx(tmp_path / "b.xlsx", rows), errors=errors)
    assert (counts.updated, counts.rejected) == (1, 1)
    person = Person.objects.get(nik=nik)
    assert (person.name, person.sex) == ("Warga 1", "L")
    assert renamed == []
    sheet = load_workbook(errors.close()).active
    reason = list(sheet.values)[1][-1]
    assert reason.startswith("Perlu diperiksa: NIK ini terdaftar atas nama Warga 1, laki-laki")
    assert "Nama Baru Sekali, perempuan" in reason


def test_a_name_typed_with_a_title_or_another_case_is_the_same_person(spec, tmp_path):
    nik = valid_nik()
    run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows([nik])))
    rows = people_rows([nik])
    rows[0][2] = "HJ. WARGA 1"
    counts = run(spec, write_xlsx(tmp_path / "b.xlsx", rows))
    assert (counts.unchanged, counts.rejected) == (1, 0)


def test_one_new_nik_given_to_two_people_in_one_file_holds_the_second(spec, tmp_path):
    nik = valid_nik()
    rows = people_rows([nik, nik])
    rows[1][2] = "Orang Lain"
    counts = run(spec, write_xlsx(tmp_path / "a.xlsx", rows))
    assert (counts.created, counts.rejected) == (1, 1)
    assert Person.objects.get(nik=nik).name == "Warga 1"


def test_the_preview_marks_a_clash_as_a_row_to_review(spec, tmp_path):
    nik = valid_nik()
    run(spec, write_xlsx(tmp_path / "a.xlsx", people_rows([nik])))
    rows = people_rows([nik, valid_nik()])
    rows[0][2] = "Nama Lain"
    table = open_table(write_xlsx(tmp_path / "b.xlsx", rows))
    result = runner.preview(spec, table, suggest_mapping(spec, table.headers))
    assert [row["ok"] for row in result.rows] == [False, True]
    assert result.rows[0]["reasons"][0].startswith("Perlu diperiksa")
    assert (result.valid, result.invalid) == (1, 1)


def test_the_preview_shows_the_thirty_rows_its_page_announces(spec, tmp_path):
    table = open_table(write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik() for _ in range(40)])))
    result = runner.preview(spec, table, suggest_mapping(spec, table.headers))
    assert len(result.rows) == runner.PREVIEW_ROWS == 30
    assert result.sampled == 40
