"""Notifications to staff (``Notification``): in-app on the home page and by e-mail through Django's mail
backend (``EMAIL_BACKEND`` in settings)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification


@transaction.atomic
def notify(*, users, key: str, text: str, url: str = "", subject: str = "", extra_emails=()) -> list:
    """Tell ``users`` about ``key`` once each: a notification on their home page and an e-mail to those
    with an address (and to ``extra_emails`` when anyone is newly told). Returns the users newly notified
    (none: all knew already)."""
    users = [user for user in users if user.is_active]
    known = set(Notification.objects.filter(key=key, user__in=users).values_list("user_id", flat=True))
    fresh = [user for user in users if user.pk not in known]
    Notification.objects.bulk_create([Notification(user=user, key=key, text=text, url=url) for user in fresh])
    # the extra addresses (a data-protection officer without an account) ride along with the first notice
    recipients = sorted(
        {user.email for user in fresh if user.email} | (set(extra_emails) if fresh else set())
    )
    if recipients:
        link = (
            f"\n\n{settings.BERDAYA_SITE_URL.rstrip('/')}{url}" if url and settings.BERDAYA_SITE_URL else ""
        )
        transaction.on_commit(
            lambda: send_mail(subject or text, text + link, None, recipients, fail_silently=False)
        )
    return fresh


def unread(user, limit: int = 10) -> list[Notification]:
    return list(Notification.objects.filter(user=user, read_at__isnull=True)[:limit])


def notification_read(*, user, pk: int) -> None:
    Notification.objects.filter(user=user, pk=pk, read_at__isnull=True).update(read_at=timezone.now())
