"""The UMKM import spec (berdaya/umkm/importing.py): owners, enterprises and observations from one row."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.audit.models import AuditEntry
from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx
from berdaya.people.models import Person
from berdaya.test import valid_nik
from berdaya.umkm.models import Enterprise, Observation

pytestmark = pytest.mark.django_db

HEADERS = [
    "ID", "NIK Pemilik", "Nama Pemilik", "No HP", "Nama Usaha", "Sektor", "Alamat Usaha", "Kelurahan",
    "Tahun Berdiri", "Tanggal Data", "Modal Usaha", "Omzet",
]  # fmt: skip


def import_rows(path, rows, headers=HEADERS, actor=None):
    spec = get_spec("umkm")
    table = open_table(write_xlsx(path, rows, headers))
    return runner.execute(spec, table, suggest_mapping(spec, table.headers), actor=actor, source="sidt")


def row(owner_nik, **changes):
    values = {
        "id": "SRC-1", "nik": owner_nik, "owner": "Hj. Siti Aminah", "hp": "0812-3456-7890",
        "name": "Warung Acil",
        "sector": "Kuliner", "address": "Jl. Kelayan A", "kel": "kelayan barat", "year": 2015,
        "observed": "31/12/2024", "capital": "Rp 1,5 jt", "sales": "120.000.000",
    } | changes  # fmt: skip
    return list(values.values())


def test_headers_map_to_the_umkm_fields():
    spec = get_spec("umkm")
    assert suggest_mapping(spec, HEADERS) == [
        "source_id", "owner_nik", "owner_name", "owner_phone", "name", "sector", "address", "kelurahan",
        "founded_year", "observed_on", "capital", "annual_sales",
    ]  # fmt: skip


def test_a_row_creates_owner_enterprise_and_classified_observation(tmp_path, cast):
    nik = valid_nik()
    counts = import_rows(tmp_path / "a.xlsx", [row(nik)], actor=cast.umkm)
    assert (counts.created, counts.rejected) == (1, 0)
    owner = Person.objects.get(nik=nik)
    assert (owner.name, owner.phone) == ("Hj. Siti Aminah", "+6281234567890")
    enterprise = Enterprise.objects.get()
    assert (enterprise.owner, enterprise.source, enterprise.source_id) == (owner, "sidt", "SRC-1")
    assert enterprise.sector.code == "kuliner" and enterprise.founded_year == 2015
    assert enterprise.kelurahan.name.lower() == "kelayan barat"
    observation = Observation.objects.get()
    assert observation.capital == Decimal("1500000.00") and observation.annual_sales == Decimal(
        "120000000.00"
    )
    assert observation.observed_on == dt.date(2024, 12, 31)
    assert observation.size_class == "mikro" or observation.size_class
    enterprise.refresh_from_db()
    assert enterprise.current_size_class == observation.size_class
    assert AuditEntry.objects.filter(object_type="umkm.enterprise", person_id=owner.pk).count() == 1
    assert AuditEntry.objects.filter(object_type="umkm.observation").count() == 1


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    rows = [row(valid_nik(), id=f"SRC-{i}", name=f"Usaha {i}") for i in range(4)]
    import_rows(tmp_path / "a.xlsx", rows)
    audit_rows = AuditEntry.objects.count()
    counts = import_rows(tmp_path / "b.xlsx", rows)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 4)
    assert AuditEntry.objects.count() == audit_rows
    assert Observation.objects.count() == 4


def test_without_source_id_the_owner_and_business_name_find_the_record(tmp_path):
    headers = HEADERS[1:]
    nik = valid_nik()
    import_rows(tmp_path / "a.xlsx", [row(nik)[1:]], headers)
    messy = row(nik, owner="SITI AMINAH", name="warung  ACIL", hp="+62 812 3456 7890")[1:]
    counts = import_rows(tmp_path / "b.xlsx", [messy], headers)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 1)
    assert Enterprise.objects.get().name == "Warung Acil"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"owner": ""}, "Nama pemilik wajib diisi."),
        ({"kel": "Antah"}, "Kelurahan 'Antah' tidak dikenal di wilayah kerja."),
        ({"capital": "-5.000"}, "Modal usaha: Jumlah tidak boleh negatif"),
        ({"observed": "01/01/2999"}, "Tanggal data: Tanggal 01/01/2999 ada di masa depan."),
        ({"sector": "Tambang"}, "Sektor 'Tambang' tidak dikenal."),
    ],
)
def test_bad_rows_are_rejected_with_a_reason(tmp_path, changes, reason):
    errors = runner.ErrorFile(tmp_path / "x.xlsx", HEADERS)
    spec = get_spec("umkm")
    table = open_table(write_xlsx(tmp_path / "a.xlsx", [row(valid_nik(), **changes)], HEADERS))
    counts = runner.execute(
        spec, table, suggest_mapping(spec, HEADERS), actor=None, source="sidt", errors=errors
    )
    assert counts.rejected == 1
    from openpyxl import load_workbook

    assert reason in list(load_workbook(errors.close()).active.values)[1][-1]


# --- Rows without a (valid) owner NIK are kept ------------------------------------


def test_a_row_without_nik_keeps_its_business_with_an_owner_flagged_to_complete(tmp_path, cast):
    counts = import_rows(
        tmp_path / "a.xlsx", [row(None), row("123", id="SRC-2", owner="Amat")], actor=cast.umkm
    )
    assert (counts.created, counts.rejected) == (2, 0)
    missing = Person.objects.get(name="Hj. Siti Aminah")
    assert (missing.nik, missing.nik_issue, missing.phone) == (None, "belum_tercatat", "+6281234567890")
    invalid = Person.objects.get(name="Amat")
    assert (invalid.nik, invalid.nik_issue) == (None, "tidak_valid")
    assert "Tertulis '123'" in invalid.nik_issue_note and "16 digit" in invalid.nik_issue_note
    assert "baris 3" in invalid.nik_issue_note  # where it came from, for the clerk who completes it
    assert Enterprise.objects.filter(owner=missing).count() == 1 and Observation.objects.count() == 2
    assert AuditEntry.objects.filter(object_type="people.person", person_id=missing.pk).count() == 1


def test_owners_without_nik_are_found_by_name_and_phone_not_duplicated(tmp_path):
    headers = HEADERS[1:]
    first = row(None, name="Warung Acil")[1:]
    second = row(None, owner="SITI AMINAH", name="Katering Siti")[1:]  # same name + phone, other business
    import_rows(tmp_path / "a.xlsx", [first, second], headers)
    assert Person.objects.count() == 1 and Enterprise.objects.count() == 2
    counts = import_rows(tmp_path / "b.xlsx", [first, second], headers)  # the same file again
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 2)
    assert Person.objects.count() == 1


def test_namesakes_without_nik_stay_apart_when_phone_and_birth_date_disagree(tmp_path):
    headers = [*HEADERS, "Tanggal lahir"]
    rows = [
        row(None, id="A", hp="0812-1111-2222") + ["01/02/1970"],
        row(None, id="B", hp="0813-3333-4444", name="Toko Lain") + ["05/06/1995"],
    ]
    import_rows(tmp_path / "a.xlsx", rows, headers)
    assert Person.objects.filter(name="Hj. Siti Aminah").count() == 2


def test_an_owner_without_nik_matches_a_recorded_person_by_name_and_phone(tmp_path, cast):
    from berdaya.test import make_person

    recorded = make_person(name="Siti Aminah", phone="+6281234567890")
    import_rows(tmp_path / "a.xlsx", [row(None)], actor=cast.umkm)
    assert Enterprise.objects.get().owner == recorded
    assert not Person.objects.exclude(nik_issue="").exists()


def test_an_owner_nik_registered_to_someone_else_neither_renames_her_nor_takes_her_business(tmp_path):
    # The import once renamed the owner and re-owned her business; now the row waits for review.
    nik = valid_nik(female=True)
    import_rows(tmp_path / "a.xlsx", [row(nik, owner="Siti Aminah")])
    clash = row(nik, id="SRC-2", owner="Budi Santoso", name="Bengkel Budi")
    counts = import_rows(tmp_path / "b.xlsx", [clash])
    assert (counts.created, counts.updated, counts.rejected) == (0, 0, 1)
    assert Person.objects.get(nik=nik).name == "Siti Aminah"
    assert list(Enterprise.objects.values_list("name", flat=True)) == ["Warung Acil"]


def test_the_owner_names_kept_for_the_audit_rows_stay_bounded(tmp_path, cast, monkeypatch):
    """Issue 14 (memory flat at a million rows): the names the audit rows show were cached for every owner
    of the run; they are now dropped past a bound, and each batch fetches what it lacks."""
    from berdaya.imports import spec as spec_module

    monkeypatch.setattr(spec_module, "RELATED_NAMES_KEPT", 5)
    spec = get_spec("umkm")
    rows = [row(valid_nik(), id=f"SRC-{i}", owner=f"Pemilik {i}", hp=f"0812-3456-{i:04d}") for i in range(30)]
    table = open_table(write_xlsx(tmp_path / "many.xlsx", rows, HEADERS))
    mapping = suggest_mapping(spec, table.headers)
    counts = runner.execute(spec, table, mapping, actor=cast.umkm, source="sidt", batch_size=4)
    assert (counts.created, counts.rejected) == (30, 0)
    held = [len(s.__dict__.get("_related_names", {})) for s in vars(spec).values() if hasattr(s, "__dict__")]
    assert max(held, default=0) <= 5 + 2 * 4 + 4  # the bound, plus one batch's owners and sectors
    # The audit rows still name each owner (fetched per batch, not from a run-long cache).
    created = AuditEntry.objects.filter(object_type="umkm.enterprise", action="create")
    assert {e.changes["owner"][1] for e in created} == {f"Pemilik {i}" for i in range(30)}
