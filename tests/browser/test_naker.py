"""Manpower services on a phone (360 px): a P3K officer registers a job seeker and prints the AK/1 card,
posts a vacancy that another officer verifies, sees the match explained, records a placement and sees the
placement figure (R38) move."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from berdaya.companies.services import company_register
from berdaya.naker.models import JobSeeker, Placement, Vacancy
from berdaya.test import PASSWORD, make_person, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits_the_phone(page):
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, wide


def test_register_print_post_verify_match_and_place_on_a_phone(phone_page):
    page = phone_page
    officer = make_staff("p3k", username="b_p3k")
    make_staff("p3k", username="b_p3k2")
    person = make_person(actor=officer, name="Siti Aminah", sex="P")
    company = company_register(actor=officer, data={"name": "PT Banua Hotel Abadi"})
    today = timezone.localdate()

    # 1. register a job seeker from the NIK and print the card
    log_in(page, "b_p3k", PASSWORD)
    page.goto(reverse("naker:jobseeker_register"))
    page.fill("input[name=nik]", person.nik)
    page.select_option("select[name=education]", "sma")
    page.fill("input[name=major]", "Tata Boga")
    page.select_option("select[name=occupations]", label="Juru masak (5120)")
    page.fill("input[name=skills_text]", "masak, jait baju")
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Siti Aminah")
    seeker = JobSeeker.objects.get(person=person)
    expect(page.locator("main")).to_contain_text(seeker.card_number)
    fits_the_phone(page)
    screenshot(page, "ponsel-pencari-kerja")
    card_url = page.locator("[data-testid=print-card]").get_attribute("href")
    response = page.request.get(card_url, timeout=120_000)
    assert response.status == 200 and response.body()[:4] == b"%PDF"  # R37a: the card as PDF

    # 2. post a vacancy; the same officer cannot verify it (R36)
    page.goto(reverse("naker:vacancy_create"))
    page.select_option("select[name=company]", str(company.pk))
    page.fill("input[name=title]", "Juru masak hotel")
    page.select_option("select[name=occupation]", label="Juru masak (5120)")
    page.select_option("select[name=education]", "sma")
    page.fill("input[name=majors]", "Tata Boga")
    page.select_option("select[name=contract]", "pkwt")
    page.fill("input[name=closing_date]", (today + dt.timedelta(days=30)).isoformat())
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("[data-testid=vacancy-state]")).to_have_text("Menunggu verifikasi")
    vacancy = Vacancy.objects.get()
    expect(page.get_by_role("button", name="Verifikasi dan buka")).to_have_count(0)

    # 3. another officer verifies it and sees the match explained
    page.context.clear_cookies()
    log_in(page, "b_p3k2", PASSWORD)
    page.goto(reverse("naker:vacancy", args=[vacancy.pk]))
    page.get_by_role("button", name="Verifikasi dan buka").click()
    expect(page.locator("[data-testid=vacancy-state]")).to_have_text("Terverifikasi")
    match = page.locator("[data-testid=match]").first
    expect(match).to_contain_text("Siti Aminah")
    expect(match).to_contain_text("Pendidikan SMA/SMK Tata Boga ✓")
    fits_the_phone(page)
    screenshot(page, "ponsel-lowongan-cocok")

    # 4. record the placement, verify it, and see the year's placed figure move (R38a)
    page.goto(reverse("naker:figures"))
    before = page.locator(f"[data-testid=placed-{today.year}]").inner_text()
    page.goto(reverse("naker:placement_create", args=[seeker.pk]))
    page.select_option("select[name=company]", str(company.pk))
    page.fill("input[name=position]", "Juru masak")
    page.select_option("select[name=channel]", "antar_kerja")
    page.fill("input[name=start_date]", today.isoformat())
    page.locator("form.card button[type=submit]").click()
    placement = Placement.objects.get()
    page.goto(reverse("naker:placement_verify", args=[placement.pk]))
    page.select_option("select[name=method]", "telepon")
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Ditutup (sudah bekerja)")
    page.goto(reverse("naker:figures"))
    expect(page.locator(f"[data-testid=placed-{today.year}]")).to_have_text(str(int(before) + 1))
    fits_the_phone(page)
    screenshot(page, "ponsel-rasio-penempatan")
