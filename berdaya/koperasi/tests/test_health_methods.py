"""The health arithmetic of both methods, at every boundary (domain.md R23, R24)."""

from decimal import Decimal

import pytest

from berdaya.koperasi.assessment import rubrics
from berdaya.koperasi.assessment.health import AnswerError, Category, assess, assess_2016, assess_2020

R2016 = rubrics.read("health_2016")
R2020 = rubrics.read("health_2020")


def scores_2016(total: str) -> dict:
    """Spread ``total`` over the aspects, filling each to its maximum in order."""
    left = Decimal(total)
    scores = {}
    for aspect in R2016["aspects"]:
        part = min(left, Decimal(aspect["max"]))
        scores[aspect["code"]] = str(part)
        left -= part
    assert left == 0
    return scores


@pytest.mark.parametrize(
    ("total", "category"),
    [
        ("100", Category.SEHAT),
        ("80.00", Category.SEHAT),
        ("79.99", Category.CUKUP_SEHAT),
        ("66.00", Category.CUKUP_SEHAT),
        ("65.99", Category.DALAM_PENGAWASAN),
        ("51.00", Category.DALAM_PENGAWASAN),
        ("50.99", Category.DALAM_PENGAWASAN_KHUSUS),
        ("0", Category.DALAM_PENGAWASAN_KHUSUS),
    ],
)
def test_the_2016_score_falls_in_its_category_at_each_boundary(total, category):
    # domain.md R23: 80-100 Sehat; 66-<80 Cukup Sehat; 51-<66 Dalam Pengawasan; <51 Khusus
    result = assess_2016(R2016, scores_2016(total))
    assert result.score == Decimal(total)
    assert result.category == category


def test_the_2016_score_is_the_sum_of_the_aspects():
    # domain.md R23
    scores = {a["code"]: "5" for a in R2016["aspects"]}
    result = assess_2016(R2016, scores)
    assert result.score == 5 * len(R2016["aspects"])
    assert result.parts == {code: Decimal(5) for code in scores}


def test_the_2016_method_refuses_a_score_above_the_aspect_maximum():
    scores = scores_2016("50")
    first = R2016["aspects"][0]
    scores[first["code"]] = str(Decimal(first["max"]) + Decimal("0.01"))
    with pytest.raises(AnswerError):
        assess_2016(R2016, scores)


@pytest.mark.parametrize("bad", [None, "", "abc", "-1", "NaN"])
def test_the_2016_method_refuses_a_missing_or_bad_score(bad):
    scores = scores_2016("50")
    scores[R2016["aspects"][1]["code"]] = bad
    with pytest.raises(AnswerError):
        assess_2016(R2016, scores)


def test_the_2016_method_refuses_an_unknown_aspect():
    with pytest.raises(AnswerError):
        assess_2016(R2016, scores_2016("50") | {"lain": "1"})


def one_indicator_rubric(items: int) -> dict:
    return {
        "aspects": [
            {"code": "a", "weight": None, "indicators": [{"code": "i", "name": "I", "items": ["x"] * items}]}
        ],
        "score_bands": R2020["score_bands"],
        "categories": R2020["categories"],
    }


@pytest.mark.parametrize(
    ("met", "items", "score"),
    [
        (4, 4, 4),  # 100
        (19, 25, 4),  # 76
        (3, 4, 3),  # 75
        (51, 100, 3),  # 51
        (1, 2, 2),  # 50
        (26, 100, 2),  # 26
        (1, 4, 1),  # 25
        (0, 4, 1),  # 0
        (151, 200, 4),  # 75.5: more than 75
        (2, 3, 3),  # 66.67
    ],
)
def test_the_2020_ratio_gives_its_score_at_each_boundary(met, items, score):
    # domain.md R24: 76-100 -> 4, 51-75 -> 3, 26-50 -> 2, 0-25 -> 1
    result = assess_2020(one_indicator_rubric(items), {"i": list(range(met))})
    (indicator,) = result.parts["a"]
    assert indicator.ratio == Decimal(met) * 100 / Decimal(items)
    assert indicator.score == score


def many_indicators_rubric(n: int) -> dict:
    indicators = [{"code": f"i{k}", "name": f"I{k}", "items": ["x"] * 4} for k in range(n)]
    return {
        "aspects": [{"code": "a", "weight": None, "indicators": indicators}],
        "score_bands": R2020["score_bands"],
        "categories": R2020["categories"],
    }


def met_for_scores(scores: list[int]) -> dict:
    # with 4 items: 0 met -> 1, 2 met -> 2, 3 met -> 3, 4 met -> 4
    items_for = {1: 0, 2: 2, 3: 3, 4: 4}
    return {f"i{k}": list(range(items_for[s])) for k, s in enumerate(scores)}


@pytest.mark.parametrize(
    ("scores", "composite", "category"),
    [
        ([4] * 5, "100", Category.SEHAT),
        ([4] * 4 + [3] * 1, "95", Category.SEHAT),
        # 81/100 > 80: Sehat; exactly 80 is not (strictly more than 80)
        ([4] * 6 + [3] * 19, "81", Category.SEHAT),
        ([4] * 5 + [3] * 20, "80", Category.CUKUP_SEHAT),
        ([3] * 17 + [2] * 8, "67", Category.CUKUP_SEHAT),
        ([3] * 16 + [2] * 9, "66", Category.DALAM_PENGAWASAN),
        ([3] * 2 + [2] * 23, "52", Category.DALAM_PENGAWASAN),
        ([3] * 1 + [2] * 24, "51", Category.DALAM_PENGAWASAN_KHUSUS),
        ([1] * 25, "25", Category.DALAM_PENGAWASAN_KHUSUS),
    ],
)
def test_the_2020_composite_falls_in_its_category_at_each_boundary(scores, composite, category):
    # domain.md R24: composite % = sum score x 100 / (n x 4): > 80 Sehat, > 66 Cukup Sehat, > 51 DP
    result = assess_2020(many_indicators_rubric(len(scores)), met_for_scores(scores))
    assert result.exact == Decimal(composite)
    assert result.category == category


def test_the_2020_composite_is_decided_before_rounding():
    # domain.md R24: 3 indicators scoring 4, 4, 2 -> 10 x 100 / 12 = 83.333... (Sehat), stored as 83.33
    result = assess_2020(many_indicators_rubric(3), met_for_scores([4, 4, 2]))
    assert result.score == Decimal("83.33")
    assert result.category == Category.SEHAT


def test_aspect_weights_from_the_rubric_weight_the_composite():
    # domain.md R24: aspect weights come from the versioned rubric
    rubric = {
        "aspects": [
            {"code": "a", "weight": "3", "indicators": [{"code": "i0", "name": "", "items": ["x"] * 4}]},
            {"code": "b", "weight": "1", "indicators": [{"code": "i1", "name": "", "items": ["x"] * 4}]},
        ],
        "score_bands": R2020["score_bands"],
        "categories": R2020["categories"],
    }
    # a: score 4 -> 100 %, b: score 1 -> 25 %; weighted (3 x 100 + 1 x 25) / 4 = 81.25
    result = assess_2020(rubric, {"i0": [0, 1, 2, 3], "i1": []})
    assert result.exact == Decimal("81.25")
    assert result.category == Category.SEHAT
    # without weights the two indicators count the same: (4 + 1) x 100 / 8 = 62.5
    for aspect in rubric["aspects"]:
        aspect["weight"] = None
    assert assess_2020(rubric, {"i0": [0, 1, 2, 3], "i1": []}).exact == Decimal("62.5")


def test_the_shipped_2020_rubric_covers_the_four_aspects():
    # domain.md R24: governance, risk profile, financial performance, capital
    assert [a["code"] for a in R2020["aspects"]] == [
        "tata_kelola",
        "profil_risiko",
        "kinerja_keuangan",
        "permodalan",
    ]
    everything = {i["code"]: list(range(len(i["items"]))) for a in R2020["aspects"] for i in a["indicators"]}
    assert assess("2020", R2020, everything).category == Category.SEHAT
    assert assess("2020", R2020, {}).category == Category.DALAM_PENGAWASAN_KHUSUS


@pytest.mark.parametrize("met", [{"i": [4]}, {"i": [-1]}, {"i": ["0"]}, {"other": [0]}])
def test_the_2020_method_refuses_unknown_items_or_indicators(met):
    with pytest.raises(AnswerError):
        assess_2020(one_indicator_rubric(4), met)


def test_an_unknown_method_is_refused():
    with pytest.raises(AnswerError):
        assess("2019", R2016, {})
