"""Demo cooperatives (./dev up): a few hundred invented cooperatives across the 52 kelurahan of Banjarmasin,
with RAT histories drawn so that every watch-list stage occurs (R20-R22), yearly figures, warning letters,
field visits with follow-ups (some overdue) and dissolutions (some decided, R27). Idempotent (by source ID)
and quick (bulk inserts; statuses then computed by the same service as everywhere else).

"RAT segera jatuh tempo" (due soon) exists only between ``at_risk_lead_months`` before the deadline and the
deadline itself (30 May - 30 June with the default rule): on other days of the year the demo, like real
data, has no cooperative in that stage.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log_many
from berdaya.regions.selectors import kelurahan_in_jurisdiction

from . import status as status_rules
from .assessment.demo import populate_assessments
from .models import (
    Cooperative,
    CooperativeYear,
    Dissolution,
    DissolutionGround,
    DissolutionStage,
    DissolutionStep,
    FollowUp,
    Kind,
    MembershipArea,
    Rat,
    RatRule,
    Visit,
    VisitStatus,
    WarningLetter,
)
from .services import refresh_all_statuses

DEMO_COOPERATIVES = 320
DEMO_SOURCE = "demo"
JT = Decimal(10) ** 6

KIND_WEIGHTS = {
    Kind.SIMPAN_PINJAM: 40,
    Kind.KONSUMEN: 25,
    Kind.JASA: 15,
    Kind.PRODUSEN: 10,
    Kind.PEMASARAN: 10,
}
NAME_PARTS = {
    Kind.SIMPAN_PINJAM: ("KSP", "Kopdit", "KSPPS"),
    Kind.KONSUMEN: ("Koperasi Konsumen", "KPRI", "Kopkar"),
    Kind.JASA: ("Koperasi Jasa", "Kopjasa"),
    Kind.PRODUSEN: ("Koperasi Produsen", "Koperasi Pengrajin"),
    Kind.PEMASARAN: ("Koperasi Pemasaran", "Koperasi Pedagang Pasar"),
}
GROUPS = ("", "KPRI", "Kopwan", "Kopkar", "Pondok pesantren", "Koperasi pasar", "Kopma")
WORDS = (
    "Sasirangan", "Barito", "Martapura", "Intan", "Galuh", "Bauntung", "Bahalap", "Sejahtera", "Mandiri",
    "Bersinar", "Amanah", "Berkah", "Kelayan", "Antasari", "Kuin", "Pasar Lama", "Basirih", "Teluk Dalam",
    "Pelambuan", "Sungai Jingah", "Alalak", "Kayu Tangi", "Wasaka", "Sultan Suriansyah", "Lambung Mangkurat",
)  # fmt: skip
# Profile -> weight. Each draws a RAT history that lands in one watch-list stage on the demo date.
PROFILES = {
    "ok": 46,
    "late": 9,
    "due_soon": 9,
    "missed_once": 11,
    "missed_m": 9,
    "inactive": 12,
    "dissolved": 2,
    "young": 2,
}


def _held(rng, year: int, rule, *, late: bool = False, on: dt.date) -> dt.date | None:
    """A RAT date for ``year``: on time (Feb-June of the next year) or late; never after ``on``."""
    deadline = status_rules.deadline(year, rule)
    if late:
        room = (on - deadline).days
        return deadline + dt.timedelta(days=rng.randint(1, min(90, room))) if room >= 1 else None
    day = dt.date(year + 1, 2, 1) + dt.timedelta(days=rng.randint(0, 140))
    day = min(day, deadline)
    return day if day <= on else None


def _history(rng, profile: str, first: int, passed: int, due: int | None, rule, on: dt.date) -> dict:
    """fiscal year -> date held, per profile."""
    last_held = {
        "ok": passed,
        "late": passed,
        "due_soon": passed,
        "missed_once": passed - 1,
        "missed_m": passed - 2,
        "inactive": passed - rng.randint(3, 6),
        "dissolved": passed - rng.randint(4, 7),
        "young": first - 1,
    }[profile]
    rats = {}
    for year in range(first, last_held + 1):
        if profile == "ok" and rng.random() < 0.08 and year < passed - 2:
            continue  # an old gap does not matter now
        held = _held(rng, year, rule, late=(profile == "late" and year == passed), on=on)
        if held is not None:
            rats[year] = held
    # Most cooperatives hold the due year's RAT early (from February); "due soon" ones have not yet.
    if profile in ("ok", "late") and due is not None and rng.random() < 0.85:
        held = _held(rng, due, rule, on=on)
        if held is not None:
            rats[due] = held
    return rats


def populate(*, actor, seed: int, count: int = DEMO_COOPERATIVES, on: dt.date | None = None) -> int:
    """The demo cooperatives, then their health assessments and ratings (each part adds only what is
    missing); returns how many cooperatives were added."""
    added = populate_registry(actor=actor, seed=seed, count=count, on=on)
    populate_assessments(actor=actor, seed=seed, source=DEMO_SOURCE)
    return added


def populate_registry(*, actor, seed: int, count: int = DEMO_COOPERATIVES, on: dt.date | None = None) -> int:
    """Create the demo cooperatives not yet there; returns how many were added. ``on``: the date their
    histories are drawn for (default today)."""
    on = on or timezone.localdate()
    existing = set(Cooperative.objects.filter(source=DEMO_SOURCE).values_list("source_id", flat=True))
    wanted = [f"DEMO-KOP-{i:04d}" for i in range(1, count + 1)]
    if all(source_id in existing for source_id in wanted):
        return 0
    rng = random.Random(seed)
    rule = status_rules.rule_on(RatRule.objects.all(), on)
    passed = status_rules.last_passed_year(on, rule)
    due = passed + 1 if dt.date(passed + 1, 12, 31) < on else None
    kelurahan = list(kelurahan_in_jurisdiction())
    if not kelurahan:
        return 0
    # Visits in the field officer's area go to them; elsewhere to a clerk of the division (officers see
    # the cooperatives of their own area only).
    field_officer = User.objects.filter(role=Role.PETUGAS_LAPANGAN, is_active=True).exclude(area="").first()
    clerk = User.objects.filter(role=Role.KOPERASI, is_active=True).order_by("pk").first() or actor
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    added = 0
    with transaction.atomic():
        for index, source_id in enumerate(wanted):
            profile = rng.choices(list(PROFILES), weights=list(PROFILES.values()))[0]
            kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
            if source_id in existing:
                continue
            first = passed if profile == "young" else rng.randint(1995, passed - 7)
            place = kelurahan[index % len(kelurahan)]
            cooperative = Cooperative.objects.create(
                name=f"{rng.choice(NAME_PARTS[kind])} {rng.choice(WORDS)} {index + 1}",
                kind=kind,
                group=rng.choice(GROUPS),
                legal_entity_number=f"{rng.randint(100, 999)}/BH/XIX/{first}",
                legal_entity_date=dt.date(first, rng.randint(1, 12), rng.randint(1, 28)),
                nomor_induk_koperasi=f"6371{index + 1:09d}",
                address=f"Jl. {rng.choice(WORDS)} No. {rng.randint(1, 120)}",
                kelurahan=place,
                membership_area=MembershipArea.KOTA if rng.random() > 0.05 else MembershipArea.PROVINSI,
                employees=rng.randint(0, 12),
                registered_on=dt.date(max(first, 2005), rng.randint(1, 12), rng.randint(1, 28)),
                source=DEMO_SOURCE,
                source_id=source_id,
                created_by_id=actor_id,
                updated_by_id=actor_id,
            )
            audit_log_many(
                actor=actor,
                action=Action.CREATE,
                model=Cooperative,
                entries=[Entry(cooperative.pk, cooperative.name)],
                note="Data demo",
            )
            rats = _history(rng, profile, first, passed, due, rule, on)
            Rat.objects.bulk_create(
                Rat(
                    cooperative=cooperative,
                    fiscal_year=year,
                    held_on=held,
                    attendance=rng.randint(15, 200),
                    created_by_id=actor_id,
                    updated_by_id=actor_id,
                )
                for year, held in rats.items()
            )
            members = rng.randint(20, 400)
            CooperativeYear.objects.bulk_create(
                CooperativeYear(
                    cooperative=cooperative,
                    fiscal_year=year,
                    members_men=int(members * 0.45) + year % 7,
                    members_women=int(members * 0.55) + year % 5,
                    own_capital=Decimal(rng.randint(50, 2000)) * JT,
                    external_capital=Decimal(rng.randint(0, 1500)) * JT,
                    assets=Decimal(rng.randint(100, 5000)) * JT,
                    business_volume=Decimal(rng.randint(50, 8000)) * JT,
                    surplus=Decimal(rng.randint(-20, 300)) * JT,
                    created_by_id=actor_id,
                    updated_by_id=actor_id,
                )
                for year in sorted(rats)[-3:]
            )
            in_area = field_officer is not None and place.code.startswith(field_officer.area)
            officer = field_officer if in_area else clerk
            _follow_through(rng, cooperative, profile, passed, rule, on, actor_id, officer)
            added += 1
        refresh_all_statuses(on=on, queryset=Cooperative.objects.filter(source=DEMO_SOURCE))
    return added


def _follow_through(rng, cooperative, profile, passed, rule, on, actor_id, officer) -> None:
    """Warning letters, visits with follow-ups and dissolutions, as the office would have done."""
    stamp = {"created_by_id": actor_id, "updated_by_id": actor_id}
    if profile in ("missed_once", "missed_m", "inactive", "late") and rng.random() < 0.6:
        planned = on + dt.timedelta(days=rng.randint(-40, 30))
        done = planned < on and rng.random() < 0.7
        visit = Visit.objects.create(
            cooperative=cooperative,
            officer=officer,
            planned_on=planned,
            purpose="Pembinaan dan pemeriksaan persiapan RAT",
            status=VisitStatus.DONE if done else VisitStatus.PLANNED,
            visited_on=planned if done else None,
            findings="Pembukuan belum ditutup; pengurus belum menjadwalkan RAT." if done else "",
            **stamp,
        )
        if done:
            FollowUp.objects.create(
                visit=visit,
                action="Tutup buku dan kirim undangan RAT",
                owner="Ketua pengurus",
                due_on=planned + dt.timedelta(days=rng.randint(7, 45)),
                **stamp,
            )
    if profile in ("missed_m", "inactive", "dissolved") and rng.random() < 0.5:
        issued = status_rules.deadline(passed, rule) + dt.timedelta(days=rng.randint(1, 60))
        if issued <= on:
            WarningLetter.objects.create(
                cooperative=cooperative,
                number=f"500/{rng.randint(1, 999)}/KOP/{issued.year}",
                issued_on=issued,
                missed_years=f"{passed - 1}, {passed}",
                **stamp,
            )
    if profile == "dissolved" or (profile == "inactive" and rng.random() < 0.25):
        start = on - dt.timedelta(
            days=rng.randint(120, 400) if profile == "dissolved" else rng.randint(5, 60)
        )
        steps = [DissolutionStage.PROPOSAL, DissolutionStage.NOTICE]
        if profile == "dissolved":
            steps += [DissolutionStage.OBJECTION, DissolutionStage.DECISION]
        dissolution = Dissolution.objects.create(
            cooperative=cooperative,
            ground=DissolutionGround.NOT_VIABLE,
            stage=steps[-1],
            started_on=start,
            **stamp,
        )
        day = start
        for stage in steps:
            if stage == DissolutionStage.DECISION:
                day = status_rules.add_months(day, rule.objection_months)
            DissolutionStep.objects.create(dissolution=dissolution, stage=stage, on=min(day, on), **stamp)
            day += dt.timedelta(days=3)
