"""Values kept in this process for a few minutes: reference data every page reads (the filter bars'
kecamatan and sectors) and memos in front of the shared cache (a list past the count cap).

Each web process keeps its own copy, so a change reaches the process that made it at once (the owner calls
``forget``) and the others within ``seconds``. Nothing here may hold personal data or anything a role
decides: only what is the same for every user. ``forget_all`` empties every store (tests, after loading
reference data)."""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

_STORES: list[Kept] = []


class Kept(Generic[T]):
    """``get(key, make)``: the value kept for ``key`` if younger than ``seconds``, else ``make()`` kept anew.
    At most ``size`` keys are held (past that the store starts over)."""

    def __init__(self, seconds: float, *, size: int = 1_000):
        self.seconds, self.size = seconds, size
        self._values: dict[Hashable, tuple[float, T]] = {}
        _STORES.append(self)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        kept = self._values.get(key)
        if kept is not None and kept[0] > time.monotonic():
            return kept[1]
        value = make()
        self.put(key, value)
        return value

    def peek(self, key: Hashable) -> T | None:
        kept = self._values.get(key)
        return kept[1] if kept is not None and kept[0] > time.monotonic() else None

    def put(self, key: Hashable, value: T) -> None:
        if len(self._values) >= self.size:
            self._values.clear()
        self._values[key] = (time.monotonic() + self.seconds, value)

    def forget(self, *_args, **_signal) -> None:
        """Drop every kept value (usable as a signal receiver)."""
        self._values.clear()


def forget_all() -> None:
    for store in _STORES:
        store.forget()
