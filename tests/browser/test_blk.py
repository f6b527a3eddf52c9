"""The training centre on a phone (360 px): BLK staff tick a day's attendance, record the competency test
results of a cohort, close it and issue certificates, which go only to the competent (R40a, R50)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.blk import services
from berdaya.test import PASSWORD, make_person, make_staff
from berdaya.training import services as training
from berdaya.training.models import Certificate

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_results_then_certificates_only_for_the_competent_at_360_px(browser, live_server, regions):
    staff = make_staff(Role.BLK, username="blk")
    programme = services.programme_create(
        actor=staff, data={"code": "BKR", "title": "Bakery", "jp_hours": 140, "requirements": "Usia 18-45"}
    )
    for code, title in (("U1", "Higiene dan sanitasi"), ("U2", "Membuat roti manis")):
        services.unit_add(actor=staff, programme=programme, data={"code": code, "title": title})
    cohort = services.cohort_create(
        actor=staff,
        programme=programme,
        data={"starts_on": dt.date(2022, 5, 9), "ends_on": dt.date(2022, 5, 9), "capacity": 16},
    )
    participants = [
        training.participant_register(
            actor=staff, event=cohort.event, person=make_person(actor=staff, name=name)
        )
        for name in ("Ani Lulus", "Budi Belum")
    ]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "blk", PASSWORD)

    # the day's attendance sheet: one tap per participant
    page.goto(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/hadir/")
    for participant in participants:
        page.locator(f"#p{participant.pk} button").click()
        expect(page.locator(f"#p{participant.pk} .badge-ok")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "blk-attendance-360")

    # the test results: Ani competent in both units, Budi not yet in the second
    page.goto(f"/tenaga-kerja/blk/angkatan/{cohort.pk}/uji/")
    units = list(programme.units.all())
    ani, budi = participants
    for unit in units:
        page.select_option(f"#r-{ani.pk}-{unit.pk}", "kompeten")
        page.select_option(f"#r-{budi.pk}-{unit.pk}", "kompeten" if unit == units[0] else "belum_kompeten")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "blk-results-360")
    page.get_by_role("button", name="Simpan hasil uji").click()
    expect(page.get_by_text("4 hasil uji tersimpan.")).to_be_visible()

    page.get_by_role("button", name="Tutup angkatan (kehadiran, R50)").click()
    expect(page.get_by_text("Angkatan ditutup")).to_be_visible()
    page.get_by_role("button", name="Terbitkan sertifikat bagi yang kompeten").click()
    expect(page.get_by_text("1 sertifikat terbit; 1 peserta belum kompeten")).to_be_visible()
    expect(page.locator('[data-certified="1"]')).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "blk-cohort-360")
    assert list(Certificate.objects.values_list("participant__person__name", flat=True)) == ["Ani Lulus"]
    context.close()
