"""Writes of personal-data protection records (R44, R47, R48), each audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update

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


# --- R47: requests and breaches --------------------------------------------------------------------------

REQUEST_FIELDS = ("person", "requester_name", "kind", "channel", "received_at", "due_at", "status")


@transaction.atomic
def data_request_register(
    *,
    actor,
    kind: str,
    channel: str,
    requester_name: str,
    person=None,
    requester_contact: str = "",
    description: str = "",
    received_at: dt.datetime | None = None,
):
    """Open a ticket for a request from a person (R47), due 3 working days (72 hours) after receipt."""
    from .models import DataRequest
    from .rules import request_due

    received_at = received_at or timezone.now()
    due_at, version = request_due(received_at)
    ticket = DataRequest(
        person=person,
        kind=kind,
        channel=channel,
        requester_name=requester_name,
        requester_contact=requester_contact,
        description=description,
        received_at=received_at,
        due_at=due_at,
        calendar_version=version,
        received_by=actor,
    )
    return audited_create(
        actor=actor, obj=ticket, fields=REQUEST_FIELDS, person_id=person.pk if person else None
    )


@transaction.atomic
def data_request_close(*, actor, ticket, status: str, outcome: str):
    """Answer a ticket: done, or refused with its reason (the reason is required either way)."""
    from .models import RequestStatus

    if ticket.status != RequestStatus.OPEN:
        raise ValidationError(_("Permintaan ini sudah ditutup."))
    if status not in (RequestStatus.DONE, RequestStatus.REFUSED):
        raise ValidationError(_("Status penutupan tidak sah."))
    if not outcome.strip():
        raise ValidationError(_("Tuliskan apa yang dilakukan, atau alasan penolakannya."))
    return audited_update(
        actor=actor,
        obj=ticket,
        data={"status": status, "outcome": outcome, "closed_at": timezone.now(), "closed_by": actor},
        fields=("status", "outcome", "closed_at", "closed_by"),
        person_id=ticket.person_id,
    )


@transaction.atomic
def data_requests_escalate(*, actor=None, now: dt.datetime | None = None) -> list:
    """Mark open tickets past their due time as escalated (once each, audited); they head the queue and the
    head of office's home page. Run by ``berdaya privacy_escalate`` (cron) and on every queue view."""
    from .models import DataRequest, RequestStatus

    now = now or timezone.now()
    overdue = list(
        DataRequest.objects.select_for_update().filter(
            status=RequestStatus.OPEN, due_at__lt=now, escalated_at__isnull=True
        )
    )
    for ticket in overdue:
        audited_update(
            actor=actor,
            obj=ticket,
            data={"escalated_at": now},
            fields=("escalated_at",),
            person_id=ticket.person_id,
            note=_("Lewat tenggat 72 jam: dieskalasi ke Kepala Dinas (R47)"),
        )
    return overdue


@transaction.atomic
def breach_record(
    *,
    actor,
    aware_at: dt.datetime,
    description: str,
    data_affected: str,
    people_affected: int = 0,
    measures: str = "",
):
    """Record a breach; its notice deadline is 72 clock hours after the office became aware (R47)."""
    from .models import Breach
    from .rules import breach_notice_due

    breach = Breach(
        aware_at=aware_at,
        description=description,
        data_affected=data_affected,
        people_affected=people_affected,
        measures=measures,
        notice_due_at=breach_notice_due(aware_at),
        recorded_by=actor,
    )
    return audited_create(
        actor=actor,
        obj=breach,
        fields=("aware_at", "data_affected", "people_affected", "notice_due_at"),
    )


@transaction.atomic
def breach_notified(*, actor, breach, at: dt.datetime | None = None):
    return audited_update(
        actor=actor, obj=breach, data={"notified_at": at or timezone.now()}, fields=("notified_at",)
    )


@transaction.atomic
def legal_hold_place(*, actor, person, reason: str):
    from .models import LegalHold

    hold = LegalHold(person=person, reason=reason, placed_by=actor)
    return audited_create(actor=actor, obj=hold, fields=("person", "reason"), person_id=person.pk)


@transaction.atomic
def legal_hold_release(*, actor, hold):
    return audited_update(
        actor=actor,
        obj=hold,
        data={"released_at": timezone.now()},
        fields=("released_at",),
        person_id=hold.person_id,
    )
