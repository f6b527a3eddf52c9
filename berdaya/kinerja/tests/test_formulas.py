"""Pure arithmetic of indicators, achievement and bands (sakip.md S1, S2, S5, S6, S7)."""

from decimal import Decimal as D

import pytest

from berdaya.kinerja.formulas import (
    BandSpec,
    Kind,
    LowerFormula,
    achievement,
    band_for,
    band_gaps,
    display,
    indicator_value,
)

S7 = [  # sakip.md S7, as the data migration stores them
    BandSpec("Sangat Berhasil", "green", D(90), True, None, False),
    BandSpec("Berhasil", "teal", D(75), False, D(90), False),
    BandSpec("Cukup Berhasil", "yellow", D(60), False, D(75), True),
    BandSpec("Kurang Berhasil", "orange", D(50), False, D(60), True),
    BandSpec("Tidak Berhasil", "red", None, False, D(50), True),
]


def test_a_ratio_is_numerator_over_denominator_times_the_factor():  # sakip.md S1, S4
    assert display(indicator_value(Kind.RATIO, 30, 773)) == "3.88"
    assert display(indicator_value(Kind.RATIO, 20, 309)) == "6.47"
    assert display(indicator_value(Kind.RATIO, 725, 2202)) == "32.92"


def test_a_ratio_with_no_denominator_is_not_computable_rather_than_zero():  # sakip.md S1
    assert indicator_value(Kind.RATIO, 5, 0) is None
    assert indicator_value(Kind.RATIO, 5, None) is None
    assert indicator_value(Kind.RATIO, None, 10) is None


def test_a_count_is_the_numerator():  # sakip.md S4 (placements)
    assert indicator_value(Kind.COUNT, 725) == 725


def test_growth_compares_with_the_same_measure_one_year_earlier():  # sakip.md S2, S4
    assert display(indicator_value(Kind.GROWTH, D("80.17"), previous=D("77.18"))) == "3.87"
    assert display(indicator_value(Kind.GROWTH, 44, previous=24)) == "83.33"
    assert indicator_value(Kind.GROWTH, 44, previous=0) is None


def test_rounding_happens_only_for_display():  # sakip.md S5: the seed's 0.74% truncates
    growth = indicator_value(Kind.GROWTH, 36165, previous=35897)
    assert growth != D("0.75")
    assert display(growth) == "0.75"
    assert display(None) == "—"


def test_achievement_higher_is_better():  # sakip.md S6
    assert achievement(725, 515) == D(725) / D(515) * 100
    assert achievement(None, 515) is None
    assert achievement(5, 0) is None


@pytest.mark.parametrize(
    ("formula", "realisation", "expected"),
    [
        (LowerFormula.TWO_TARGET, 8, D(120)),  # (2×10 − 8) / 10
        (LowerFormula.TWO_TARGET, 25, D(-50)),
        (LowerFormula.INVERSE, 8, D(125)),  # 10 / 8
        (LowerFormula.INVERSE, 20, D(50)),
    ],
)
def test_achievement_lower_is_better_variants(formula, realisation, expected):  # sakip.md S6
    assert achievement(realisation, 10, higher_is_better=False, lower_formula=formula) == expected


def test_achievement_floor_and_cap():  # sakip.md S6
    assert achievement(25, 10, higher_is_better=False, floor_zero=True) == 0
    assert achievement(725, 515, cap=120) == 120
    assert achievement(0, 10, higher_is_better=False, lower_formula=LowerFormula.INVERSE) is None


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("120", "Sangat Berhasil"),
        ("90", "Sangat Berhasil"),
        ("89.999", "Berhasil"),
        ("75.0001", "Berhasil"),
        ("75", "Cukup Berhasil"),
        ("60.0001", "Cukup Berhasil"),
        ("60", "Kurang Berhasil"),
        ("50.0001", "Kurang Berhasil"),
        ("50", "Tidak Berhasil"),
        ("-100", "Tidak Berhasil"),
    ],
)
def test_every_band_boundary(value, label):  # sakip.md S7
    assert band_for(D(value), S7).label == label


def test_the_seed_bands_are_gapless_and_a_gap_is_reported():  # sakip.md S7
    assert band_gaps(S7) == []
    broken = [b for b in S7 if b.label != "Berhasil"]
    assert band_gaps(broken) == ["Cukup Berhasil ends at 75 but Sangat Berhasil starts at 90"]
    overlapping = [*S7[:1], BandSpec("Berhasil", "teal", D(75), False, D(90), True), *S7[2:]]
    assert band_gaps(overlapping) == ["Berhasil and Sangat Berhasil both include 90"]
    assert band_for(None, S7) is None
