"""Uploads open for those who may read their record, through the access-checked view; never a public URL."""

import pytest
from django.core.files.base import ContentFile

from berdaya.accounts.roles import Role
from berdaya.test import make_staff
from berdaya.umkm.tests.conftest import make_enterprise

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 32


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def photo(cast, person):
    business = make_enterprise(actor=cast.umkm, owner=person)
    business.photo.save("warung.png", ContentFile(PNG), save=True)
    return business.photo


def test_a_file_url_is_the_checked_view_not_media(photo):
    assert photo.url.startswith("/berkas/umkm/usaha/")
    assert "/media/" not in photo.url


def test_staff_who_read_the_record_open_its_file(cast, photo):
    response = cast.client(cast.umkm).get(photo.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "private, no-store"


def test_a_field_officer_outside_the_area_gets_404(cast, photo):
    elsewhere = make_staff(Role.PETUGAS_LAPANGAN, username="petugas_utara", area="63.71.05")
    assert cast.client(elsewhere).get(photo.url).status_code == 404
    assert cast.client(cast.petugas).get(photo.url).status_code == 200  # 63.71.01 is theirs


def test_anonymous_visitors_are_sent_to_login(photo):
    from django.test import Client

    response = Client().get(photo.url)
    assert response.status_code == 302 and "/akun/" in response["Location"]


def test_a_file_no_record_owns_is_404_even_for_the_administrator(cast, settings, tmp_path):
    (tmp_path / "umkm" / "usaha").mkdir(parents=True)
    (tmp_path / "umkm" / "usaha" / "loose.png").write_bytes(PNG)
    client = cast.client(cast.admin)
    assert client.get("/berkas/umkm/usaha/loose.png").status_code == 404
    assert client.get("/berkas/../../etc/passwd").status_code == 404


def test_production_hands_the_file_to_nginx(cast, photo, settings):
    settings.BERDAYA_SENDFILE = "x-accel-redirect"
    response = cast.client(cast.umkm).get(photo.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_berkas/" + photo.name
    assert response.content == b""


def test_html_uploads_download_instead_of_running_as_a_page(cast, person):
    business = make_enterprise(actor=cast.umkm, owner=person)
    business.photo.save("x.html", ContentFile(b"<script>alert(1)</script>"), save=True)
    response = cast.client(cast.umkm).get(business.photo.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
