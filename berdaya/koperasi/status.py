"""A cooperative's activity status and watch-list stage: a pure function of its RAT history and the RAT rule
in force (domain.md R20-R22, R27). No database access here; ``services.cooperative_refresh_status`` feeds it.

Definitions (fiscal year = calendar year; ``rule`` is the ``RatRule`` row in force on the day evaluated):

- deadline(y) = 31 December y + ``deadline_months`` (6: 30 June y+1). A RAT held on the deadline is on
  time; the day after, it is late (R20).
- On a date ``on``, the *last passed* fiscal year is the latest y with deadline(y) < on; the *due* fiscal year
  is the one after it if it has closed (31 December passed) but its deadline has not.
- A fiscal year is *missed* when its deadline has passed with no RAT held for it (a RAT held late counts as
  held). ``missed`` = consecutive missed years back from the last passed one.
- Active (R21): a RAT held for one of the last N passed fiscal years (or already for the due one). A
  cooperative younger than N passed fiscal years (from its legal-entity year) is not called inactive yet.
- Watch stage, most urgent first: inactive; missed ≥ M (R22: warning letter, then planned dissolution);
  missed at least once (at risk); due soon: the due year's RAT not recorded from ``at_risk_lead_months``
  before its deadline (R22's early warning); late: the last passed year's RAT was held after its deadline.
- Dissolved once a dissolution reached its decision (R27); such cooperatives leave the watch list.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import DissolutionStage, Status, WatchStage

# Stages sorted most urgent first (the watch list's order).
STAGE_ORDER = (
    WatchStage.INACTIVE,
    WatchStage.MISSED_M,
    WatchStage.MISSED_ONCE,
    WatchStage.DUE_SOON,
    WatchStage.LATE,
)
DISSOLUTION_ORDER = (
    DissolutionStage.PROPOSAL,
    DissolutionStage.NOTICE,
    DissolutionStage.OBJECTION,
    DissolutionStage.DECISION,
    DissolutionStage.SETTLEMENT,
    DissolutionStage.STRUCK_OFF,
)
DISSOLVED_STAGES = frozenset(
    {DissolutionStage.DECISION, DissolutionStage.SETTLEMENT, DissolutionStage.STRUCK_OFF}
)


class NextAction:
    RECORD_RAT = "record_rat"
    VISIT = "visit"
    WARNING_LETTER = "warning_letter"
    PROPOSE_DISSOLUTION = "propose_dissolution"
    CONTINUE_DISSOLUTION = "continue_dissolution"


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, the day clamped to the month's length (31 Dec + 6 = 30 Jun)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def deadline(fiscal_year: int, rule) -> dt.date:
    """R20: the last day on which the RAT of ``fiscal_year`` is on time."""
    return add_months(dt.date(fiscal_year, 12, 31), rule.deadline_months)


def at_risk_from(fiscal_year: int, rule) -> dt.date:
    """R22: from this day a RAT not yet recorded puts the cooperative on the watch list."""
    return add_months(deadline(fiscal_year, rule), -rule.at_risk_lead_months)


def is_on_time(fiscal_year: int, held_on: dt.date, rule) -> bool:
    return held_on <= deadline(fiscal_year, rule)


def last_passed_year(on: dt.date, rule) -> int:
    year = on.year
    while deadline(year, rule) >= on:
        year -= 1
    return year


def rule_on(rules: Iterable, on: dt.date):
    """The rule in force on ``on``: the latest ``valid_from`` on or before it (else the earliest row)."""
    rules = sorted(rules, key=lambda r: r.valid_from)
    if not rules:
        raise LookupError("Tabel aturan RAT kosong: tambahkan satu baris (RatRule).")
    in_force = [r for r in rules if r.valid_from <= on]
    return in_force[-1] if in_force else rules[0]


@dataclass(frozen=True)
class Evaluation:
    status: str
    reason: str
    stage: str
    missed: int  # consecutive missed fiscal years
    last_passed_year: int
    due_year: int | None  # closed fiscal year whose deadline is still ahead
    due_deadline: dt.date | None
    next_action: str | None

    @property
    def on_watch_list(self) -> bool:
        return bool(self.stage)


def _due_year(on: dt.date, passed: int, first_year: int | None) -> int | None:
    due = passed + 1 if dt.date(passed + 1, 12, 31) < on else None
    return None if due is None or (first_year is not None and due < first_year) else due


def _window(passed: int, n: int, first_year: int | None) -> list[int]:
    """R21's last N passed fiscal years, from the cooperative's first fiscal year on."""
    return [y for y in range(passed - n + 1, passed + 1) if first_year is None or y >= first_year]


def is_active(*, rats: Mapping[int, dt.date], on: dt.date, rule, first_year: int | None = None) -> bool:
    """R21 alone, as ``evaluate(...).status`` says for a cooperative not dissolved (no reason text: the
    figures call it for every cooperative and date)."""
    passed = last_passed_year(on, rule)
    window = _window(passed, rule.active_years, first_year)
    if len(window) < rule.active_years:
        return True
    years = [*window, _due_year(on, passed, first_year)]
    return any(year in rats and rats[year] <= on for year in years)


def evaluate(
    *,
    rats: Mapping[int, dt.date],
    on: dt.date,
    rule,
    first_year: int | None = None,
    warned_on: dt.date | None = None,
    dissolution_stage: str | None = None,
) -> Evaluation:
    """The status on ``on``. ``rats``: fiscal year -> date held (RATs held after ``on`` are ignored);
    ``first_year``: the fiscal year the cooperative started (legal-entity date), earlier years do not
    count; ``warned_on``: the latest warning letter's date; ``dissolution_stage``: the open procedure's."""
    held = {year: day for year, day in rats.items() if day <= on}
    passed = last_passed_year(on, rule)
    due = _due_year(on, passed, first_year)
    due_deadline = deadline(due, rule) if due is not None else None

    if dissolution_stage in DISSOLVED_STAGES:
        return Evaluation(
            Status.DIBUBARKAN,
            _("Dibubarkan: %(stage)s.") % {"stage": DissolutionStage(dissolution_stage).label},
            WatchStage.NONE,
            0,
            passed,
            None,
            None,
            None,
        )

    n, m = rule.active_years, rule.missed_for_warning
    lowest = first_year if first_year is not None else passed - max(n, m) + 1
    missed = 0
    year = passed
    while year >= lowest and year not in held:
        missed += 1
        year -= 1
    window = _window(passed, n, first_year)
    recent = [y for y in [*window, due] if y is not None and y in held]
    young = len(window) < n

    if recent:
        status = Status.AKTIF
        latest = max(recent)
        reason = _("RAT tahun buku %(year)d diadakan %(day)s.") % {
            "year": latest,
            "day": date_format(held[latest]),
        }
    elif young:
        status = Status.AKTIF
        reason = _("Koperasi baru, belum %(n)d tahun buku berlalu sejak berdiri.") % {"n": n}
    else:
        status = Status.TIDAK_AKTIF
        reason = _("Tidak ada RAT untuk tahun buku %(first)d–%(last)d (R21, N = %(n)d).") % {
            "first": passed - n + 1,
            "last": passed,
            "n": n,
        }

    if status == Status.TIDAK_AKTIF:
        stage = WatchStage.INACTIVE
    elif missed >= m:
        stage = WatchStage.MISSED_M
    elif missed >= 1:
        stage = WatchStage.MISSED_ONCE
    elif due is not None and due not in held and on >= at_risk_from(due, rule):
        stage = WatchStage.DUE_SOON
    elif passed in held and not is_on_time(passed, held[passed], rule):
        stage = WatchStage.LATE
    else:
        stage = WatchStage.NONE

    if missed and status == Status.AKTIF:
        reason += " " + _("RAT terlewat %(k)d tahun buku berturut-turut (terakhir %(year)d).") % {
            "k": missed,
            "year": passed,
        }
    return Evaluation(
        status,
        reason,
        stage,
        missed,
        passed,
        due,
        due_deadline,
        _next_action(stage, missed, passed, rule, warned_on, dissolution_stage),
    )


def _next_action(stage, missed, passed, rule, warned_on, dissolution_stage) -> str | None:
    if dissolution_stage and dissolution_stage != DissolutionStage.CANCELLED:
        return NextAction.CONTINUE_DISSOLUTION
    if stage in (WatchStage.MISSED_M, WatchStage.INACTIVE):
        # A letter counts for the current streak if it came after the streak's first missed deadline.
        streak_start = deadline(passed - missed + 1, rule) if missed else None
        warned = warned_on is not None and (streak_start is None or warned_on > streak_start)
        return NextAction.PROPOSE_DISSOLUTION if warned else NextAction.WARNING_LETTER
    if stage in (WatchStage.MISSED_ONCE, WatchStage.LATE):
        return NextAction.VISIT
    if stage == WatchStage.DUE_SOON:
        return NextAction.RECORD_RAT
    return None
