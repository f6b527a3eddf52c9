"""The report's charts as PNG bytes, drawn with matplotlib's object API (no pyplot state, Agg canvas)."""

from __future__ import annotations

import io
from decimal import Decimal

from matplotlib.figure import Figure

from .data import IndicatorResult, LakipData, PlacementYear
from .numbers import fmt_number

TARGET_COLOUR = "#9aa5b1"
REAL_COLOUR = "#1f6f8b"
DPI = 150


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return buffer.getvalue()


def _float(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def _label_bars(axes, bars, values) -> None:
    for bar, value in zip(bars, values, strict=True):
        if value is not None:
            axes.annotate(
                fmt_number(value, 2 if value != value.to_integral_value() else 0),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=7,
            )


def trend_chart(result: IndicatorResult, year: int) -> bytes:
    """Target and realisation of one indicator over the years up to the report year (Bab III A (2))."""
    points = [*result.history]
    years = [p.year for p in points] + [year]
    targets = [p.target for p in points] + [result.target]
    reals = [p.realisation for p in points] + [result.realisation]
    figure = Figure(figsize=(6, 2.8))
    axes = figure.subplots()
    positions = range(len(years))
    width = 0.38
    t_bars = axes.bar(
        [p - width / 2 for p in positions],
        [_float(v) for v in targets],
        width,
        label="Target",
        color=TARGET_COLOUR,
    )
    r_bars = axes.bar(
        [p + width / 2 for p in positions],
        [_float(v) for v in reals],
        width,
        label="Realisasi",
        color=REAL_COLOUR,
    )
    _label_bars(axes, t_bars, targets)
    _label_bars(axes, r_bars, reals)
    axes.set_xticks(list(positions), [str(y) for y in years])
    axes.set_ylabel(result.indicator.unit)
    axes.set_title(result.indicator.name, fontsize=9)
    axes.legend(fontsize=7, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def achievement_chart(data: LakipData) -> bytes:
    """Achievement of each IKU in the report year, with the 100% line."""
    iku = data.iku
    figure = Figure(figsize=(6, 0.5 + 0.45 * max(len(iku), 1)))
    axes = figure.subplots()
    values = [r.achievement for r in iku]
    labels = [r.indicator.shown for r in iku]
    bars = axes.barh(range(len(iku)), [_float(v) for v in values], color=REAL_COLOUR)
    for bar, value in zip(bars, values, strict=True):
        if value is not None:
            axes.annotate(
                f"{fmt_number(value, 2)}%",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                va="center",
                fontsize=7,
                xytext=(3, 0),
                textcoords="offset points",
            )
    axes.axvline(100, color="#c0392b", linewidth=1, linestyle="--")
    axes.set_yticks(range(len(iku)), labels)
    axes.invert_yaxis()
    axes.set_xlabel("Capaian (%)")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def placement_chart(history: list[PlacementYear]) -> bytes:
    """Job seekers registered and placed per year with the ratio (seed 003 table 1.4)."""
    figure = Figure(figsize=(6, 2.8))
    axes = figure.subplots()
    years = [str(h.year) for h in history]
    positions = range(len(history))
    width = 0.38
    axes.bar(
        [p - width / 2 for p in positions],
        [h.registered for h in history],
        width,
        label="Terdaftar",
        color=TARGET_COLOUR,
    )
    axes.bar(
        [p + width / 2 for p in positions],
        [h.placed for h in history],
        width,
        label="Ditempatkan",
        color=REAL_COLOUR,
    )
    axes.set_xticks(list(positions), years)
    axes.set_ylabel("orang")
    ratio_axes = axes.twinx()
    ratio_axes.plot(
        list(positions), [_float(h.ratio) for h in history], color="#c0392b", marker="o", label="Rasio (%)"
    )
    ratio_axes.set_ylabel("rasio (%)")
    axes.legend(fontsize=7, frameon=False, loc="upper right")
    ratio_axes.legend(fontsize=7, frameon=False, loc="upper center")
    return _png(figure)
