"""lib.kept: values a process keeps for a few minutes (issue 17, load), renewed when they age or go."""

from __future__ import annotations

from berdaya.lib import kept as kept_module
from berdaya.lib.kept import Kept, forget_all


def test_a_value_is_made_once_then_kept_until_it_ages(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(kept_module.time, "monotonic", lambda: now[0])
    store = Kept(60)
    made = []
    assert store.get("a", lambda: made.append(1) or "first") == "first"
    assert store.get("a", lambda: made.append(2) or "second") == "first"
    assert store.peek("a") == "first" and store.peek("b") is None
    now[0] += 61
    assert store.peek("a") is None
    assert store.get("a", lambda: made.append(3) or "third") == "third"
    assert made == [1, 3]


def test_forgetting_and_the_size_bound_start_the_store_over():
    store = Kept(60, size=2)
    store.put("a", 1)
    store.put("b", 2)
    store.put("c", 3)  # past the size: the store starts over with the new key
    assert (store.peek("a"), store.peek("c")) == (None, 3)
    store.forget(sender=object())  # usable as a signal receiver
    assert store.peek("c") is None
    other = Kept(60)
    store.put("x", 1), other.put("y", 2)
    forget_all()
    assert store.peek("x") is None and other.peek("y") is None
