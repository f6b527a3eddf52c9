"""Reads other apps use (docs/interfaces.md, "privacy"): does a subject consent to a purpose (R44)?

from berdaya.privacy.models import Purpose
from berdaya.privacy.selectors import consented_q, has_consent

Enterprise.objects.filter(consented_q(Purpose.CATALOGUE))              # listed in the catalogue
Person.objects.filter(consented_q(Purpose.NOTIFICATIONS, subject="person"))
has_consent(Purpose.CATALOGUE, enterprise=business)
"""

from __future__ import annotations

from django.db.models import Q

from .models import Consent, Purpose

SUBJECTS = ("person", "enterprise", "cooperative")


def has_consent(purpose: Purpose | str, *, person=None, enterprise=None, cooperative=None, at=None) -> bool:
    """True when the subject has an active (given, not withdrawn) consent for ``purpose``."""
    subject = {
        k: v
        for k, v in {"person": person, "enterprise": enterprise, "cooperative": cooperative}.items()
        if v is not None
    }
    if len(subject) != 1:
        raise ValueError("has_consent needs exactly one of person, enterprise, cooperative")
    return Consent.objects.active(at).filter(purpose=purpose, **subject).exists()


def consented_q(purpose: Purpose | str, *, subject: str = "enterprise", field: str = "pk", at=None) -> Q:
    """A filter for querysets of ``subject`` records (``field`` is the lookup to their primary key, e.g.
    "owner" on Enterprise with subject="person") that keeps those with an active consent for ``purpose``."""
    if subject not in SUBJECTS:
        raise ValueError(f"subject must be one of {SUBJECTS}")
    ids = Consent.objects.active(at).filter(purpose=purpose).values(f"{subject}_id")
    return Q(**{f"{field}__in": ids})


def consents_of(*, person=None, enterprise=None, cooperative=None):
    """Every consent (active and withdrawn) of one subject, newest first: for the person page and R47."""
    subject = {
        k: v
        for k, v in {"person": person, "enterprise": enterprise, "cooperative": cooperative}.items()
        if v is not None
    }
    return Consent.objects.filter(**subject).select_related("given_by", "withdrawn_by")


def processing_log(person_id: int):
    """R46, R47: every logged processing of one person's data (each view of their full record, each
    export that carried them, each change), oldest first. The access answer's PDF (access_report) and the
    citizen's own page on the portal both read it; neither filters the trail on its own."""
    from berdaya.audit.models import AuditEntry

    return AuditEntry.objects.filter(person_id=person_id).select_related("actor").order_by("at", "id")
