"""Health of savings-and-loan cooperatives: the arithmetic of both methods, pure (domain.md R23, R24).

Nothing here touches the database: each function takes a rubric's ``data`` (the JSON of a versioned
rubric, ``assessment/rubrics/health_*.json``) and the assessor's answers, and returns the result with
its parts, so the form, the service and the tests share one computation. Every threshold comes from the
rubric, never from this module.

- 2016 (R23): the assessor scores each aspect from 0 to its maximum; the score is their sum (0-100) and the
  category is the first whose ``min`` the score reaches (inclusive: 80.00 -> Sehat, 79.99 -> Cukup Sehat).
- 2020 (R24): each indicator is a checklist; ratio = items met / items x 100; the indicator's score (1-4) is
  the first band whose ``over`` the ratio exceeds (76-100 -> 4 ... 0-25 -> 1; read as "more than 75", so a
  ratio of 75.5 scores 4, as it would on the continuum); composite % = sum of scores x 100 / (n x 4), and
  the category is the first whose ``over`` the composite exceeds (strictly: 80.00 exactly is Cukup Sehat).
  When every aspect of the rubric carries a ``weight``, the composite is the weighted mean of the aspects'
  own composites; without weights (the office has not confirmed them) every indicator counts the same.
The category is decided on the exact value; ``score`` is rounded to two decimals only for storing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


class Method(TextChoices):
    M2016 = "2016", _("Metode 2016 (Perdep 06/2016)")
    M2020 = "2020", _("Metode 2020 (Permenkop 9/2020)")


class Category(TextChoices):
    SEHAT = "sehat", _("Sehat")
    CUKUP_SEHAT = "cukup_sehat", _("Cukup Sehat")
    DALAM_PENGAWASAN = "dalam_pengawasan", _("Dalam Pengawasan")
    DALAM_PENGAWASAN_KHUSUS = "dalam_pengawasan_khusus", _("Dalam Pengawasan Khusus")


RUBRIC_KIND = {Method.M2016: "health_2016", Method.M2020: "health_2020"}


class AnswerError(ValueError):
    """Answers that do not fit the rubric (a missing aspect, a score above its maximum, an unknown item)."""


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    met: int
    items: int
    ratio: Decimal
    score: int


@dataclass(frozen=True)
class HealthResult:
    method: str
    score: Decimal  # 2016: the total score; 2020: the composite percentage (both rounded to 0.01)
    exact: Decimal
    category: str
    parts: dict = field(default_factory=dict)  # 2016: {aspect: score}; 2020: {aspect: [IndicatorResult]}

    @property
    def category_label(self) -> str:
        return str(Category(self.category).label)


def decimal(value) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, AttributeError):
        raise AnswerError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise AnswerError(f"not a number: {value!r}")
    return number


def band_of(value: Decimal, bands: list[dict], key: str = "code"):
    """The first band that ``value`` reaches: ``min`` is inclusive, ``over`` strict, neither matches all."""
    for band in bands:
        if "min" in band and value >= decimal(band["min"]):
            return band[key]
        if "over" in band and band["over"] is not None and value > decimal(band["over"]):
            return band[key]
        if band.get("min") is None and band.get("over") is None:
            return band[key]
    raise AnswerError(f"no band for {value}: the rubric needs a last band without a bound")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def assess_2016(rubric: dict, scores: dict) -> HealthResult:
    """R23: ``scores`` = {aspect code: score between 0 and the aspect's max}."""
    parts = {}
    for aspect in rubric["aspects"]:
        if aspect["code"] not in scores or scores[aspect["code"]] in (None, ""):
            raise AnswerError(f"missing score for {aspect['code']}")
        value = decimal(scores[aspect["code"]])
        if value < 0 or value > decimal(aspect["max"]):
            raise AnswerError(f"{aspect['code']}: {value} outside 0-{aspect['max']}")
        parts[aspect["code"]] = value
    unknown = set(scores) - set(parts)
    if unknown:
        raise AnswerError(f"unknown aspects: {sorted(unknown)}")
    total = sum(parts.values(), Decimal(0))
    category = band_of(total, rubric["categories"])
    return HealthResult(Method.M2016, _round(total), total, category, parts)


def indicator_codes(rubric: dict) -> list[str]:
    return [ind["code"] for aspect in rubric["aspects"] for ind in aspect["indicators"]]


def assess_2020(rubric: dict, met: dict) -> HealthResult:
    """R24: ``met`` = {indicator code: the indexes (0-based) of its checklist items that are met}."""
    known = set(indicator_codes(rubric))
    unknown = set(met) - known
    if unknown:
        raise AnswerError(f"unknown indicators: {sorted(unknown)}")
    parts: dict[str, list[IndicatorResult]] = {}
    aspect_composites = []
    for aspect in rubric["aspects"]:
        results = []
        for indicator in aspect["indicators"]:
            items = len(indicator["items"])
            chosen = set(met.get(indicator["code"], ()))
            if any(not isinstance(i, int) or not 0 <= i < items for i in chosen):
                raise AnswerError(f"{indicator['code']}: unknown items {sorted(map(str, chosen))}")
            ratio = Decimal(len(chosen)) * HUNDRED / Decimal(items)
            score = int(band_of(ratio, rubric["score_bands"], key="score"))
            results.append(
                IndicatorResult(indicator["code"], indicator["name"], len(chosen), items, ratio, score)
            )
        parts[aspect["code"]] = results
        total = sum(r.score for r in results)
        aspect_composites.append((aspect.get("weight"), total, len(results)))
    composite = _composite(aspect_composites)
    category = band_of(composite, rubric["categories"])
    return HealthResult(Method.M2020, _round(composite), composite, category, parts)


def _composite(aspects: list[tuple]) -> Decimal:
    weights = [weight for weight, _total, _n in aspects]
    if all(weight is not None for weight in weights) and aspects:
        weighted = sum(
            (decimal(w) * Decimal(total) * HUNDRED / Decimal(n * 4) for w, total, n in aspects), Decimal(0)
        )
        return weighted / sum((decimal(w) for w in weights), Decimal(0))
    scores = sum(total for _w, total, _n in aspects)
    count = sum(n for _w, _total, n in aspects)
    return Decimal(scores) * HUNDRED / Decimal(count * 4)


def assess(method: str, rubric: dict, answers: dict) -> HealthResult:
    if method == Method.M2016:
        return assess_2016(rubric, answers)
    if method == Method.M2020:
        return assess_2020(rubric, answers)
    raise AnswerError(f"unknown method {method!r}")
