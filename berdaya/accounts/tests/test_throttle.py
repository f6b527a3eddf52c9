"""Login throttling (accounts/throttle.py): per username, then per address; refused before the password."""

from unittest import mock

import pytest
from django.urls import reverse

from berdaya.accounts import throttle
from berdaya.test import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."


def attempt(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = attempt(client, username, "bukan-kata-sandinya", address)
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()


def test_five_failures_lock_the_account_and_the_right_password_is_then_refused(cast, client):
    fail(client, cast.umkm.username, 5)
    response = attempt(client, cast.umkm.username, PASSWORD)
    assert response.status_code == 200
    assert LOCKED in response.content.decode()
    assert not signed_in(client)


def test_four_failures_still_let_the_right_password_in(cast, client):
    fail(client, cast.umkm.username, 4)
    response = attempt(client, cast.umkm.username, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_locked_account_is_refused_without_checking_the_password(cast, client):
    fail(client, cast.umkm.username, 5)
    with mock.patch("django.contrib.auth.forms.authenticate") as authenticate:
        attempt(client, cast.umkm.username, PASSWORD)
    authenticate.assert_not_called()


def test_a_different_user_is_unaffected(cast, client):
    fail(client, cast.umkm.username, 5)
    response = attempt(client, cast.koperasi.username, PASSWORD)
    assert response.status_code == 302


def test_the_username_is_counted_without_regard_to_case(cast, client):
    fail(client, cast.umkm.username.upper(), 5)
    response = attempt(client, cast.umkm.username, PASSWORD)
    assert LOCKED in response.content.decode()


def test_a_success_clears_the_usernames_count(cast, client):
    fail(client, cast.umkm.username, 4)
    assert attempt(client, cast.umkm.username, PASSWORD).status_code == 302
    client.logout()
    fail(client, cast.umkm.username, 4)
    assert attempt(client, cast.umkm.username, PASSWORD).status_code == 302


def test_one_address_trying_many_usernames_is_locked_after_four_times_the_limit(cast, client):
    for i in range(20):
        attempt(client, f"tebakan{i}", "bukan-kata-sandinya", address="10.9.9.9")
    response = attempt(client, cast.umkm.username, PASSWORD, address="10.9.9.9")
    assert LOCKED in response.content.decode()
    assert attempt(client, cast.umkm.username, PASSWORD, address="10.1.1.1").status_code == 302


def test_failures_older_than_the_window_are_forgotten(cast, client):
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=1_000_000.0):
        fail(client, cast.umkm.username, 5)
    later = 1_000_000.0 + 15 * 60 + 1
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=later):
        assert attempt(client, cast.umkm.username, PASSWORD).status_code == 302


def test_the_address_comes_from_the_configured_proxy_header(rf, settings):
    settings.BERDAYA_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="127.0.0.1")
    assert throttle.client_address(request) == "10.0.0.2"
    settings.BERDAYA_CLIENT_IP_HEADER = ""
    assert throttle.client_address(request) == "127.0.0.1"
