"""One-time identity links (R46): issued at the counter or sent to the phone on record, spent once, expire;
the message goes through the sender interface (the outbox by default, no third-party service)."""

import datetime as dt

import pytest
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.privacy import identity
from berdaya.privacy.models import IdentityLink, LinkChannel, OutboxMessage
from berdaya.privacy.selectors import processing_log
from berdaya.test import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(cast):
    return make_person(actor=cast.umkm, name="Galuh Rahmawati", phone="+6281351112233")


def test_a_counter_link_opens_once_for_its_person_only(cast, citizen):
    # domain.md R46: the person proves who they are; the link works once.
    _link, code = identity.link_issue(actor=cast.umkm, person=citizen)
    assert identity.link_open(code=code) == citizen.pk
    assert identity.link_open(code=code) is None


def test_only_a_hash_of_the_code_is_stored(cast, citizen):
    link, code = identity.link_issue(actor=cast.umkm, person=citizen)
    assert code.replace("-", "") not in link.code_hash and len(link.code_hash) == 64


def test_an_expired_link_opens_nothing(cast, citizen):
    # R46: time-limited. A counter link lasts 24 hours (rules.LINK_LIFETIMES).
    link, code = identity.link_issue(actor=cast.umkm, person=citizen)
    assert link.expires_at - link.created_at == dt.timedelta(hours=24)
    IdentityLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - dt.timedelta(days=2), expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert identity.link_open(code=code) is None


def test_a_new_link_retires_the_person_s_earlier_one(cast, citizen):
    _old, first = identity.link_issue(actor=cast.umkm, person=citizen)
    _new, second = identity.link_issue(actor=cast.umkm, person=citizen)
    assert identity.link_open(code=first) is None
    assert identity.link_open(code=second) == citizen.pk


def test_a_typed_code_is_forgiving_about_case_dashes_and_look_alike_letters(cast, citizen):
    _link, code = identity.link_issue(actor=cast.umkm, person=citizen)
    typed = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert identity.link_open(code=typed) == citizen.pk


def test_the_link_goes_only_to_the_phone_on_record_through_the_outbox(citizen):
    # Sent to the number on the record, never to a number typed in; the default sender stores it.
    assert identity.link_send(nik=citizen.nik, phone="0813 5111 2233", base_url="https://dinas.test/")
    message = OutboxMessage.objects.get()
    assert message.to == "+6281351112233" and "https://dinas.test/publik/saya/buka/" in message.body
    code = message.body.split("/publik/saya/buka/")[1].split("/")[0]
    assert identity.link_open(code=code) == citizen.pk
    link = IdentityLink.objects.get()
    assert link.channel == LinkChannel.PHONE and link.expires_at - link.created_at == dt.timedelta(minutes=30)


def test_a_wrong_phone_or_unknown_nik_sends_nothing(citizen):
    assert not identity.link_send(nik=citizen.nik, phone="081299998888", base_url="https://dinas.test/")
    assert not identity.link_send(nik="6371010101900001", phone="081351112233", base_url="https://x/")
    assert not OutboxMessage.objects.exists() and not IdentityLink.objects.exists()


def test_another_sender_can_be_named_in_the_settings(settings, citizen):
    sent = []

    class Recorder:
        def send(self, *, to, body):
            sent.append(to)

    settings.BERDAYA_MESSAGE_SENDER = "berdaya.privacy.tests.test_identity.RECORDER"
    globals()["RECORDER"] = Recorder
    identity.link_send(nik=citizen.nik, phone="+6281351112233", base_url="https://dinas.test/")
    assert sent == ["+6281351112233"] and not OutboxMessage.objects.exists()


def test_issuing_and_opening_are_in_the_person_s_own_trail(cast, citizen):
    # R46: retrievable per person; the same selector the R47 access answer reads.
    _link, code = identity.link_issue(actor=cast.umkm, person=citizen)
    identity.link_open(code=code)
    notes = list(processing_log(citizen.pk).values_list("note", flat=True))
    assert any("Tautan sekali pakai" in n for n in notes)
    assert any("Dibuka oleh yang bersangkutan" in n for n in notes)
    assert processing_log(citizen.pk).count() == AuditEntry.objects.filter(person_id=citizen.pk).count()
