"""The BLK and LPK/BKK demo rows on top of naker's 2022 events (emulated here: a sewing cohort whose people
all completed, the hotel apprenticeship), twice safely."""

import datetime as dt

from berdaya.blk import demo
from berdaya.blk.models import ApprenticeOutcome, Cohort, Programme, UnitResult
from berdaya.companies.services import company_register
from berdaya.lembaga import demo as lembaga_demo
from berdaya.lembaga.models import Bkk, Coaching, Lpk
from berdaya.naker import services as naker
from berdaya.naker.models import JobSeeker, Placement
from berdaya.test import make_person
from berdaya.training import services as training
from berdaya.training.models import Certificate, EventStatus, Status


def _naker_events(actor):
    def event(title, kind, start, end, partner=""):
        return training.event_create(
            actor=actor,
            data={"title": title, "kind": kind, "division": "tenaga_kerja", "starts_on": start,
                  "ends_on": end, "target_group": "pencari_kerja", "target": "person", "partner": partner},
            sessions=[{"date": start}],
        )  # fmt: skip

    sewing = event("Pelatihan Menjahit", "blk", dt.date(2022, 7, 4), dt.date(2022, 8, 26))
    host = company_register(actor=actor, data={"name": "Hotel Palm Banjarmasin", "source": "demo"})
    hotel = event("Pemagangan perhotelan", "magang", dt.date(2022, 8, 1), dt.date(2022, 10, 31), host.name)
    for ev, count in ((sewing, 4), (hotel, 3)):
        for n in range(count):
            person = make_person(actor=actor, name=f"Demo {ev.kind} {n}")
            # as in naker's demo, every 2022 participant already holds an AK/1 card
            naker.jobseeker_register(
                actor=actor, person=person, data={"education": "sma"}, registered_on=dt.date(2022, 3, 1)
            )
            training.participant_register(actor=actor, event=ev, person=person, status=Status.COMPLETED)
        training.event_update(actor=actor, event=ev, data={"status": EventStatus.DONE})


def test_the_demo_links_the_2022_events_and_runs_twice_safely(cast):
    _naker_events(cast.admin)
    cards = set(JobSeeker.objects.values_list("pk", flat=True))
    assert demo.populate(actor=cast.admin) > 0
    # the graduates' follow-ups register no card (seed 003's 2,202 stay) and verify no placement (725, R38a)
    assert set(JobSeeker.objects.values_list("pk", flat=True)) == cards
    blk = Placement.objects.filter(channel=Placement.Channel.BLK)
    assert blk.count() == 3 and not blk.filter(state=Placement.State.VERIFIED).exists()
    assert Programme.objects.count() == 3
    sewing = Cohort.objects.get(event__title="Pelatihan Menjahit")
    assert UnitResult.objects.filter(participant__event=sewing.event).count() == 4 * 3
    assert Certificate.objects.filter(participant__event=sewing.event).count() == 3  # one not yet competent
    assert ApprenticeOutcome.objects.count() == 3
    assert Cohort.objects.count() == 2  # with the cohort running now
    assert demo.populate(actor=cast.admin) == 0


def test_the_institutions_demo_matches_seed_003(cast):
    assert lembaga_demo.populate(actor=cast.admin) == 35
    assert Lpk.objects.count() == 20 and Bkk.objects.count() == 15
    assert Coaching.objects.filter(held_on__year=2022, lpk__isnull=False).count() == 20
    assert Coaching.objects.filter(held_on__year=2022, bkk__isnull=False).count() == 15
    assert lembaga_demo.populate(actor=cast.admin) == 0
