"""Pure rules of the LPK and BKK registries (domain.md R39, R39a, R39b): dated tables, no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReportDeadline:
    since: dt.date
    # The yearly placement report of year n is due by this month and day of year n + 1.
    month: int
    day: int


# R39b: a BKK's yearly report is due by 31 March of the next year (to confirm with the division).
# Newest first.
REPORT_DEADLINES = (ReportDeadline(since=dt.date(2016, 1, 1), month=3, day=31),)

# R39 / R39a: the one wording of the refusal, the same as naker's placement service gives for a placement
# abroad through a BKK.
ABROAD_REFUSAL = "BKK tidak boleh menempatkan ke luar negeri (R39)."


def _deadline(on: dt.date) -> ReportDeadline:
    for rule in REPORT_DEADLINES:
        if on >= rule.since:
            return rule
    return REPORT_DEADLINES[-1]


def last_year_due(on: dt.date) -> int:
    """R39b: the latest year whose yearly report is already due on ``on``."""
    rule = _deadline(on)
    return on.year - 1 if on > dt.date(on.year, rule.month, rule.day) else on.year - 2


def mark_valid(registered_on: dt.date | None, reported_years: Iterable[int], on: dt.date) -> bool:
    """R39a/R39b: the registration mark is valid while the BKK reports yearly: on ``on`` the report of the
    latest year due must be in, unless the BKK registered after that year (nothing due yet)."""
    if registered_on is None or registered_on > on:
        return False
    due = last_year_due(on)
    return registered_on.year > due or due in set(reported_years)


def abroad_refused(placed_abroad: int) -> bool:
    """R39/R39a: a BKK places its own alumni at home only; any placement abroad is refused."""
    return placed_abroad > 0
