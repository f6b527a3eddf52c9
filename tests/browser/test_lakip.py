"""The yearly report (LAKIP) in a real browser: the secretariat generates the example report, watches it
finish and downloads the DOCX; the report page works on a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # The PDF conversion has its own test (test_report_build); here it would only add seconds.
    monkeypatch.setattr("berdaya.lib.documents.soffice", lambda: None)


def test_the_secretariat_generates_the_example_report_and_downloads_it(page):
    make_staff(PERSONAS["sekretariat"][0], username="b_sekretariat")
    log_in(page, "b_sekretariat", PASSWORD)
    page.goto(reverse("kinerja:report"))
    expect(page.locator("h1")).to_have_text("Laporan kinerja tahunan (LAKIP)")
    page.get_by_role("button", name="Buat contoh (LAKIP 2022 Dinas)").click()
    download_link = page.get_by_role("link", name="Unduh DOCX (untuk disunting)")
    expect(download_link).to_be_visible(timeout=60_000)
    expect(page.get_by_role("link", name="Unduh XLSX (semua tabel)")).to_be_visible()
    screenshot(page, "lakip-dibuat")
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "LAKIP-2022.docx"


def test_the_report_page_works_on_a_small_phone(phone_page):
    page = phone_page
    make_staff(PERSONAS["sekretariat"][0], username="b_sekretariat2")
    log_in(page, "b_sekretariat2", PASSWORD)
    page.goto(reverse("kinerja:report"))
    expect(page.locator("h1")).to_have_text("Laporan kinerja tahunan (LAKIP)")
    screenshot(page, "ponsel-lakip")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
