"""Programs for cooperatives in a real browser: a clerk defines a capital grant for
savings-and-loan cooperatives with the cooperative criteria ticked, applies from the cooperative's record
on a phone, and sees each criterion with its reason (R20, R21, R26)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.koperasi.tests.conftest import make_cooperative
from berdaya.programs.models import Application
from berdaya.test import PASSWORD, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_define_a_cooperative_program_and_apply_from_the_cooperatives_record(browser, live_server, regions):
    clerk = make_staff(Role.USAHA_MIKRO, username="b_umkm")
    coop = make_cooperative(actor=make_staff(Role.KOPERASI, username="b_kop"), name="KSP Sasirangan")
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, clerk.username, PASSWORD)

    page.goto(reverse("programs:create"))
    page.fill("input[name=code]", "modal-ksp")
    page.fill("input[name=name]", "Hibah Modal KSP")
    page.select_option("select[name=kind]", "cash")
    page.select_option("select[name=target]", "cooperative")
    page.check("input[name=use_coop_kind]")
    page.check("input[name=p_coop_kind_kinds][value=simpan_pinjam]")
    page.check("input[name=use_coop_rat_held]")
    page.check("input[name=use_coop_quality]")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Hibah Modal KSP")
    expect(page.locator("main")).to_contain_text("Jenis koperasi")

    page.goto(reverse("koperasi:detail", args=[coop.pk]))
    expect(page.locator("main")).to_contain_text("Riwayat bantuan program")
    page.get_by_role("link", name="Ajukan program").click()
    page.select_option("select[name=program]", label="Hibah Modal KSP")
    page.locator("main form button[type=submit]").click()
    main = page.locator("main")
    expect(main).to_contain_text("Jenis koperasi: Simpan pinjam")
    expect(main).to_contain_text("Belum ada RAT tahun buku")
    expect(main).to_contain_text("Koperasi belum pernah diperingkat (R26)")
    screenshot(page, "programs-cooperative-application")
    application = Application.objects.get()
    assert (application.cooperative, application.person, application.eligible) == (coop, None, False)
    context.close()
