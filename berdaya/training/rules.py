"""Pure rules of events (domain.md R40, R50, R51): dated tables, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# R40: one JP (lesson hour) lasts 45 minutes by default (length still to confirm with the BLK).
JP_MINUTES = 45

# R50: default completion rule, share of an event's sessions attended.
DEFAULT_COMPLETION_PERCENT = 80


@dataclass(frozen=True)
class FollowUpRule:
    since: dt.date
    # Event kind -> months after the event's end at which a follow-up is due.
    months: dict[str, tuple[int, ...]]


# R51: follow-up schedule per kind of event (default WUB/entrepreneur training 1, 3 and 6 months;
# exhibition 1 month). Newest first.
FOLLOW_UP_RULES = (
    FollowUpRule(
        since=dt.date(2020, 1, 1),
        months={
            "pelatihan": (1, 3, 6),
            "bimtek": (3,),
            "sosialisasi": (),
            "pameran": (1,),
            "temu_usaha": (1,),
            "job_fair": (1,),
            "blk": (1, 3, 6),
            "magang": (3,),
            "other": (),
        },
    ),
)


def follow_up_months(kind: str, on: dt.date) -> tuple[int, ...]:
    """R51: the months after an event of ``kind`` ending ``on`` at which follow-ups are due."""
    for rule in FOLLOW_UP_RULES:
        if on >= rule.since:
            return rule.months.get(kind, ())
    return ()


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clipped to the month's last day (31 Jan + 1 -> 28/29 Feb)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def completed(attended: int, sessions: int, percent: int = DEFAULT_COMPLETION_PERCENT) -> bool:
    """R50: attended at least ``percent`` % of the sessions (an event without sessions: attended once)."""
    if sessions <= 0:
        return attended > 0
    return attended * 100 >= percent * sessions


def jp_hours(minutes: int, jp_minutes: int = JP_MINUTES) -> int:
    """R40: whole lesson hours in ``minutes`` of training."""
    return max(0, minutes) // jp_minutes


def follow_up_state(state: str, due_on: dt.date, today: dt.date) -> str:
    """DHIS2-style stage state: a scheduled follow-up past its due date is overdue (R51)."""
    if state == "scheduled" and due_on < today:
        return "overdue"
    return state
