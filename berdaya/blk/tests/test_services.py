import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import AuditEntry
from berdaya.blk import services
from berdaya.blk.models import ApprenticeOutcome, Outcome, Result
from berdaya.companies.services import company_register
from berdaya.naker import services as naker
from berdaya.naker.models import JobSeeker, Placement
from berdaya.people import services as people
from berdaya.test import make_person
from berdaya.training import services as training
from berdaya.training.models import Certificate, FollowUp, Kind, Status
from berdaya.umkm.models import Enterprise

from .conftest import enrol


def test_units_with_hours_set_the_programme_jp(programme):  # domain.md R40
    programme.refresh_from_db()
    assert programme.jp_hours == 140
    assert [u.code for u in programme.units.all()][0] == "P.854110.001.01"


def test_a_unit_code_is_unique_within_its_programme(blk_staff, programme):
    with pytest.raises(ValidationError):
        services.unit_add(
            actor=blk_staff, programme=programme, data={"code": "P.854110.001.01", "title": "x"}
        )


def test_a_cohort_is_a_blk_event_with_weekday_sessions_capacity_and_follow_ups_at_3_and_6(cohort):  # R51
    event = cohort.event
    assert event.kind == Kind.BLK and event.capacity == 16 and event.jp_hours == 140
    assert event.sessions.count() == 5  # Mon 9 - Fri 13 May 2022
    assert event.follow_ups() == (3, 6)
    assert AuditEntry.objects.for_object(cohort).exists()


def test_a_cohort_needs_a_capacity(blk_staff, programme):
    with pytest.raises(ValidationError):
        services.cohort_create(
            actor=blk_staff,
            programme=programme,
            data={"starts_on": dt.date(2022, 5, 9), "ends_on": dt.date(2022, 5, 13), "capacity": None},
        )


def test_a_sheet_tick_counts_once_however_often_it_is_tapped(blk_staff, cohort):
    (participant,) = enrol(cohort, blk_staff, 1, attend_days=0)
    session = cohort.event.sessions.first()
    first, new = services.attendance_mark(
        actor=blk_staff, cohort=cohort, session=session, participant=participant
    )
    again, new_again = services.attendance_mark(
        actor=blk_staff, cohort=cohort, session=session, participant=participant
    )
    assert new and not new_again and first.pk == again.pk
    assert training.attendance(cohort.event) == {participant.pk: 1}


def test_fair_selection_fills_the_free_places_through_training(blk_staff, cohort):  # domain.md R49
    for n in range(20):
        make_person(actor=blk_staff, name=f"Calon {n}")
    made = services.cohort_select(actor=blk_staff, cohort=cohort, seed="abc")
    assert len(made) == 16
    assert all(p.status == Status.INVITED and p.reason for p in made)
    cohort.event.refresh_from_db()
    assert cohort.event.invitation_seed == "abc"
    with pytest.raises(ValidationError, match="penuh"):
        services.cohort_select(actor=blk_staff, cohort=cohort)


def _test_all(actor, cohort, participants, *, failing=()):
    units = list(cohort.programme.units.all())
    results = {
        (p.pk, u.pk): (Result.BELUM if (p.pk, u.pk) in failing else Result.KOMPETEN)
        for p in participants
        for u in units
    }
    return services.cohort_results_record(
        actor=actor, cohort=cohort, results=results, assessed_on=dt.date(2022, 5, 13)
    )


def test_certificates_go_only_to_those_competent_in_every_unit(blk_staff, cohort):  # R40a, R50
    participants = enrol(cohort, blk_staff, 3)
    last_unit = cohort.programme.units.last()
    _test_all(blk_staff, cohort, participants, failing={(participants[1].pk, last_unit.pk)})
    training.event_complete(actor=blk_staff, event=cohort.event)
    result = services.cohort_certify(actor=blk_staff, cohort=cohort)
    assert result == {"issued": 2, "refused": 1}
    certified = set(Certificate.objects.values_list("participant_id", flat=True))
    assert certified == {participants[0].pk, participants[2].pk}


def test_training_refuses_a_certificate_to_a_participant_not_yet_competent(blk_staff, cohort):  # R40a
    (participant,) = enrol(cohort, blk_staff, 1)
    training.event_complete(actor=blk_staff, event=cohort.event)
    participant.refresh_from_db()
    assert participant.status == Status.COMPLETED
    with pytest.raises(ValidationError, match="R40a"):
        training.certificate_issue(actor=blk_staff, participant=participant)


def test_competent_but_absent_gets_no_certificate(blk_staff, cohort):  # domain.md R50: 80 % attendance
    (participant,) = enrol(cohort, blk_staff, 1, attend_days=3)  # 3 of 5 days = 60 %
    _test_all(blk_staff, cohort, [participant])
    training.event_complete(actor=blk_staff, event=cohort.event)
    assert services.cohort_certify(actor=blk_staff, cohort=cohort) == {"issued": 0, "refused": 0}
    assert not Certificate.objects.exists()


def test_four_of_five_days_is_enough(blk_staff, cohort):  # domain.md R50 boundary: exactly 80 %
    (participant,) = enrol(cohort, blk_staff, 1, attend_days=4)
    _test_all(blk_staff, cohort, [participant])
    training.event_complete(actor=blk_staff, event=cohort.event)
    assert services.cohort_certify(actor=blk_staff, cohort=cohort)["issued"] == 1


def test_a_retest_replaces_the_result_and_keeps_the_history(blk_staff, cohort):
    (participant,) = enrol(cohort, blk_staff, 1)
    unit = cohort.programme.units.first()
    services.result_record(actor=blk_staff, participant=participant, unit=unit, result=Result.BELUM)
    services.result_record(actor=blk_staff, participant=participant, unit=unit, result=Result.KOMPETEN)
    assert participant.blk_results.get().result == Result.KOMPETEN
    assert AuditEntry.objects.for_object(participant.blk_results.get()).count() == 2


def test_a_unit_of_another_programme_is_refused(blk_staff, cohort):
    other = services.programme_create(
        actor=blk_staff, data={"code": "JHT", "title": "Menjahit", "jp_hours": 260}
    )
    unit = services.unit_add(
        actor=blk_staff, programme=other, data={"code": "X1", "title": "Menjahit kemeja"}
    )
    (participant,) = enrol(cohort, blk_staff, 1)
    with pytest.raises(ValidationError):
        services.result_record(actor=blk_staff, participant=participant, unit=unit, result=Result.KOMPETEN)


def _graduate(blk_staff, cohort):
    (participant,) = enrol(cohort, blk_staff, 1)
    _test_all(blk_staff, cohort, [participant])
    training.event_complete(actor=blk_staff, event=cohort.event)
    return participant, FollowUp.objects.get(participant=participant, months=3)


def test_working_at_a_company_records_a_blk_placement_for_an_ak1_holder(blk_staff, cast, cohort):  # R51
    participant, follow_up = _graduate(blk_staff, cohort)
    naker.jobseeker_register(actor=cast.p3k, person=participant.person, data={"education": "smp"},
                             registered_on=dt.date(2022, 4, 1))  # fmt: skip
    company = company_register(actor=cast.p3k, data={"name": "PT Roti Banjar", "source": "test"})
    answer = services.graduate_follow_up_record(
        actor=blk_staff, follow_up=follow_up, outcome=services.GraduateOutcome.WORKING, company=company,
        position="Pembuat roti", start_date=dt.date(2022, 7, 1), done_on=dt.date(2022, 8, 13),
    )  # fmt: skip
    placement = answer["placement"]
    assert placement.channel == Placement.Channel.BLK and placement.company == company
    assert placement.state == Placement.State.PENDING  # naker's calls verify it (R38a)
    follow_up.refresh_from_db()
    assert follow_up.hired is True and follow_up.state == "done"


def test_working_without_an_ak1_card_registers_the_card_and_the_placement(blk_staff, cast, cohort):  # R37 R51
    participant, follow_up = _graduate(blk_staff, cohort)
    people.person_update(actor=cast.admin, person=participant.person, data={"education": "sma"})
    company = company_register(actor=cast.p3k, data={"name": "PT Roti Banjar", "source": "test"})
    answer = services.graduate_follow_up_record(
        actor=blk_staff, follow_up=follow_up, outcome=services.GraduateOutcome.WORKING, company=company,
        position="Pembuat roti", start_date=dt.date(2022, 7, 1), done_on=dt.date(2022, 8, 13),
    )  # fmt: skip
    card = JobSeeker.objects.get(person=participant.person)
    assert answer["card_registered"] is True and card.education == "sma"
    assert card.registered_on == dt.date(2022, 8, 13)  # the follow-up date, counted in that year (R38)
    assert card.card_number.startswith(f"{naker.CARD_PREFIX}-2022-")
    placement = answer["placement"]
    assert (placement.job_seeker, placement.company) == (card, company)
    assert placement.start_date == dt.date(2022, 7, 1)
    assert placement.channel == Placement.Channel.BLK
    assert placement.state == Placement.State.PENDING  # R38a: not counted until verified
    assert placement.calls.count() == 2  # the 30- and 60-day calls


def test_the_6_month_answer_repeating_the_3_month_one_records_nothing_twice(blk_staff, cast, cohort):  # R51
    participant, _follow_up = _graduate(blk_staff, cohort)
    people.person_update(actor=cast.admin, person=participant.person, data={"education": "smp"})
    company = company_register(actor=cast.p3k, data={"name": "PT Roti Banjar", "source": "test"})
    answer = {}
    for months, done_on in ((3, dt.date(2022, 8, 13)), (6, dt.date(2022, 11, 13))):
        answer = services.graduate_follow_up_record(
            actor=blk_staff, follow_up=FollowUp.objects.get(participant=participant, months=months),
            outcome=services.GraduateOutcome.WORKING, company=company, position="Pembuat roti",
            start_date=dt.date(2022, 7, 1), done_on=done_on,
        )  # fmt: skip
    assert answer == {"placement": None, "enterprise": None, "card_registered": False}
    assert JobSeeker.objects.filter(person=participant.person).count() == 1
    assert Placement.objects.count() == 1
    assert FollowUp.objects.get(participant=participant, months=6).hired is True


@pytest.mark.parametrize(
    ("missing", "said"), [({"kelurahan": None}, "kelurahan"), ({"education": ""}, "Pendidikan terakhir")]
)
def test_working_without_a_kelurahan_or_education_is_refused_in_indonesian(
    blk_staff, cast, cohort, missing, said
):  # R37: no card without domicile and education
    participant, follow_up = _graduate(blk_staff, cohort)
    people.person_update(actor=cast.admin, person=participant.person, data=missing)
    company = company_register(actor=cast.p3k, data={"name": "PT Roti Banjar", "source": "test"})
    with pytest.raises(ValidationError, match=said):
        services.graduate_follow_up_record(
            actor=blk_staff, follow_up=follow_up, outcome=services.GraduateOutcome.WORKING, company=company,
            position="Pembuat roti",
        )  # fmt: skip
    assert not JobSeeker.objects.exists() and not Placement.objects.exists()
    follow_up.refresh_from_db()
    assert follow_up.hired is None  # the whole follow-up is refused until the record is complete


def test_self_employed_registers_a_new_micro_enterprise(blk_staff, cohort):  # R51
    participant, follow_up = _graduate(blk_staff, cohort)
    answer = services.graduate_follow_up_record(
        actor=blk_staff, follow_up=follow_up, outcome=services.GraduateOutcome.SELF_EMPLOYED,
        business_name="Roti Ibu Peserta",
    )  # fmt: skip
    enterprise = Enterprise.objects.get(owner=participant.person)
    assert answer["enterprise"] == enterprise and enterprise.is_wub


def test_working_needs_the_company_and_position(blk_staff, cohort):
    _participant, follow_up = _graduate(blk_staff, cohort)
    with pytest.raises(ValidationError):
        services.graduate_follow_up_record(
            actor=blk_staff, follow_up=follow_up, outcome=services.GraduateOutcome.WORKING
        )


@pytest.fixture
def apprenticeship(blk_staff, cast):
    host = company_register(actor=cast.p3k, data={"name": "Hotel Palm Banjarmasin", "source": "test"})
    return services.apprenticeship_create(
        actor=blk_staff,
        data={"host": host, "mentor": "Bu Rina", "field": "Tata graha"},
        event_data={"title": "Pemagangan perhotelan", "starts_on": dt.date(2022, 8, 1),
                    "ends_on": dt.date(2022, 10, 31), "capacity": 10},
    )  # fmt: skip


def test_an_apprenticeship_is_a_magang_event_at_its_host(apprenticeship):
    assert apprenticeship.event.kind == Kind.MAGANG
    assert apprenticeship.event.partner == "Hotel Palm Banjarmasin"


def test_apprentice_outcome_names_the_other_company_only_when_other(blk_staff, cast, apprenticeship):
    person = make_person(actor=blk_staff)
    participant = training.participant_register(actor=blk_staff, event=apprenticeship.event, person=person)
    with pytest.raises(ValidationError):
        services.apprentice_outcome_record(
            actor=blk_staff, participant=participant, outcome=Outcome.HIRED_OTHER
        )
    other = company_register(actor=cast.p3k, data={"name": "Hotel Lain", "source": "test"})
    outcome = services.apprentice_outcome_record(
        actor=blk_staff, participant=participant, outcome=Outcome.HIRED_HOST, company=other
    )
    assert outcome.company is None  # the host needs no name
    outcome = services.apprentice_outcome_record(
        actor=blk_staff, participant=participant, outcome=Outcome.HIRED_OTHER, company=other
    )
    assert outcome.company == other
    assert ApprenticeOutcome.objects.get(participant=participant).outcome == Outcome.HIRED_OTHER
