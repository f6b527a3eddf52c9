"""Reads of the events module: invitation candidates (R49), coverage by kelurahan,
attendance, overdue follow-ups per officer (R51)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from berdaya.benefits.models import Benefit
from berdaya.koperasi.models import BoardMember, Cooperative
from berdaya.koperasi.models import Status as CoopStatus
from berdaya.people.models import Person
from berdaya.programs import criteria as lib
from berdaya.regions.models import Region
from berdaya.umkm.models import Enterprise

from . import fair
from .models import Certificate, Event, FollowUp, FollowUpState, Kind, Participant, Target

# Kinds whose invitations rotate: who went to the last one goes last (R49).
ROTATING_KINDS = (Kind.PAMERAN, Kind.TEMU_USAHA, Kind.JOB_FAIR)
PERSON_LINK = {Target.ENTERPRISE: "owner_id", Target.PERSON: "pk", Target.COOPERATIVE: None}


def _rules(event: Event) -> list[tuple[str, dict]]:
    return [(item[0], dict(item[1] or {})) for item in (event.criteria or [])]


def registry_of(event: Event) -> QuerySet:
    """The records of the target registry meeting the event's criteria (programs' criteria library)."""
    if event.target == Target.COOPERATIVE:
        base, on = Cooperative.objects.exclude(status=CoopStatus.DIBUBARKAN), lib.COOPERATIVE
    elif event.target == Target.PERSON:
        base, on = Person.objects.all(), lib.PERSON
    else:
        base, on = Enterprise.objects.filter(status="aktif"), lib.ENTERPRISE
    rules = _rules(event)
    return base.filter(lib.eligible_q(rules, on)) if rules else base


def _benefits_of(event: Event) -> list[tuple[str, str]]:
    """(benefit column, outer reference) pairs naming the candidate: one indexed lookup each (an OR across
    two columns in one subquery makes PostgreSQL scan the history once per candidate)."""
    if event.target == Target.COOPERATIVE:
        return [("cooperative_id", "pk")]
    if event.target == Target.PERSON:
        return [("person_id", "pk")]
    return [("person_id", "owner_id"), ("enterprise_id", "pk")]


def _history(event: Event) -> list[tuple[str, set, dict]]:
    """Per benefit column naming a candidate: who was ever served, and when each last attended this kind.
    Read once from the history (a few rows per person) instead of a subquery per registry row."""
    found = []
    for column, ref in _benefits_of(event):
        rows = Benefit.objects.exclude(**{f"{column}__isnull": True})
        served = set(rows.values_list(column, flat=True).distinct().order_by())
        last = dict(
            rows.filter(kind=event.kind)
            .values(column)
            .annotate(last=Max("received_on"))
            .values_list(column, "last")
            .order_by()
        )
        found.append((ref, served, last))
    return found


def population(event: Event, registry: QuerySet | None = None) -> dict[str, int]:
    """Registered target population per kelurahan code (the proportional base of R49)."""
    registry = registry_of(event) if registry is None else registry
    rows = registry.exclude(kelurahan=None).values("kelurahan__code").annotate(n=Count("pk")).order_by()
    return {row["kelurahan__code"]: row["n"] for row in rows}


def candidates(event: Event, registry: QuerySet | None = None) -> list[fair.Candidate]:
    """Everyone eligible and not yet holding a place, with what the fair rule needs."""
    registry = registry_of(event) if registry is None else registry
    taken = Participant.objects.filter(event=event).exclude(status="cancelled")
    if event.target == Target.ENTERPRISE:
        registry = registry.exclude(owner_id__in=taken.values("person_id"))
    elif event.target == Target.PERSON:
        registry = registry.exclude(pk__in=taken.values("person_id"))
    else:
        registry = registry.exclude(pk__in=taken.exclude(cooperative=None).values("cooperative_id"))
    history = _history(event)
    refs = sorted({ref for ref, _s, _l in history})
    rows = registry.values_list("pk", "kelurahan__code", "name", *[r for r in refs if r != "pk"]).order_by()
    found = []
    for row in rows.iterator(chunk_size=5000):
        values = {"pk": row[0]} | dict(zip([r for r in refs if r != "pk"], row[3:], strict=True))
        served = any(values[ref] in ids for ref, ids, _last in history)
        dates = [last[values[ref]] for ref, _ids, last in history if values[ref] in last]
        found.append(
            fair.Candidate(
                id=row[0],
                kelurahan=row[1],
                served=served,
                last_same_kind=max(dates) if dates else None,
                label=row[2],
            )
        )
    return found


def proposal(event: Event, places: int, seed: str) -> list[fair.Choice]:
    registry = registry_of(event)
    pop = population(event, registry)
    names = dict(Region.objects.filter(code__in=list(pop)).values_list("code", "name"))
    quotas = {q.kecamatan.code: q.places for q in event.quotas.select_related("kecamatan")}
    return fair.propose(
        candidates(event, registry),
        places,
        population=pop,
        seed=seed,
        rotation=event.kind in ROTATING_KINDS,
        kecamatan_quota=quotas,
        names=names,
    )


def coop_contact(cooperative_id: int) -> int | None:
    """The person invited for a cooperative: its chair, else any board member."""
    board = BoardMember.objects.filter(cooperative_id=cooperative_id).order_by("role", "-term_start")
    chair = board.filter(role="ketua").values_list("person_id", flat=True).first()
    return chair or board.values_list("person_id", flat=True).first()


def certificate_by_code(code: str):
    """The certificate a public verification page shows (its code is the only key, R50)."""
    return (
        Certificate.objects.select_related("participant__event", "person")
        .filter(code=(code or "").strip().upper()[:16])
        .first()
    )


# --- Coverage --------------------------------------------------------------------------------------------


def coverage(year: int, *, target: str = Target.ENTERPRISE, kind: str | None = None) -> list[dict]:
    """Per kelurahan of the city: registered (target registry) vs served by an event in ``year``."""
    if target == Target.COOPERATIVE:
        registry = Cooperative.objects.exclude(status=CoopStatus.DIBUBARKAN)
    elif target == Target.PERSON:
        registry = Person.objects.all()
    else:
        registry = Enterprise.objects.filter(status="aktif")
    registered = {
        row["kelurahan__code"]: row["n"]
        for row in registry.exclude(kelurahan=None)
        .values("kelurahan__code")
        .annotate(n=Count("pk"))
        .order_by()
    }
    took_part = Participant.objects.filter(event__starts_on__year=year, status__in=["attended", "completed"])
    if kind:
        took_part = took_part.filter(event__kind=kind)
    served = {
        row["kelurahan__code"]: row["n"]
        for row in took_part.exclude(kelurahan=None)
        .values("kelurahan__code")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    }
    kelurahan = Region.objects.filter(level=4, code__startswith=city_prefix()).values_list("code", "name")
    names = dict(kelurahan)
    for code in names:
        registered.setdefault(code, 0)
    rows = fair.coverage(served, {k: v for k, v in registered.items() if k in names})
    kecamatan = dict(
        Region.objects.filter(level=3, code__startswith=city_prefix()).values_list("code", "name")
    )
    for row in rows:
        row["name"] = names.get(row["kelurahan"], row["kelurahan"])
        row["kecamatan"] = kecamatan.get(row["kelurahan"].rsplit(".", 1)[0], "")
    return rows


def city_prefix() -> str:
    from django.conf import settings

    return settings.BERDAYA_JURISDICTION


# --- Attendance and follow-ups --------------------------------------------------------------------------


def overdue_follow_ups(*, on: dt.date | None = None, officer=None) -> QuerySet:
    on = on or timezone.localdate()
    rows = FollowUp.objects.filter(
        Q(state=FollowUpState.OVERDUE) | Q(state=FollowUpState.SCHEDULED, due_on__lt=on)
    ).select_related("participant__person", "participant__event", "officer")
    return rows.filter(officer=officer) if officer is not None else rows


def overdue_by_officer(*, on: dt.date | None = None) -> list[dict]:
    return list(
        overdue_follow_ups(on=on)
        .values("officer_id", "officer__username", "officer__first_name")
        .annotate(count=Count("id"))
        .order_by("-count")
    )
