"""Company pages through the test client: list with search and export, the duplicate check on entry,
likely duplicates and merge, the import spec (R9)."""

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.companies.models import Company
from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx

from .conftest import make_company

pytestmark = pytest.mark.django_db


def test_the_list_searches_and_exports_with_an_audit_row(cast):
    make_company(actor=cast.phijs, name="PT Barito Bahari", nib="9120001234567")
    make_company(actor=cast.phijs, name="CV Intan")
    client = cast.client(cast.inspektur)
    body = client.get(reverse("companies:list"), {"q": "barito"}).content.decode()
    assert "PT Barito Bahari" in body and "CV Intan" not in body
    assert "PT Barito Bahari" in client.get(reverse("companies:list"), {"q": "912000"}).content.decode()
    response = client.get(reverse("companies:list"), {"format": "csv"})
    assert b"PT Barito Bahari" in b"".join(response.streaming_content)
    assert AuditEntry.objects.filter(action=Action.EXPORT, object_type="companies.company").exists()


def test_registering_a_look_alike_asks_first_then_saves(cast):
    make_company(actor=cast.phijs, name="PT Galuh Sasirangan Makmur", phone="+6281234567890")
    client = cast.client(cast.p3k)  # manpower registers companies too
    data = {"name": "PT Galuh Sasirangan Makmur", "legal_form": "pt", "status": "aktif",
            "phone": "081234567890", "kelurahan": "63.71.01.1001", "workers_male": 0, "workers_female": 0,
            "workers_pkwt": 0, "workers_pkwtt": 0, "workers_foreign": 0}  # fmt: skip
    response = client.post(reverse("companies:create"), data)
    assert response.status_code == 200 and "Mungkin sudah terdaftar" in response.content.decode()
    assert Company.objects.count() == 1
    response = client.post(reverse("companies:create"), data | {"confirm_duplicates": "1"})
    assert response.status_code == 302 and Company.objects.count() == 2


def test_a_second_nib_is_refused_on_the_form(cast):  # R9
    make_company(actor=cast.phijs, nib="9120001234567")
    data = {"name": "PT Lain Sekali", "legal_form": "pt", "status": "aktif", "nib": "9120001234567",
            "workers_male": 0, "workers_female": 0, "workers_pkwt": 0, "workers_pkwtt": 0,
            "workers_foreign": 0, "confirm_duplicates": "1"}  # fmt: skip
    response = cast.client(cast.phijs).post(reverse("companies:create"), data)
    assert "NIB ini sudah terdaftar" in response.content.decode()


def test_likely_duplicates_are_listed_and_merged(cast):
    kept = make_company(actor=cast.phijs, name="PT Galuh Sasirangan Makmur", phone="+6281234567890")
    twin = make_company(actor=cast.phijs, name="PT Galuh Sasirangan Makmur", phone="+6281234567890")
    client = cast.client(cast.phijs)
    assert "PT Galuh Sasirangan Makmur" in client.get(reverse("companies:duplicates")).content.decode()
    client.post(reverse("companies:merge"), {"keep": kept.pk, "duplicate": twin.pk})
    assert list(Company.objects.all()) == [kept]
    assert cast.client(cast.kepala).get(reverse("companies:duplicates")).status_code == 403


def test_others_read_but_do_not_edit(cast):
    company = make_company(actor=cast.phijs)
    assert cast.client(cast.koperasi).get(reverse("companies:detail", args=[company.pk])).status_code == 200
    assert cast.client(cast.koperasi).get(reverse("companies:edit", args=[company.pk])).status_code == 403


def test_the_company_import_finds_companies_by_nib_and_is_idempotent(cast, tmp_path):  # R9
    headers = ["NIB", "Nama Perusahaan", "KBLI", "Kelurahan", "Pekerja Laki-laki"]
    rows = [["9120001234567", "PT Barito", "10792", "kelayan barat", 10], ["123", "PT Salah", "", "", 1]]
    spec = get_spec("perusahaan")
    for name in ("a.xlsx", "b.xlsx"):
        table = open_table(write_xlsx(tmp_path / name, rows, headers))
        counts = runner.execute(
            spec, table, suggest_mapping(spec, table.headers), actor=cast.phijs, source="oss"
        )
        assert counts.rejected == 1
    company = Company.objects.get()
    assert (company.nib, company.kbli_section, company.workers_male) == ("9120001234567", "C", 10)
