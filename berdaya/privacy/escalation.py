"""R47: a personal-data request past its 72-hour deadline is escalated *and someone is told*.

``data_requests_escalate`` (privacy.services) flags the ticket on the queue; ``notify_overdue`` tells the
people who answer for it: the head of office (the escalation's addressee, R47), every administrator and the
data-protection officer's addresses in ``BERDAYA_PRIVACY_OFFICER_EMAILS``, with a notification on their
home page and an e-mail, once per ticket (``dashboard.Notification`` key ``privacy.overdue:<id>``).
``berdaya privacy_escalate`` (cron or a systemd timer, hourly) runs both.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.dashboard.models import Notification
from berdaya.dashboard.services import notify

from .models import DataRequest, RequestStatus

RECIPIENT_ROLES = (Role.KEPALA_DINAS, Role.ADMIN)
KEY = "privacy.overdue:{pk}"


def recipients() -> list[User]:
    return list(User.objects.filter(role__in=RECIPIENT_ROLES, is_active=True).order_by("pk"))


def notify_overdue(*, now: dt.datetime | None = None) -> list[DataRequest]:
    """Notify every open overdue ticket nobody was told about yet; returns the tickets notified now."""
    now = now or timezone.now()
    overdue = list(DataRequest.objects.filter(status=RequestStatus.OPEN, due_at__lt=now).order_by("due_at"))
    told = set(
        Notification.objects.filter(key__in=[KEY.format(pk=t.pk) for t in overdue]).values_list(
            "key", flat=True
        )
    )
    people = recipients()
    notified = []
    for ticket in overdue:
        key = KEY.format(pk=ticket.pk)
        if key in told:
            continue
        text = _(
            "Permintaan data pribadi (%(kind)s) dari %(name)s lewat tenggat %(due)s dan belum dijawab (R47)."
        ) % {
            "kind": ticket.get_kind_display().lower(),
            "name": ticket.requester_name,
            "due": date_format(timezone.localtime(ticket.due_at), "DATETIME_FORMAT"),
        }
        fresh = notify(
            users=people,
            key=key,
            text=text,
            url=reverse("privacy:request_detail", args=[ticket.pk]),
            subject=_("[Berdaya] Permintaan data pribadi lewat tenggat"),
            extra_emails=settings.BERDAYA_PRIVACY_OFFICER_EMAILS,
        )
        if fresh:
            audit_log(
                actor=None,
                action=Action.UPDATE,
                obj=ticket,
                person_id=ticket.person_id,
                note=_("Pemberitahuan lewat tenggat dikirim ke %(who)s")
                % {"who": ", ".join(map(str, fresh))},
            )
            notified.append(ticket)
    return notified
