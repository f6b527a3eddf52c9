"""The fair invitation list applied to the registries (R49) and the coverage table."""

import datetime as dt

from berdaya.benefits.services import benefit_record
from berdaya.test import make_person
from berdaya.training import selectors, services
from berdaya.training.models import Status
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_event


def _enterprises(cast, n, kelurahan):
    return [
        make_enterprise(
            actor=cast.umkm, owner=make_person(actor=cast.umkm, name=f"P{kelurahan}{i}"), kelurahan=kelurahan
        )
        for i in range(n)
    ]


def test_invitation_puts_never_served_first_and_records_seed_and_reasons(cast):
    a = _enterprises(cast, 4, "63.71.01.1001")
    b = _enterprises(cast, 2, "63.71.02.1001")
    served = a[0]
    benefit_record(
        actor=cast.umkm,
        ref=served,
        source="event",
        kind="pelatihan",
        title="Lama",
        received_on=dt.date(2021, 3, 1),
        person=served.owner,
        enterprise=served,
    )
    event = make_event(actor=cast.umkm)
    invited = services.invitation_propose(actor=cast.umkm, event=event, places=3, seed="uji")
    event.refresh_from_db()
    assert event.invitation_seed == "uji"
    assert len(invited) == 3 and all(p.status == Status.INVITED for p in invited)
    assert served.owner not in [p.person for p in invited]
    # 4 vs 2 registered: 2 places and 1 place.
    assert sorted(p.kelurahan.code for p in invited) == ["63.71.01.1001", "63.71.01.1001", "63.71.02.1001"]
    assert all("belum pernah dilayani" in p.reason for p in invited)
    # The same seed on a fresh event gives the same people.
    again = services.invitation_propose(
        actor=cast.umkm, event=make_event(actor=cast.umkm), places=3, seed="uji"
    )
    assert [p.person_id for p in again] == [p.person_id for p in invited]
    # A second round skips those already holding a place.
    more = services.invitation_propose(actor=cast.umkm, event=event, places=2, seed="dua")
    assert not {p.person_id for p in more} & {p.person_id for p in invited}
    assert b


def test_coverage_lists_every_kelurahan_and_those_no_event_reached(cast, person):
    event = make_event(actor=cast.umkm)
    make_enterprise(actor=cast.umkm, owner=person)
    participant = services.participant_register(actor=cast.umkm, event=event, person=person)
    services.checkin_record(
        actor=cast.umkm, event=event, session=event.sessions.first(), participant=participant, nonce="c"
    )
    rows = {row["kelurahan"]: row for row in selectors.coverage(2022)}
    assert rows["63.71.01.1001"]["served"] == 1 and rows["63.71.01.1001"]["registered"] == 1
    assert rows["63.71.02.1001"]["served"] == 0
    assert len(rows) > 20  # every kelurahan of the city appears
