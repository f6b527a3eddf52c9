"""A job fair on a phone (360 px, R38b): the door checks a job seeker in with the AK/1 card's number, the
live board on another phone moves by itself (htmx polling), the booth records the application, the
interview and the hire, the board counts the hire and the placement figure (naker.placed, R38a) moves."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from berdaya.accounts.roles import Division
from berdaya.companies.services import company_register
from berdaya.naker import figures, services
from berdaya.naker.models import Occupation, Placement
from berdaya.test import PASSWORD, make_person, make_staff
from berdaya.training import services as training

from .conftest import log_in, screenshot
from .test_naker import fits_the_phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_check_in_with_the_card_see_the_board_move_and_hire_on_a_phone(phone_page):
    page = phone_page
    officer = make_staff("p3k", username="f_p3k")
    checker = make_staff("p3k", username="f_p3k2")
    today = timezone.localdate()
    fair = training.event_create(
        actor=officer,
        data={"title": "Job Fair Kota Banjarmasin", "kind": "job_fair", "division": Division.TENAGA_KERJA,
              "starts_on": today, "ends_on": today + dt.timedelta(days=2),
              "venue": "Gedung Sultan Suriansyah", "target_group": "pencari_kerja", "target": "person"},
    )  # fmt: skip
    company = company_register(actor=officer, data={"name": "PT Banua Hotel Abadi"})
    services.fair_booth_add(actor=officer, event=fair, company=company, booth="A01")
    vacancy = services.vacancy_post(
        actor=officer,
        data={"company": company, "title": "Juru masak hotel",
              "occupation": Occupation.objects.get(kbji_code="5120"), "count": 2, "education": "sma",
              "contract": "pkwt", "closing_date": today + dt.timedelta(days=20)},
    )  # fmt: skip
    services.vacancy_verify(actor=checker, vacancy=vacancy)
    seeker = services.jobseeker_register(
        actor=officer,
        person=make_person(actor=officer, name="Siti Aminah", sex="P"),
        data={"education": "sma"},
    )
    year = fair.ends_on.year  # the hire starts on the fair's last day (the form's default)
    placed_before = figures.verified_placements(dt.date(year, 1, 1), dt.date(year, 12, 31)).count()

    log_in(page, "f_p3k", PASSWORD)
    board = page.context.new_page()
    board.goto(reverse("naker:fair_board", args=[fair.pk]))
    expect(board.locator("[data-testid=board-checked-in]")).to_have_text("0")

    # 1. the door: the card's number typed (what the QR carries works the same way), a walk-in registered
    page.goto(reverse("training:checkin", args=[fair.pk]))
    page.fill("#code", seeker.card_number)
    page.locator("#code-form button[type=submit]").click()
    expect(page.locator("#results li").first).to_contain_text("Siti Aminah — Hadir")
    fits_the_phone(page)
    screenshot(page, "ponsel-bursa-presensi")

    # 2. the board moves by itself (polling), without a reload
    expect(board.locator("[data-testid=board-checked-in]")).to_have_text("1", timeout=15_000)

    # 3. the booth: application, interview, hire confirmed by the company
    page.goto(reverse("naker:fair", args=[fair.pk]))
    page.fill("#id_apply-card", seeker.card_number)
    page.select_option("#id_apply-vacancy", str(vacancy.pk))
    page.get_by_role("button", name="Catat lamaran").click()
    application = page.locator("[data-testid^=application-]").first
    expect(application).to_contain_text("Melamar")
    fits_the_phone(page)
    application.locator("summary").click()
    application.locator("select[name=result]").select_option("lolos")
    application.get_by_role("button", name="Simpan hasil").click()
    application = page.locator("[data-testid^=application-]").first
    expect(application).to_contain_text("Lolos wawancara")
    application.locator("summary").click()
    application.get_by_role("button", name="Terima bekerja").click()
    expect(page.locator("[data-testid=fair-hired]")).to_have_text("1")
    expect(board.locator("[data-testid=board-hired]")).to_have_text("1", timeout=15_000)
    fits_the_phone(board)
    screenshot(board, "ponsel-bursa-papan")

    # 4. the hire is a verified job-fair placement: the year's placed figure (naker.placed) moved by one
    placement = Placement.objects.get(job_seeker=seeker)
    assert (placement.channel, placement.state) == (Placement.Channel.JOB_FAIR, Placement.State.VERIFIED)
    page.goto(reverse("naker:figures"))
    expect(page.locator(f"[data-testid=placed-{year}]")).to_have_text(str(placed_before + 1))
