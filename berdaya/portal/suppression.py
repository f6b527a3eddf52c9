"""Small-cell suppression for public figures (R53: cells under 5 people are not published).

Primary suppression hides every count from 1 to 4 (0 is shown: it identifies no one). A row with exactly
one hidden cell would give it away through the row total, so the smallest other non-zero cell of that row
is hidden too (complementary suppression). Column totals are not published for the same reason; the grand
total is, because no single cell can be derived from it.
"""

from __future__ import annotations

THRESHOLD = 5


def suppress_row(values: list[int], threshold: int = THRESHOLD) -> list[int | None]:
    """The row with hidden cells as None."""
    hidden = [0 < v < threshold for v in values]
    if sum(hidden) == 1:
        others = [(v, i) for i, v in enumerate(values) if v > 0 and not hidden[i]]
        if others:
            hidden[min(others)[1]] = True
    return [None if h else v for v, h in zip(values, hidden, strict=True)]


def suppress_total(value: int, threshold: int = THRESHOLD) -> int | None:
    return None if 0 < value < threshold else value
