"""Pure performance arithmetic (sakip.md S1, S2, S5, S6, S7): no database, no rounding.

Values are Decimals in full precision; display rounds to 2 decimals (``display``). None means "not
computable" (missing input or zero denominator), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


def _d(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)) if isinstance(value, float) else Decimal(value)


class Kind:
    RATIO = "ratio"  # numerator / denominator × factor
    COUNT = "count"  # numerator as is
    GROWTH = "growth"  # (numerator n − numerator n−1) / numerator n−1 × factor


class LowerFormula:
    TWO_TARGET = "two_target"  # (2 × target − realisation) / target × 100 (S6 default)
    INVERSE = "inverse"  # target / realisation × 100


def indicator_value(kind: str, numerator, denominator=None, previous=None, factor=HUNDRED) -> Decimal | None:
    """The indicator's realisation from its inputs (S1; S2 ``previous`` = numerator one year earlier)."""
    numerator, denominator, previous, factor = map(_d, (numerator, denominator, previous, factor))
    if numerator is None:
        return None
    if kind == Kind.COUNT:
        return numerator
    if kind == Kind.RATIO:
        if not denominator:
            return None
        return numerator / denominator * factor
    if kind == Kind.GROWTH:
        if not previous:
            return None
        return (numerator - previous) / previous * factor
    raise ValueError(f"unknown indicator kind {kind!r}")


def achievement(
    realisation,
    target,
    *,
    higher_is_better: bool = True,
    lower_formula: str = LowerFormula.TWO_TARGET,
    floor_zero: bool = False,
    cap=None,
) -> Decimal | None:
    """Capaian (S6) in percent, with the optional floor at 0 and cap."""
    realisation, target, cap = _d(realisation), _d(target), _d(cap)
    if realisation is None or not target:
        return None
    if higher_is_better:
        value = realisation / target * HUNDRED
    elif lower_formula == LowerFormula.INVERSE:
        if not realisation:
            return None
        value = target / realisation * HUNDRED
    elif lower_formula == LowerFormula.TWO_TARGET:
        value = (2 * target - realisation) / target * HUNDRED
    else:
        raise ValueError(f"unknown lower-is-better formula {lower_formula!r}")
    if floor_zero and value < 0:
        value = Decimal(0)
    if cap is not None and value > cap:
        value = cap
    return value


@dataclass(frozen=True)
class BandSpec:
    """One category band (S7): a half-open interval; None bounds are infinite."""

    label: str
    colour: str
    lower: Decimal | None
    lower_closed: bool
    upper: Decimal | None
    upper_closed: bool

    def contains(self, value: Decimal) -> bool:
        if self.lower is not None and (value < self.lower or (value == self.lower and not self.lower_closed)):
            return False
        if self.upper is not None and (value > self.upper or (value == self.upper and not self.upper_closed)):
            return False
        return True


def band_for(value, bands: list[BandSpec]) -> BandSpec | None:
    value = _d(value)
    if value is None:
        return None
    for band in bands:
        if band.contains(value):
            return band
    return None


def band_gaps(bands: list[BandSpec]) -> list[str]:
    """Problems that make a band set not a gapless partition of the line (empty: it is one)."""
    ordered = sorted(bands, key=lambda b: (b.lower is not None, b.lower if b.lower is not None else 0))
    problems = []
    if not ordered:
        return ["no bands"]
    if ordered[0].lower is not None:
        problems.append(f"nothing below {ordered[0].lower}")
    if ordered[-1].upper is not None:
        problems.append(f"nothing above {ordered[-1].upper}")
    for below, above in zip(ordered, ordered[1:], strict=False):
        if below.upper != above.lower:
            problems.append(f"{below.label} ends at {below.upper} but {above.label} starts at {above.lower}")
        elif below.upper_closed == above.lower_closed:
            word = "both" if below.upper_closed else "neither"
            problems.append(f"{below.label} and {above.label} {word} include {below.upper}")
    return problems


def display(value, places: int = 2) -> str:
    """Round half up for display only (S5): 268 / 35,897 × 100 → "0.75"."""
    value = _d(value)
    if value is None:
        return "—"
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def plain(value) -> str:
    """A stored value without its trailing zeros: 1215.000000 → "1215", 3.060000 → "3.06"."""
    value = _d(value)
    if value is None:
        return "—"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
