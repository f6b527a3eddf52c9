"""Indonesian number formatting for the report: 1.234,56 and Rp 1.234.567 (S5: round only for display)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DASH = "–"


def fmt_number(value, places: int | None = None) -> str:
    """1.234,56 with ``places`` decimals (half up); by default 0 for whole numbers and 2 otherwise."""
    if value is None:
        return DASH
    value = Decimal(value)
    if places is None:
        places = 0 if value == value.to_integral_value() else 2
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}"  # 1,234.56
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_percent(value, places: int = 2) -> str:
    return DASH if value is None else f"{fmt_number(value, places)}%"


def fmt_rupiah(value) -> str:
    if value is None:
        return DASH
    value = Decimal(value)
    return f"Rp {fmt_number(value, 0 if value == value.to_integral_value() else 2)}"


def fmt_value(value, unit: str) -> str:
    """A target or realisation with its unit: 3,88% or 725 orang."""
    if value is None:
        return DASH
    if unit == "%":
        return fmt_percent(value)
    return f"{fmt_number(value)} {unit}".strip()
