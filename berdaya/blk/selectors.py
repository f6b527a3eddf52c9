"""Reads of one cohort's or apprenticeship's rows, for pages that already hold the record through
get_for_user() (the record's scope covers its rows)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from berdaya.training.models import Certificate, CheckIn, Event, Session, Status

from .models import ApprenticeOutcome, Outcome, UnitResult

_ENROLLED = Count("event__participants", filter=~Q(event__participants__status=Status.CANCELLED))


def cohorts_listed(queryset: QuerySet, *, q: str = "", programme=None, year: int | None = None) -> QuerySet:
    """The cohort list (an already scoped queryset), filtered, with its participant count, newest first."""
    if q:
        queryset = queryset.filter(event__title__icontains=q)
    if programme:
        queryset = queryset.filter(programme=programme)
    if year:
        queryset = queryset.filter(event__starts_on__year=year)
    return queryset.annotate(n_participants=_ENROLLED).order_by("-event__starts_on", "-id")


def apprenticeships_listed(queryset: QuerySet, *, q: str = "") -> QuerySet:
    """The apprenticeship list (an already scoped queryset) by title, host or mentor, with participants and
    those now working (at the host or elsewhere), newest first."""
    if q:
        queryset = queryset.filter(
            Q(event__title__icontains=q) | Q(host__name__icontains=q) | Q(mentor__icontains=q)
        )
    hired = Q(event__participants__apprentice_outcome__outcome__in=[Outcome.HIRED_HOST, Outcome.HIRED_OTHER])
    return queryset.annotate(
        n_participants=_ENROLLED, n_hired=Count("event__participants", filter=hired)
    ).order_by("-event__starts_on", "-id")


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
