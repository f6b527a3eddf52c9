"""Contract tests of the API's vacancies, events and SIDT export (issue 13 point 8): scopes, the pages'
access rules and R45 masking for the token's account, and one audit row per call (R46)."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from berdaya.api.models import Scope
from berdaya.api.selectors import SIDT_COLUMNS, SIDT_VERSION
from berdaya.audit.models import Action, AuditEntry
from berdaya.naker import services as naker_services
from berdaya.naker.models import Vacancy
from berdaya.naker.tests.test_services import vacancy_data
from berdaya.regions.models import Region
from berdaya.training.models import EventStatus
from berdaya.training.tests.conftest import make_event
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import issue

SIDT = "/api/v1/usaha-mikro/sidt/"


@pytest.fixture
def vacancies(cast):
    draft = naker_services.vacancy_post(actor=cast.p3k, data=vacancy_data(title="Draf"))
    verified = naker_services.vacancy_post(actor=cast.p3k, data=vacancy_data(title="Juru masak"))
    naker_services.vacancy_verify(actor=cast.admin, vacancy=verified)
    closed = naker_services.vacancy_post(actor=cast.p3k, data=vacancy_data(title="Kasir"))
    naker_services.vacancy_verify(actor=cast.admin, vacancy=closed)
    Vacancy.objects.filter(pk=closed.pk).update(closing_date=timezone.localdate() - dt.timedelta(days=1))
    return draft, verified, closed


def test_only_verified_vacancies_reach_a_partner_even_as_a_manpower_clerk(cast, vacancies):
    """R36: a vacancy is public once a second person verified it; the API never shows drafts."""
    draft, verified, closed = vacancies
    _, client = issue(actor=cast.admin, user=cast.p3k, scopes=[Scope.VACANCIES_READ])
    body = client.get("/api/v1/lowongan/").json()
    assert [item["title"] for item in body["items"]] == ["Juru masak"]
    assert body["items"][0]["company"] == "PT Banua" and body["items"][0]["is_open"] is True
    everything = client.get("/api/v1/lowongan/", {"terbuka": "false"}).json()
    assert {item["title"] for item in everything["items"]} == {"Juru masak", "Kasir"}
    assert client.get(f"/api/v1/lowongan/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v1/lowongan/{verified.pk}/").json()["kbji_code"] == "5120"
    assert client.get("/api/v1/lowongan/", {"q": "masak"}).json()["count"] == 1
    assert client.get("/api/v1/lowongan/", {"q": "tidak ada"}).json()["count"] == 0


def test_vacancies_need_their_scope(cast, vacancies):
    _, client = issue(actor=cast.admin, user=cast.p3k, scopes=[Scope.UMKM_READ])
    response = client.get("/api/v1/lowongan/")
    assert response.status_code == 403 and "lowongan:read" in response.json()["detail"]


def test_events_are_listed_as_the_account_may_read_them(cast):
    open_event = make_event(actor=cast.umkm, title="Bimtek Kemasan", status=EventStatus.OPEN)
    make_event(
        actor=cast.umkm, title="Pameran 2021", starts_on=dt.date(2021, 5, 1), ends_on=dt.date(2021, 5, 2)
    )
    _, client = issue(actor=cast.admin, user=cast.inspektur, scopes=[Scope.EVENTS_READ])
    assert client.get("/api/v1/kegiatan/").json()["count"] == 2
    opened = client.get("/api/v1/kegiatan/", {"status": "open"}).json()["items"]
    assert [(e["title"], e["registration_open"]) for e in opened] == [("Bimtek Kemasan", True)]
    assert client.get("/api/v1/kegiatan/", {"tahun": 2021}).json()["items"][0]["title"] == "Pameran 2021"
    assert client.get("/api/v1/kegiatan/", {"status": "bukan"}).status_code == 422
    assert client.get("/api/v1/kegiatan/", {"tahun": 99999}).status_code == 422
    detail = client.get(f"/api/v1/kegiatan/{open_event.pk}/").json()
    assert detail["code"] == open_event.code
    assert detail["place"]["kelurahan_code"] is None


def test_a_field_officer_token_sees_only_the_events_of_its_area(cast):
    make_event(actor=cast.umkm, title="Di luar", kelurahan=Region.objects.get(code="63.71.02.1001"))
    make_event(actor=cast.umkm, title="Di dalam", kelurahan=Region.objects.get(code="63.71.01.1001"))
    _, client = issue(actor=cast.admin, user=cast.petugas, scopes=[Scope.EVENTS_READ])
    items = client.get("/api/v1/kegiatan/").json()["items"]
    assert [e["title"] for e in items] == ["Di dalam"]
    assert items[0]["place"]["kecamatan_code"] == "63.71.01"


def test_every_vacancy_and_event_call_is_audited(cast, vacancies):
    _, client = issue(actor=cast.admin, user=cast.p3k, scopes=[Scope.VACANCIES_READ, Scope.EVENTS_READ])
    before = AuditEntry.objects.count()
    client.get("/api/v1/lowongan/")
    client.get("/api/v1/kegiatan/")
    notes = list(AuditEntry.objects.order_by("pk")[before:].values_list("note", flat=True))
    assert notes == ["API Bank Kalsel: GET /api/v1/lowongan/ -> 200 (1 data)",
                     "API Bank Kalsel: GET /api/v1/kegiatan/ -> 200 (0 data)"]  # fmt: skip


# --- SIDT ---------------------------------------------------------------------------------------------


@pytest.fixture
def sidt_enterprise(cast, person):
    return make_enterprise(
        actor=cast.umkm, owner=person, name="Sasirangan Galuh", phone="+6281234567890",
        address="Jl. Kelayan A No. 7", latitude="-3.320000", longitude="114.590000",
    )  # fmt: skip


def _csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_sidt_export_is_streamed_in_the_sidt_columns_masked_for_a_masked_role(cast, sidt_enterprise):
    """R45: the inspectorate's token gets the NIK's last 4 digits, masked phones, no address, RT/RW or
    coordinates, and the birth year only (never a full birth date beside a masked NIK)."""
    _, client = issue(actor=cast.admin, user=cast.inspektur, scopes=[Scope.UMKM_EXPORT])
    response = client.get(SIDT)
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    [row] = _csv(response)
    assert list(row) == list(SIDT_COLUMNS[SIDT_VERSION])
    owner = sidt_enterprise.owner
    assert row["nama_usaha"] == "Sasirangan Galuh"
    assert row["nik_pemilik"] == "*" * 12 + owner.nik[-4:]
    assert "*" in row["telepon_usaha"] and "Kelayan" not in row["alamat_usaha"]
    assert row["lintang"] == row["bujur"] == row["rt"] == row["tanggal_lahir"] == ""
    assert row["tahun_lahir"] == str(owner.birth_date.year)
    assert row["kode_kelurahan"] == "63.71.01.1001" and row["kode_kecamatan"] == "63.71.01"
    assert owner.nik not in str(row)


def test_a_clerk_token_gets_the_sidt_columns_unmasked_and_each_owner_logged(cast, sidt_enterprise):
    """R46: an export of unmasked data is logged once the file is complete, per owner."""
    _, client = issue(actor=cast.admin, user=cast.umkm, scopes=[Scope.UMKM_EXPORT])
    before = AuditEntry.objects.count()
    response = client.get(SIDT, {"format": "csv"})
    assert AuditEntry.objects.count() == before  # nothing logged before the file is complete
    [row] = _csv(response)
    assert row["nik_pemilik"] == sidt_enterprise.owner.nik and row["telepon_usaha"] == "+6281234567890"
    assert row["lintang"] == "-3.320000"
    entries = AuditEntry.objects.order_by("pk")[before:]
    assert [e.action for e in entries] == [Action.EXPORT, Action.EXPORT]
    assert entries[0].note.startswith("API Bank Kalsel: GET /api/v1/usaha-mikro/sidt/?format=csv -> 200 (1")
    assert entries[1].person_id == sidt_enterprise.owner_id


def test_the_sidt_export_as_xlsx_follows_the_list_filters(cast, person, sidt_enterprise):
    make_enterprise(actor=cast.umkm, owner=person, name="Warung Lain")
    _, client = issue(actor=cast.admin, user=cast.kepala, scopes=[Scope.UMKM_EXPORT])
    response = client.get(SIDT, {"format": "xlsx", "q": "Sasirangan"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["SIDT"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(SIDT_COLUMNS[SIDT_VERSION]) and len(rows) == 2
    assert rows[1][1] == "Sasirangan Galuh"
    assert client.get(SIDT, {"format": "pdf"}).status_code == 422


def test_the_sidt_export_needs_its_own_scope(cast, sidt_enterprise):
    _, client = issue(actor=cast.admin, user=cast.umkm, scopes=[Scope.UMKM_READ])
    assert client.get(SIDT).status_code == 403


def test_a_masked_role_finds_only_an_exact_nik_through_the_api(cast, sidt_enterprise):
    """R45: a prefix of a NIK confirms it digit by digit, so masked roles find only the exact number;
    every number search is logged (R46)."""
    nik = sidt_enterprise.owner.nik
    _, client = issue(actor=cast.admin, user=cast.inspektur, scopes=[Scope.UMKM_READ])
    assert client.get("/api/v1/usaha-mikro/", {"q": nik[:10]}).json()["count"] == 0
    assert client.get("/api/v1/usaha-mikro/", {"q": nik}).json()["count"] == 1
    searches = AuditEntry.objects.filter(note__startswith="pencarian nomor")
    assert searches.count() == 2 and all(nik not in e.note for e in searches)
