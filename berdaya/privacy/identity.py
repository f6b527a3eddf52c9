"""One-time identity links (R46): how a citizen proves who they are to see, on the portal, who used their
data, and to give or withdraw their own consent (R44).

Two ways to get one, both ending in the same single-use code:
- at the counter: staff check the KTP and ``link_issue`` (the code is shown once, to hand over);
- on the portal: the person types their NIK and phone number; when both match the record, ``link_send``
  sends the link to the phone *on record* (never to a number typed in), through ``messaging.send``.

Only the code's SHA-256 is stored. ``link_open`` spends it: it works once, before it expires, and returns
only the person's id. The code is 60 random bits in 12 Crockford base-32 symbols; opening is rate limited
on the portal, so it cannot be guessed.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.services import audited_create, audited_update

from . import messaging
from .models import IdentityLink, LinkChannel
from .rules import link_lifetime

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
LINK_FIELDS = ("person", "channel", "issued_by", "expires_at")


def normalize(typed: str) -> str | None:
    """The canonical code (``ABCD-EFGH-JKMN``) from what was typed or pasted, or None."""
    compact = "".join(ch for ch in (typed or "").upper() if ch not in " -").translate(_READ_AS)
    if len(compact) != LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return "-".join(compact[i : i + 4] for i in range(0, LENGTH, 4))


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _new_code() -> str:
    return normalize("".join(secrets.choice(ALPHABET) for _ in range(LENGTH))) or ""


def link_path(code: str) -> str:
    return reverse("portal:my_data_open", args=[code])


@transaction.atomic
def link_issue(*, actor, person, channel: str = LinkChannel.COUNTER) -> tuple[IdentityLink, str]:
    """A fresh one-time link for ``person``; returns (record, code). The code exists only in the answer:
    show or send it now. Earlier unused links of the person stop working (one live link per person)."""
    now = timezone.now()
    for old in IdentityLink.objects.select_for_update().filter(
        person=person, used_at__isnull=True, expires_at__gt=now
    ):
        audited_update(
            actor=actor,
            obj=old,
            data={"expires_at": now},
            fields=("expires_at",),
            person_id=person.pk,
            note=_("Diganti tautan baru"),
        )
    code = _new_code()
    link = IdentityLink(
        person=person,
        code_hash=_hash(code),
        channel=channel,
        issued_by=actor if actor is not None and actor.is_authenticated else None,
        created_at=now,
        expires_at=now + link_lifetime(channel, at=now),
    )
    audited_create(
        actor=actor,
        obj=link,
        fields=LINK_FIELDS,
        person_id=person.pk,
        note=_("Tautan sekali pakai untuk melihat pemakaian data (R46)"),
    )
    return link, code


def _phone_matches(person, typed_phone: str) -> bool:
    from berdaya.lib.phone import normalize_phone

    try:
        typed = normalize_phone(typed_phone)
    except ValueError:  # a number that cannot be read is simply not a match
        return False
    return bool(person.phone) and typed == person.phone


def link_send(*, nik: str, phone: str, base_url: str) -> bool:
    """The portal's "send me a link": when the NIK is on record and ``phone`` is the number on its record,
    send a one-time link to that number and return True. The portal says the same thing either way, so
    nobody learns from it whether a NIK is registered."""
    from berdaya.people.models import Person

    person = Person.objects.filter(nik=nik).first()
    if person is None or not _phone_matches(person, phone):
        return False
    with transaction.atomic():
        _link, code = link_issue(actor=None, person=person, channel=LinkChannel.PHONE)
        minutes = int(link_lifetime(LinkChannel.PHONE).total_seconds() // 60)
        messaging.send(
            to=person.phone,
            body=_(
                "Dinas: buka %(url)s untuk melihat siapa yang memakai data Anda. Berlaku %(minutes)s menit, "
                "sekali pakai. Jangan berikan tautan ini kepada siapa pun."
            )
            % {"url": base_url.rstrip("/") + link_path(code), "minutes": minutes},
        )
    return True


@transaction.atomic
def link_open(*, code: str) -> int | None:
    """Spend the code: the person's id when it is genuine, unused and not expired; else None (and nothing
    else is said). Opening is recorded in the person's own trail."""
    canonical = normalize(code)
    if canonical is None:
        return None
    now = timezone.now()
    link = (
        IdentityLink.objects.select_for_update()
        .filter(code_hash=_hash(canonical), used_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if link is None:
        return None
    audited_update(
        actor=None,
        obj=link,
        data={"used_at": now},
        fields=("used_at",),
        person_id=link.person_id,
        note=_("Dibuka oleh yang bersangkutan di portal"),
    )
    return link.person_id
