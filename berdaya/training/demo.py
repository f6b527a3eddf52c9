"""Demo events: seed 003's 2022 events (seed_2022.EVENTS) with their dates, venues and attendance counts,
participants drawn from the demo registries (cooperative people from the cooperatives' boards), check-ins,
completion, certificates and follow-ups in every state; and one recent training whose follow-ups are still
ahead. Runs once (the events' codes say whether it ran)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.kinerja.models import BudgetItem
from berdaya.koperasi.models import BoardMember
from berdaya.people.models import Person
from berdaya.umkm.models import Enterprise

from . import services
from .models import COOP_ROLES, Event, FollowUp, Participant, Status
from .seed_2022 import COOP_STAFF_TARGET, EVENTS

MAX_SESSIONS = 5


def _sessions(starts: dt.date, ends: dt.date) -> list[dict]:
    days = (ends - starts).days + 1
    if days <= MAX_SESSIONS:
        return [{"date": starts + dt.timedelta(days=i)} for i in range(days)]
    step = max(1, (days - 1) // (MAX_SESSIONS - 1))
    dates = sorted(
        {min(starts + dt.timedelta(days=i * step), ends) for i in range(MAX_SESSIONS - 1)} | {ends}
    )
    return [{"date": d} for d in dates]


def _budget(key: str):
    return BudgetItem.objects.filter(
        year=2022, level=BudgetItem.Level.SUB_ACTIVITY, name__icontains=key
    ).first()


def _staff(role: Role, fallback):
    return User.objects.filter(role=role, is_active=True).order_by("pk").first() or fallback


def _attend_all(actor, event, participant, sessions, *, skip: int = 0) -> None:
    for i, session in enumerate(sessions):
        if i < skip:
            continue
        services.checkin_record(
            actor=actor,
            event=event,
            session=session,
            participant=participant,
            nonce=f"demo-{participant.token}-{session.number}",
            scanned_at=timezone.make_aware(dt.datetime.combine(session.date, dt.time(8, 15 + i))),
            device="demo",
        )


def _run_event(row, *, actor, rng, people, coop_people, enterprises, used_coop) -> tuple[Event, list]:
    code, title, kind, division, section, starts, ends, venue, attended, group, role, budget, partner, jp = (
        row
    )
    organiser = {
        "koperasi": _staff(Role.KOPERASI, actor),
        "usaha_mikro": _staff(Role.USAHA_MIKRO, actor),
        "tenaga_kerja": _staff(Role.P3K, actor),
        "hubungan_industrial": _staff(Role.PHIJS, actor),
    }[division]
    event = services.event_create(
        actor=organiser,
        data={
            "code": code,
            "title": title,
            "kind": kind,
            "division": division,
            "section": section,
            "budget_item": _budget(budget),
            "starts_on": starts,
            "ends_on": ends,
            "venue": venue,
            "capacity": attended + 5,
            "jp_hours": jp,
            "partner": partner,
            "target_group": group,
            "target": "cooperative"
            if role in COOP_ROLES
            else ("enterprise" if role == "pemilik" else "person"),
            "status": "open",
        },
        sessions=_sessions(starts, ends),
    )
    # Who comes: cooperative people for cooperative roles (210 distinct over the trainings, 40 twice),
    # business owners for micro-enterprise events, anyone registered otherwise.
    if role in COOP_ROLES and kind == "pelatihan":
        fresh = [p for p in coop_people if p.pk not in used_coop]
        chosen = fresh[:attended]
        if len(chosen) < attended or len(used_coop) >= COOP_STAFF_TARGET:
            again = [p for p in coop_people if p.pk in used_coop and p not in chosen]
            chosen = (chosen[: max(0, COOP_STAFF_TARGET - len(used_coop))] + again)[:attended]
        used_coop.update(p.pk for p in chosen)
    elif role in COOP_ROLES:
        chosen = rng.sample(coop_people, min(attended, len(coop_people)))
    elif role == "pemilik":
        chosen = [e.owner for e in rng.sample(enterprises, min(attended, len(enterprises)))]
    else:
        chosen = rng.sample(people, min(attended, len(people)))
    extra = rng.sample([p for p in people if p not in chosen], 3)  # two no-shows and one who cancelled
    by_owner = {e.owner_id: e for e in enterprises}
    participants = []
    for person in chosen + extra:
        participants.append(
            services.participant_register(
                actor=organiser,
                event=event,
                person=person,
                enterprise=by_owner.get(person.pk) if role == "pemilik" else None,
                role=role if person in chosen else "umum",
                source="staff" if rng.random() < 0.8 else "invitation",
            )
        )
    services.participant_cancel(actor=organiser, participant=participants[-1], reason="Berhalangan hadir")
    sessions = list(event.sessions.all())
    for i, participant in enumerate(participants[: len(chosen)]):
        # One in ten misses sessions enough to fall under the completion rule (R50) on longer events.
        skip = 2 if (len(sessions) >= 3 and i % 10 == 9) else 0
        _attend_all(organiser, event, participant, sessions, skip=skip)
    services.checkin_record(
        actor=organiser, event=event, session=sessions[0], code="SALAH-KODE", nonce=f"demo-{code}-refused"
    )
    services.event_complete(actor=organiser, event=event)
    return event, participants


def _follow_ups(*, actor, rng, today) -> None:
    officer = _staff(Role.PETUGAS_LAPANGAN, actor)
    for n, follow_up in enumerate(
        FollowUp.objects.filter(participant__event__code__startswith="D22-")
        .select_related("participant__event", "participant__person")
        .order_by("participant__event__code", "months", "pk")
    ):
        services.follow_up_assign(actor=actor, follow_up=follow_up, officer=officer if n % 3 else actor)
        draw = rng.random()
        if draw < 0.12:
            continue  # left overdue: on the officer's list
        if draw < 0.2:
            services.follow_up_skip(actor=officer, follow_up=follow_up, reason="Nomor telepon tidak aktif")
            continue
        wub = follow_up.participant.role == "wub"
        started = wub and rng.random() < 0.55
        data = {
            "done_on": min(follow_up.due_on + dt.timedelta(days=rng.randint(0, 20)), today),
            "method": "phone" if rng.random() < 0.7 else "visit",
            "started_business": started if wub else None,
            "still_running": (started and rng.random() < 0.8) if wub else None,
            "turnover": rng.choice([1500000, 2500000, 4000000]) if started else None,
            "online_shop_active": rng.random() < 0.4 if follow_up.participant.role == "pemilik" else None,
            "hired": rng.random() < 0.3 if follow_up.participant.role == "pencari_kerja" else None,
        }
        business = ""
        if started and follow_up.months == 1 and not follow_up.participant.person.enterprises.exists():
            business = f"Usaha {follow_up.participant.person.name.split()[0]}"
        services.follow_up_record(actor=officer, follow_up=follow_up, data=data, business_name=business)


@transaction.atomic
def populate(*, actor, seed: int) -> int:
    if Event.objects.filter(code=EVENTS[0][0]).exists():
        return 0
    people = list(Person.objects.order_by("pk"))
    if len(people) < 120:
        return 0
    rng = random.Random(seed)
    coop_ids = list(BoardMember.objects.order_by("person_id").values_list("person_id", flat=True).distinct())
    coop_people = [p for p in people if p.pk in set(coop_ids)]
    if len(coop_people) < COOP_STAFF_TARGET:
        coop_people += [p for p in people if p.pk not in set(coop_ids)][
            : COOP_STAFF_TARGET - len(coop_people)
        ]
    rng.shuffle(coop_people)
    enterprises = list(Enterprise.objects.select_related("owner").order_by("pk"))
    seen, owners = set(), []
    for enterprise in enterprises:  # one business per owner
        if enterprise.owner_id not in seen:
            seen.add(enterprise.owner_id)
            owners.append(enterprise)
    used_coop: set[int] = set()
    added = 0
    for row in EVENTS:
        _event, participants = _run_event(
            row,
            actor=actor,
            rng=rng,
            people=people,
            coop_people=coop_people,
            enterprises=owners,
            used_coop=used_coop,
        )
        added += 1 + len(participants)
    # Certificates for all who completed a training, bimtek or apprenticeship; one issued in error, revoked.
    completed = Participant.objects.filter(
        event__code__startswith="D22-",
        event__kind__in=["pelatihan", "bimtek", "magang"],
        status=Status.COMPLETED,
    ).order_by("event__starts_on", "person__name", "pk")
    for participant in completed:
        services.certificate_issue(actor=actor, participant=participant)
    first = completed.first()
    if first is not None:
        services.certificate_revoke(
            actor=actor, certificate=first.certificate, reason="Diterbitkan atas nama yang salah"
        )
    today = timezone.localdate()
    _follow_ups(actor=actor, rng=rng, today=today)
    # A recent training: its follow-ups are still scheduled.
    recent_end = today - dt.timedelta(days=10)
    row = ("DEMO-UM-01", "Pelatihan Digital Marketing Angkatan Baru", "pelatihan", "usaha_mikro",
           "Promosi dan Pemasaran", recent_end - dt.timedelta(days=2), recent_end, "HBI",
           12, "umkm", "pemilik", "", "", 24)  # fmt: skip
    _event, participants = _run_event(
        row,
        actor=actor,
        rng=rng,
        people=people,
        coop_people=coop_people,
        enterprises=owners,
        used_coop=used_coop,
    )
    return added + 1 + len(participants)
