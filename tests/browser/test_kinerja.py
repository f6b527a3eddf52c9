"""Performance accountability in a real browser: the secretariat imports the budget table of seed 003 and
finds its contradictions, closes the year; the head of office reads the five IKU on a phone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.kinerja.models import Snapshot
from berdaya.kinerja.tests.test_budget import seed_xlsx
from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bands(transactional_db):
    # Transactional tests start empty: the S7 bands and check tolerances a data migration seeds are put back.
    from .conftest import reseed_reference_data

    reseed_reference_data()


@pytest.fixture
def demo(bands):
    from berdaya.kinerja.demo import populate

    populate(actor=make_staff(PERSONAS["admin"][0], username="b_admin"), seed=1)


def test_the_secretariat_imports_the_budget_finds_its_contradictions_and_closes_the_year(
    page, bands, tmp_path
):
    make_staff(PERSONAS["sekretariat"][0], username="b_sekretariat")
    log_in(page, "b_sekretariat", PASSWORD)
    page.goto(reverse("kinerja:budget_import"))
    file = tmp_path / "tabel-3-3.xlsx"
    file.write_bytes(seed_xlsx().getvalue())
    page.fill("input[name=year]", "2022")
    page.set_input_files("input[name=file]", str(file))
    page.locator("form.card button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Pemeriksaan data 2022")
    expect(page.locator("main")).to_contain_text("Sub Kegiatan Pengadaan Mebel")
    screenshot(page, "kinerja-pemeriksaan")
    page.locator("a", has_text="Perbaiki").first.click()
    expect(page.locator("input[name=pagu]")).to_be_visible()
    page.goto(reverse("kinerja:budget") + "?tahun=2022")
    expect(page.locator("table")).to_contain_text("PROGRAM PENEMPATAN TENAGA KERJA")
    screenshot(page, "kinerja-anggaran")


def test_closing_the_year_from_the_dashboard(page, demo):
    make_staff(PERSONAS["sekretariat"][0], username="b_sekretariat2")
    log_in(page, "b_sekretariat2", PASSWORD)
    page.goto(reverse("kinerja:dashboard") + "?tahun=2022")
    expect(page.locator(".iku")).to_have_count(5)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("form[action$='/tutup/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Periode ditutup")
    assert Snapshot.objects.filter(year=2022, quarter=0).count() == 8


def test_the_head_of_office_reads_the_dashboard_on_a_small_phone(phone_page, demo):
    page = phone_page
    make_staff(PERSONAS["kepala"][0], username="b_kepala")
    log_in(page, "b_kepala", PASSWORD)
    page.goto(reverse("kinerja:dashboard") + "?tahun=2022")
    expect(page.locator(".iku")).to_have_count(5)
    # The placement IKU is computed from the manpower registry (empty here: 0, never the typed 725).
    expect(page.locator("main")).to_contain_text("Besaran Pencari Kerja terdaftar yang ditempatkan")
    expect(page.locator("main")).not_to_contain_text("725 orang")
    screenshot(page, "ponsel-kinerja")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
        ".map(e => e.tagName + '.' + e.className).slice(0, 5)"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, wide
