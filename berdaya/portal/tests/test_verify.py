"""Verifying a voucher card on the portal: valid or not, with masked details only."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.lib.masking import mask_name
from berdaya.portal import selectors
from berdaya.programs.models import Voucher, VoucherStatus
from berdaya.programs.vouchers import code_hash, new_code, normalize

pytestmark = pytest.mark.django_db


@pytest.fixture
def voucher(cast, shop):
    from berdaya.programs import services as programs

    program = programs.program_create(
        actor=cast.umkm,
        data={"code": "ongkir", "name": "Voucher Ongkir", "kind": "voucher", "starts_on": dt.date(2024, 1, 1),
              "amount": Decimal("50000")},
    )  # fmt: skip
    app = programs.application_create(actor=cast.umkm, program=program, enterprise=shop)
    code = new_code()
    Voucher.objects.create(
        application=app, code_hash=code_hash(normalize(code)), value=Decimal("50000"),
        expires_on=timezone.localdate() + dt.timedelta(days=30),
    )  # fmt: skip
    return code


def test_a_valid_voucher_shows_valid_with_the_name_masked(client, voucher, owner):
    page = client.get(reverse("portal:verify_voucher"), {"kode": voucher}).text
    assert "asli dan masih berlaku" in page and "Voucher Ongkir" in page
    assert owner.name not in page and mask_name(owner.name) in page


def test_a_cancelled_voucher_is_genuine_but_no_longer_valid(voucher):
    Voucher.objects.update(status=VoucherStatus.CANCELLED)
    assert selectors.voucher_check(normalize(voucher)).valid is False


def test_an_unknown_or_mistyped_code_says_not_valid(client, voucher):
    assert "Voucher tidak dikenal" in client.get(reverse("portal:verify_voucher"), {"kode": new_code()}).text
    assert "tidak sah" in client.get(reverse("portal:verify_voucher"), {"kode": "ABCD"}).text


def test_the_verification_hub_lists_the_voucher_check(client):
    assert reverse("portal:verify_voucher") in client.get(reverse("portal:verify")).text


def test_a_certificate_code_goes_to_trainings_public_check_page(client):
    # R50: the certificate's own verification page (training) shows the name masked.
    response = client.get(reverse("portal:verify_certificate"), {"kode": " ab12-cd34 "})
    assert response.status_code == 302
    assert response["Location"] == reverse("training_public:verify", args=["AB12CD34"])
    assert client.get(reverse("portal:verify_certificate")).status_code == 200
