"""workdays.calendar at every boundary (R43b): Idul Fitri with its collective leave, a year change, a
Saturday start, a year without a list, estimated dates."""

import datetime as dt

import pytest

from berdaya.workdays.calendar import (
    Calendar,
    add_working_days,
    current,
    next_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def cal():
    return current()


def test_a_deadline_crossing_idul_fitri_skips_the_holidays_and_the_collective_leave(cal):  # R43b
    # Friday 5 April 2024; 8-9 Apr cuti bersama, 10-11 Idul Fitri, 12 and 15 cuti bersama.
    assert add_working_days(D(2024, 4, 5), 1, calendar=cal).value == D(2024, 4, 16)
    assert add_working_days(D(2024, 4, 5), 7, calendar=cal).value == D(2024, 4, 24)
    assert working_days_between(D(2024, 4, 5), D(2024, 4, 16), calendar=cal).value == 1


def test_a_deadline_across_the_year_change(cal):  # R43b
    # Friday 22 Dec 2023: 25 Natal, 26 cuti bersama, 1 Jan 2024 New Year.
    answer = add_working_days(D(2023, 12, 22), 5, calendar=cal)
    assert answer.value == D(2024, 1, 3)
    assert answer.certain and answer.version == cal.version


def test_a_saturday_start_counts_from_the_next_working_day(cal):  # R43b
    # Saturday 15 June 2024; 17 Idul Adha, 18 cuti bersama.
    assert add_working_days(D(2024, 6, 15), 1, calendar=cal).value == D(2024, 6, 19)
    assert next_working_day(D(2024, 6, 15), calendar=cal) == D(2024, 6, 19)
    # An ordinary Saturday: Monday is the first working day.
    assert add_working_days(D(2024, 7, 13), 1, calendar=cal).value == D(2024, 7, 15)


def test_zero_days_is_the_start_and_the_count_is_exclusive_of_it(cal):
    assert add_working_days(D(2024, 7, 10), 0, calendar=cal).value == D(2024, 7, 10)
    assert working_days_between(D(2024, 7, 10), D(2024, 7, 10), calendar=cal).value == 0
    assert working_days_between(D(2024, 7, 12), D(2024, 7, 10), calendar=cal).value == -2


def test_a_year_without_its_list_is_flagged_not_taken_as_all_working_days(cal):  # R43b
    answer = add_working_days(D(2030, 3, 1), 10, calendar=cal)
    assert answer.missing_years == (2030,)
    assert not answer.certain


def test_an_estimated_islamic_date_marks_the_answer_estimated(cal):
    # 2027 ships from the package: Idul Fitri 1448 H is an estimate there.
    answer = add_working_days(D(2027, 3, 5), 5, calendar=cal)
    assert answer.estimated and 2027 in answer.provisional_years
    assert not add_working_days(D(2024, 4, 5), 5, calendar=cal).estimated


def test_the_pure_functions_need_no_database():
    cal = Calendar(version=7, holidays=frozenset({D(2025, 1, 1)}), years=frozenset({2024, 2025}))
    answer = add_working_days(D(2024, 12, 31), 1, calendar=cal)
    assert answer.value == D(2025, 1, 2) and answer.version == 7
