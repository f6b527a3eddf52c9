"""The administrator's token pages and the api_token command."""

from io import StringIO

from django.core.management import call_command

from berdaya.api.models import ApiToken, Scope
from berdaya.audit.models import Action, AuditEntry

from .conftest import ApiClient


def test_only_the_administrator_manages_tokens(cast):
    for user in (cast.kepala, cast.umkm, cast.inspektur):
        assert cast.client(user).get("/token-api/").status_code == 403
    assert cast.client(cast.admin).get("/token-api/").status_code == 200


def test_issuing_shows_the_secret_once_and_it_works(cast):
    admin = cast.client(cast.admin)
    response = admin.post(
        "/token-api/baru/",
        {
            "name": "Disnaker Provinsi",
            "user": cast.inspektur.pk,
            "scopes": [Scope.REGIONS_READ],
            "rate_per_minute": 30,
        },
    )
    assert response.status_code == 200
    raw = response.context["raw"]
    assert raw.startswith("bdy_") and raw in response.content.decode()
    assert raw not in admin.get("/token-api/").content.decode()
    assert ApiClient(raw).get("/api/v1/wilayah/").status_code == 200
    token = ApiToken.objects.get()
    assert AuditEntry.objects.for_object(token).filter(action=Action.CREATE).exists()


def test_a_form_without_scopes_is_refused_in_indonesian(cast):
    response = cast.client(cast.admin).post(
        "/token-api/baru/", {"name": "X", "user": cast.inspektur.pk, "rate_per_minute": 5}
    )
    assert response.status_code == 200
    assert "wajib" in response.content.decode().lower() or "harus" in response.content.decode().lower()
    assert not ApiToken.objects.exists()


def test_revoking_from_the_page_stops_the_token(cast):
    out = StringIO()
    call_command(
        "api_token",
        "issue",
        "--name",
        "Bank",
        "--user",
        cast.inspektur.username,
        "--scopes",
        "wilayah:read",
        stdout=out,
    )
    raw = out.getvalue().strip().splitlines()[-1]
    client = ApiClient(raw)
    assert client.get("/api/v1/wilayah/").status_code == 200
    token = ApiToken.objects.get()
    assert cast.client(cast.admin).post(f"/token-api/{token.pk}/cabut/").status_code == 302
    assert client.get("/api/v1/wilayah/").status_code == 401
