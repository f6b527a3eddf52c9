"""Yearly figures of the training centre, as functions of a period (the measures and the BLK page)."""

from __future__ import annotations

import datetime as dt

from .models import ApprenticeOutcome, Cohort, Outcome


def competent_graduates(start: dt.date, end: dt.date):
    """People holding an unrevoked certificate of a BLK cohort issued in the period (R40a, R50)."""
    from berdaya.people.models import Person
    from berdaya.training.models import Certificate

    certificates = Certificate.objects.filter(
        participant__event__in=Cohort.objects.values("event"),
        issued_on__gte=start,
        issued_on__lte=end,
        revoked_at__isnull=True,
    )
    return Person.objects.filter(pk__in=certificates.values("person"))


def apprentices_hired(start: dt.date, end: dt.date):
    from berdaya.people.models import Person

    outcomes = ApprenticeOutcome.objects.filter(
        outcome__in=[Outcome.HIRED_HOST, Outcome.HIRED_OTHER], noted_on__gte=start, noted_on__lte=end
    )
    return Person.objects.filter(pk__in=outcomes.values("participant__person"))
