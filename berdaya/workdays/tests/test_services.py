"""workdays.services: staff extend and confirm the table; a moved day recomputes open deadlines (R43b)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.workdays import calendar
from berdaya.workdays.models import CalendarRevision, Category, DeadlineStatus, Holiday, HolidayYear
from berdaya.workdays.services import (
    deadline_compute,
    deadline_pause,
    deadline_resume,
    holiday_add,
    holiday_move,
    holiday_year_add,
    holiday_year_confirm,
)

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_shipped_years_have_their_legal_basis():
    years = {y.year: y for y in HolidayYear.objects.all()}
    assert {2022, 2023, 2024, 2025, 2026} <= {y for y, row in years.items() if row.confirmed}
    assert "SKB" in years[2024].legal_basis
    assert not years[2027].confirmed
    assert Holiday.objects.filter(date=D(2024, 4, 8), category=Category.CUTI_BERSAMA).exists()


def test_staff_add_a_year_and_a_holiday_and_the_version_moves(cast):
    before = CalendarRevision.current_version()
    holiday_year_add(actor=cast.phijs, year=2028, legal_basis="SKB 2028")
    holiday_add(actor=cast.phijs, date=D(2028, 1, 3), name="Cuti bersama", category=Category.CUTI_BERSAMA)
    assert CalendarRevision.current_version() == before + 2
    assert add(D(2027, 12, 31), 1) == D(2028, 1, 4)  # 1 Jan is Saturday 2028, the 3rd is leave
    with pytest.raises(ValidationError):
        holiday_add(actor=cast.phijs, date=D(2031, 1, 2), name="X", category=Category.NATIONAL)


def add(day, n):
    return calendar.add_working_days(day, n).value


def test_confirming_a_year_clears_its_estimates(cast):
    year = HolidayYear.objects.get(year=2027)
    assert year.holidays.filter(estimated=True).exists()
    holiday_year_confirm(actor=cast.phijs, holiday_year=year, legal_basis="SKB 2027")
    assert not year.holidays.filter(estimated=True).exists()
    assert HolidayYear.objects.get(year=2027).confirmed


class _Fake:
    """A deadline-like object for the pause arithmetic (no table needed)."""

    def __init__(self, start, days):
        self.started_on, self.days = start, days
        self.resumed_on = self.paused_on = None
        self.used_before_pause = 0
        self.status = DeadlineStatus.OPEN

    anchor = property(lambda self: self.resumed_on or self.started_on)
    remaining_days = property(lambda self: self.days - self.used_before_pause)


def test_a_paused_deadline_keeps_the_days_it_used_and_resumes_with_the_rest():
    # Permenakertrans 17/2014 art. 15(2): clarification pauses the mediation clock.
    deadline = _Fake(D(2024, 7, 1), 7)  # Monday: due Wednesday 10 July
    deadline_compute(deadline)
    assert deadline.due_on == D(2024, 7, 10)
    deadline_pause(deadline, on=D(2024, 7, 3))  # 2 working days used
    assert deadline.used_before_pause == 2 and deadline.status == DeadlineStatus.PAUSED
    deadline_resume(deadline, on=D(2024, 7, 15))
    assert deadline.due_on == D(2024, 7, 22)  # 5 more working days after Monday 15 July
    with pytest.raises(ValidationError):
        deadline_resume(deadline, on=D(2024, 7, 16))


def test_moving_a_collective_leave_day_makes_a_new_version(cast):  # R43b
    # (the recomputed deadlines themselves: hubind/tests/test_deadlines.py)
    holiday = Holiday.objects.get(date=D(2024, 12, 26))
    revision_before = CalendarRevision.current_version()
    holiday_move(actor=cast.phijs, holiday=holiday, to=D(2024, 12, 27), basis="SKB perubahan (uji)")
    revision = CalendarRevision.objects.first()
    assert revision.pk == revision_before + 1
    assert add(D(2024, 12, 24), 2) == D(2024, 12, 30)  # 25 Natal, 26 now working, 27 leave
