"""R47 deadlines and R48 cutoffs, at their boundaries."""

import datetime as dt
from zoneinfo import ZoneInfo

from berdaya.privacy.rules import breach_notice_due, request_due, retention_cutoff
from berdaya.workdays.calendar import Calendar

WITA = ZoneInfo("Asia/Makassar")
NO_HOLIDAYS = Calendar(version=7, years=frozenset({2025, 2026}))


def test_a_request_on_monday_is_due_thursday_same_time():  # R47
    due, version = request_due(dt.datetime(2025, 3, 3, 10, 30, tzinfo=WITA), calendar=NO_HOLIDAYS)
    assert due == dt.datetime(2025, 3, 6, 10, 30, tzinfo=WITA) and version == 7


def test_a_request_on_thursday_skips_the_weekend():  # R47: 72 hours counted by the calendar
    due, _v = request_due(dt.datetime(2025, 3, 6, 9, 0, tzinfo=WITA), calendar=NO_HOLIDAYS)
    assert due.date() == dt.date(2025, 3, 11)


def test_a_holiday_does_not_count():  # R47
    calendar = Calendar(version=8, holidays=frozenset({dt.date(2025, 3, 4)}), years=frozenset({2025}))
    due, _v = request_due(dt.datetime(2025, 3, 3, 9, 0, tzinfo=WITA), calendar=calendar)
    assert due.date() == dt.date(2025, 3, 7)


def test_a_breach_notice_is_due_72_clock_hours_later_weekend_included():  # R47, UU 27/2022 Pasal 46
    aware = dt.datetime(2025, 3, 7, 16, 0, tzinfo=WITA)  # a Friday
    assert breach_notice_due(aware) == dt.datetime(2025, 3, 10, 16, 0, tzinfo=WITA)


def test_retention_cutoff_counts_whole_months_and_clamps_the_day():  # R48
    assert retention_cutoff(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert retention_cutoff(dt.date(2026, 1, 15), 60) == dt.date(2021, 1, 15)
