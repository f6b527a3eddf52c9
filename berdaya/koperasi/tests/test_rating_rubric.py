"""The rating arithmetic: totals, bands, letters and the quality threshold (domain.md R26)."""

from decimal import Decimal

import pytest

from berdaya.koperasi.assessment import rubrics
from berdaya.koperasi.assessment.health import AnswerError
from berdaya.koperasi.assessment.rating import is_quality, max_total, rate

RUBRIC = rubrics.read("rating")
INDICATORS = [i for a in RUBRIC["aspects"] for i in a["indicators"]]


def scores_for(total: str) -> dict:
    left = Decimal(total)
    scores = {}
    for indicator in INDICATORS:
        part = min(left, Decimal(indicator["max"]))
        scores[indicator["code"]] = str(part)
        left -= part
    assert left == 0
    return scores


def band_edges():
    """Each band's minimum (in it) and 0.01 below it (the next band), from the rubric itself."""
    bands = RUBRIC["bands"]
    for band, below in zip(bands, bands[1:], strict=False):
        yield band["min"], band["code"]
        yield str(Decimal(band["min"]) - Decimal("0.01")), below["code"]


@pytest.mark.parametrize(("total", "band"), list(band_edges()))
def test_a_total_gets_the_band_whose_minimum_it_reaches(total, band):
    # domain.md R26: bands from the data-driven rubric, minimum inclusive
    result = rate(RUBRIC, scores_for(total))
    assert result.total == Decimal(total)
    assert result.band == band


def test_the_five_aspects_of_seed_003_are_rated():
    # domain.md R26: institution, business, finance, benefit to members, benefit to society
    assert [a["code"] for a in RUBRIC["aspects"]] == [
        "kelembagaan",
        "usaha",
        "keuangan",
        "manfaat_anggota",
        "manfaat_masyarakat",
    ]
    result = rate(RUBRIC, {i["code"]: "1" for i in INDICATORS})
    assert result.aspects["kelembagaan"] == len(RUBRIC["aspects"][0]["indicators"])


def test_a_total_may_exceed_100():
    # domain.md R26: totals may exceed 100
    assert max_total(RUBRIC) > 100
    result = rate(RUBRIC, {i["code"]: i["max"] for i in INDICATORS})
    assert result.total == max_total(RUBRIC)
    assert result.band == RUBRIC["bands"][0]["code"]
    assert result.letter == RUBRIC["bands"][0]["letter"]


@pytest.mark.parametrize(
    ("band", "quality"),
    [
        ("sangat_berkualitas", True),
        ("berkualitas", True),
        ("cukup_berkualitas", True),
        ("kurang_berkualitas", False),
        ("tidak_berkualitas", False),
    ],
)
def test_quality_means_cukup_berkualitas_or_better_by_default(band, quality):
    # domain.md R26: default quality threshold Cukup Berkualitas (seed 003: 2 + 18 = 20)
    assert RUBRIC["quality_from"] == "cukup_berkualitas"
    assert is_quality(RUBRIC, band) is quality


def test_the_office_can_raise_the_quality_threshold():
    # domain.md R26: "at or above the band the office sets"
    assert is_quality(RUBRIC, "cukup_berkualitas", "berkualitas") is False
    assert is_quality(RUBRIC, "berkualitas", "berkualitas") is True
    minimum = next(b for b in RUBRIC["bands"] if b["code"] == "cukup_berkualitas")["min"]
    assert rate(RUBRIC, scores_for(minimum), quality_from="berkualitas").quality is False
    with pytest.raises(AnswerError):
        is_quality(RUBRIC, "berkualitas", "emas")


@pytest.mark.parametrize("bad", [None, "", "x", "-0.01"])
def test_a_missing_or_bad_indicator_value_is_refused(bad):
    scores = scores_for("50")
    scores[INDICATORS[0]["code"]] = bad
    with pytest.raises(AnswerError):
        rate(RUBRIC, scores)


def test_a_value_above_the_indicator_maximum_is_refused():
    scores = scores_for("50")
    scores[INDICATORS[-1]["code"]] = str(Decimal(INDICATORS[-1]["max"]) + 1)
    with pytest.raises(AnswerError):
        rate(RUBRIC, scores)
