from berdaya.blk import rules

K, B = rules.KOMPETEN, rules.BELUM_KOMPETEN


def test_jp_counts_45_minutes_by_default():  # domain.md R40
    assert rules.jp_to_minutes(140) == 6300
    assert rules.jp_to_minutes(1, jp_minutes=50) == 50


def test_programme_jp_is_the_sum_of_unit_hours_when_units_carry_them():  # domain.md R40
    assert rules.programme_jp(100, [20, 60, 60]) == 140
    assert rules.programme_jp(100, [0, 0]) == 100
    assert rules.programme_jp(100, []) == 100


def test_competent_needs_every_unit_kompeten():  # domain.md R40a
    assert rules.competent({1: K, 2: K}, [1, 2]) is True
    assert rules.competent({1: K, 2: B}, [1, 2]) is False
    assert rules.competent({1: K}, [1, 2]) is False  # a unit not tested is not competent


def test_nobody_is_competent_in_a_programme_without_units():  # domain.md R40a
    assert rules.competent({}, []) is False


def test_missing_units_lists_those_not_yet_competent_in_order():
    assert rules.missing_units({1: K, 3: B}, [1, 2, 3]) == [2, 3]
