from decimal import Decimal

from berdaya.lib.bars import bar_rows, percent_step


def test_the_largest_bar_is_full_and_the_others_are_relative_to_it():
    rows = bar_rows({"a": 10, "b": 5, "c": 1}, {"a": "Alpha", "b": "Beta"})
    assert [r["label"] for r in rows] == ["Alpha", "Beta", "c"]
    assert [r["step"] for r in rows] == [100, 50, 10]


def test_records_without_a_key_get_the_blank_label():
    assert bar_rows({"": 3}, {}, blank="Tanpa kelurahan")[0]["label"] == "Tanpa kelurahan"


def test_no_counts_no_rows():
    assert bar_rows({}, {}) == []


def test_a_percentage_bar_is_rounded_to_steps_of_five_within_0_and_100():
    assert percent_step(Decimal("6.47")) == 5
    assert percent_step(97.6) == 100
    assert percent_step(None) == 0
    assert percent_step(130) == 100
