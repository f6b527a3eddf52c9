"""The measures interface (sakip.md S1-S2).

A registry app offers named numbers to performance indicators by defining ``berdaya/<app>/measures.py``
that calls ``register(Measure(...))`` at import. Kinerja discovers those modules (as ``berdaya demo``
discovers ``demo.py``) and never imports a registry's internals::

    from berdaya.kinerja.measures import Measure, register

    register(Measure(
        key="umkm.active",                       # stable: indicators refer to it
        label=_("Usaha mikro aktif"),
        description=_("Usaha terdaftar yang belum tutup/pindah pada akhir periode."),
        unit="usaha",
        value=lambda period, filters: ...,       # (Period, dict) -> int | Decimal
        records=lambda period, filters: ...,     # (Period, dict) -> QuerySet behind the number, or None
    ))

A key no registry provides yet is a *manual* measure: staff enter its value per period with evidence
(``ManualMeasure``/``ManualValue``). When a registry later registers the same key, the computed value
takes over, and the indicators using it are unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module

from django.apps import apps


@dataclass(frozen=True)
class Period:
    """A year, or a quarter (1-4) of a year. ``end`` is the date a stock is counted at."""

    year: int
    quarter: int | None = None

    def __post_init__(self):
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise ValueError(f"quarter must be 1-4 or None, not {self.quarter!r}")

    @property
    def start(self) -> dt.date:
        month = 1 if self.quarter is None else 3 * self.quarter - 2
        return dt.date(self.year, month, 1)

    @property
    def end(self) -> dt.date:
        if self.quarter is None or self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    def shifted(self, years: int) -> Period:
        """The same period ``years`` later (negative: earlier), for "value in year n−1" (S2)."""
        return Period(self.year + years, self.quarter)

    def __str__(self) -> str:
        return str(self.year) if self.quarter is None else f"{self.year} T{self.quarter}"


Number = int | Decimal


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    description: str
    unit: str
    value: Callable[[Period, dict], Number]
    records: Callable[[Period, dict], object] | None = None
    aggregate: str = "count"  # S1: how the registry aggregates: count, sum, last, average
    filters: dict = field(default_factory=dict)  # filter names it accepts -> Indonesian label


_REGISTRY: dict[str, Measure] = {}
_discovered = False


def register(measure: Measure) -> Measure:
    if measure.key in _REGISTRY and _REGISTRY[measure.key] is not measure:
        raise ValueError(f"measure {measure.key!r} is already registered")
    _REGISTRY[measure.key] = measure
    return measure


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


def discover() -> None:
    """Import ``berdaya.<app>.measures`` of every installed app once."""
    global _discovered
    if _discovered:
        return
    for config in apps.get_app_configs():
        if not config.name.startswith("berdaya.") or config.name == __name__.rpartition(".")[0]:
            continue
        name = f"{config.name}.measures"
        try:
            import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    _discovered = True


def get(key: str) -> Measure | None:
    discover()
    return _REGISTRY.get(key)


def all_measures() -> list[Measure]:
    discover()
    return sorted(_REGISTRY.values(), key=lambda m: m.key)


@contextmanager
def registered(measure: Measure) -> Iterator[Measure]:
    """Register ``measure`` for the duration of a block (tests; a registry arriving later)."""
    discover()
    register(measure)
    try:
        yield measure
    finally:
        unregister(measure.key)
