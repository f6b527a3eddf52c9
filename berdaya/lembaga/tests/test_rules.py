import datetime as dt

from berdaya.lembaga import rules

D = dt.date


def test_the_report_of_year_n_is_due_after_31_march_of_n_plus_1():  # domain.md R39b
    assert rules.last_year_due(D(2023, 3, 31)) == 2021
    assert rules.last_year_due(D(2023, 4, 1)) == 2022


def test_the_mark_stays_valid_while_the_bkk_reports_yearly():  # domain.md R39a
    assert rules.mark_valid(D(2019, 2, 1), [2021, 2022], D(2023, 6, 1)) is True
    assert rules.mark_valid(D(2019, 2, 1), [2021], D(2023, 6, 1)) is False  # 2022's report missing
    assert rules.mark_valid(D(2019, 2, 1), [2021], D(2023, 3, 31)) is True  # still within the grace


def test_a_new_bkk_is_valid_until_its_first_report_falls_due():  # R39a boundary
    assert rules.mark_valid(D(2022, 8, 1), [], D(2023, 3, 31)) is True
    assert rules.mark_valid(D(2022, 8, 1), [], D(2023, 4, 1)) is False


def test_no_registration_no_mark():
    assert rules.mark_valid(None, [2022], D(2023, 6, 1)) is False
    assert rules.mark_valid(D(2024, 1, 1), [], D(2023, 6, 1)) is False


def test_any_placement_abroad_is_refused():  # domain.md R39
    assert rules.abroad_refused(0) is False
    assert rules.abroad_refused(1) is True
