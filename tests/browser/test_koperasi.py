"""Cooperatives in a real browser: a clerk registers a cooperative, sees it on the watch list, records its RAT
and watches it leave the list; a field officer reports a visit on a phone-sized screen."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from berdaya.koperasi.models import Cooperative, Visit
from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rat_rule(transactional_db):
    # Transactional tests start empty: the RAT rule a data migration seeds is put back.
    from .conftest import reseed_reference_data

    reseed_reference_data()


def test_a_clerk_registers_a_cooperative_records_its_rat_and_it_leaves_the_watch_list(page, rat_rule):
    make_staff(PERSONAS["koperasi"][0], username="b_kop")
    log_in(page, "b_kop", PASSWORD)
    page.goto(reverse("koperasi:create"))
    page.fill("input[name=name]", "KSP Galuh Bauntung")
    page.select_option("select[name=kind]", "simpan_pinjam")
    page.fill("input[name=legal_entity_date]", "2012-03-01")
    page.select_option("select[name=kelurahan_kecamatan]", "63.71.03")
    expect(page.locator("select[name=kelurahan] option[value='63.71.03.1001']")).to_be_attached()
    page.select_option("select[name=kelurahan]", "63.71.03.1001")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("KSP Galuh Bauntung")
    expect(page.locator("#status")).to_contain_text("Tidak aktif")  # domain.md R21: no RAT yet

    page.goto(reverse("koperasi:watch_list"))
    expect(page.locator("#tahap-inactive")).to_contain_text("KSP Galuh Bauntung")
    screenshot(page, "koperasi-pantauan")

    cooperative = Cooperative.objects.get()
    year = timezone.localdate().year - 1
    page.goto(reverse("koperasi:rat_add", args=[cooperative.pk]))
    page.fill("input[name=fiscal_year]", str(year))
    page.fill(
        "input[name=held_on]", f"{year + 1}-01-15" if timezone.localdate() > dt.date(year + 1, 1, 15) else ""
    )
    page.fill("input[name=attendance]", "48")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#status")).to_contain_text("Aktif")
    screenshot(page, "koperasi-rekam-rat")

    page.goto(reverse("koperasi:watch_list"))
    expect(page.locator("main")).not_to_contain_text("KSP Galuh Bauntung")


def test_a_field_officer_reports_a_visit_on_a_phone(phone_page, rat_rule):
    page = phone_page
    clerk = make_staff(PERSONAS["koperasi"][0], username="b_kop2")
    officer = make_staff(PERSONAS["petugas"][0], username="b_ppkl", area="63.71.01")
    from berdaya.koperasi.services import cooperative_register, visit_plan
    from berdaya.regions.models import Region

    cooperative = cooperative_register(
        actor=clerk,
        data={
            "name": "Kopwan Kelayan",
            "kind": "konsumen",
            "kelurahan": Region.objects.get(code="63.71.01.1001"),
        },
    )
    visit_plan(
        actor=clerk,
        cooperative=cooperative,
        data={"officer": officer, "planned_on": timezone.localdate(), "purpose": "Pembinaan persiapan RAT"},
    )
    log_in(page, "b_ppkl", PASSWORD)
    page.goto(reverse("koperasi:my_visits"))
    page.get_by_role("link", name="Kopwan Kelayan").click()
    expect(page.locator("h1")).to_have_text("Laporan kunjungan")
    page.fill("textarea[name=findings]", "Buku kas belum ditutup; pengurus sepakat RAT bulan depan.")
    page.fill("input[name=follow_up_1]", "Tutup buku kas")
    page.fill("input[name=owner_1]", "Bendahara")
    page.fill("input[name=due_1]", (timezone.localdate() + dt.timedelta(days=14)).isoformat())
    screenshot(page, "ponsel-laporan-kunjungan")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Laporan kunjungan tersimpan")
    visit = Visit.objects.get()
    assert visit.status == "done" and visit.follow_ups.get().owner == "Bendahara"
