"""Login throttling (accounts/throttle.py): per username and address together, growing waits, refused
before the password, never an account-wide or office-wide lock."""

from unittest import mock

import pytest
from django.urls import reverse

from berdaya.accounts import throttle
from berdaya.test import PASSWORD

pytestmark = pytest.mark.django_db

LOCKED = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit."
LOCKED_ANY = "Terlalu banyak percobaan masuk yang gagal."


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


def test_a_stranger_failing_on_an_account_does_not_lock_its_owner_out(cast, client):
    # The probe locked any known username for 15 minutes from anywhere.
    fail(client, cast.kepala.username, 5, address="198.51.100.9")
    assert LOCKED in attempt(client, cast.kepala.username, PASSWORD, address="198.51.100.9").content.decode()
    assert attempt(client, cast.kepala.username, PASSWORD, address="10.1.1.1").status_code == 302


def test_many_failures_from_one_address_never_lock_the_whole_office(cast, client):
    # Behind a proxy without the client header every request has the proxy's address: 20 failures on
    # made-up names locked every user. Other accounts from that same address now log in.
    for i in range(40):
        attempt(client, f"tebakan{i}", "bukan-kata-sandinya", address="10.0.0.254")
    assert attempt(client, cast.admin.username, PASSWORD, address="10.0.0.254").status_code == 302


def test_each_further_failure_doubles_the_wait(cast, client):
    start = 1_000_000.0
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=start):
        fail(client, cast.umkm.username, 5)
    # After the 5th failure: 1 minute.
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=start + 61):
        attempt(client, cast.umkm.username, "salah-lagi")  # 6th failure: 2 minutes
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=start + 61 + 119):
        body = attempt(client, cast.umkm.username, PASSWORD).content.decode()
        assert LOCKED_ANY in body and "Coba lagi dalam 1 menit" in body
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=start + 61 + 121):
        assert attempt(client, cast.umkm.username, PASSWORD).status_code == 302


def test_the_wait_grows_to_the_window_and_no_further(settings):
    assert [throttle.wait_for(n) for n in (4, 5, 6, 7, 8, 9)] == [0, 60, 120, 240, 480, 900]
    assert throttle.wait_for(30) == settings.LOGIN_FAILURE_WINDOW


def test_failures_older_than_the_window_are_forgotten(cast, client):
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=1_000_000.0):
        fail(client, cast.umkm.username, 5)
    later = 1_000_000.0 + 15 * 60 + 1
    with mock.patch("berdaya.accounts.throttle.time.time", return_value=later):
        assert attempt(client, cast.umkm.username, PASSWORD).status_code == 302


def test_check_deploy_warns_behind_a_proxy_without_the_client_address_header(settings):
    from berdaya.accounts.checks import client_address_header

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.BERDAYA_CLIENT_IP_HEADER = ""
    assert [w.id for w in client_address_header(None)] == ["berdaya.W001"]
    settings.BERDAYA_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_address_header(None) == []


def test_the_address_comes_from_the_configured_proxy_header(rf, settings):
    settings.BERDAYA_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="127.0.0.1")
    assert throttle.client_address(request) == "10.0.0.2"
    settings.BERDAYA_CLIENT_IP_HEADER = ""
    assert throttle.client_address(request) == "127.0.0.1"
