"""The koperasi import spec (koperasi/importing.py) through the generic framework and the CLI."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx
from berdaya.koperasi.models import Cooperative, CooperativeYear, Rat, Status

pytestmark = pytest.mark.django_db

HEADERS = [
    "ID", "Nama Koperasi", "Jenis", "Nomor Induk Koperasi", "Tanggal Badan Hukum", "Alamat", "Kelurahan",
    "Tahun Buku", "Anggota L", "Anggota P", "Modal Sendiri", "Aset", "SHU", "Tanggal RAT",
]  # fmt: skip


def row(**changes):
    values = {
        "id": "K-1", "name": "KSP Sasirangan", "kind": "KSP", "nik": "6371010020001", "bh": "01/02/2010",
        "address": "Jl. Kelayan A", "kel": "kelayan barat", "year": timezone.localdate().year - 2, "men": 30,
        "women": 45, "capital": "Rp 1,5 jt", "assets": "120.000.000", "shu": "2.500.000",
        "rat": f"15/03/{timezone.localdate().year - 1}",
    } | changes  # fmt: skip
    return list(values.values())


def import_rows(path, rows, actor=None):
    spec = get_spec("koperasi")
    table = open_table(write_xlsx(path, rows, HEADERS))
    return runner.execute(spec, table, suggest_mapping(spec, table.headers), actor=actor, source="dinas")


def test_headers_map_to_the_koperasi_fields():
    assert suggest_mapping(get_spec("koperasi"), HEADERS) == [
        "source_id", "name", "kind", "nomor_induk_koperasi", "legal_entity_date", "address", "kelurahan",
        "fiscal_year", "members_men", "members_women", "own_capital", "assets", "surplus", "rat_held_on",
    ]  # fmt: skip


def test_a_row_creates_the_cooperative_its_year_and_its_rat_and_computes_the_status(tmp_path, cast):
    counts = import_rows(tmp_path / "a.xlsx", [row()], actor=cast.koperasi)
    assert (counts.created, counts.rejected) == (1, 0)
    cooperative = Cooperative.objects.get()
    assert (cooperative.kind, cooperative.source, cooperative.source_id) == ("simpan_pinjam", "dinas", "K-1")
    assert cooperative.kelurahan.name.lower() == "kelayan barat"
    year = CooperativeYear.objects.get()
    assert (year.members_total, year.own_capital) == (75, Decimal("1500000.00"))
    assert Rat.objects.get().held_on == dt.date(timezone.localdate().year - 1, 3, 15)
    assert cooperative.status == Status.AKTIF  # domain.md R21, recomputed after the import
    assert AuditEntry.objects.filter(object_type="koperasi.cooperative", action="create").count() == 1


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    rows = [row(id=f"K-{i}", name=f"Koperasi {i}", nik=f"637101002000{i}") for i in range(3)]
    import_rows(tmp_path / "a.xlsx", rows)
    audit_rows = AuditEntry.objects.count()
    counts = import_rows(tmp_path / "b.xlsx", rows)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 3)
    assert AuditEntry.objects.count() == audit_rows
    assert (CooperativeYear.objects.count(), Rat.objects.count()) == (3, 3)


def test_bad_rows_are_rejected_with_indonesian_reasons(tmp_path):
    year = timezone.localdate().year - 2
    counts = import_rows(
        tmp_path / "a.xlsx",
        [row(kind="bank"), row(id="K-2", nik="", rat=f"01/06/{year}"), row(id="K-3", nik="", kel="atlantis")],
    )
    assert (counts.created, counts.rejected) == (0, 3)
    # domain.md R20: a RAT is held after its fiscal year closes
    reasons = get_spec("koperasi").clean(
        {"name": "X", "fiscal_year": year, "rat_held_on": dt.date(year, 6, 1)}
    )
    assert reasons == [f"RAT tahun buku {year} diadakan setelah tahun buku ditutup."]
    with pytest.raises(ValueError, match="Jenis koperasi tidak dikenal"):
        get_spec("koperasi").field("kind").parse("bank")


def test_the_cli_imports_a_file(tmp_path, cast):
    path = write_xlsx(tmp_path / "kop.xlsx", [row()], HEADERS)
    call_command("import", "koperasi", str(path))
    assert Cooperative.objects.filter(name="KSP Sasirangan").exists()


def test_the_import_pages_run_the_koperasi_spec_in_the_background(
    cast, tmp_path, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from berdaya.imports.models import ImportRun

    client = cast.client(cast.koperasi)
    assert cast.client(cast.umkm).get(reverse("imports:upload", args=["koperasi"])).status_code == 403
    path = write_xlsx(tmp_path / "kop.xlsx", [row(), row(id="K-2", nik="", kind="bank")], HEADERS)
    content = SimpleUploadedFile(path.name, path.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):  # the job reading the header row
        client.post(reverse("imports:upload", args=["koperasi"]), {"file": content, "source": "dinas"})
    run = ImportRun.objects.get()
    mapping = {f"col_{i}": name for i, name in enumerate(suggest_mapping(get_spec("koperasi"), HEADERS))}
    response = client.post(reverse("imports:mapping", args=[run.pk]), mapping)
    page = client.get(response.url)
    assert (page.context["preview"].valid, page.context["preview"].invalid) == (1, 1)
    assert "Jenis koperasi tidak dikenal" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("imports:start", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, run.created, run.rejected) == ("done", 1, 1)
    assert Cooperative.objects.get().status == Status.AKTIF


def test_several_fiscal_years_of_one_cooperative_in_one_file(tmp_path):
    year = timezone.localdate().year - 2
    rows = [row(year=year), row(year=year - 1, rat=f"20/04/{year}", men=28)]
    counts = import_rows(tmp_path / "a.xlsx", rows)
    assert counts.rejected == 0
    cooperative = Cooperative.objects.get()
    assert sorted(cooperative.years.values_list("fiscal_year", flat=True)) == [year - 1, year]
    assert sorted(cooperative.rats.values_list("fiscal_year", flat=True)) == [year - 1, year]
