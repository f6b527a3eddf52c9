"""Report data: achievement (S6), category bands (S7), display rounding (S5) and drafted narrative."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from berdaya.kinerja.formulas import LowerFormula
from berdaya.kinerja.report.data import BudgetLevel, BudgetRow, Narrative, category
from berdaya.kinerja.report.narrative import draft_analysis, with_drafts
from berdaya.kinerja.report.numbers import fmt_number, fmt_percent, fmt_rupiah, fmt_value
from berdaya.kinerja.report.sample import SEED_BANDS, seed_2022


def test_categories_come_from_the_band_table_in_force():
    # sakip.md S7 (the boundaries themselves are tested with formulas.band_for)
    assert category(D(90), SEED_BANDS) == "Sangat Berhasil"
    assert category(D(75), SEED_BANDS) == "Cukup Berhasil"
    assert category(None, SEED_BANDS) == ""
    assert category(D(80), []) == ""


def test_an_indicator_achievement_follows_its_polarity():
    # sakip.md S6
    indicator = seed_2022().iku[0].indicator
    assert indicator.achievement(D(515), D(725)) == D(725) / D(515) * 100
    lower = replace(indicator, higher_is_better=False)
    assert lower.achievement(D(10), D(8)) == D(120)
    assert replace(lower, lower_formula=LowerFormula.INVERSE).achievement(D(10), D(8)) == D(125)
    assert replace(lower, floor_zero=True).achievement(D(10), D(30)) == D(0)


def test_the_seed_iku_achievements_are_computed_from_counts():
    # sakip.md S4: 30/773, 20/309, 725, 163/3,489, (80.17 − 77.18)/77.18 against 3, 4, 515, 5, 1.06
    data = seed_2022()
    by_code = {r.indicator.code: r for r in data.iku}
    expected = {
        "IKU1": D(30) / D(773) * 100 / 3 * 100,
        "IKU2": D(20) / D(309) * 100 / 4 * 100,
        "IKU3": D(725) / D(515) * 100,
        "IKU4": D(163) / D(3489) * 100 / 5 * 100,
        "IKU5": (D("80.17") - D("77.18")) / D("77.18") * 100 / D("1.06") * 100,
    }
    for code, value in expected.items():
        assert by_code[code].achievement == pytest.approx(value, rel=D("1e-20")), code
    assert fmt_percent(by_code["IKU4"].achievement) == "93,44%"
    assert data.category(by_code["IKU4"].achievement) == "Sangat Berhasil"


def test_rounding_happens_only_for_display():
    # sakip.md S5: 268 / 35,897 is 0.7466...%, shown 0,75% (the seed's 0,74% is a truncation)
    growth = seed_2022().goal_results[0]
    assert growth.realisation == D(268) / D(35897) * 100
    assert fmt_percent(growth.realisation) == "0,75%"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (D("1234.565"), "1.234,57"),
        (D("1234"), "1.234"),
        (D("0.1"), "0,10"),
        (D("-2.5"), "-2,50"),
        (None, "–"),
    ],
)
def test_numbers_are_written_the_indonesian_way(value, text):
    assert fmt_number(value) == text


def test_rupiah_and_units():
    assert fmt_rupiah(D(14868946862)) == "Rp 14.868.946.862"
    assert fmt_value(D(725), "orang") == "725 orang"
    assert fmt_value(D("3.880"), "%") == "3,88%"


def test_budget_absorption_is_computed_and_a_zero_pagu_has_none():
    row = BudgetRow(BudgetLevel.PROGRAM, "1", "P", D(14119600), D(2270000))
    assert fmt_percent(row.absorption) == "16,08%"
    assert BudgetRow(BudgetLevel.PROGRAM, "1", "P", D(0), D(0)).absorption is None


def test_the_drafted_analysis_says_what_moved_against_last_year_and_target():
    data = seed_2022()
    quality = next(r for r in data.iku if r.indicator.code == "IKU2")
    text = draft_analysis(quality, data)
    assert "6,47% (20 dari 309)" in text
    assert "target 4,00%" in text
    assert "Sangat Berhasil" in text
    assert "Dibandingkan tahun 2021 (5,20%), realisasi naik 1,27 poin persentase (membaik)" in text


def test_a_lower_is_better_fall_reads_as_an_improvement():
    data = seed_2022()
    result = data.iku[0]
    result = replace(result, indicator=replace(result.indicator, higher_is_better=False))
    assert "turun" in draft_analysis(result, data) and "(membaik)" in draft_analysis(result, data)


def test_text_staff_wrote_is_kept_and_the_rest_is_drafted():
    data = seed_2022()
    data.results[3] = replace(data.results[3], narrative=Narrative(causes="Ditulis staf."))
    drafted = with_drafts(data)
    assert drafted.results[3].narrative.causes == "Ditulis staf."
    assert drafted.results[3].narrative.analysis.startswith("Pada tahun 2022")
    assert drafted.executive_summary and drafted.foreword and drafted.conclusions
    assert data.results[3].narrative.analysis == ""  # the input is not changed
