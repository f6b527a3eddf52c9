"""The administrator's page to reset a user's second factor: confirmed with the admin's own code, audited."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from berdaya.accounts.two_factor import enrolled
from berdaya.audit.models import AuditEntry

from .test_two_factor import code_for

pytestmark = pytest.mark.django_db


def authenticator(user) -> TOTPDevice:
    StaticDevice.objects.create(user=user, name="kode pemulihan", confirmed=True)
    return TOTPDevice.objects.create(user=user, name="aplikasi autentikator", confirmed=True)


def url(user) -> str:
    return reverse("accounts:two_factor_reset", args=[user.pk])


@pytest.fixture
def lost_phone(cast):
    authenticator(cast.umkm)
    return cast.umkm


def test_the_admin_resets_after_a_reason_and_their_own_code_and_it_is_audited(cast, lost_phone):
    admin_device = authenticator(cast.admin)
    client = cast.client(cast.admin)
    page = client.get(url(lost_phone))
    assert page.status_code == 200 and "data-confirm" in page.content.decode()  # asked before it happens
    response = client.post(url(lost_phone), {"reason": "Ponsel hilang", "code": code_for(admin_device)})
    assert response.status_code == 302
    assert not enrolled(lost_phone)
    assert not StaticDevice.objects.filter(user=lost_phone).exists()  # the recovery codes go too
    entry = AuditEntry.objects.for_object(lost_phone).latest("at")
    assert entry.actor == cast.admin and "Ponsel hilang" in entry.note
    assert enrolled(cast.admin)


def test_a_wrong_or_missing_code_resets_nothing(cast, lost_phone):
    authenticator(cast.admin)
    client = cast.client(cast.admin)
    wrong = client.post(url(lost_phone), {"reason": "Ponsel hilang", "code": "000000"})
    assert wrong.status_code == 200 and "Kode tidak cocok" in wrong.content.decode()
    assert client.post(url(lost_phone), {"reason": "Ponsel hilang"}).status_code == 200
    assert enrolled(lost_phone)


def test_an_admin_without_their_own_second_factor_cannot_reset(cast, lost_phone):
    client = cast.client(cast.admin)
    page = client.get(url(lost_phone))
    assert "Pasang verifikasi dua langkah pada akun Anda sendiri dulu" in page.content.decode()
    client.post(url(lost_phone), {"reason": "Ponsel hilang", "code": "123456"})
    assert enrolled(lost_phone)


def test_only_the_administrator_reaches_the_page(cast, lost_phone):
    authenticator(cast.kepala)
    assert cast.client(cast.kepala).get(url(lost_phone)).status_code == 403
    assert cast.client(cast.koperasi).post(url(lost_phone), {"reason": "x", "code": "1"}).status_code == 403
    assert enrolled(lost_phone)


def test_the_user_page_links_to_it(cast, lost_phone):
    page = cast.client(cast.admin).get(reverse("accounts:user_edit", args=[lost_phone.pk]))
    assert url(lost_phone) in page.content.decode()
