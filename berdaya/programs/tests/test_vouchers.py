"""Vouchers (domain.md R33): unguessable codes with a checksum, stored hashed, bound to one recipient,
redeemed once under a row lock; refusals say why; claims only for redeemed vouchers."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from berdaya.accounts.roles import Role
from berdaya.programs import vouchers
from berdaya.programs.models import Kind, RedemptionAttempt, State, Voucher, VoucherStatus
from berdaya.programs.selectors import flags, locked_vouchers
from berdaya.programs.services import (
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
    claim_create,
    voucher_cancel,
    voucher_otp_issue,
    voucher_redeem,
    voucher_reissue,
)
from berdaya.programs.vouchers import PARTNER_FAILED_PER_HOUR
from berdaya.test import make_person, make_staff, restore_reference_data
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db


def test_a_code_has_a_check_symbol_that_refuses_typos():
    code = vouchers.new_code()
    assert len(code) == 21 and code.count("-") == 4
    assert vouchers.normalize(code.lower().replace("-", " ")) == code.replace("-", "")
    body = code.replace("-", "")
    typo = body[:3] + ("1" if body[3] != "1" else "2") + body[4:]
    assert vouchers.normalize(typo) is None  # one wrong symbol: the mod-37 check always notices
    assert vouchers.normalize(body.replace("1", "I").replace("0", "O")) == body  # misreadings forgiven


def test_codes_are_random_and_only_their_hash_is_stored(cast, partner, voucher_code):
    voucher, code = voucher_code
    assert len({vouchers.new_code() for _ in range(1000)}) == 1000
    assert code.replace("-", "") not in voucher.code_hash
    assert voucher.code_hash == vouchers.code_hash(vouchers.normalize(code))


@pytest.fixture
def partner(db):
    return make_staff(Role.MITRA, username="uji_kurir")


@pytest.fixture
def voucher_code(cast, checker):
    program = make_program(actor=cast.umkm, code="ongkir", name="Gratis Ongkir", kind=Kind.VOUCHER)
    owner = make_person(actor=cast.umkm, nik="6371014503850007", name="Siti Aminah")
    app = application_create(
        actor=cast.umkm, program=program, enterprise=make_enterprise(actor=cast.umkm, owner=owner)
    )
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    application_approve(actor=checker, application=app)
    app, code = application_award(actor=cast.umkm, application=app)
    return app.vouchers.get(), code


def test_a_voucher_is_redeemed_once_after_checking_the_last_nik_digits(partner, voucher_code):
    voucher, code = voucher_code
    voucher = voucher_redeem(partner=partner, code=code, check="0007")
    assert voucher.status == VoucherStatus.REDEEMED
    assert voucher.application.state == State.REDEEMED
    with pytest.raises(ValidationError, match="sudah ditukarkan"):
        voucher_redeem(partner=partner, code=code, check="0007")


def test_a_redemption_for_someone_else_is_refused(partner, voucher_code):
    _voucher, code = voucher_code
    with pytest.raises(ValidationError, match="Penerima tidak cocok"):
        voucher_redeem(partner=partner, code=code, check="1234")
    assert RedemptionAttempt.objects.filter(ok=False).count() == 1


def test_a_one_time_code_also_checks_the_recipient_and_works_once(partner, voucher_code, cast):
    voucher, code = voucher_code
    otp = voucher_otp_issue(actor=cast.umkm, voucher=voucher)
    assert voucher_redeem(partner=partner, code=code, check=otp).status == VoucherStatus.REDEEMED


def test_guessing_the_nik_ending_locks_the_voucher_until_staff_reissue_it(cast, partner, voucher_code):
    # R33: 4 NIK digits were guessed in 510 tries; now 3 failed checks lock the voucher for review
    voucher, code = voucher_code
    for guess in ("1111", "2222", "3333"):
        with pytest.raises(ValidationError, match="Penerima tidak cocok"):
            voucher_redeem(partner=partner, code=code, check=guess)
    with pytest.raises(ValidationError, match="dikunci"):
        voucher_redeem(partner=partner, code=code, check="0007")  # even the right digits, once locked
    assert list(locked_vouchers(voucher.application.program)) == [voucher]
    _new, new_code = voucher_reissue(actor=cast.umkm, voucher=voucher, reason="dikunci")
    assert voucher_redeem(partner=partner, code=new_code, check="0007").status == VoucherStatus.REDEEMED
    assert list(locked_vouchers(voucher.application.program)) == []


def test_a_partner_failing_checks_across_many_vouchers_is_refused_for_an_hour(partner, voucher_code):
    # R33: rate limit per partner, whatever the voucher
    voucher, code = voucher_code
    RedemptionAttempt.objects.bulk_create(
        [RedemptionAttempt(partner=partner, ok=False, reason="x") for _ in range(PARTNER_FAILED_PER_HOUR)]
    )
    with pytest.raises(ValidationError, match="Terlalu banyak"):
        voucher_redeem(partner=partner, code=code, check="0007")
    RedemptionAttempt.objects.filter(partner=partner).update(at=timezone.now() - dt.timedelta(hours=2))
    assert voucher_redeem(partner=partner, code=code, check="0007").status == VoucherStatus.REDEEMED


def test_once_a_one_time_code_is_sent_the_nik_digits_no_longer_prove_the_recipient(
    partner, voucher_code, cast
):
    # R33: prefer the one-time code
    voucher, code = voucher_code
    otp = voucher_otp_issue(actor=cast.umkm, voucher=voucher)
    with pytest.raises(ValidationError, match="kode sekali pakai salah"):
        voucher_redeem(partner=partner, code=code, check="0007")
    assert voucher_redeem(partner=partner, code=code, check=otp).status == VoucherStatus.REDEEMED


def test_an_expired_voucher_is_refused(partner, voucher_code):
    voucher, code = voucher_code
    Voucher.objects.filter(pk=voucher.pk).update(expires_on=dt.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="kedaluwarsa sejak 1 Jan 2020"):
        voucher_redeem(partner=partner, code=code, check="0007")


def test_a_cancelled_or_reissued_voucher_is_refused(cast, partner, voucher_code):
    voucher, code = voucher_code
    _new, new_code = voucher_reissue(actor=cast.umkm, voucher=voucher, reason="kartu hilang")
    with pytest.raises(ValidationError, match="dibatalkan"):
        voucher_redeem(partner=partner, code=code, check="0007")
    assert voucher_redeem(partner=partner, code=new_code, check="0007").status == VoucherStatus.REDEEMED
    with pytest.raises(ValidationError, match="tidak berlaku"):
        voucher_cancel(actor=cast.umkm, voucher=voucher, reason="lagi")


def test_a_mistyped_or_unknown_code_is_refused_before_any_lookup(partner):
    with pytest.raises(ValidationError, match="salah ketik"):
        voucher_redeem(partner=partner, code="ABCD", check="0007")
    body = "0" * 16
    with pytest.raises(ValidationError, match="tidak dikenal"):
        voucher_redeem(partner=partner, code=body + vouchers._check_symbol(body), check="0007")


def test_a_partner_claims_only_their_redeemed_vouchers(partner, voucher_code):
    voucher, code = voucher_code
    with pytest.raises(ValidationError, match="sudah Anda tukarkan"):
        claim_create(partner=partner, voucher_ids=[voucher.pk])
    voucher_redeem(partner=partner, code=code, check="0007")
    other = make_staff(Role.MITRA, username="uji_kurir_lain")
    with pytest.raises(ValidationError):
        claim_create(partner=other, voucher_ids=[voucher.pk])
    claim = claim_create(partner=partner, voucher_ids=[voucher.pk])
    assert claim.total == voucher.value
    with pytest.raises(ValidationError):
        claim_create(partner=partner, voucher_ids=[voucher.pk])


def test_many_redemptions_at_one_phone_are_flagged(cast, checker, partner):
    program = make_program(actor=cast.umkm, code="ongkir", kind=Kind.VOUCHER, flag_same_contact=2)
    for i in range(2):
        owner = make_person(actor=cast.umkm, name=f"Penerima {i}", phone="+6281200000001")
        app = application_create(
            actor=cast.umkm, program=program, enterprise=make_enterprise(actor=cast.umkm, owner=owner)
        )
        application_submit(actor=cast.umkm, application=app)
        application_verify(actor=cast.petugas, application=app)
        application_approve(actor=checker, application=app)
        app, code = application_award(actor=cast.umkm, application=app)
        voucher_redeem(partner=partner, code=code, check=owner.nik[-4:])
    found = flags(program)
    assert {"kind": "phone", "value": "+6281200000001", "count": 2} in found


@pytest.fixture
def restored(transactional_db):
    # Transactional tests run last, after others have emptied the tables: put the regions etc. back.
    restore_reference_data()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: a race needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_partners_redeeming_the_same_code_at_once_exactly_one_succeeds(
    restored, cast, checker, partner, voucher_code
):
    _voucher, code = voucher_code
    other = make_staff(Role.MITRA, username="uji_kurir_dua")
    barrier = threading.Barrier(2)
    results = []

    def redeem(who):
        try:
            barrier.wait()
            voucher_redeem(partner=who, code=code, check="0007")
            results.append("ok")
        except ValidationError as error:
            results.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=redeem, args=(p,)) for p in (partner, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("ok") == 1
    assert RedemptionAttempt.objects.filter(ok=True).count() == 1


def test_a_printed_code_never_ends_in_a_symbol():
    # a voucher code ending in "-$" looked broken on paper.
    assert all(vouchers.new_code()[-1].isalnum() for _ in range(2000))


def test_a_locked_voucher_is_listed_for_review_on_the_program_page(cast, partner, voucher_code):
    """domain.md R33 (issue 17, finding 2): staff see each locked voucher on the program page, with a link
    to its application, so they can review it and re-issue it."""
    from django.urls import reverse

    voucher, code = voucher_code
    page_url = reverse("programs:detail", args=[voucher.application.program.pk])
    link = reverse("programs:application", args=[voucher.application.pk])
    entry = f'<a href="{link}">Voucher #{voucher.pk}</a>'
    staff = cast.client(cast.umkm)
    assert entry not in staff.get(page_url).content.decode()
    for guess in ("1111", "2222", "3333"):
        with pytest.raises(ValidationError, match="Penerima tidak cocok"):
            voucher_redeem(partner=partner, code=code, check=guess)
    page = staff.get(page_url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "pemeriksaan penerima gagal: voucher dikunci" in text and entry in text
