"""A new user's first steps in a real browser: every role logs in and sees every top-level page,
a clerk registers people (a bad NIK is refused, a good one saved), the language switches, phones work."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.people.models import Person
from berdaya.test import PASSWORD, PERSONAS, make_staff, valid_nik

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_every_role_logs_in_and_visits_every_top_level_page(page, persona):
    role, area = PERSONAS[persona]
    make_staff(role, username=f"b_{persona}", area=area)
    log_in(page, f"b_{persona}", PASSWORD)
    expect(page.locator("main")).to_contain_text("Selamat datang")
    links = page.locator("#main-nav a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert reverse("people:list") in hrefs
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200, f"{persona} {href} -> {response.status}"
        expect(page.locator("h1").first).to_be_visible()
        name = href.strip("/").replace("/", "-") or "beranda"
        screenshot(page, f"{persona}-{name}")


def test_a_clerk_registers_a_person_after_a_bad_nik_is_refused(page):
    make_staff(PERSONAS["umkm"][0], username="b_umkm")
    log_in(page, "b_umkm", PASSWORD)
    page.goto(reverse("people:create"))
    page.fill("input[name=nik]", "6371013213900001")  # day 32: domain.md R2
    page.fill("input[name=name]", "Galuh Rahmawati")
    page.click("form.card button[type=submit]")
    expect(page.locator(".errorlist").first).to_contain_text("Tanggal lahir pada NIK tidak valid")
    screenshot(page, "orang-nik-salah")
    assert Person.objects.count() == 0

    nik = valid_nik(female=True)
    page.fill("input[name=nik]", nik)
    page.fill("input[name=phone]", "0813 5100 4455")
    page.select_option(
        "select[name=kelurahan_kecamatan]", "63.71.02"
    )  # chained picker: kecamatan, then kelurahan
    expect(page.locator("select[name=kelurahan] option[value='63.71.02.1001']")).to_be_attached()
    page.select_option("select[name=kelurahan]", "63.71.02.1001")
    page.click("form.card button[type=submit]")
    expect(page.locator("h1")).to_have_text("Galuh Rahmawati")
    expect(page.locator("main")).to_contain_text(nik)
    expect(page.locator("main")).to_contain_text("Perempuan")  # from the NIK: day + 40
    screenshot(page, "orang-tersimpan")
    person = Person.objects.get()
    assert person.phone == "+6281351004455"
    assert person.kelurahan_id == "63.71.02.1001"


def test_the_language_switches_to_english_and_back(page):
    make_staff(PERSONAS["admin"][0], username="b_admin")
    log_in(page, "b_admin", PASSWORD)
    page.get_by_role("button", name="English").click()
    expect(page.locator("#main-nav")).to_contain_text("People")
    screenshot(page, "beranda-english")
    page.get_by_role("button", name="Bahasa Indonesia").click()
    expect(page.locator("#main-nav")).to_contain_text("Orang")


def test_a_field_officer_works_on_a_small_phone(phone_page):
    page = phone_page
    make_staff(PERSONAS["petugas"][0], username="b_petugas", area="63.71.01")
    log_in(page, "b_petugas", PASSWORD)
    # Nothing spills sideways on a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("[data-menu-toggle]").click()
    page.locator("#main-nav").get_by_role("link", name=re.compile("Orang")).click()
    expect(page.locator("h1")).to_have_text("Orang")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "ponsel-orang")
