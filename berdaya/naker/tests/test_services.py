"""Writes of the manpower registry: AK/1 registration, reports, renewal, vacancies (R36), placements
(R38a)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.naker import figures, rules, selectors, services
from berdaya.naker.models import JobSeeker, Occupation, Placement, Skill, Vacancy
from berdaya.test import make_person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def register(cast, person=None, on=None, **data):
    person = person or make_person(actor=cast.p3k)
    base = {"education": "sma", "major": "Tata Boga", "skills_text": "masak, ms ofice"}
    return services.jobseeker_register(
        actor=cast.p3k,
        person=person,
        data=base | data,
        occupations=Occupation.objects.filter(kbji_code="5120"),
        registered_on=on,
    )


def test_registration_issues_a_card_number_and_a_two_year_period(cast):  # R37
    seeker = register(cast, on=dt.date(2022, 2, 1))
    assert seeker.card_number == "6371-2022-000001"
    assert seeker.valid_until == dt.date(2024, 1, 31)
    assert seeker.next_report_due == dt.date(2022, 8, 1)
    assert seeker.periods.count() == 1
    assert set(seeker.skills.values_list("name", flat=True)) == {"Memasak", "Microsoft Office"}
    assert AuditEntry.objects.filter(object_type="naker.jobseeker", object_id=str(seeker.pk)).exists()
    assert register(cast, on=dt.date(2022, 3, 1)).card_number == "6371-2022-000002"


def test_one_card_per_person(cast):  # R37, R7
    seeker = register(cast)
    with pytest.raises(ValidationError):
        register(cast, person=seeker.person)


def test_a_card_needs_a_domicile(cast):  # R37: NIK and domicile
    with pytest.raises(ValidationError):
        register(cast, person=make_person(actor=cast.p3k, kelurahan=None))


def test_a_report_moves_the_next_due_date(cast):  # R37
    seeker = register(cast, on=TODAY - dt.timedelta(days=170))
    services.card_report_record(actor=cast.p3k, job_seeker=seeker, reported_on=TODAY)
    seeker.refresh_from_db()
    assert seeker.next_report_due == rules.box_dues(seeker.valid_from)[1]


def test_a_report_cannot_be_in_the_future(cast):
    seeker = register(cast)
    with pytest.raises(ValidationError):
        services.card_report_record(
            actor=cast.p3k, job_seeker=seeker, reported_on=TODAY + dt.timedelta(days=1)
        )


def test_renewal_starts_a_new_period_and_keeps_the_old_one(cast):  # R37
    seeker = register(cast, on=TODAY - dt.timedelta(days=800))
    with pytest.raises(ValidationError):
        services.card_renew(actor=cast.p3k, job_seeker=register(cast))  # still active
    period = services.card_renew(actor=cast.p3k, job_seeker=seeker, on=TODAY)
    seeker.refresh_from_db()
    assert period.number == 2 and seeker.valid_from == TODAY
    assert seeker.periods.count() == 2
    assert JobSeeker.objects.filter(rules.status_q(rules.CardStatus.ACTIVE, TODAY), pk=seeker.pk).exists()


def test_the_database_status_filter_agrees_with_the_pure_rule(cast):  # R37
    active = register(cast, on=TODAY - dt.timedelta(days=10))
    missed = register(cast, on=TODAY - dt.timedelta(days=250))
    expired = register(cast, on=TODAY - dt.timedelta(days=800))
    for seeker, status in ((active, "aktif"), (missed, "tidak_aktif"), (expired, "kedaluwarsa")):
        found = set(JobSeeker.objects.filter(rules.status_q(status, TODAY)).values_list("pk", flat=True))
        assert seeker.pk in found, status
        state = rules.card_state(today=TODAY, valid_from=seeker.valid_from)
        assert state.status == status


def company():
    from berdaya.companies.models import Company
    from berdaya.companies.services import company_register

    found = Company.objects.filter(name="PT Banua").first()
    return found or company_register(actor=None, data={"name": "PT Banua"})


def vacancy_data(**kw):
    return {
        "company": company(),
        "title": "Juru masak",
        "occupation": Occupation.objects.get(kbji_code="5120"),
        "education": "sma",
        "contract": "pkwt",
        "closing_date": TODAY + dt.timedelta(days=30),
    } | kw


def test_whoever_posts_a_vacancy_cannot_verify_it(cast):  # R36
    vacancy = services.vacancy_post(actor=cast.p3k, data=vacancy_data())
    assert vacancy.state == Vacancy.State.DRAFT
    with pytest.raises(ValidationError):
        services.vacancy_verify(actor=cast.p3k, vacancy=vacancy)
    services.vacancy_verify(actor=cast.admin, vacancy=vacancy)
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.VERIFIED and vacancy.verified_by == cast.admin


def test_changing_a_verified_vacancy_sends_it_back_for_verification(cast):  # R36
    vacancy = services.vacancy_post(actor=cast.p3k, data=vacancy_data())
    services.vacancy_verify(actor=cast.admin, vacancy=vacancy)
    services.vacancy_update(
        actor=cast.admin, vacancy=vacancy, data={"count": 4}, must_skills=[], nice_skills=Skill.objects.none()
    )
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.DRAFT


def test_an_expired_vacancy_cannot_be_verified(cast):
    data = vacancy_data(closing_date=TODAY - dt.timedelta(days=1))
    vacancy = services.vacancy_post(actor=cast.p3k, data=data)
    with pytest.raises(ValidationError):
        services.vacancy_verify(actor=cast.admin, vacancy=vacancy)


def placement_data(**kw):
    return {"company": company(), "position": "Juru masak", "channel": "antar_kerja",
            "destination": "akl", "start_date": dt.date(2022, 5, 2)} | kw  # fmt: skip


def test_a_placement_counts_once_verified_in_its_start_year_and_closes_the_card(cast):  # R38a, R37
    seeker = register(cast, on=dt.date(2022, 2, 1))
    placement = services.placement_record(actor=cast.p3k, job_seeker=seeker, data=placement_data())
    assert placement.calls.count() == 2  # 30 and 60 days
    span = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert figures.placed_seekers(*span).count() == 0
    services.placement_verify(actor=cast.p3k, placement=placement, method="telepon")
    assert figures.placed_seekers(*span).count() == 1
    assert figures.placed_seekers(dt.date(2023, 1, 1), dt.date(2023, 12, 31)).count() == 0
    seeker.refresh_from_db()
    assert seeker.closed_on == dt.date(2022, 5, 2)
    state = rules.card_state(today=TODAY, valid_from=seeker.valid_from, closed_on=seeker.closed_on)
    assert state.status == "ditutup"


def test_abroad_and_domestic_are_counted_apart(cast):  # R38a
    for destination in ("akl", "akan"):
        seeker = register(cast, on=dt.date(2022, 2, 1))
        placement = services.placement_record(
            actor=cast.p3k, job_seeker=seeker, data=placement_data(destination=destination)
        )
        services.placement_verify(actor=cast.p3k, placement=placement, method="dokumen")
    span = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert figures.placed_seekers(*span, "domestic").count() == 1
    assert figures.placed_seekers(*span, "abroad").count() == 1


def test_a_bkk_never_places_abroad(cast):  # R39, R39a: the one rule of lembaga.rules, in its one wording
    from berdaya.lembaga import rules as lembaga_rules

    with pytest.raises(ValidationError) as refused:
        services.placement_record(
            actor=cast.p3k, job_seeker=register(cast), data=placement_data(channel="bkk", destination="akan")
        )
    assert refused.value.messages == [lembaga_rules.ABROAD_REFUSAL]
    home = services.placement_record(
        actor=cast.p3k, job_seeker=register(cast), data=placement_data(channel="bkk", destination="akl")
    )
    assert home.channel == "bkk" and home.destination == "akl"


def test_a_bkk_s_yearly_report_is_checked_against_the_placements_recorded_through_it(cast):  # R39a
    from berdaya.lembaga import services as lembaga
    from berdaya.lembaga.tests.test_services import BKK, REPORT

    bkk = lembaga.bkk_register(actor=cast.p3k, data=BKK)
    through = {"channel": "bkk", "bkk": bkk}
    placements = [
        services.placement_record(
            actor=cast.p3k, job_seeker=register(cast), data=placement_data(start_date=on, **through)
        )
        for on in (dt.date(2022, 3, 1), dt.date(2022, 8, 1), dt.date(2023, 1, 9))
    ]
    services.placement_verify(actor=cast.p3k, placement=placements[0], method="dokumen")
    report = lembaga.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT)  # 2022: 96 placed
    check = selectors.bkk_report_check(report)
    assert (check.reported, check.recorded, check.verified) == (96, 2, 1)
    with pytest.raises(ValidationError):  # a BKK is named only for the BKK channel
        services.placement_record(actor=cast.p3k, job_seeker=register(cast), data=placement_data(bkk=bkk))


def test_a_placement_for_a_person_without_a_card_registers_it_on_the_given_day(cast):  # R37, R38a
    person = make_person(actor=cast.p3k, name="Siti Aminah", education="sma")
    placement, created, card_registered = services.placement_for_person(
        actor=cast.p3k, person=person, data=placement_data(channel="blk"), registered_on=dt.date(2022, 6, 1)
    )
    seeker = JobSeeker.objects.get(person=person)
    assert (created, card_registered, placement.job_seeker) == (True, True, seeker)
    assert seeker.registered_on == dt.date(2022, 6, 1) and seeker.periods.count() == 1
    again = services.placement_for_person(
        actor=cast.p3k, person=person, data=placement_data(channel="blk"), registered_on=dt.date(2022, 9, 1)
    )
    assert again == (placement, False, False)
    assert Placement.objects.filter(job_seeker=seeker).count() == 1


def test_a_placement_for_a_card_holder_uses_the_card(cast):  # R37
    seeker = register(cast, on=dt.date(2022, 2, 1))
    placement, created, card_registered = services.placement_for_person(
        actor=cast.p3k, person=seeker.person, data=placement_data(), registered_on=dt.date(2022, 6, 1)
    )
    assert (placement.job_seeker, created, card_registered) == (seeker, True, False)
    assert JobSeeker.objects.count() == 1


def test_a_follow_up_call_finding_the_person_working_verifies_by_call(cast):
    seeker = register(cast, on=dt.date(2022, 2, 1))
    placement = services.placement_record(actor=cast.p3k, job_seeker=seeker, data=placement_data())
    services.followup_record(actor=cast.p3k, call=placement.calls.first(), outcome="bekerja")
    placement.refresh_from_db()
    assert placement.state == Placement.State.VERIFIED and placement.method == "telepon"


def test_the_history_table_is_read_as_printed(cast):
    text = "Tahun\tTerdaftar\n2018\t6.156\t1.300\t21,11\n2019\t3.606\t1.331\t36,91"
    rows = services.parse_history(text)
    assert [(r.year, r.registered, r.placed) for r in rows] == [(2018, 6156, 1300), (2019, 3606, 1331)]
    services.history_import(actor=cast.p3k, rows=rows, source="LAKIP")
    assert figures.year_row(2018).ratio == figures.ratio(1300, 6156)
    assert str(figures.ratio(725, 2202)) == "32.92"  # R38, seed 003


def test_companies_that_placed_in_an_occupation_group_are_likely_to_hire(cast):
    from berdaya.naker import selectors

    seeker = register(cast, on=TODAY - dt.timedelta(days=60))
    cook = Occupation.objects.get(kbji_code="5120")
    start = TODAY - dt.timedelta(days=30)
    placement = services.placement_record(
        actor=cast.p3k, job_seeker=seeker, data=placement_data(occupation=cook, start_date=start)
    )
    services.placement_verify(actor=cast.p3k, placement=placement, method="perusahaan")
    rows = selectors.likely_employers(Placement.objects.all(), Vacancy.objects.all(), "5", TODAY)
    assert [(r.name, r.placements) for r in rows] == [("PT Banua", 1)]
    assert selectors.likely_employers(Placement.objects.all(), Vacancy.objects.all(), "7", TODAY) == []
