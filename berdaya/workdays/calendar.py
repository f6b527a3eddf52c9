"""The one working-day calendar (R43b): pure functions over a ``Calendar`` (the dated holiday table of
``workdays.models`` at one version), and the loader that builds it from the database.

Working days exclude Saturdays, Sundays, national holidays and collective leave (cuti bersama). A year
with no list is never treated as all working days: every answer names the years it could not check
(``missing_years``) and whether it rests on estimated dates (``estimated``), and the calendar version
that computed it, so a deadline can be recomputed when a decree moves a day.

Counting: ``add_working_days(start, n)`` is the n-th working day *after* ``start`` (the day of the event
does not count: "paling lama 7 hari kerja sejak ..."); ``working_days_between(a, b)`` counts the working
days in (a, b].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    version: int
    holidays: frozenset[dt.date] = frozenset()
    years: frozenset[int] = frozenset()  # years that have a list
    estimated: frozenset[dt.date] = frozenset()  # holidays whose date is an estimate
    provisional_years: frozenset[int] = frozenset()  # lists not yet confirmed against the decree

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays


@dataclass(frozen=True)
class Answer:
    """A date (or count) with what it rests on."""

    value: dt.date | int
    version: int
    missing_years: tuple[int, ...] = ()
    estimated: bool = False
    provisional_years: tuple[int, ...] = ()

    @property
    def certain(self) -> bool:
        return not (self.missing_years or self.estimated)


@dataclass
class _Span:
    calendar: Calendar
    years: set[int] = field(default_factory=set)
    estimated: bool = False

    def visit(self, day: dt.date) -> bool:
        self.years.add(day.year)
        if day in self.calendar.estimated:
            self.estimated = True
        return self.calendar.is_working_day(day)

    def answer(self, value) -> Answer:
        cal = self.calendar
        return Answer(
            value=value,
            version=cal.version,
            missing_years=tuple(sorted(self.years - cal.years)),
            estimated=self.estimated,
            provisional_years=tuple(sorted(self.years & cal.provisional_years)),
        )


def add_working_days(start: dt.date, n: int, *, calendar: Calendar | None = None) -> Answer:
    """The n-th working day after ``start`` (n ≥ 1); n = 0 gives ``start`` itself."""
    if n < 0:
        raise ValueError("n must be ≥ 0")
    span = _Span(calendar or current())
    day, left = start, n
    span.years.add(start.year)
    while left:
        day += ONE_DAY
        if span.visit(day):
            left -= 1
    return span.answer(day)


def working_days_between(a: dt.date, b: dt.date, *, calendar: Calendar | None = None) -> Answer:
    """Working days in (a, b]; negative when b is before a."""
    if b < a:
        answer = working_days_between(b, a, calendar=calendar)
        return Answer(-answer.value, answer.version, answer.missing_years, answer.estimated)
    span = _Span(calendar or current())
    span.years.add(a.year)
    count, day = 0, a
    while day < b:
        day += ONE_DAY
        if span.visit(day):
            count += 1
    return span.answer(count)


def next_working_day(day: dt.date, *, calendar: Calendar | None = None) -> dt.date:
    """``day`` itself when it is a working day, else the next one."""
    calendar = calendar or current()
    while not calendar.is_working_day(day):
        day += ONE_DAY
    return day


# --- Loading from the database (cached per version) --------------------------------------------------------

_cache: dict[int, Calendar] = {}


def current() -> Calendar:
    """The calendar at the latest revision of the holiday table."""
    from .models import CalendarRevision, Holiday, HolidayYear

    version = CalendarRevision.current_version()
    cached = _cache.get(version)
    if cached is not None:
        return cached
    rows = list(Holiday.objects.values_list("date", "estimated"))
    years = list(HolidayYear.objects.values_list("year", "confirmed"))
    calendar = Calendar(
        version=version,
        holidays=frozenset(day for day, _est in rows),
        years=frozenset(year for year, _c in years),
        estimated=frozenset(day for day, est in rows if est),
        provisional_years=frozenset(year for year, confirmed in years if not confirmed),
    )
    _cache.clear()
    _cache[version] = calendar
    return calendar
