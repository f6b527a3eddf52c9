"""The division's figures from records (R38, R38a), and before the registry from the imported history.

``registered(period)``: AK/1 card periods started in the period (a first registration or a renewal: the
yellow card issued that year). ``placed(period)``: job seekers with a placement verified and starting in
the period (R38a: counted once verified, in the year of the verified start date). For a year the registry
holds no records of, both come from ``YearFigure`` (seed 003 Table 1.4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet

from .models import CardPeriod, JobSeeker, Placement, YearFigure


def _span(start: dt.date, end: dt.date) -> dict:
    return {"valid_from__gte": start, "valid_from__lte": end}


def registered_periods(start: dt.date, end: dt.date) -> QuerySet:
    return CardPeriod.objects.filter(**_span(start, end))


def registered_seekers(start: dt.date, end: dt.date) -> QuerySet:
    return JobSeeker.objects.filter(pk__in=registered_periods(start, end).values("job_seeker"))


def verified_placements(start: dt.date, end: dt.date, destination: str | None = None) -> QuerySet:
    placements = Placement.objects.filter(
        state=Placement.State.VERIFIED, start_date__gte=start, start_date__lte=end
    )
    if destination == "domestic":
        return placements.exclude(destination=Placement.Destination.AKAN)
    if destination == "abroad":
        return placements.filter(destination=Placement.Destination.AKAN)
    return placements


def placed_seekers(start: dt.date, end: dt.date, destination: str | None = None) -> QuerySet:
    return JobSeeker.objects.filter(pk__in=verified_placements(start, end, destination).values("job_seeker"))


def history_of(year: int) -> YearFigure | None:
    return YearFigure.objects.filter(year=year).first()


def year_has_records(year: int) -> bool:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return registered_periods(start, end).exists() or verified_placements(start, end).exists()


def ratio(placed: int, registered: int) -> Decimal | None:
    """R38: placed / registered × 100, two decimals as seed 003 prints it."""
    if not registered:
        return None
    return (Decimal(placed) * 100 / Decimal(registered)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class YearRow:
    year: int
    registered: int
    placed: int
    domestic: int
    abroad: int
    source: str  # "registry" or "history"

    @property
    def ratio(self) -> Decimal | None:
        return ratio(self.placed, self.registered)


def year_row(year: int) -> YearRow:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    history = history_of(year)
    if history is not None and not year_has_records(year):
        return YearRow(year, history.registered, history.placed, history.placed, 0, "history")
    return YearRow(
        year,
        registered_seekers(start, end).count(),
        placed_seekers(start, end).count(),
        placed_seekers(start, end, "domestic").count(),
        placed_seekers(start, end, "abroad").count(),
        "registry",
    )


def years() -> list[int]:
    found = set(YearFigure.objects.values_list("year", flat=True))
    found |= {d.year for d in CardPeriod.objects.dates("valid_from", "year")}
    found |= {d.year for d in Placement.objects.dates("start_date", "year")}
    return sorted(found)


def placements_by(year: int, field: str) -> list[tuple[str, int]]:
    """Verified placements of the year by a field (destination, channel, sex, education, occupation)."""
    lookups = {
        "destination": "destination",
        "channel": "channel",
        "sex": "job_seeker__person__sex",
        "education": "job_seeker__education",
        "occupation": "occupation__name",
    }
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = (
        verified_placements(start, end)
        .values(lookups[field])
        .annotate(n=Count("job_seeker", distinct=True))
        .order_by("-n")
    )
    return [(row[lookups[field]] or "—", row["n"]) for row in rows]


# --- Activity on the one event model (training.Event: BLK cohorts, apprenticeships, job fairs) ----------


def _events(kind: str, start: dt.date, end: dt.date, *, by: str = "ends_on"):
    from berdaya.training.models import Event

    return Event.objects.filter(kind=kind, **{f"{by}__gte": start, f"{by}__lte": end})


def took_part(kind: str, start: dt.date, end: dt.date, *, completed_only: bool = False, by: str = "ends_on"):
    """People who took part in (or, ``completed_only``, completed) events of a kind in the period."""
    from berdaya.people.models import Person
    from berdaya.training.models import TOOK_PART, Participant, Status

    statuses = [Status.COMPLETED] if completed_only else list(TOOK_PART)
    participants = Participant.objects.filter(event__in=_events(kind, start, end, by=by), status__in=statuses)
    return Person.objects.filter(pk__in=participants.values("person"))


def career_guidance_students(start: dt.date, end: dt.date):
    """Students reached by career guidance (penyuluhan dan bimbingan jabatan): manpower socialisation events
    for school students."""
    from berdaya.people.models import Person
    from berdaya.training.models import TOOK_PART, Participant

    participants = Participant.objects.filter(
        event__kind="sosialisasi",
        event__division="tenaga_kerja",
        event__target_group="pelajar",
        event__ends_on__gte=start,
        event__ends_on__lte=end,
        status__in=list(TOOK_PART),
    )
    return Person.objects.filter(pk__in=participants.values("person"))


def jobfair_hires(start: dt.date, end: dt.date):
    """Job seekers hired through a job fair: verified placements from that channel starting in the period."""
    placements = verified_placements(start, end).filter(channel=Placement.Channel.JOB_FAIR)
    return JobSeeker.objects.filter(pk__in=placements.values("job_seeker"))
