"""The login page, language switch, logout, and the audit row a login leaves."""

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.test import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_page_renders_in_indonesian(client):
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Masuk ke Berdaya" in html
    assert "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja Kota Banjarmasin" in html
    assert 'id="main-nav"' not in html


def test_the_login_page_renders_in_english_after_switching_language(client):
    login_url = reverse("accounts:login")
    response = client.post(reverse("set_language"), {"language": "en", "next": login_url})
    assert response.status_code == 302
    html = client.get(login_url).content.decode()
    assert '<html lang="en">' in html
    assert "Sign in to Berdaya" in html
    assert "Masuk ke Berdaya" not in html


def test_the_language_switch_returns_to_the_same_page(cast):
    client = cast.client(cast.umkm)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/bidang/koperasi/"})
    assert response["Location"] == "/bidang/koperasi/"


def test_a_clerk_signs_in_and_lands_on_home(cast, client):
    response = client.post(reverse("accounts:login"), {"username": cast.umkm.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_a_login_is_recorded_in_the_audit_trail(cast, client):
    client.post(reverse("accounts:login"), {"username": cast.umkm.username, "password": PASSWORD})
    entry = AuditEntry.objects.get(action=Action.LOGIN)
    assert entry.actor == cast.umkm


def test_a_wrong_password_shows_an_error_in_indonesian(cast, client):
    response = client.post(reverse("accounts:login"), {"username": cast.umkm.username, "password": "salah"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()


def test_a_signed_in_user_is_sent_home_from_the_login_page(cast):
    response = cast.client(cast.umkm).get(reverse("accounts:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_the_login_page_returns_to_the_page_asked_for(cast, client):
    url = reverse("accounts:login") + "?next=/bidang/koperasi/"
    response = client.post(url, {"username": cast.umkm.username, "password": PASSWORD})
    assert response["Location"] == "/bidang/koperasi/"


def test_an_inactive_user_cannot_sign_in(cast, client):
    cast.umkm.is_active = False
    cast.umkm.save()
    response = client.post(reverse("accounts:login"), {"username": cast.umkm.username, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(cast):
    client = cast.client(cast.umkm)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_logout_by_post_signs_out_and_returns_to_login(cast):
    client = cast.client(cast.umkm)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert client.get(reverse("dashboard:home")).status_code == 302
