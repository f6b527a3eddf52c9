"""The AK/1 card's life as pure functions of dates (domain.md R37, R37a).

A card period is valid 24 months from ``valid_from``. It has four reporting boxes: box k is due on
``valid_from + 6k months`` (the fourth falls on the expiry day). A report fills the earliest unfilled box
whose window ``(due_{k-1}, due_k + grace]`` holds it. A box 1-3 still unfilled ``grace`` days after its due
date is a missed report: the card is inactive for the rest of the period (renewal starts a new period).
Recording employment closes the card; after ``valid_until`` it has expired.

The numbers live in a dated table (``CARD_RULES``), not in code: the rule in force on ``valid_from`` applies.
The grace period is the office's practice *(to confirm)*; Permenaker 39/2016 sets validity and reporting.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CardRule:
    valid_from: dt.date
    valid_to: dt.date | None
    validity_months: int
    report_every_months: int
    grace_days: int
    legal_basis: str


CARD_RULES = (
    CardRule(
        valid_from=dt.date(2016, 1, 1),
        valid_to=None,
        validity_months=24,
        report_every_months=6,
        grace_days=30,
        legal_basis="Permenaker 39/2016 tentang Penempatan Tenaga Kerja (AK/1); masa tenggang: praktik dinas",
    ),
)


def rule_on(day: dt.date) -> CardRule:
    for rule in CARD_RULES:
        if rule.valid_from <= day and (rule.valid_to is None or day <= rule.valid_to):
            return rule
    return CARD_RULES[0]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class CardStatus(models.TextChoices):
    ACTIVE = "aktif", _("Aktif")
    INACTIVE = "tidak_aktif", _("Tidak aktif (tidak melapor)")
    EXPIRED = "kedaluwarsa", _("Kedaluwarsa")
    CLOSED = "ditutup", _("Ditutup (sudah bekerja)")


@dataclass(frozen=True)
class Box:
    number: int
    due: dt.date
    reported_on: dt.date | None
    missed: bool


@dataclass(frozen=True)
class CardState:
    status: CardStatus
    valid_until: dt.date
    boxes: tuple[Box, ...]
    next_due: dt.date | None  # the first unfilled box's due date (None: all four filled)
    overdue_days: int  # days past the next due date (0 when not yet due)


def valid_until(valid_from: dt.date) -> dt.date:
    """The last day of a period: 24 months from the first, minus a day (1 Jan 2022 -> 31 Dec 2023)."""
    return add_months(valid_from, rule_on(valid_from).validity_months) - dt.timedelta(days=1)


def box_dues(valid_from: dt.date) -> tuple[dt.date, ...]:
    rule = rule_on(valid_from)
    count = rule.validity_months // rule.report_every_months
    return tuple(add_months(valid_from, rule.report_every_months * k) for k in range(1, count + 1))


def card_state(
    *, today: dt.date, valid_from: dt.date, reports: Iterable[dt.date] = (), closed_on: dt.date | None = None
) -> CardState:
    """R37: the card's status on ``today`` from its dates alone."""
    rule = rule_on(valid_from)
    grace = dt.timedelta(days=rule.grace_days)
    dues = box_dues(valid_from)
    filled: list[dt.date | None] = [None] * len(dues)
    for report in sorted(r for r in reports if r >= valid_from):
        for k, due in enumerate(dues):
            start = valid_from if k == 0 else dues[k - 1]
            if filled[k] is None and (k == 0 or report > start) and report <= due + grace:
                filled[k] = report
                break
    boxes = []
    missed_any = False
    for k, due in enumerate(dues):
        # the last box falls on the expiry day: it is reported at renewal, never "missed"
        missed = filled[k] is None and k < len(dues) - 1 and today > due + grace
        missed_any |= missed
        boxes.append(Box(number=k + 1, due=due, reported_on=filled[k], missed=missed))
    until = valid_until(valid_from)
    next_due = next((box.due for box in boxes if box.reported_on is None), None)
    overdue = max(0, (today - next_due).days) if next_due else 0
    if closed_on is not None and closed_on <= today:
        status = CardStatus.CLOSED
    elif today > until:
        status = CardStatus.EXPIRED
    elif missed_any:
        status = CardStatus.INACTIVE
    else:
        status = CardStatus.ACTIVE
    return CardState(
        status=status, valid_until=until, boxes=tuple(boxes), next_due=next_due, overdue_days=overdue
    )


def status_q(status: str, today: dt.date) -> models.Q:
    """The same rule as ``card_state`` over the stored dates of ``JobSeeker`` (valid_until, next_report_due
    = the first unfilled box, closed_on), for list filters and counts in the database."""
    grace = dt.timedelta(days=rule_on(today).grace_days)
    closed = models.Q(closed_on__isnull=False, closed_on__lte=today)
    expired = ~closed & models.Q(valid_until__lt=today)
    # box 4 falls on valid_until + 1 day: a first unfilled box before that is box 1-3
    missed = models.Q(next_report_due__lt=today - grace, next_report_due__lte=models.F("valid_until"))
    inactive = ~closed & ~models.Q(valid_until__lt=today) & missed
    if status == CardStatus.CLOSED:
        return closed
    if status == CardStatus.EXPIRED:
        return expired
    if status == CardStatus.INACTIVE:
        return inactive
    return ~closed & ~models.Q(valid_until__lt=today) & ~missed
