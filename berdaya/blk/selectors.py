"""Reads of one cohort's or apprenticeship's rows, for pages that already hold the record through
get_for_user() (the record's scope covers its rows)."""

from __future__ import annotations

from berdaya.training.models import Certificate, CheckIn, Event, Session

from .models import ApprenticeOutcome, UnitResult


def results_of_event(event: Event) -> dict[tuple[int, int], str]:
    """(participant id, unit id) -> result, for every test result of the event."""
    rows = UnitResult.objects.filter(participant__event=event).values_list(
        "participant_id", "unit_id", "result"
    )
    return {(participant, unit): result for participant, unit, result in rows}


def certified_ids(event: Event) -> set[int]:
    rows = Certificate.objects.filter(participant__event=event, revoked_at__isnull=True)
    return set(rows.values_list("participant_id", flat=True))


def present_ids(session: Session) -> set[int]:
    return set(
        CheckIn.objects.filter(session=session, accepted=True).values_list("participant_id", flat=True)
    )


def outcomes_of(event: Event) -> dict[int, ApprenticeOutcome]:
    rows = ApprenticeOutcome.objects.filter(participant__event=event).select_related("company")
    return {outcome.participant_id: outcome for outcome in rows}
