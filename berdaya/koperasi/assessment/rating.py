"""Rating (pemeringkatan) of cooperatives: the arithmetic, pure (domain.md R26).

The rubric (``assessment/rubrics/rating_*.json``, versioned with an effective date) lists aspects,
their indicators with a maximum each (the weight), and the bands: a minimum total (inclusive), a code, a
letter and a predicate (Sangat Berkualitas ... Tidak Berkualitas). The total is the sum of the indicator
values and may exceed 100 when the rubric gives more than 100 points (added-value indicators).

"Quality cooperative" (R26) = rated in a band at or above the band the office sets: ``quality_from`` of
the rubric (default *Cukup Berkualitas*: seed 003 counts 2 Berkualitas + 18 Cukup Berkualitas = 20), or
the ``quality_from`` passed in. Bands are listed best first, so "at or above" = not after it in the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .health import AnswerError, band_of, decimal


@dataclass(frozen=True)
class RatingResult:
    total: Decimal
    band: str
    letter: str
    predicate: str
    quality: bool
    aspects: dict = field(default_factory=dict)  # {aspect code: subtotal}
    scores: dict = field(default_factory=dict)  # {indicator code: value}


def band_codes(rubric: dict) -> list[str]:
    return [band["code"] for band in rubric["bands"]]


def is_quality(rubric: dict, band: str, quality_from: str | None = None) -> bool:
    codes = band_codes(rubric)
    threshold = quality_from or rubric["quality_from"]
    if threshold not in codes:
        raise AnswerError(f"quality band {threshold!r} is not a band of this rubric")
    return codes.index(band) <= codes.index(threshold)


def rate(rubric: dict, scores: dict, *, quality_from: str | None = None) -> RatingResult:
    """``scores`` = {indicator code: value between 0 and the indicator's max}."""
    values, aspects = {}, {}
    for aspect in rubric["aspects"]:
        subtotal = Decimal(0)
        for indicator in aspect["indicators"]:
            raw = scores.get(indicator["code"])
            if raw in (None, ""):
                raise AnswerError(f"missing score for {indicator['code']}")
            value = decimal(raw)
            if value < 0 or value > decimal(indicator["max"]):
                raise AnswerError(f"{indicator['code']}: {value} outside 0-{indicator['max']}")
            values[indicator["code"]] = value
            subtotal += value
        aspects[aspect["code"]] = subtotal
    unknown = set(scores) - set(values)
    if unknown:
        raise AnswerError(f"unknown indicators: {sorted(unknown)}")
    total = sum(aspects.values(), Decimal(0))
    code = band_of(total, rubric["bands"])
    band = next(b for b in rubric["bands"] if b["code"] == code)
    return RatingResult(
        total=total,
        band=code,
        letter=band["letter"],
        predicate=band["name"],
        quality=is_quality(rubric, code, quality_from),
        aspects=aspects,
        scores=values,
    )


def max_total(rubric: dict) -> Decimal:
    return sum((decimal(i["max"]) for a in rubric["aspects"] for i in a["indicators"]), Decimal(0))
