"""Pure rules of the training centre (domain.md R40, R50, R40a): no database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from berdaya.training.rules import JP_MINUTES

KOMPETEN = "kompeten"
BELUM_KOMPETEN = "belum_kompeten"


def jp_to_minutes(jp: int, jp_minutes: int = JP_MINUTES) -> int:
    """R40: a programme's length in minutes from its lesson hours (JP)."""
    return jp * jp_minutes


def programme_jp(declared: int, unit_hours: Iterable[int]) -> int:
    """R40: the programme's JP; when units carry hours, their sum (units are the programme)."""
    total = sum(h for h in unit_hours if h)
    return total or declared


def competent(results: Mapping[int, str], unit_ids: Iterable[int]) -> bool:
    """R40a: competent in the programme = every competency unit assessed "kompeten"; a programme without
    units cannot declare anyone competent."""
    units = list(unit_ids)
    return bool(units) and all(results.get(unit) == KOMPETEN for unit in units)


def missing_units(results: Mapping[int, str], unit_ids: Iterable[int]) -> list[int]:
    """The units not (yet) assessed competent, in programme order."""
    return [unit for unit in unit_ids if results.get(unit) != KOMPETEN]
