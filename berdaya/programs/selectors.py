"""Reads of the programs module shared by views, figures and other apps.

Public for other apps: ``benefit_history(enterprise=None, person=None, cooperative=None)``,
``served_enterprise_ids()``,
``eligible(program)``.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from berdaya.benefits.selectors import served_ids, served_q
from berdaya.koperasi.models import Cooperative
from berdaya.koperasi.models import Status as CoopStatus
from berdaya.people.models import Person
from berdaya.umkm.models import Enterprise

from . import criteria as lib
from .models import (
    Application,
    Program,
    State,
    Target,
    Visit,
    VisitPurpose,
    Voucher,
    VoucherStatus,
)
from .vouchers import MAX_FAILED_CHECKS


def rules_of(program: Program) -> list[tuple[str, dict]]:
    return [(c.key, c.params) for c in program.current_criteria()]


def registry_of(program: Program) -> tuple[QuerySet, str]:
    if program.target == Target.PERSON:
        return Person.objects.all(), lib.PERSON
    if program.target == Target.COOPERATIVE:
        return Cooperative.objects.exclude(status=CoopStatus.DIBUBARKAN), lib.COOPERATIVE
    return Enterprise.objects.filter(status="aktif"), lib.ENTERPRISE


def eligible(
    program: Program, *, include_unknown: bool = False, queryset: QuerySet | None = None
) -> QuerySet:
    """Registry records (enterprises or people) meeting every criterion of the program, in one query."""
    base, on = registry_of(program)
    queryset = base if queryset is None else queryset
    return queryset.filter(lib.eligible_q(rules_of(program), on, include_unknown=include_unknown))


def outreach(program: Program, *, year: int | None = None, queryset: QuerySet | None = None) -> QuerySet:
    """Eligible (or not yet decidable) records that have not applied to the program this year."""
    year = year or timezone.localdate().year
    base, on = registry_of(program)
    applied = Application.objects.filter(program=program, year=year).exclude(state=State.WITHDRAWN)
    link = {lib.ENTERPRISE: "enterprise_id", lib.COOPERATIVE: "cooperative_id"}.get(on, "person_id")
    applied = applied.filter(**{link: OuterRef("pk")})
    return eligible(program, include_unknown=True, queryset=queryset).filter(~Exists(applied))


def served_person_q(person_ref: str = "person_id", *, exclude_ref: str | None = None) -> Exists:
    """The outer row's person was served before: any program or event in the benefit history (R35)."""
    return served_q(person_ref=person_ref, exclude_ref=exclude_ref, exclude_model=Application)


def served_cooperative_q(*, exclude_ref: str | None = None) -> Exists:
    """The cooperative of the outer application received aid before (R35 "never served" for cooperatives)."""
    return served_q(cooperative_ref="cooperative_id", exclude_ref=exclude_ref, exclude_model=Application)


def ranking(program: Program, year: int) -> QuerySet:
    """Verified and waitlisted applications in decision order (R35): never served by the office first, then
    the program's need score, then the earliest submitted. ``served_before`` says why."""
    return (
        Application.objects.filter(program=program, year=year, state__in=[State.VERIFIED, State.WAITLISTED])
        .annotate(
            served_before=served_cooperative_q(exclude_ref="pk")
            if program.target == Target.COOPERATIVE
            else served_person_q(exclude_ref="pk")
        )
        .order_by("served_before", "-need_score", "submitted_at", "pk")
    )


def served_enterprise_ids() -> QuerySet:
    """Ids of enterprises that received any aid or took part in any event (the benefit history)."""
    return served_ids("enterprise_id")


def benefit_history(enterprise=None, person=None, cooperative=None) -> QuerySet:
    """Every application of a business (and its owner's other applications), a person or a cooperative,
    newest first."""
    if enterprise is None and person is None and cooperative is None:
        return Application.objects.none()
    q = Q(cooperative=cooperative) if cooperative is not None else Q()
    if enterprise is not None:
        q |= Q(enterprise=enterprise) | Q(person_id=enterprise.owner_id)
    if person is not None:
        q |= Q(person=person)
    return (
        Application.objects.filter(q)
        .select_related("program", "enterprise", "cooperative", "entitlement")
        .prefetch_related("vouchers")
        .order_by("-year", "-created_at")
    )


def overdue_visits(*, on: dt.date | None = None, officer=None) -> QuerySet:
    on = on or timezone.localdate()
    visits = Visit.objects.filter(done_on__isnull=True, due_on__lt=on).select_related(
        "application__program", "application__enterprise", "application__person", "officer"
    )
    return visits.filter(officer=officer) if officer is not None else visits


def overdue_by_officer(*, on: dt.date | None = None) -> list[dict]:
    return list(
        overdue_visits(on=on)
        .values("officer__username", "officer__first_name")
        .annotate(count=Count("id"))
        .order_by("-count")
    )


def flags(program: Program) -> list[dict]:
    """Suspicious patterns (R33): the phones and addresses shared by at least the program's threshold of
    redeemed voucher recipients."""
    redeemed = Voucher.objects.filter(application__program=program, status=VoucherStatus.REDEEMED)
    found = []
    for field, label in (
        ("application__person__phone", "phone"),
        ("application__person__address", "address"),
    ):
        rows = (
            redeemed.exclude(**{field: ""})
            .values(field)
            .annotate(count=Count("application__person", distinct=True))
            .filter(count__gte=program.flag_same_contact)
        )
        found += [{"kind": label, "value": row[field], "count": row["count"]} for row in rows]
    return found


def locked_vouchers(program: Program) -> QuerySet:
    """R33, for review: vouchers still issued whose recipient check failed too often (someone guessed)."""
    return (
        Voucher.objects.filter(application__program=program, status=VoucherStatus.ISSUED)
        .annotate(failed=Count("attempts", filter=Q(attempts__ok=False)))
        .filter(failed__gte=MAX_FAILED_CHECKS)
        .select_related("application")
    )


def awaiting_approval(role: str) -> QuerySet:
    """Applications verified (or waiting for a place) in programs that ``role`` approves (R36): an
    approver's home page."""
    return Application.objects.filter(
        state__in=(State.VERIFIED, State.WAITLISTED), program__approver_role=role
    )


def pending_verification(officer) -> QuerySet:
    return Visit.objects.filter(officer=officer, done_on__isnull=True, purpose=VisitPurpose.VERIFICATION)


def partner_vouchers(partner) -> QuerySet:
    """The vouchers a partner redeemed, newest first (what the partner may see and claim)."""
    return (
        Voucher.objects.filter(redeemed_by=partner, status=VoucherStatus.REDEEMED)
        .select_related("application__program", "claim")
        .order_by("-redeemed_at")
    )
