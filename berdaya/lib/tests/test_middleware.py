"""Language and security headers on every response."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_indonesian_by_default(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert "Masuk" in response.content.decode()


def test_the_chosen_language_is_kept_in_the_cookie(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert response["Content-Language"] == "en"


def test_an_unknown_language_cookie_falls_back_to_indonesian(client):
    client.cookies["django_language"] = "xx"
    assert client.get(reverse("accounts:login"))["Content-Language"] == "id"


def test_every_response_carries_the_content_security_policy(client):
    response = client.get(reverse("accounts:login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/koperasi/?kecamatan=63.71%00", None),
        ("/wilayah/?q=%00", None),
        ("/orang/", {"q": "a\x00b"}),
    ],
)
def test_a_nul_byte_anywhere_in_the_request_is_refused_with_a_400(cast, url, data):
    # PostgreSQL answered 50 such requests with a 500: refused at the edge, for every page.
    client = cast.client(cast.koperasi)
    response = client.get(url) if data is None else client.get(url, data)
    assert response.status_code == 400
    assert "karakter kosong (NUL)" in response.content.decode()


def test_a_nul_byte_in_a_posted_form_is_refused_before_the_view(cast, person):
    response = cast.client(cast.umkm).post(f"/orang/{person.pk}/ubah/", {"name": "Rahmat\x00"})
    assert response.status_code == 400


def test_a_malformed_region_code_never_reaches_a_query(cast):
    from berdaya.regions.models import is_region_code

    assert is_region_code("63.71.01.1001") and is_region_code("63.71")
    assert not is_region_code("63.71'--") and not is_region_code("6371") and not is_region_code("")
    client = cast.client(cast.koperasi)
    assert client.get("/koperasi/", {"kecamatan": "63.71.01' OR 1=1"}).status_code == 200


def test_the_session_is_written_at_most_every_few_minutes_not_on_every_page(cast, settings):
    # Load: SESSION_SAVE_EVERY_REQUEST wrote the session table on every page view.
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = cast.client(cast.umkm)

    def session_writes(at):
        with mock.patch("berdaya.lib.middleware.time.time", return_value=at):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse("people:list")).status_code == 200
        return sum(
            1
            for q in queries.captured_queries
            if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
        )

    assert session_writes(1_000_000) >= 1  # the first page refreshes the expiry
    assert session_writes(1_000_000 + 60) == 0
    assert session_writes(1_000_000 + settings.SESSION_REFRESH_SECONDS + 1) >= 1
