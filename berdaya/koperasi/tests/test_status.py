"""The status function (status.py): a pure function of RAT history and the dated rule, at every boundary."""

import datetime as dt
from types import SimpleNamespace

import pytest

from berdaya.koperasi.models import Status, WatchStage
from berdaya.koperasi.status import (
    NextAction,
    add_months,
    at_risk_from,
    deadline,
    evaluate,
    is_active,
    rule_on,
)

RULE = SimpleNamespace(
    valid_from=dt.date(1992, 1, 1),
    deadline_months=6,
    active_years=3,
    missed_for_warning=2,
    at_risk_lead_months=1,
)


def held_all(first, last, month=3):
    return {year: dt.date(year + 1, month, 15) for year in range(first, last + 1)}


def test_the_deadline_is_six_months_after_the_fiscal_year_end():
    # domain.md R20
    assert deadline(2024, RULE) == dt.date(2025, 6, 30)
    assert at_risk_from(2024, RULE) == dt.date(2025, 5, 30)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)


def test_a_rat_held_on_the_deadline_day_is_on_time_and_the_day_after_late():
    # domain.md R20
    on_time = evaluate(
        rats=held_all(2020, 2023) | {2024: dt.date(2025, 6, 30)}, on=dt.date(2025, 8, 1), rule=RULE
    )
    late = evaluate(
        rats=held_all(2020, 2023) | {2024: dt.date(2025, 7, 1)}, on=dt.date(2025, 8, 1), rule=RULE
    )
    assert on_time.stage == WatchStage.NONE
    assert late.stage == WatchStage.LATE and late.next_action == NextAction.VISIT
    assert late.status == Status.AKTIF


def test_not_recorded_on_the_deadline_day_is_due_soon_and_missed_the_day_after():
    # domain.md R20, R22
    rats = held_all(2020, 2023)
    on_deadline = evaluate(rats=rats, on=dt.date(2025, 6, 30), rule=RULE)
    after = evaluate(rats=rats, on=dt.date(2025, 7, 1), rule=RULE)
    assert (on_deadline.stage, on_deadline.missed, on_deadline.due_year) == (WatchStage.DUE_SOON, 0, 2024)
    assert on_deadline.next_action == NextAction.RECORD_RAT
    assert (after.stage, after.missed) == (WatchStage.MISSED_ONCE, 1)
    assert after.status == Status.AKTIF


def test_the_early_warning_starts_one_month_before_the_deadline():
    # domain.md R22: not recorded 1 month before the deadline = at risk
    rats = held_all(2020, 2023)
    assert evaluate(rats=rats, on=dt.date(2025, 5, 29), rule=RULE).stage == WatchStage.NONE
    assert evaluate(rats=rats, on=dt.date(2025, 5, 30), rule=RULE).stage == WatchStage.DUE_SOON


def test_m_consecutive_missed_rats_propose_a_warning_letter_then_dissolution():
    # domain.md R22: M = 2
    rats = held_all(2018, 2022)
    once = evaluate(rats=rats, on=dt.date(2025, 6, 30), rule=RULE)  # 2023 missed, 2024 still due
    twice = evaluate(rats=rats, on=dt.date(2025, 7, 1), rule=RULE)
    assert (once.missed, once.stage) == (1, WatchStage.MISSED_ONCE)
    assert (twice.missed, twice.stage) == (2, WatchStage.MISSED_M)
    assert twice.next_action == NextAction.WARNING_LETTER
    warned = evaluate(rats=rats, on=dt.date(2025, 8, 1), rule=RULE, warned_on=dt.date(2025, 7, 20))
    assert warned.next_action == NextAction.PROPOSE_DISSOLUTION
    # A letter from before this streak began does not count.
    old = evaluate(rats=rats, on=dt.date(2025, 8, 1), rule=RULE, warned_on=dt.date(2020, 1, 1))
    assert old.next_action == NextAction.WARNING_LETTER


def test_inactive_after_n_fiscal_years_without_a_rat():
    # domain.md R21: N = 3
    rats = held_all(2015, 2021)
    two_missed = evaluate(rats=rats, on=dt.date(2025, 6, 30), rule=RULE)  # 2022, 2023 missed
    three_missed = evaluate(rats=rats, on=dt.date(2025, 7, 1), rule=RULE)  # 2022-2024 missed
    assert two_missed.status == Status.AKTIF and two_missed.stage == WatchStage.MISSED_M
    assert three_missed.status == Status.TIDAK_AKTIF and three_missed.stage == WatchStage.INACTIVE
    assert "2022–2024" in three_missed.reason


def test_a_rat_for_the_due_year_held_early_keeps_it_active():
    # domain.md R21
    rats = held_all(2015, 2020) | {2024: dt.date(2025, 2, 1)}
    result = evaluate(rats=rats, on=dt.date(2025, 3, 1), rule=RULE)
    assert result.status == Status.AKTIF and result.stage == WatchStage.MISSED_M  # 2021-2023 still missed


def test_n_and_m_come_from_the_rule():
    # domain.md R21: N configurable (2 or 3)
    rule = SimpleNamespace(**vars(RULE) | {"active_years": 2, "missed_for_warning": 1})
    rats = held_all(2015, 2022)
    result = evaluate(rats=rats, on=dt.date(2025, 7, 1), rule=rule)  # 2023, 2024 missed
    assert result.status == Status.TIDAK_AKTIF
    assert evaluate(rats=held_all(2015, 2023), on=dt.date(2025, 7, 1), rule=rule).stage == WatchStage.MISSED_M


def test_a_young_cooperative_is_not_inactive_before_n_years_have_passed():
    # domain.md R21
    result = evaluate(rats={}, on=dt.date(2025, 7, 1), rule=RULE, first_year=2023)
    assert result.status == Status.AKTIF and result.missed == 2 and result.stage == WatchStage.MISSED_M
    assert evaluate(rats={}, on=dt.date(2026, 7, 1), rule=RULE, first_year=2023).status == Status.TIDAK_AKTIF


def test_a_rat_recorded_with_a_later_date_does_not_count_yet():
    rats = held_all(2015, 2023) | {2024: dt.date(2025, 6, 1)}
    assert evaluate(rats=rats, on=dt.date(2025, 5, 31), rule=RULE).stage == WatchStage.DUE_SOON


def test_dissolved_from_the_decision_on_and_off_the_watch_list():
    # domain.md R27
    result = evaluate(rats={}, on=dt.date(2025, 7, 1), rule=RULE, dissolution_stage="decision")
    assert result.status == Status.DIBUBARKAN and result.stage == WatchStage.NONE
    proposed = evaluate(rats={}, on=dt.date(2025, 7, 1), rule=RULE, dissolution_stage="notice")
    assert proposed.status == Status.TIDAK_AKTIF and proposed.next_action == NextAction.CONTINUE_DISSOLUTION


def test_the_rule_in_force_is_the_latest_dated_one():
    newer = SimpleNamespace(**vars(RULE) | {"valid_from": dt.date(2025, 1, 1), "active_years": 2})
    assert rule_on([newer, RULE], dt.date(2024, 12, 31)) is RULE
    assert rule_on([newer, RULE], dt.date(2025, 1, 1)) is newer
    with pytest.raises(LookupError):
        rule_on([], dt.date(2025, 1, 1))


@pytest.mark.parametrize(
    "rats,on,first_year",
    [
        (held_all(2015, 2021), dt.date(2025, 6, 30), None),
        (held_all(2015, 2021), dt.date(2025, 7, 1), None),
        (held_all(2015, 2020) | {2024: dt.date(2025, 2, 1)}, dt.date(2025, 3, 1), None),
        ({}, dt.date(2025, 7, 1), 2023),
        ({}, dt.date(2026, 7, 1), 2023),
        (held_all(2015, 2023) | {2024: dt.date(2025, 6, 1)}, dt.date(2025, 5, 31), None),
    ],
)
def test_is_active_agrees_with_evaluate(rats, on, first_year):
    # domain.md R21: the figures' shortcut and the status function say the same
    expected = evaluate(rats=rats, on=on, rule=RULE, first_year=first_year).status == Status.AKTIF
    assert is_active(rats=rats, on=on, rule=RULE, first_year=first_year) is expected
