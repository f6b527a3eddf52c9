"""training.measures: the numbers the yearly report needs, with their records."""

import datetime as dt
from decimal import Decimal

from berdaya.benefits.services import benefit_record
from berdaya.kinerja import measures
from berdaya.kinerja.measures import Period
from berdaya.test import make_person
from berdaya.training import services
from berdaya.training.models import FollowUp

from .conftest import make_event

YEAR = Period(2022)


def _attend(cast, event, person, role="umum"):
    participant = services.participant_register(actor=cast.umkm, event=event, person=person, role=role)
    for session in event.sessions.all():
        services.checkin_record(
            actor=cast.umkm,
            event=event,
            session=session,
            participant=participant,
            nonce=f"{participant.pk}-{session.pk}",
        )
    return participant


def test_participants_coop_staff_first_time_and_kelurahan(cast):
    training = make_event(actor=cast.koperasi, division="koperasi", target_group="koperasi_pengelola")
    expo = make_event(
        actor=cast.umkm, kind="pameran", starts_on=dt.date(2022, 9, 1), ends_on=dt.date(2022, 9, 1)
    )
    staff = make_person(actor=cast.umkm, name="Pengelola", sex="P")
    old = make_person(actor=cast.umkm, name="Lama", kelurahan="63.71.02.1001")
    benefit_record(
        actor=cast.umkm,
        ref=old,
        source="program",
        kind="hibah",
        title="Hibah",
        received_on=dt.date(2021, 1, 1),
        person=old,
    )
    _attend(cast, training, staff, role="pengelola")
    _attend(cast, expo, old)
    _attend(cast, expo, staff)
    services.participant_register(
        actor=cast.umkm, event=expo, person=make_person(actor=cast.umkm, name="Absen")
    )
    value = lambda key, f=None: measures.get(key).value(YEAR, f or {})  # noqa: E731
    assert value("training.participants") == 3
    assert value("training.participants", {"kind": "pameran"}) == 2
    assert value("training.participants", {"sex": "P"}) == 2
    assert value("training.coop_staff_trained") == 1  # the exhibition is not a training
    # staff's first event was the training (first time), then the exhibition (served before): 1 of 3.
    assert value("training.first_time_share") == Decimal("33.3")
    assert value("training.kelurahan_covered") == 2
    assert value("training.participants", {"kecamatan": "63.71.02"}) == 1
    assert {p.person.name for p in measures.get("training.first_time_share").records(YEAR, {})} == {
        "Pengelola"
    }
    assert measures.get("training.participants").value(Period(2021), {}) == 0


def test_wub_still_running_after_six_months(cast):
    event = make_event(actor=cast.umkm, title="WUB Menjahit", target_group="wub")
    a = _attend(cast, event, make_person(actor=cast.umkm, name="A"), role="wub")
    b = _attend(cast, event, make_person(actor=cast.umkm, name="B"), role="wub")
    services.event_complete(actor=cast.umkm, event=event)
    for participant, running in ((a, True), (b, False)):
        follow_up = FollowUp.objects.get(participant=participant, months=6)
        services.follow_up_record(
            actor=cast.umkm, follow_up=follow_up, data={"started_business": True, "still_running": running}
        )
    assert measures.get("training.wub_running_6m").value(YEAR, {}) == 1
    assert [p.person.name for p in measures.get("training.wub_running_6m").records(YEAR, {})] == ["A"]
