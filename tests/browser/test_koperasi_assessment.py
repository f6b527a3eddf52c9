"""Cooperative health in a real browser, on a phone: a cooperatives clerk ticks the 2020 checklist of a
savings-and-loan cooperative whose RAT is recorded and sees the category computed (R24, R25)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_assesses_health_on_a_phone(phone_page):
    from berdaya.koperasi.assessment.models import HealthAssessment
    from berdaya.koperasi.models import Kind
    from berdaya.koperasi.services import cooperative_register, rat_record
    from berdaya.regions.models import Region

    page = phone_page
    clerk = make_staff(PERSONAS["koperasi"][0], username="b_koperasi")
    cooperative = cooperative_register(
        actor=clerk,
        data={
            "name": "KSP Bauntung Batuah",
            "kind": Kind.SIMPAN_PINJAM,
            "kelurahan": Region.objects.get(code="63.71.01.1001"),
            "registered_on": dt.date(2015, 1, 5),
        },
    )
    year = timezone.localdate().year - 1
    rat_record(
        actor=clerk, cooperative=cooperative, data={"fiscal_year": year, "held_on": timezone.localdate()}
    )
    log_in(page, "b_koperasi", PASSWORD)
    page.goto(reverse("koperasi:health_assess", args=[cooperative.pk]) + "?metode=2020")
    expect(page.locator("legend").filter(has_text="Tata Kelola")).to_be_visible()
    boxes = page.locator("form.assessment-form input[type=checkbox]")
    for index in range(boxes.count()):
        boxes.nth(index).check()
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 361).length"
    )
    assert wide == 0  # nothing runs off a 360 px screen
    screenshot(page, "ponsel-koperasi-kesehatan")
    page.locator("form.assessment-form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Sehat")
    assessment = HealthAssessment.objects.get()
    assert (assessment.fiscal_year, assessment.category) == (year, "sehat")
    assert page.url.endswith(reverse("koperasi:health_detail", args=[assessment.pk]))
