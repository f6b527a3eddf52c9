"""Two-factor login: required for the administrator and every role that sees unmasked NIKs (R45)."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from berdaya.accounts.roles import LABOUR_DATA_ROLES, PERSONAL_DATA_ROLES, Role
from berdaya.test import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.BERDAYA_TWO_FACTOR = True


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def password_login(client, user):
    return client.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})


def enrol(client, user) -> list[str]:
    assert password_login(client, user)["Location"] == reverse("accounts:two_factor_setup")
    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.content.decode()  # the QR code, drawn in the page (no external service)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(device)})
    assert done.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())


def test_the_roles_that_see_unmasked_niks_and_the_admin_need_a_second_factor(cast):
    from berdaya.accounts.two_factor import required_for

    needing = {user.role for user in cast.all() if required_for(user)}
    roles = {user.role for user in cast.all()}
    assert needing == (set(PERSONAL_DATA_ROLES) | set(LABOUR_DATA_ROLES) | {Role.ADMIN}) & roles
    assert not required_for(cast.kepala) and not required_for(cast.inspektur)


def test_first_login_enrols_then_shows_ten_recovery_codes(cast, client):
    codes = enrol(client, cast.umkm)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=cast.umkm).confirmed
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_a_pending_session_reaches_no_page_until_a_code_is_given(cast, client):
    enrol(client, cast.admin)
    client.post(reverse("accounts:logout"))
    assert password_login(client, cast.admin)["Location"] == reverse("accounts:two_factor_verify")
    for url in (reverse("dashboard:home"), reverse("people:list"), "/berkas/x.png"):
        assert client.get(url)["Location"] == reverse("accounts:two_factor_verify")
    wrong = client.post(reverse("accounts:two_factor_verify"), {"code": "000000"})
    assert "Kode tidak cocok" in wrong.content.decode()
    device = TOTPDevice.objects.get(user=cast.admin)
    device.throttle_reset()
    device.last_t = -1  # the enrolment used this period's code: a code works once
    device.save()
    assert client.post(reverse("accounts:two_factor_verify"), {"code": code_for(device)}).status_code == 302
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_a_recovery_code_works_once(cast, client):
    codes = enrol(client, cast.umkm)
    client.post(reverse("accounts:logout"))
    password_login(client, cast.umkm)
    assert client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]}).status_code == 302
    client.post(reverse("accounts:logout"))
    password_login(client, cast.umkm)
    again = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
    assert again.status_code == 200 and "Kode tidak cocok" in again.content.decode()


def test_roles_without_personal_data_log_in_with_a_password_only(cast, client):
    assert password_login(client, cast.kepala)["Location"] == reverse("dashboard:home")
    assert client.get(reverse("dashboard:home")).status_code == 200


def test_the_requirement_can_be_switched_off_for_a_local_demo(cast, client, settings):
    settings.BERDAYA_TWO_FACTOR = False
    assert password_login(client, cast.umkm)["Location"] == reverse("dashboard:home")


def test_test_personas_still_sign_in_directly(cast):
    # force_login is not the login flow: the shared Cast keeps working with the requirement on.
    assert cast.client(cast.admin).get(reverse("dashboard:home")).status_code == 200


def test_an_administrator_can_reset_a_lost_phone(cast, client):
    from berdaya.accounts.two_factor import enrolled, two_factor_reset

    enrol(client, cast.umkm)
    two_factor_reset(actor=cast.admin, user=cast.umkm)
    assert not enrolled(cast.umkm)
