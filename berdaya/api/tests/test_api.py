"""The partner API: tokens, scopes, rate limits, the pages' access rules and masking, audit of every call."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from berdaya.api.models import Scope
from berdaya.api.services import token_revoke
from berdaya.audit.models import AuditEntry
from berdaya.programs.models import State
from berdaya.programs.tests.conftest import make_program
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import issue

LIST = "/api/v1/usaha-mikro/"


@pytest.fixture
def enterprise(cast, person):
    return make_enterprise(actor=cast.umkm, owner=person, name="Sasirangan Galuh", phone="+6281234567890")


def test_a_call_without_a_token_is_refused_with_401(db):
    assert Client().get(LIST).status_code == 401


def test_a_wrong_revoked_or_expired_token_is_refused(cast, enterprise):
    token, client = issue(actor=cast.admin, user=cast.inspektur)
    assert client.get(LIST).status_code == 200
    token_revoke(actor=cast.admin, token=token)
    assert client.get(LIST).status_code == 401
    _, expired = issue(
        actor=cast.admin, user=cast.inspektur, expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    assert expired.get(LIST).status_code == 401
    assert Client().get(LIST, headers={"Authorization": "Bearer bdy_tebakan"}).status_code == 401


def test_only_the_digest_of_a_token_is_stored(cast):
    token, client = issue(actor=cast.admin, user=cast.inspektur)
    raw = client.headers["Authorization"].removeprefix("Bearer ")
    assert raw not in (token.digest, token.prefix)
    assert len(token.digest) == 64


def test_a_scope_the_token_lacks_is_a_403_in_indonesian(cast, enterprise):
    _, client = issue(actor=cast.admin, user=cast.inspektur, scopes=[Scope.KOPERASI_READ])
    response = client.get(LIST)
    assert response.status_code == 403
    assert "cakupan umkm:read" in response.json()["detail"]


def test_unknown_scopes_are_refused_when_issuing(cast):
    with pytest.raises(ValidationError):
        issue(actor=cast.admin, user=cast.inspektur, scopes=["semua"])


def test_the_list_masks_nik_and_phone_for_a_role_that_does_not_need_them(bank, enterprise):
    _, client = bank
    item = client.get(LIST).json()["items"][0]
    assert item["name"] == "Sasirangan Galuh"
    assert item["owner"]["nik"] != enterprise.owner.nik
    assert "*" in item["owner"]["nik"] and "*" in item["phone"]
    assert item["place"]["kelurahan_code"] == "63.71.01.1001"


def test_a_clerk_account_sees_them_unmasked_as_on_the_pages(cast, enterprise):
    _, client = issue(actor=cast.admin, user=cast.umkm)
    item = client.get(f"{LIST}{enterprise.pk}/").json()
    assert item["owner"]["nik"] == enterprise.owner.nik
    assert item["phone"] == "+6281234567890"


def test_a_field_officer_token_sees_only_the_officers_area(cast, person):
    inside = make_enterprise(actor=cast.umkm, owner=person, name="Di Dalam")
    outside = make_enterprise(actor=cast.umkm, owner=person, name="Di Luar", kelurahan="63.71.02.1001")
    _, client = issue(actor=cast.admin, user=cast.petugas)
    names = [item["name"] for item in client.get(LIST).json()["items"]]
    assert names == ["Di Dalam"]
    assert client.get(f"{LIST}{outside.pk}/").status_code == 404
    assert client.get(f"{LIST}{inside.pk}/").status_code == 200


def test_filters_are_the_list_pages_filters_and_a_bad_value_is_a_422(bank, cast, person):
    make_enterprise(actor=cast.umkm, owner=person, name="Warung Selatan")
    make_enterprise(actor=cast.umkm, owner=person, name="Warung Utara", kelurahan="63.71.02.1001")
    _, client = bank
    body = client.get(LIST, {"kecamatan": "63.71.02"}).json()
    assert [item["name"] for item in body["items"]] == ["Warung Utara"]
    assert body["count"] == 1
    bad = client.get(LIST, {"status": "hilang"})
    assert bad.status_code == 422
    assert "status" in bad.json()["detail"]


def test_pagination_pages_and_bounds(bank, cast, person):
    for n in range(3):
        make_enterprise(actor=cast.umkm, owner=person, name=f"Usaha {n}")
    _, client = bank
    first = client.get(LIST, {"limit": 2, "offset": 0, "sort": "name"}).json()
    second = client.get(LIST, {"limit": 2, "offset": 2, "sort": "name"}).json()
    assert first["count"] == 3 and len(first["items"]) == 2 and len(second["items"]) == 1
    assert {i["name"] for i in first["items"] + second["items"]} == {"Usaha 0", "Usaha 1", "Usaha 2"}
    assert client.get(LIST, {"limit": 1000}).status_code == 422
    assert client.get(LIST, {"offset": -1}).status_code == 422


def test_every_call_is_in_the_audit_trail_as_the_tokens_account(bank, enterprise, cast):
    token, client = bank
    before = AuditEntry.objects.count()
    client.get(LIST)
    client.get(f"{LIST}{enterprise.pk}/")
    rows = list(AuditEntry.objects.order_by("-id")[: AuditEntry.objects.count() - before])
    assert len(rows) == 2
    assert all(row.actor == cast.inspektur and "API Bank Kalsel" in row.note for row in rows)
    detail = rows[0]
    assert detail.person_id == enterprise.owner_id and detail.object_id == str(enterprise.pk)


def test_the_rate_limit_answers_429_with_retry_after(cast, enterprise):
    _, client = issue(actor=cast.admin, user=cast.inspektur, rate_per_minute=2)
    assert [client.get(LIST).status_code for _ in range(2)] == [200, 200]
    limited = client.get(LIST)
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    assert "Batas panggilan" in limited.json()["detail"]


def test_a_partner_application_lands_as_a_draft_for_staff(cast, enterprise):
    program = make_program(actor=cast.umkm)
    _, client = issue(actor=cast.admin, user=cast.umkm, scopes=[Scope.PROGRAM_WRITE, Scope.PROGRAM_READ])
    response = client.post(f"/api/v1/program/{program.code}/pengajuan/", {"enterprise_id": enterprise.pk})
    assert response.status_code == 201, response.content
    assert response.json()["state"] == State.DRAFT  # R52: verified by staff before any decision
    again = client.post(f"/api/v1/program/{program.code}/pengajuan/", {"enterprise_id": enterprise.pk})
    assert again.status_code == 422
    assert "sudah memiliki pengajuan" in again.json()["detail"][0]


def test_a_read_only_token_cannot_submit(bank, cast, enterprise):
    program = make_program(actor=cast.umkm)
    _, client = issue(actor=cast.admin, user=cast.inspektur, scopes=[Scope.PROGRAM_READ])
    response = client.post(f"/api/v1/program/{program.code}/pengajuan/", {"enterprise_id": enterprise.pk})
    assert response.status_code == 403


def test_the_openapi_schema_and_docs_are_served_without_a_cdn(db):
    schema = Client().get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/usaha-mikro/" in paths and "/api/v1/program/{code}/pengajuan/" in paths
    docs = Client().get("/api/v1/docs").content.decode()
    assert "cdn" not in docs.lower() and "/static/" in docs


def test_figures_are_the_registered_measures(bank, enterprise):
    _, client = bank
    rows = {row["key"]: row for row in client.get("/api/v1/angka/", {"tahun": 2022}).json()}
    assert rows["umkm.registered"]["value"] == 1
    assert client.get("/api/v1/angka/", {"tahun": 1800}).status_code == 422


def test_regions_below_a_parent(bank):
    _, client = bank
    codes = [r["code"] for r in client.get("/api/v1/wilayah/", {"induk": "63.71"}).json()]
    assert "63.71.01" in codes and all(code.startswith("63.71.") for code in codes)
    assert client.get("/api/v1/wilayah/", {"induk": "x'; --"}).status_code == 422
