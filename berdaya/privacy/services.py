"""Writes of personal-data protection records (R44, R47, R48), each audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create

from .models import Channel, Consent, ConsentText, Purpose

CONSENT_FIELDS = ("purpose", "text_version", "channel", "giver_name", "given_at", "given_by")


def _subject_kwargs(person, enterprise, cooperative) -> dict:
    subjects = {"person": person, "enterprise": enterprise, "cooperative": cooperative}
    given = {name: value for name, value in subjects.items() if value is not None}
    if len(given) != 1:
        raise ValueError("A consent needs exactly one subject: person, enterprise or cooperative.")
    return given


def _person_id_of(person, enterprise, cooperative) -> int | None:
    if person is not None:
        return person.pk
    if enterprise is not None:
        return enterprise.owner_id
    return None


def _default_giver(person, enterprise, cooperative) -> str:
    if person is not None:
        return person.name
    if enterprise is not None:
        return enterprise.owner.name
    return str(cooperative)


@transaction.atomic
def consent_give(
    *,
    actor,
    purpose: Purpose | str,
    channel: Channel | str,
    person=None,
    enterprise=None,
    cooperative=None,
    text_version: str = "",
    giver_name: str = "",
    given_at: dt.datetime | None = None,
    self_given: bool = False,
) -> Consent:
    """Record a consent (R44). ``actor`` is the staff member recording it; with ``self_given`` (the person
    on the portal) no staff member is stored as its recorder. ``text_version`` defaults to the text in force.
    Giving again while an active consent on the same text version exists returns that consent."""
    subject = _subject_kwargs(person, enterprise, cooperative)
    purpose = Purpose(purpose)
    if not text_version:
        text = current_text(purpose)
        if text is None:
            raise ValidationError(_("Belum ada teks persetujuan untuk tujuan ini."))
        text_version = text.version
    elif not ConsentText.objects.filter(purpose=purpose, version=text_version).exists():
        raise ValidationError(_("Versi teks persetujuan tidak dikenal."))
    existing = Consent.objects.active().filter(purpose=purpose, text_version=text_version, **subject).first()
    if existing is not None:
        return existing
    consent = Consent(
        purpose=purpose,
        channel=Channel(channel),
        text_version=text_version,
        giver_name=giver_name or _default_giver(person, enterprise, cooperative),
        given_at=given_at or timezone.now(),
        given_by=None if self_given or actor is None or not actor.is_authenticated else actor,
        **subject,
    )
    return audited_create(
        actor=None if self_given else actor,
        obj=consent,
        fields=CONSENT_FIELDS,
        person_id=_person_id_of(person, enterprise, cooperative),
        note=_("Persetujuan diberikan sendiri lewat portal") if self_given else "",
    )


@transaction.atomic
def consent_withdraw(
    *,
    actor,
    purpose: Purpose | str | None = None,
    channel: Channel | str,
    consent: Consent | None = None,
    person=None,
    enterprise=None,
    cooperative=None,
    at: dt.datetime | None = None,
    self_given: bool = False,
    note: str = "",
) -> int:
    """Withdraw one consent, or every active consent of a subject for ``purpose`` (R44, R47 "withdrawal").
    Returns how many were withdrawn. What depended on the consent (a catalogue listing) disappears because
    readers ask ``has_consent`` / ``consented_q``."""
    at = at or timezone.now()
    if consent is not None:
        consents = [Consent.objects.select_for_update().get(pk=consent.pk)]
        consents = [c for c in consents if c.withdrawn_at is None]
    else:
        subject = _subject_kwargs(person, enterprise, cooperative)
        query = Consent.objects.select_for_update().filter(withdrawn_at__isnull=True, **subject)
        if purpose is not None:
            query = query.filter(purpose=Purpose(purpose))
        consents = list(query)
    recorder = None if self_given or actor is None or not actor.is_authenticated else actor
    for item in consents:
        when = max(at, item.given_at)
        Consent.objects.filter(pk=item.pk).update(
            withdrawn_at=when, withdrawn_by=recorder, withdrawal_channel=Channel(channel)
        )
        audit_log(
            actor=recorder,
            action=Action.UPDATE,
            obj=item,
            changes={str(_("waktu penarikan")): [None, timezone.localtime(when).strftime("%d-%m-%Y %H:%M")]},
            person_id=_person_id_of(item.person, item.enterprise, item.cooperative),
            note=note or _("Persetujuan ditarik"),
        )
    return len(consents)


def current_text(purpose: Purpose | str, *, on: dt.date | None = None) -> ConsentText | None:
    on = on or timezone.localdate()
    return ConsentText.objects.filter(purpose=purpose, valid_from__lte=on).order_by("-valid_from").first()


@transaction.atomic
def consent_text_publish(*, actor, purpose: Purpose | str, version: str, body: str, valid_from: dt.date):
    """A new wording for a purpose (the old ones stay: consents point at the version they were given on)."""
    text = ConsentText(purpose=Purpose(purpose), version=version, body=body, valid_from=valid_from)
    return audited_create(actor=actor, obj=text, fields=("purpose", "version", "valid_from"))
