"""Rows for the CSS bar charts of the figures pages (``partials/_bars.html``).

A bar's width is a class ``bar-<step>`` in steps of 5 % (the CSP forbids inline styles).
``bar_rows(counts, labels)``: one row per key, largest first, each bar relative to the largest;
``percent_step(pct)``: the step of a bar that shows a percentage itself (0-100).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

STEP = 5


def percent_step(pct: Decimal | float | None) -> int:
    """The width class of a percentage: 0, 5, ... 100 (None is 0)."""
    value = float(pct or 0)
    return min(max(round(value / STEP) * STEP, 0), 100)


def bar_rows(counts: Mapping, labels: Mapping, *, blank: str = "—") -> list[dict]:
    """``[{"label", "value", "step"}]`` for ``counts`` {key: number}; a key's label comes from ``labels``
    (the key itself when unknown, ``blank`` for the empty key: records without a kelurahan)."""
    top = max(counts.values(), default=0) or 1
    return [
        {
            "label": labels.get(key, key) or blank,
            "value": value,
            "step": percent_step(Decimal(value) * 100 / top),
        }
        for key, value in sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))
    ]
