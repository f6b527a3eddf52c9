import datetime as dt

from berdaya.training import rules


def test_completion_at_the_80_percent_boundary():
    # R50: at least 80 % of sessions.
    assert rules.completed(4, 5)
    assert not rules.completed(3, 5)
    assert rules.completed(8, 10) and not rules.completed(7, 10)
    assert rules.completed(1, 0) and not rules.completed(0, 0)
    assert rules.completed(3, 5, percent=60)


def test_follow_up_schedule_per_kind():
    # R51: WUB/entrepreneur training 1, 3, 6 months; exhibition 1 month; socialisation none.
    on = dt.date(2022, 5, 1)
    assert rules.follow_up_months("pelatihan", on) == (1, 3, 6)
    assert rules.follow_up_months("pameran", on) == (1,)
    assert rules.follow_up_months("sosialisasi", on) == ()
    assert rules.follow_up_months("pelatihan", dt.date(2019, 12, 31)) == ()


def test_add_months_clips_to_month_end():
    assert rules.add_months(dt.date(2022, 1, 31), 1) == dt.date(2022, 2, 28)
    assert rules.add_months(dt.date(2022, 11, 15), 3) == dt.date(2023, 2, 15)


def test_jp_hours_default_45_minutes():
    # R40
    assert rules.jp_hours(90) == 2
    assert rules.jp_hours(89) == 1
    assert rules.jp_hours(-5) == 0


def test_overdue_state():
    today = dt.date(2022, 3, 1)
    assert rules.follow_up_state("scheduled", dt.date(2022, 2, 28), today) == "overdue"
    assert rules.follow_up_state("scheduled", today, today) == "scheduled"
    assert rules.follow_up_state("done", dt.date(2022, 1, 1), today) == "done"
