"""The job fair (domain.md R38b): an event of the one event model; check-in with the AK/1 card's QR or
number (walk-ins registered), applications per vacancy of a participating company, interviews, hires as
job-fair placements through naker's placement service (R38a, R37), the board's figures."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from berdaya.accounts.roles import Division
from berdaya.companies.services import company_register
from berdaya.naker import card, figures, selectors, services
from berdaya.naker.models import JobFairApplication, Occupation, Placement, Vacancy
from berdaya.test import make_person
from berdaya.training import services as training
from berdaya.training.models import Source, Status

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def make_fair(cast, **fields):
    data = {
        "title": "Job Fair Kota",
        "kind": "job_fair",
        "division": Division.TENAGA_KERJA,
        "starts_on": TODAY,
        "ends_on": TODAY + dt.timedelta(days=2),
        "venue": "Gedung Sultan Suriansyah",
        "target_group": "pencari_kerja",
        "target": "person",
    } | fields
    return training.event_create(actor=cast.p3k, data=data)


def make_seeker(cast, on=None):
    return services.jobseeker_register(
        actor=cast.p3k,
        person=make_person(actor=cast.p3k),
        data={"education": "sma", "skills_text": "masak"},
        occupations=Occupation.objects.filter(kbji_code="5120"),
        registered_on=on or TODAY - dt.timedelta(days=30),
    )


def make_vacancy(cast, company, *, count=1, verified=True, closing=None):
    vacancy = services.vacancy_post(
        actor=cast.p3k,
        data={
            "company": company,
            "title": "Juru masak",
            "occupation": Occupation.objects.get(kbji_code="5120"),
            "count": count,
            "education": "sma",
            "contract": "pkwt",
            "closing_date": closing or TODAY + dt.timedelta(days=10),
        },
    )
    if verified:
        vacancy = services.vacancy_verify(actor=cast.admin, vacancy=vacancy)
    return vacancy


@pytest.fixture
def fair(cast):
    return make_fair(cast)


@pytest.fixture
def company(cast):
    return company_register(actor=cast.p3k, data={"name": "PT Banua Hotel"})


@pytest.fixture
def booth(cast, fair, company):
    return services.fair_booth_add(actor=cast.p3k, event=fair, company=company, booth="A01")


def checkin(cast, fair, code, nonce="n1"):
    result, _new = training.checkin_record(actor=cast.p3k, event=fair, session=None, nonce=nonce, code=code)
    return result


def checked_in_seeker(cast, fair):
    seeker = make_seeker(cast)
    assert checkin(cast, fair, seeker.card_number, nonce=f"n-{seeker.pk}").accepted
    return seeker


# --- Reading the card at the door ------------------------------------------------------------------------


def test_the_card_number_is_read_with_or_without_dashes_and_from_the_qr_link(cast):  # R37a
    seeker = make_seeker(cast)
    token = card.card_token(seeker.card_number)
    for code in (
        seeker.card_number,
        seeker.card_number.replace("-", ""),
        f" {seeker.card_number} ",
        f"https://berdaya.example/tenaga-kerja/kartu/{token}/",
        token,
    ):
        assert selectors.card_by_code(code) == seeker, code


def test_a_forged_qr_or_a_wrong_number_finds_no_card(cast):
    seeker = make_seeker(cast)
    forged = card.card_token(seeker.card_number)[:-2] + "xx"
    assert selectors.card_by_code(f"https://x/kartu/{forged}/") is None
    assert selectors.card_by_code("6371-2022-00001") is None  # 13 digits
    assert selectors.card_by_code("6371-2022-000001-9") is None
    assert selectors.card_by_code("ABCD2022000001") is None


def test_the_counter_also_finds_the_holder_by_nik(cast):
    seeker = make_seeker(cast)
    assert selectors.card_or_nik(seeker.person.nik) == seeker


# --- Check-in (the events module's page, R38b) -------------------------------------------------------------


def test_a_registered_job_seeker_checks_in_with_the_card_number(cast, fair):  # R38b
    seeker = make_seeker(cast)
    place = services.fair_register(actor=cast.p3k, event=fair, job_seeker=seeker)
    assert place.status == Status.REGISTERED and place.role == "pencari_kerja"
    result = checkin(cast, fair, seeker.card_number)
    assert result.accepted and result.participant == place
    place.refresh_from_db()
    assert place.status == Status.ATTENDED


def test_a_card_holder_who_did_not_register_is_registered_as_a_walk_in(cast, fair):  # R38b
    seeker = make_seeker(cast)
    result = checkin(cast, fair, f"https://h/tenaga-kerja/kartu/{card.card_token(seeker.card_number)}/")
    assert result.accepted
    assert result.participant.person == seeker.person
    assert result.participant.source == Source.WALK_IN
    assert result.participant.status == Status.ATTENDED


def test_a_second_scan_of_the_same_card_is_refused_and_registers_nobody_twice(cast, fair):
    seeker = make_seeker(cast)
    assert checkin(cast, fair, seeker.card_number, nonce="a").accepted
    again = checkin(cast, fair, seeker.card_number, nonce="b")
    assert fair.participants.count() == 1
    assert again.participant is not None


def test_an_unknown_card_is_refused(cast, fair):
    result = checkin(cast, fair, "6371-2022-999999")
    assert not result.accepted and result.reason == "Kode tidak terdaftar"
    assert fair.participants.count() == 0


def test_a_card_number_does_not_check_in_at_an_event_that_is_not_a_job_fair(cast):
    seeker = make_seeker(cast)
    training_event = make_fair(cast, kind="pelatihan", target_group="umkm")
    assert not checkin(cast, training_event, seeker.card_number).accepted
    assert training_event.participants.count() == 0


def test_registering_for_an_event_that_is_not_a_job_fair_is_refused(cast):
    event = make_fair(cast, kind="pelatihan", target_group="umkm")
    with pytest.raises(ValidationError, match="bukan bursa kerja"):
        services.fair_register(actor=cast.p3k, event=event, job_seeker=make_seeker(cast))


# --- Applications, interviews, hires ---------------------------------------------------------------------


def test_a_checked_in_job_seeker_applies_once_per_vacancy(cast, fair, booth, company):  # R38b
    seeker = checked_in_seeker(cast, fair)
    vacancy = make_vacancy(cast, company)
    application = services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=vacancy)
    assert application.booth == booth and application.state == JobFairApplication.State.APPLIED
    with pytest.raises(ValidationError, match="sudah melamar"):
        services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=vacancy)


def test_applying_needs_a_check_in_first(cast, fair, booth, company):  # R38b
    seeker = make_seeker(cast)
    services.fair_register(actor=cast.p3k, event=fair, job_seeker=seeker)
    with pytest.raises(ValidationError, match="belum tercatat hadir"):
        services.fair_apply(
            actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=make_vacancy(cast, company)
        )


def test_only_vacancies_of_companies_at_the_fair_verified_and_open_can_be_applied_for(
    cast, fair, booth, company
):
    seeker = checked_in_seeker(cast, fair)
    other = company_register(actor=cast.p3k, data={"name": "PT Tidak Ikut"})
    with pytest.raises(ValidationError, match="tidak ikut bursa"):
        services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=make_vacancy(cast, other))
    with pytest.raises(ValidationError, match="belum diverifikasi"):  # R36
        services.fair_apply(
            actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=make_vacancy(cast, company, verified=False)
        )
    closed = make_vacancy(cast, company)
    Vacancy.objects.filter(pk=closed.pk).update(closing_date=fair.starts_on - dt.timedelta(days=1))
    closed.refresh_from_db()
    with pytest.raises(ValidationError, match="ditutup sebelum"):
        services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=closed)
    on_the_day = make_vacancy(cast, company, closing=fair.starts_on)  # boundary: closes on the first day
    assert services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=on_the_day).pk


def hire_ready(cast, fair, company, *, count=1, result="lolos"):
    seeker = checked_in_seeker(cast, fair)
    vacancy = make_vacancy(cast, company, count=count)
    application = services.fair_apply(actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=vacancy)
    return services.fair_interview(actor=cast.p3k, application=application, result=result, note="baik")


def test_a_hire_confirmed_at_the_booth_is_a_verified_job_fair_placement_and_closes_the_card(
    cast, fair, booth, company
):  # R38b, R38a, R37
    application = hire_ready(cast, fair, company)
    before = figures.verified_placements(TODAY, TODAY + dt.timedelta(days=30)).count()
    placement = services.fair_hire(actor=cast.p3k, application=application, start_date=fair.ends_on)
    assert placement.channel == Placement.Channel.JOB_FAIR and placement.event == fair
    assert placement.state == Placement.State.VERIFIED and placement.method == Placement.Method.COMPANY
    assert placement.vacancy == application.vacancy and placement.company == company
    application.refresh_from_db()
    assert application.state == JobFairApplication.State.HIRED and application.placement == placement
    assert figures.verified_placements(TODAY, TODAY + dt.timedelta(days=30)).count() == before + 1
    application.job_seeker.refresh_from_db()
    assert application.job_seeker.closed_on == fair.ends_on


def test_a_hire_not_yet_confirmed_waits_for_verification_with_its_calls(cast, fair, booth, company):  # R38a
    application = hire_ready(cast, fair, company)
    placement = services.fair_hire(
        actor=cast.p3k, application=application, start_date=fair.ends_on, confirmed=False
    )
    assert placement.state == Placement.State.PENDING
    assert sorted(placement.calls.values_list("day", flat=True)) == [30, 60]


def test_a_hire_needs_an_interview_that_was_not_failed(cast, fair, booth, company):  # R38b
    seeker = checked_in_seeker(cast, fair)
    application = services.fair_apply(
        actor=cast.p3k, event=fair, job_seeker=seeker, vacancy=make_vacancy(cast, company)
    )
    with pytest.raises(ValidationError, match="wawancara dulu"):
        services.fair_hire(actor=cast.p3k, application=application, start_date=fair.ends_on)
    failed = hire_ready(cast, fair, company, result="tidak_lolos")
    with pytest.raises(ValidationError, match="tidak lolos"):
        services.fair_hire(actor=cast.p3k, application=failed, start_date=fair.ends_on)


def test_no_more_hires_than_the_vacancy_asks_for(cast, fair, booth, company):  # R38b
    first = hire_ready(cast, fair, company, count=1)
    services.fair_hire(actor=cast.p3k, application=first, start_date=fair.ends_on)
    second_seeker = checked_in_seeker(cast, fair)
    second = services.fair_apply(actor=cast.p3k, event=fair, job_seeker=second_seeker, vacancy=first.vacancy)
    second = services.fair_interview(actor=cast.p3k, application=second, result="lolos")
    with pytest.raises(ValidationError, match="sudah terisi"):
        services.fair_hire(actor=cast.p3k, application=second, start_date=fair.ends_on)


def test_a_hire_cannot_start_before_the_fair_nor_be_recorded_twice(cast, fair, booth, company):
    application = hire_ready(cast, fair, company, count=2)
    with pytest.raises(ValidationError):
        services.fair_hire(
            actor=cast.p3k, application=application, start_date=fair.starts_on - dt.timedelta(days=1)
        )
    services.fair_hire(actor=cast.p3k, application=application, start_date=fair.starts_on)  # boundary
    with pytest.raises(ValidationError, match="sudah tercatat"):
        services.fair_hire(actor=cast.p3k, application=application, start_date=fair.starts_on)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.fair_interview(actor=cast.p3k, application=application, result="tidak_lolos")


def test_a_closed_card_cannot_apply(cast, fair, booth, company):  # R37: employment closes the card
    application = hire_ready(cast, fair, company, count=3)
    services.fair_hire(actor=cast.p3k, application=application, start_date=fair.starts_on)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services.fair_apply(
            actor=cast.p3k, event=fair, job_seeker=application.job_seeker, vacancy=make_vacancy(cast, company)
        )


def test_a_company_takes_one_booth_per_fair(cast, fair, booth, company):
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        services.fair_booth_add(actor=cast.p3k, event=fair, company=company, booth="B02")


# --- The board's figures ---------------------------------------------------------------------------------


def test_the_board_counts_per_company_and_in_total(cast, fair, booth, company):  # R38b
    other = company_register(actor=cast.p3k, data={"name": "CV Roti"})
    services.fair_booth_add(actor=cast.p3k, event=fair, company=other, booth="A02")
    hired = hire_ready(cast, fair, company, count=2)
    services.fair_hire(actor=cast.p3k, application=hired, start_date=fair.ends_on)
    services.fair_apply(
        actor=cast.p3k, event=fair, job_seeker=checked_in_seeker(cast, fair), vacancy=hired.vacancy
    )
    services.fair_register(actor=cast.p3k, event=fair, job_seeker=make_seeker(cast))  # registered, absent
    board = selectors.fair_figures(fair)
    assert (board.registered, board.checked_in, board.walk_ins) == (3, 2, 2)
    assert (board.applications, board.applicants, board.interviewed, board.hired, board.verified) == (
        2, 2, 1, 1, 1,
    )  # fmt: skip
    first, second = board.rows
    assert (first.company, first.applicants, first.interviewed, first.hired) == (company.name, 2, 1, 1)
    assert (first.vacancies, first.places) == (1, 2)
    assert (second.company, second.applicants, second.hired) == (other.name, 0, 0)
    assert board.hire_rate == 50.0
