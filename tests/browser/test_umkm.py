"""Micro enterprises in a real browser: a clerk registers a business for a new owner, records its yearly
figures and sees the size class computed with its reason; the list works on a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.test import PASSWORD, PERSONAS, make_staff, valid_nik
from berdaya.umkm.models import Enterprise

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sectors(transactional_db):
    # Transactional tests start empty: the sector list a data migration seeds is put back.
    from django.core.management import call_command

    from berdaya.umkm.models import Sector

    if not Sector.objects.exists():
        call_command("migrate", "umkm", "0001", verbosity=0)
        call_command("migrate", verbosity=0)  # every app: going back to umkm 0001 unapplied its dependants


def test_a_clerk_registers_a_business_and_sees_its_size_class(page, sectors):
    make_staff(PERSONAS["umkm"][0], username="b_umkm")
    log_in(page, "b_umkm", PASSWORD)
    page.goto(reverse("umkm:create"))
    page.fill("input[name=owner_nik]", valid_nik(female=True))
    page.fill("input[name=owner_name]", "Galuh Rahmawati")
    page.fill("input[name=name]", "Sasirangan Galuh")
    page.select_option("select[name=sector]", label="Kriya")
    page.select_option("select[name=kelurahan_kecamatan]", "63.71.03")
    expect(page.locator("select[name=kelurahan] option[value='63.71.03.1001']")).to_be_attached()
    page.select_option("select[name=kelurahan]", "63.71.03.1001")
    page.fill("input[name=phone]", "0813 5100 4455")
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Sasirangan Galuh")
    enterprise = Enterprise.objects.get()
    page.goto(reverse("umkm:child_add", args=[enterprise.pk, "data"]))
    page.fill("input[name=observed_on]", "2025-06-30")
    page.fill("input[name=capital]", "150000000")
    page.fill("input[name=annual_sales]", "1800000000")
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("PP 7/2021")
    screenshot(page, "usaha-mikro-rekam")


def test_the_business_list_works_on_a_small_phone(phone_page, sectors):
    page = phone_page
    make_staff(PERSONAS["umkm"][0], username="b_umkm2")
    log_in(page, "b_umkm2", PASSWORD)
    page.goto(reverse("umkm:list"))
    expect(page.locator("h1")).to_have_text("Usaha Mikro")
    screenshot(page, "ponsel-usaha-mikro")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, wide
