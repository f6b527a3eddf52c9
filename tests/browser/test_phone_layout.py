"""At 360 px nothing scrolls sideways and no table column is cut off: search results stack as
cards with every column labelled; the 2020 health checklist fits the screen."""

import datetime as dt

import pytest
from django.urls import reverse

from berdaya.test import PASSWORD, PERSONAS, make_person, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"


def test_people_search_results_show_every_column_on_a_phone(phone_page):
    page = phone_page
    clerk = make_staff(PERSONAS["umkm"][0], username="b_umkm")
    make_person(actor=clerk, name="Siti Aminah Rahmawati", sex="P")
    log_in(page, "b_umkm", PASSWORD)
    page.goto(reverse("people:list") + "?q=Siti")
    assert page.evaluate(WIDTH) <= 360
    cell = page.locator(".table-wrap td[data-label]").nth(1)
    box = cell.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 361  # on screen, not cut off
    screenshot(page, "phone-people-search")


def test_the_2020_health_form_does_not_scroll_sideways(phone_page):
    from berdaya.koperasi.models import Kind
    from berdaya.koperasi.services import cooperative_register
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
    log_in(page, "b_koperasi", PASSWORD)
    page.goto(reverse("koperasi:health_assess", args=[cooperative.pk]) + "?metode=2020")
    assert page.evaluate(WIDTH) <= 360
    screenshot(page, "phone-health-2020")
