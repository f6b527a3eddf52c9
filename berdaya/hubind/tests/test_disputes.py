"""Disputes (R43, R43a): refused without minutes, routes, hearings, recommendation, answers, deadlines in
working days that pause during clarification and follow the calendar."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.accounts.access import scoped
from berdaya.hubind import services
from berdaya.hubind.models import (
    AnswerChoice,
    CaseDeadline,
    Dispute,
    DisputeStatus,
    DisputeType,
    HearingKind,
    Outcome,
    Party,
    Route,
)
from berdaya.workdays.models import DeadlineStatus, Holiday
from berdaya.workdays.services import holiday_move

from .conftest import minutes_file

pytestmark = pytest.mark.django_db
D = dt.date


def register(cast, company, **extra):
    data = {
        "company": company,
        "dispute_type": DisputeType.RIGHTS,
        "worker_party": "Ahmad Rahman",
        "bipartite_minutes": minutes_file(),
        "registered_on": D(2024, 4, 1),
    } | extra
    return services.dispute_register(actor=cast.phijs, data=data)


def deadline(dispute, kind):
    return CaseDeadline.objects.get(dispute=dispute, kind=kind)


def test_a_dispute_without_bipartite_minutes_is_refused(cast, company):  # R43
    with pytest.raises(ValidationError) as error:
        register(cast, company, bipartite_minutes=None)
    assert "bipartit" in str(error.value)
    assert not Dispute.objects.exists()


def test_registering_starts_the_route_choice_clock_across_idul_fitri(cast, company):  # R43, R43b
    dispute = register(cast, company)  # Monday 1 April 2024
    route = deadline(dispute, "route_choice")
    # 2,3,4,5 Apr working; 8-15 Apr Idul Fitri and cuti bersama; 16,17,18 -> 7th working day 18 April.
    assert route.due_on == D(2024, 4, 18)
    assert route.legal_article.startswith("UU 2/2004 Pasal 4")
    assert dispute.number == "PHI/2024/0001"


def test_arbitration_only_for_interest_and_inter_union_disputes(cast, company, mediator):  # R43
    dispute = register(cast, company)
    with pytest.raises(ValidationError):
        services.dispute_route(actor=cast.phijs, dispute=dispute, route=Route.ARBITRATION, on=D(2024, 4, 2))
    interest = register(cast, company, dispute_type=DisputeType.INTEREST)
    services.dispute_route(actor=cast.phijs, dispute=interest, route=Route.ARBITRATION, on=D(2024, 4, 2))
    assert deadline(interest, "arbitration_total").days == 30


def test_clarification_pauses_the_mediation_clock_and_the_hearing_resumes_it(cast, company, mediator):
    # Permenakertrans 17/2014 art. 15(2)
    dispute = register(cast, company, registered_on=D(2024, 7, 1))
    services.dispute_route(
        actor=cast.phijs, dispute=dispute, route=Route.MEDIATION, mediator=mediator, on=D(2024, 7, 1)
    )
    total = deadline(dispute, "mediation_total")
    assert total.due_on == D(2024, 8, 12)  # 30 working days from Monday 1 July
    services.dispute_clarification_start(actor=mediator, dispute=dispute, on=D(2024, 7, 3))
    total.refresh_from_db()
    assert total.status == DeadlineStatus.PAUSED and total.used_before_pause == 2
    services.hearing_record(
        actor=mediator,
        dispute=dispute,
        data={"kind": HearingKind.MEDIATION, "held_on": D(2024, 7, 15), "minutes": "Sidang pertama"},
    )
    total.refresh_from_db()
    assert total.status == DeadlineStatus.OPEN
    assert total.due_on == D(2024, 8, 22)  # 28 working days after 15 July (17 Aug is a Saturday)
    assert deadline(dispute, "first_hearing").status == DeadlineStatus.MET
    assert deadline(dispute, "recommendation").due_on == D(2024, 7, 29)


def mediate(cast, company, mediator):
    start = D(2024, 7, 1)
    dispute = register(cast, company, registered_on=start)
    services.dispute_route(
        actor=cast.phijs, dispute=dispute, route=Route.MEDIATION, mediator=mediator, on=start
    )
    services.hearing_record(
        actor=mediator,
        dispute=dispute,
        data={"kind": HearingKind.MEDIATION, "held_on": start, "minutes": "x"},
    )
    services.dispute_recommend(actor=mediator, dispute=dispute, text="Pengusaha membayar upah.", on=start)
    return Dispute.objects.get(pk=dispute.pk)


def test_both_parties_accepting_the_recommendation_settles_the_case(cast, company, mediator):
    dispute = mediate(cast, company, mediator)
    assert dispute.recommendation_number == "ANJ/2024/0001"
    services.answer_record(
        actor=mediator, dispute=dispute, party=Party.EMPLOYER, answer=AnswerChoice.ACCEPT, on=D(2024, 7, 5)
    )
    services.answer_record(
        actor=mediator, dispute=dispute, party=Party.WORKER, answer=AnswerChoice.ACCEPT, on=D(2024, 7, 8)
    )
    dispute.refresh_from_db()
    assert dispute.outcome == Outcome.ACCEPTED and dispute.status == DisputeStatus.CLOSED


def test_silence_after_ten_working_days_is_rejection(cast, company, mediator):  # R43a
    dispute = mediate(cast, company, mediator)
    services.answer_record(
        actor=mediator, dispute=dispute, party=Party.EMPLOYER, answer=AnswerChoice.ACCEPT, on=D(2024, 7, 2)
    )
    with pytest.raises(ValidationError):
        services.answers_close_silent(actor=mediator, dispute=dispute, today=D(2024, 7, 15))  # due 15 July
    dispute = services.answers_close_silent(actor=mediator, dispute=dispute, today=D(2024, 7, 16))
    assert dispute.outcome == Outcome.REJECTED
    assert dispute.answers.get(party=Party.WORKER).answer == AnswerChoice.SILENT


def test_a_moved_collective_leave_day_recomputes_open_deadlines_and_says_so(cast, company):  # R43b
    dispute = register(cast, company, registered_on=D(2024, 12, 20))  # Friday
    route = deadline(dispute, "route_choice")
    assert route.due_on == D(2025, 1, 3)  # 23, 24, 27, 30, 31 Dec, 2, 3 Jan: 25 Natal, 26 leave, 1 Jan
    old_version = route.calendar_version
    holiday_move(
        actor=cast.phijs,
        holiday=Holiday.objects.get(date=D(2024, 12, 26)),
        to=D(2024, 12, 24),
        basis="SKB uji",
    )
    route.refresh_from_db()
    assert route.due_on == D(2025, 1, 3)  # the same count: one leave day moved within the span
    holiday_move(
        actor=cast.phijs,
        holiday=Holiday.objects.get(date=D(2024, 12, 24)),
        to=D(2025, 1, 3),
        basis="SKB uji 2",
    )
    route.refresh_from_db()
    assert route.due_on == D(2025, 1, 2)  # the leave day left the span
    assert route.calendar_version > old_version
    assert "SKB uji 2" in route.recompute_note and "2 Jan 2025" in route.recompute_note


def test_a_mediator_sees_only_their_own_cases_and_the_inspectorate_reads(
    cast, company, mediator, other_mediator
):
    mine = mediate(cast, company, mediator)
    theirs = mediate(cast, company, other_mediator)
    assert list(scoped(Dispute.objects.all(), mediator)) == [mine]
    assert list(scoped(Dispute.objects.all(), other_mediator)) == [theirs]
    assert scoped(Dispute.objects.all(), cast.inspektur).count() == 2
    assert not scoped(Dispute.objects.all(), cast.inspektur, for_edit=True).exists()
    assert scoped(Dispute.objects.all(), mediator, for_edit=True).get() == mine


def test_a_bipartite_settlement_is_recorded_closed(cast, company):
    dispute = services.bipartite_settlement_record(
        actor=cast.phijs,
        data={
            "company": company,
            "dispute_type": DisputeType.PHK,
            "worker_party": "Siti",
            "bipartite_minutes": minutes_file(),
            "closed_on": D(2022, 3, 1),
        },
    )
    assert dispute.outcome == Outcome.BIPARTITE and dispute.closed_on == D(2022, 3, 1)


def test_arbitration_is_extended_once_by_14_working_days(cast, company):  # R43: 30 (+14 once)
    dispute = register(cast, company, dispute_type=DisputeType.INTEREST)
    services.dispute_route(actor=cast.phijs, dispute=dispute, route=Route.ARBITRATION, on=D(2024, 6, 3))
    award = deadline(dispute, "arbitration_total")
    first_due = award.due_on
    extended = services.dispute_arbitration_extend(actor=cast.phijs, dispute=dispute, on=D(2024, 6, 10))
    assert extended.days == 44
    # 14 more working days after the first due date (no holidays between, weekends skipped)
    from berdaya.workdays.calendar import working_days_between

    assert working_days_between(first_due, extended.due_on).value == 14
    with pytest.raises(ValidationError) as error:
        services.dispute_arbitration_extend(actor=cast.phijs, dispute=dispute, on=D(2024, 6, 11))
    assert "hanya sekali" in str(error.value)


def test_only_a_running_arbitration_can_be_extended(cast, company, mediator):  # R43
    dispute = register(cast, company)
    services.dispute_route(
        actor=cast.phijs, dispute=dispute, route=Route.MEDIATION, mediator=mediator, on=D(2024, 6, 3)
    )
    with pytest.raises(ValidationError):
        services.dispute_arbitration_extend(actor=cast.phijs, dispute=dispute, on=D(2024, 6, 4))
