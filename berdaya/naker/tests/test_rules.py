"""The AK/1 card's status as a pure function of dates, at every boundary (domain.md R37)."""

import datetime as dt

from berdaya.naker import rules
from berdaya.naker.rules import CardStatus, add_months, card_state

START = dt.date(2022, 3, 15)  # boxes due 15 Sep 2022, 15 Mar 2023, 15 Sep 2023, 15 Mar 2024
GRACE = dt.timedelta(days=rules.rule_on(START).grace_days)


def state(today, reports=(), closed_on=None):
    return card_state(today=today, valid_from=START, reports=reports, closed_on=closed_on)


def test_a_card_is_valid_two_years_to_the_day_before():  # R37
    assert rules.valid_until(START) == dt.date(2024, 3, 14)
    assert rules.valid_until(dt.date(2022, 1, 1)) == dt.date(2023, 12, 31)


def test_months_are_added_to_the_end_of_short_months():
    assert add_months(dt.date(2022, 8, 31), 6) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)


def test_four_boxes_every_six_months():  # R37a
    assert rules.box_dues(START) == (
        dt.date(2022, 9, 15),
        dt.date(2023, 3, 15),
        dt.date(2023, 9, 15),
        dt.date(2024, 3, 15),
    )


def test_it_is_active_until_the_last_day_of_grace_without_a_report():  # R37
    first_due = dt.date(2022, 9, 15)
    assert state(first_due + GRACE).status == CardStatus.ACTIVE
    assert state(first_due + GRACE).overdue_days == GRACE.days


def test_a_missed_report_makes_it_inactive_the_day_after_grace():  # R37
    first_due = dt.date(2022, 9, 15)
    later = state(first_due + GRACE + dt.timedelta(days=1))
    assert later.status == CardStatus.INACTIVE
    assert later.boxes[0].missed


def test_a_report_in_the_window_fills_the_box_and_keeps_it_active():
    reported = state(dt.date(2023, 1, 1), reports=[dt.date(2022, 9, 1)])
    assert reported.status == CardStatus.ACTIVE
    assert reported.boxes[0].reported_on == dt.date(2022, 9, 1)
    assert reported.next_due == dt.date(2023, 3, 15)


def test_a_report_during_grace_still_counts_for_the_box_it_was_late_for():
    late = dt.date(2022, 9, 15) + GRACE
    assert state(dt.date(2023, 1, 1), reports=[late]).status == CardStatus.ACTIVE


def test_a_report_after_grace_does_not_repair_the_missed_box():  # R37: renewal starts again
    too_late = dt.date(2022, 9, 15) + GRACE + dt.timedelta(days=1)
    result = state(dt.date(2022, 11, 1), reports=[too_late])
    assert result.status == CardStatus.INACTIVE
    assert result.boxes[1].reported_on == too_late


def test_it_expires_the_day_after_its_last_valid_day():  # R37
    reports = [dt.date(2022, 9, 1), dt.date(2023, 3, 1), dt.date(2023, 9, 1)]
    assert state(dt.date(2024, 3, 14), reports=reports).status == CardStatus.ACTIVE
    assert state(dt.date(2024, 3, 15), reports=reports).status == CardStatus.EXPIRED


def test_the_fourth_box_is_never_missed_it_falls_on_expiry():
    reports = [dt.date(2022, 9, 1), dt.date(2023, 3, 1), dt.date(2023, 9, 1)]
    assert not state(dt.date(2025, 1, 1), reports=reports).boxes[3].missed


def test_employment_closes_it_from_the_day_recorded():  # R37
    closed = dt.date(2022, 6, 1)
    assert state(dt.date(2022, 5, 31), closed_on=closed).status == CardStatus.ACTIVE
    assert state(closed, closed_on=closed).status == CardStatus.CLOSED
    assert state(dt.date(2025, 1, 1), closed_on=closed).status == CardStatus.CLOSED
