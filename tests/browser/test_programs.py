"""Assistance programs in a real browser: a clerk defines a voucher program without code and
applies on an owner's behalf, a field officer verifies on a phone, a second clerk approves (R36) and
prints the voucher card, a partner redeems it after checking the recipient (R33), and a second
redemption is refused."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.lib.masking import mask_name
from berdaya.programs.models import Application, State, Voucher, VoucherStatus
from berdaya.test import PASSWORD, make_person, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser, live_server, username, *, phone=False):
    options = {"viewport": {"width": 360, "height": 740}, "is_mobile": True} if phone else {}
    context = browser.new_context(base_url=live_server.url, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("dialog", lambda dialog: dialog.accept())  # data-confirm questions
    log_in(page, username, PASSWORD)
    return page


def test_define_apply_verify_approve_and_redeem_a_voucher(browser, live_server, regions):
    from berdaya.umkm.tests.conftest import make_enterprise

    clerk = make_staff(Role.USAHA_MIKRO, username="b_umkm")
    make_staff(Role.USAHA_MIKRO, username="b_pemeriksa")
    officer = make_staff(Role.PETUGAS_LAPANGAN, username="b_petugas", area="63.71.01")
    make_staff(Role.MITRA, username="b_kurir")
    owner = make_person(actor=clerk, name="Galuh Rahmawati", nik="6371014503850042")
    enterprise = make_enterprise(actor=clerk, owner=owner, name="Sasirangan Galuh", sector="kriya-sasirangan")

    # Define: a voucher program for crafts businesses living in the city, criteria ticked, no code.
    page = _as(browser, live_server, "b_umkm")
    expect(page.locator("#main-nav")).to_contain_text("Program")
    page.goto(reverse("programs:list"))
    page.get_by_role("link", name="Buat program").first.click()
    page.fill("input[name=code]", "gratis-ongkir")
    page.fill("input[name=name]", "Voucher Gratis Ongkir")
    page.select_option("select[name=kind]", "voucher")
    page.fill("input[name=quota]", "10")
    page.fill("input[name=amount]", "50000")
    page.check("input[name=use_domicile]")
    page.check("input[name=use_sector]")
    page.select_option("select[name=p_sector_sectors]", ["kriya-sasirangan"])
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Voucher Gratis Ongkir")
    expect(page.locator("main")).to_contain_text("Sektor usaha")

    # Apply on the owner's behalf from the business page; every criterion shows its reason.
    page.goto(reverse("umkm:detail", args=[enterprise.pk]))
    page.get_by_role("link", name="Ajukan program").click()
    page.select_option("select[name=program]", label="Voucher Gratis Ongkir")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Berdomisili di")
    expect(page.locator("main")).to_contain_text("Sektor Kriya")
    page.get_by_role("button", name="Ajukan").click()
    expect(page.locator("main")).to_contain_text("Diajukan")
    page.select_option("select[name=officer]", str(officer.pk))
    page.fill("input[name=due_on]", "2026-02-01")
    page.get_by_role("button", name="Tugaskan kunjungan verifikasi").click()
    screenshot(page, "program-pengajuan")
    application = Application.objects.get()

    # Verify on a phone: the field officer records the visit.
    phone = _as(browser, live_server, "b_petugas", phone=True)
    phone.goto(reverse("programs:visits"))
    phone.get_by_role("link", name="Catat hasil").first.click()
    phone.select_option("select[name=passed]", "1")
    phone.fill("textarea[name=findings]", "Tempat usaha ada, kain sasirangan diproduksi")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".messages")).to_contain_text("Hasil kunjungan tersimpan")
    screenshot(phone, "program-kunjungan-ponsel")
    application.refresh_from_db()
    assert application.state == State.VERIFIED

    # The proposer cannot approve (R36); a second clerk approves and prints the voucher card.
    page.goto(reverse("programs:application", args=[application.pk]))
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator(".messages")).to_contain_text("R36")
    checker = _as(browser, live_server, "b_pemeriksa")
    checker.goto(reverse("programs:detail", args=[application.program_id]))
    expect(checker.locator("main")).to_contain_text("Belum pernah dibantu")
    checker.get_by_role("button", name="Setujui terpilih").click()
    expect(checker.locator(".messages")).to_contain_text("1 disetujui")
    checker.goto(reverse("programs:application", args=[application.pk]))
    checker.get_by_role("button", name="Serahkan dan cetak voucher").click()
    expect(checker.locator("h1")).to_have_text("Kartu voucher")
    expect(checker.locator("img.voucher-qr")).to_be_visible()
    code = checker.locator(".voucher-code").inner_text().strip()
    screenshot(checker, "program-kartu-voucher")

    # The partner: masked name, wrong check refused, right check redeems, second redemption refused.
    partner = _as(browser, live_server, "b_kurir", phone=True)
    partner.goto(reverse("programs:partner"))
    partner.fill("input[name=code]", code.lower().replace("-", " "))
    partner.locator("main form button[type=submit]").click()
    expect(partner.locator("main")).to_contain_text(mask_name("Galuh Rahmawati"))
    expect(partner.locator("main")).not_to_contain_text("Galuh Rahmawati")
    partner.fill("input[name=check]", "9999")
    partner.locator("main form button[type=submit]").click()
    expect(partner.locator(".messages")).to_contain_text("Penerima tidak cocok")
    partner.fill("input[name=code]", code)
    partner.locator("main form button[type=submit]").click()
    partner.fill("input[name=check]", "0042")
    partner.locator("main form button[type=submit]").click()
    expect(partner.locator(".messages")).to_contain_text("berhasil ditukarkan")
    screenshot(partner, "program-voucher-ditukarkan")
    assert Voucher.objects.get().status == VoucherStatus.REDEEMED
    partner.goto(reverse("programs:partner"))
    partner.fill("input[name=code]", code)
    partner.locator("main form button[type=submit]").click()
    partner.fill("input[name=check]", "0042")
    partner.locator("main form button[type=submit]").click()
    expect(partner.locator(".messages")).to_contain_text("sudah ditukarkan")
    for p in (page, phone, checker, partner):
        p.context.close()
