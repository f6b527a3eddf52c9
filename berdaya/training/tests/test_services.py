import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.benefits.models import Benefit
from berdaya.regions.models import Region
from berdaya.test import make_person, valid_nik
from berdaya.training import services
from berdaya.training.models import CheckIn, FollowUp, Status

from .conftest import make_event


def test_event_create_makes_one_session_per_day(cast, event):
    assert event.code == "KEG-2022-001"
    assert [s.date for s in event.sessions.all()] == [dt.date(2022, 6, 14), dt.date(2022, 6, 15)]
    assert make_event(actor=cast.umkm).code == "KEG-2022-002"


def test_unknown_criterion_is_refused(cast):
    with pytest.raises(ValidationError):
        make_event(actor=cast.umkm, criteria=[["no_such_rule", {}]])


def test_register_by_nik_registers_the_person_once(cast, event):
    nik = valid_nik()
    participant = services.participant_register(actor=cast.umkm, event=event, nik=nik, name="Siti Aminah")
    assert participant.status == Status.REGISTERED
    assert participant.person.nik == nik
    assert len(participant.token) == 10
    # One place per person per event, by NIK.
    with pytest.raises(ValidationError, match="satu tempat per NIK"):
        services.participant_register(actor=cast.umkm, event=event, nik=nik, name="Siti Aminah")


def test_invalid_nik_is_a_clear_message(cast, event):
    with pytest.raises(ValidationError, match="NIK tidak valid"):
        services.participant_register(actor=cast.umkm, event=event, nik="123", name="X")


def test_capacity_waitlists_and_cancel_promotes(cast):
    event = make_event(actor=cast.umkm, capacity=2)
    a, b, c = (make_person(actor=cast.umkm, name=n) for n in ("A", "B", "C"))
    pa = services.participant_register(actor=cast.umkm, event=event, person=a)
    services.participant_register(actor=cast.umkm, event=event, person=b)
    pc = services.participant_register(actor=cast.umkm, event=event, person=c)
    assert pc.status == Status.WAITLISTED
    assert "Kapasitas" in pc.reason
    promoted = services.participant_cancel(actor=cast.umkm, participant=pa, reason="sakit")
    assert promoted == pc
    pc.refresh_from_db()
    assert pc.status == Status.REGISTERED


def test_kecamatan_quota_waitlists_only_that_kecamatan(cast):
    event = make_event(actor=cast.umkm)
    kec = Region.objects.get(code="63.71.01")
    services.quota_set(actor=cast.umkm, event=event, kecamatan=kec, places=1)
    first = make_person(actor=cast.umkm, name="A")
    second = make_person(actor=cast.umkm, name="B")
    elsewhere = make_person(actor=cast.umkm, name="C", kelurahan="63.71.02.1001")
    assert (
        services.participant_register(actor=cast.umkm, event=event, person=first).status == Status.REGISTERED
    )
    late = services.participant_register(actor=cast.umkm, event=event, person=second)
    assert late.status == Status.WAITLISTED and "Kuota kecamatan" in late.reason
    assert (
        services.participant_register(actor=cast.umkm, event=event, person=elsewhere).status
        == Status.REGISTERED
    )


def test_checkin_counts_a_replayed_nonce_once_and_keeps_refusals(cast, event, person):
    session = event.sessions.first()
    participant = services.participant_register(actor=cast.umkm, event=event, person=person)
    checkin, new = services.checkin_record(
        actor=cast.umkm, event=event, session=session, code=participant.token, nonce="n1"
    )
    assert new and checkin.accepted
    again, new = services.checkin_record(
        actor=cast.umkm, event=event, session=session, code=participant.token, nonce="n1"
    )
    assert not new and again.pk == checkin.pk
    double, new = services.checkin_record(
        actor=cast.umkm, event=event, session=session, code=participant.token, nonce="n2"
    )
    assert new and not double.accepted and "Sudah tercatat" in double.reason
    unknown, _new = services.checkin_record(
        actor=cast.umkm, event=event, session=session, code="ZZZZ", nonce="n3"
    )
    assert not unknown.accepted and unknown.reason == "Kode tidak terdaftar"
    assert CheckIn.objects.filter(accepted=True).count() == 1
    participant.refresh_from_db()
    assert participant.status == Status.ATTENDED
    # Attending writes the one benefit history (R49 "served").
    assert Benefit.objects.filter(person=person, source="event", kind="pelatihan").count() == 1


def test_checkin_of_another_event_or_cancelled_is_refused(cast, event, person):
    other = make_event(actor=cast.umkm, title="Lain")
    participant = services.participant_register(actor=cast.umkm, event=other, person=person)
    wrong, _n = services.checkin_record(
        actor=cast.umkm, event=event, session=event.sessions.first(), code=participant.token, nonce="w"
    )
    assert not wrong.accepted and "kegiatan lain" in wrong.reason
    services.participant_cancel(actor=cast.umkm, participant=participant)
    cancelled, _n = services.checkin_record(
        actor=cast.umkm, event=other, session=other.sessions.first(), code=participant.token, nonce="c"
    )
    assert not cancelled.accepted and cancelled.reason == "Pendaftaran dibatalkan"


def test_walk_in_checks_the_nik(cast, event):
    with pytest.raises(ValidationError):
        services.walk_in_register(actor=cast.umkm, event=event, session=None, nik="99", name="X", nonce="x")
    participant, checkin = services.walk_in_register(
        actor=cast.umkm, event=event, session=event.sessions.first(), nik=valid_nik(), name="Budi", nonce="y"
    )
    assert participant.source == "walk_in" and checkin.accepted


def test_completion_rule_decides_certificate_and_follow_ups(cast, person):
    # R50: 80 % of sessions; R51: pelatihan followed up at 1, 3 and 6 months.
    event = make_event(
        actor=cast.umkm, starts_on=dt.date(2022, 1, 10), ends_on=dt.date(2022, 1, 14)
    )  # 5 sessions
    good = services.participant_register(actor=cast.umkm, event=event, person=person)
    weak = services.participant_register(
        actor=cast.umkm, event=event, person=make_person(actor=cast.umkm, name="B")
    )
    absent = services.participant_register(
        actor=cast.umkm, event=event, person=make_person(actor=cast.umkm, name="C")
    )
    sessions = list(event.sessions.all())
    for i, session in enumerate(sessions[:4]):
        services.checkin_record(
            actor=cast.umkm, event=event, session=session, participant=good, nonce=f"g{i}"
        )
    for i, session in enumerate(sessions[:3]):
        services.checkin_record(
            actor=cast.umkm, event=event, session=session, participant=weak, nonce=f"w{i}"
        )
    result = services.event_complete(actor=cast.umkm, event=event)
    assert result["completed"] == 1 and result["attended"] == 1 and result["no_show"] == 1
    good.refresh_from_db(), weak.refresh_from_db(), absent.refresh_from_db()
    assert (good.status, weak.status, absent.status) == (Status.COMPLETED, Status.ATTENDED, Status.NO_SHOW)
    assert list(FollowUp.objects.filter(participant=good).values_list("due_on", flat=True)) == [
        dt.date(2022, 2, 14),
        dt.date(2022, 4, 14),
        dt.date(2022, 7, 14),
    ]
    certificate = services.certificate_issue(actor=cast.umkm, participant=good)
    assert certificate.number == "0001/SERT/DKUMP/2022"
    with pytest.raises(ValidationError, match="R50"):
        services.certificate_issue(actor=cast.umkm, participant=weak)
    services.certificate_revoke(actor=cast.umkm, certificate=certificate, reason="salah nama")
    assert certificate.revoked_at is not None
