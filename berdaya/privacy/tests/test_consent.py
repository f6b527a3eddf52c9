"""R44: optional data needs a stored consent (who, when, text version, channel); withdrawal ends it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.people.models import Person
from berdaya.privacy.models import Channel, Consent, Purpose
from berdaya.privacy.selectors import consented_q, consents_of, has_consent
from berdaya.privacy.services import consent_give, consent_text_publish, consent_withdraw

pytestmark = pytest.mark.django_db


def test_a_consent_records_who_when_which_text_and_channel(cast, person):  # R44
    consent = consent_give(
        actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person
    )
    assert consent.text_version == "1"
    assert consent.giver_name == person.name
    assert consent.given_by == cast.umkm
    assert consent.given_at is not None
    assert has_consent(Purpose.NOTIFICATIONS, person=person)
    assert not has_consent(Purpose.CATALOGUE, person=person)
    entry = AuditEntry.objects.for_object(consent).get()
    assert entry.person_id == person.pk


def test_a_consent_given_on_the_portal_has_no_staff_recorder(person):  # R44
    consent = consent_give(
        actor=None, purpose=Purpose.NOTIFICATIONS, channel=Channel.PORTAL, person=person, self_given=True
    )
    assert consent.self_given and consent.given_by is None


def test_giving_twice_on_the_same_text_keeps_one_record(cast, person):
    first = consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person)
    again = consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PHONE, person=person)
    assert first.pk == again.pk


def test_withdrawal_ends_the_consent_and_the_filter_drops_the_subject(cast, person):  # R44, R47
    consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person)
    assert Person.objects.filter(consented_q(Purpose.NOTIFICATIONS, subject="person")).count() == 1
    assert (
        consent_withdraw(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PHONE, person=person)
        == 1
    )
    assert not has_consent(Purpose.NOTIFICATIONS, person=person)
    assert Person.objects.filter(consented_q(Purpose.NOTIFICATIONS, subject="person")).count() == 0
    withdrawn = consents_of(person=person).get()
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawal_channel == Channel.PHONE
    assert withdrawn.withdrawn_by == cast.umkm
    assert AuditEntry.objects.for_object(withdrawn).count() == 2
    # Nothing left to withdraw.
    assert (
        consent_withdraw(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PHONE, person=person)
        == 0
    )


def test_a_consent_counts_only_from_when_it_was_given(cast, person):
    later = timezone.now() + dt.timedelta(days=1)
    consent_give(
        actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person, given_at=later
    )
    assert not has_consent(Purpose.NOTIFICATIONS, person=person)
    assert has_consent(Purpose.NOTIFICATIONS, person=person, at=later + dt.timedelta(minutes=1))


def test_a_consent_needs_exactly_one_subject(cast, person):
    with pytest.raises(ValueError):
        consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER)


def test_an_unknown_text_version_is_refused(cast, person):
    with pytest.raises(ValidationError):
        consent_give(
            actor=cast.umkm,
            purpose=Purpose.NOTIFICATIONS,
            channel=Channel.PAPER,
            person=person,
            text_version="9",
        )


def test_a_new_wording_applies_to_new_consents_and_old_ones_keep_theirs(cast, person):
    old = consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person)
    consent_text_publish(
        actor=cast.admin,
        purpose=Purpose.NOTIFICATIONS,
        version="2",
        body="Teks baru.",
        valid_from=timezone.localdate(),
    )
    new = consent_give(actor=cast.umkm, purpose=Purpose.NOTIFICATIONS, channel=Channel.PAPER, person=person)
    assert (old.text_version, new.text_version) == ("1", "2")
    assert Consent.objects.filter(person=person).count() == 2
