"""Pure deadline rules (R47), tested at each boundary."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

# R47: a request is answered within 72 hours, counted in working days of the office calendar: three
# working days after the day it was received, at the same time of day.
REQUEST_WORKING_DAYS = 3
# R47 / UU 27/2022 Pasal 46(1): a breach is notified within 3 x 24 hours of becoming aware of it, in clock
# hours (the law counts hours, not working days).
BREACH_NOTICE_HOURS = 72


def request_due(received_at: dt.datetime, *, calendar=None) -> tuple[dt.datetime, int]:
    """(due time, calendar version) for a request received at ``received_at``."""
    from berdaya.workdays.calendar import add_working_days

    local = timezone.localtime(received_at)
    answer = add_working_days(local.date(), REQUEST_WORKING_DAYS, calendar=calendar)
    due = local.replace(year=answer.value.year, month=answer.value.month, day=answer.value.day)
    return due, answer.version


def breach_notice_due(aware_at: dt.datetime) -> dt.datetime:
    return aware_at + dt.timedelta(hours=BREACH_NOTICE_HOURS)


def retention_cutoff(on: dt.date, months: int) -> dt.date:
    """The last day of use that is past retention on ``on``: ``months`` whole months back (clamped to the
    month's last day)."""
    year, month = divmod(on.year * 12 + on.month - 1 - months, 12)
    month += 1
    import calendar

    day = min(on.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


# R46 on the portal: how long a one-time identity link works, and how long the page it opens stays open
# (a dated table; the latest row whose date has come applies). A counter link is given to the person in
# front of the clerk, so it may wait for them to get home; a link sent to a phone is short-lived.
LINK_LIFETIMES = [
    (
        dt.date(2026, 1, 1),
        {
            "loket": dt.timedelta(hours=24),
            "telepon": dt.timedelta(minutes=30),
            "sesi": dt.timedelta(minutes=30),
        },
    ),
]


def link_lifetime(kind: str, *, at: dt.datetime | None = None) -> dt.timedelta:
    """How long a link of ``kind`` ("loket", "telepon") or the session it opens ("sesi") lasts."""
    on = timezone.localdate(at) if at is not None else timezone.localdate()
    rows = [table for since, table in LINK_LIFETIMES if since <= on] or [LINK_LIFETIMES[0][1]]
    return rows[-1][kind]
