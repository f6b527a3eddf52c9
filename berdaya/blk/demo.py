"""Demo rows of the training centre: the three 2022 programmes with their competency units (seed 003: bakery
140 JP, sewing 260 JP, basic office 180 JP), naker's 2022 BLK events linked as their cohorts with test
results and certificates for the competent, 3- and 6-month follow-ups, the hotel apprenticeship with its
outcomes, and a cohort running now with a few days of attendance. Runs twice safely."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from . import services
from .models import Outcome, Programme, Result

PROGRAMMES = [
    ("BLK-BKR", "Pelatihan Bakery (roti dan kue)", "Pengolahan Hasil Pertanian",
     "Pelatihan Bakery (roti dan kue)", [
        ("P.854110.001.01", "Menerapkan keselamatan, kesehatan kerja dan higiene sanitasi", 20),
        ("P.854110.010.01", "Membuat roti manis dan roti tawar", 60),
        ("P.854110.011.01", "Membuat kue kering dan cake", 60),
    ]),
    ("BLK-JHT", "Pelatihan Menjahit", "Garmen Apparel", "Pelatihan Menjahit", [
        ("C.141000.001.01", "Mengukur tubuh dan membuat pola dasar", 60),
        ("C.141000.002.01", "Memotong bahan dan menjahit kemeja", 100),
        ("C.141000.003.01", "Menjahit celana dan rok", 100),
    ]),
    ("BLK-ADM", "Pelatihan Administrasi Perkantoran Dasar", "Bisnis dan Manajemen",
     "Pelatihan Administrasi Perkantoran Dasar", [
        ("N.821100.001.02", "Mengoperasikan aplikasi pengolah kata dan angka", 80),
        ("N.821100.002.02", "Membuat dan mengarsip surat", 60),
        ("N.821100.003.02", "Melayani tamu dan telepon", 40),
    ]),
]  # fmt: skip
REQUIREMENTS = "Usia 18-45 tahun; berdomisili di Kota Banjarmasin; memiliki kartu AK/1; sehat jasmani."


def _programmes(actor) -> dict[str, Programme]:
    made = {}
    for code, title, vocation, event_title, units in PROGRAMMES:
        programme = services.programme_create(
            actor=actor,
            data={"code": code, "title": title, "vocation": vocation, "jp_hours": sum(u[2] for u in units),
                  "requirements": REQUIREMENTS},
        )  # fmt: skip
        for unit_code, unit_title, jp in units:
            services.unit_add(
                actor=actor,
                programme=programme,
                data={"code": unit_code, "title": unit_title, "jp_hours": jp},
            )
        made[event_title] = programme
    return made


def _past_cohorts(rand, actor, programmes) -> int:
    from berdaya.training import services as training
    from berdaya.training.models import Event, Kind, Status

    count = 0
    for event in Event.objects.filter(kind=Kind.BLK, starts_on__year=2022).order_by("starts_on"):
        programme = programmes.get(event.title)
        if programme is None:
            continue
        cohort = services.cohort_link(
            actor=actor, event=event, programme=programme, instructor="Instruktur BLK"
        )
        training.event_update(actor=actor, event=event, data={"follow_up_months": [3, 6], "capacity": 16})
        units = list(programme.units.all())
        participants = list(event.participants.filter(status=Status.COMPLETED).order_by("pk"))
        not_yet = set(rand.sample([p.pk for p in participants], min(1, len(participants))))
        results = {
            (p.pk, u.pk): Result.BELUM if p.pk in not_yet and u == units[-1] else Result.KOMPETEN
            for p in participants
            for u in units
        }
        services.cohort_results_record(
            actor=actor,
            cohort=cohort,
            results=results,
            assessed_on=event.ends_on,
            assessor="Asesor LSP P1 BLK",
        )
        services.cohort_certify(actor=actor, cohort=cohort)
        for participant in participants:
            training.follow_ups_schedule(actor=actor, participant=participant)
        _follow_ups(rand, actor, participants)
        count += len(participants)
    return count


def _follow_ups(rand, actor, participants) -> None:
    """The 3-month follow-up of a cohort: some working, some self-employed, the rest not yet."""
    from berdaya.companies.models import Company
    from berdaya.training.models import FollowUp

    companies = list(Company.objects.order_by("pk")[:10])
    for n, participant in enumerate(participants[:8]):
        follow_up = FollowUp.objects.filter(participant=participant, months=3).first()
        if follow_up is None or follow_up.due_on > timezone.localdate():
            continue
        if n < 3 and companies:
            services.graduate_follow_up_record(
                actor=actor, follow_up=follow_up, outcome=services.GraduateOutcome.WORKING,
                done_on=follow_up.due_on, company=rand.choice(companies), position="Karyawan produksi",
                start_date=follow_up.due_on - dt.timedelta(days=30),
            )  # fmt: skip
        elif n < 5:
            services.graduate_follow_up_record(
                actor=actor, follow_up=follow_up, outcome=services.GraduateOutcome.SELF_EMPLOYED,
                done_on=follow_up.due_on, business_name=f"Usaha {participant.person.name.split()[0]}",
            )  # fmt: skip
        else:
            services.graduate_follow_up_record(
                actor=actor,
                follow_up=follow_up,
                outcome=services.GraduateOutcome.NOT_YET,
                done_on=follow_up.due_on,
            )


def _apprenticeship(actor) -> int:
    from berdaya.companies.models import Company
    from berdaya.training.models import Event, Kind

    event = Event.objects.filter(kind=Kind.MAGANG, starts_on__year=2022).order_by("starts_on").first()
    host = Company.objects.filter(name=event.partner).first() if event is not None else None
    if event is None or host is None:
        return 0
    services.apprenticeship_link(
        actor=actor,
        event=event,
        data={"host": host, "mentor": "Rina Handayani", "mentor_position": "Kepala tata graha",
              "field": "Perhotelan (tata graha dan tata boga)", "agreement_number": "560/PPM/2022/014"},
    )  # fmt: skip
    other = Company.objects.exclude(pk=host.pk).order_by("pk").first()
    for n, participant in enumerate(event.participants.order_by("pk")):
        outcome = (
            Outcome.HIRED_HOST if n < 6 else Outcome.HIRED_OTHER if n < 8 and other else Outcome.NOT_HIRED
        )
        services.apprentice_outcome_record(
            actor=actor,
            participant=participant,
            outcome=outcome,
            company=other if outcome == Outcome.HIRED_OTHER else None,
            noted_on=event.ends_on + dt.timedelta(days=30),
        )
    return 1


def _running_cohort(actor, programme) -> None:
    """A cohort running now, so the daily attendance sheet has a today."""
    from berdaya.naker.models import JobSeeker
    from berdaya.training import services as training

    today = timezone.localdate()
    start = today - dt.timedelta(days=today.weekday() + 7)  # Monday of last week
    cohort = services.cohort_create(
        actor=actor,
        programme=programme,
        data={"starts_on": start, "ends_on": start + dt.timedelta(days=25), "capacity": 16,
              "venue": "UPTD BLK", "instructor": "Instruktur BLK"},
    )  # fmt: skip
    sessions = [s for s in cohort.event.sessions.order_by("number") if s.date < today]
    seekers = JobSeeker.objects.select_related("person").filter(registered_on__year=today.year).order_by("pk")
    for n, seeker in enumerate(seekers[:12]):
        participant = training.participant_register(
            actor=actor, event=cohort.event, person=seeker.person, role="pencari_kerja"
        )
        for session in sessions[: len(sessions) - (n % 3 == 0)]:
            services.attendance_mark(actor=actor, cohort=cohort, session=session, participant=participant)


@transaction.atomic
def populate(*, actor, seed: int = 2026) -> int:
    if Programme.objects.exists():
        return 0
    rand = random.Random(seed)
    programmes = _programmes(actor)
    count = _past_cohorts(rand, actor, programmes)
    count += _apprenticeship(actor)
    _running_cohort(actor, programmes["Pelatihan Bakery (roti dan kue)"])
    return count + len(programmes)
