"""The home page's "IKU di bawah target" count is cached for a few minutes: evaluating every IKU reads whole
registries (the decent-work indicator assesses every company), and the head of office, the secretariat and
the inspectorate open the home page all day."""

from __future__ import annotations

from django.core.cache import cache

from berdaya.kinerja import selectors


def test_the_count_is_computed_once_then_read_from_the_cache(monkeypatch):
    calls = []

    class Below:
        achievement = 80

    class Above:
        achievement = 120

    def fake_results(year, quarter=0, *, iku_only=False):
        calls.append((year, iku_only))
        return [Below(), Above(), Below()]

    monkeypatch.setattr(selectors, "year_results", fake_results)
    cache.clear()
    assert selectors.iku_below_target(2025) == 2
    assert selectors.iku_below_target(2025) == 2
    assert calls == [(2025, True)]  # the second read came from the cache
    assert selectors.iku_below_target(2026) == 2  # each year has its own count
    assert len(calls) == 2


def test_fresh_recomputes_and_refreshes_the_cached_count(monkeypatch):
    values = [[type("R", (), {"achievement": 50})()], []]
    monkeypatch.setattr(selectors, "year_results", lambda year, quarter=0, *, iku_only=False: values.pop(0))
    cache.clear()
    assert selectors.iku_below_target(2025) == 1
    assert selectors.iku_below_target(2025, fresh=True) == 0
    assert selectors.iku_below_target(2025) == 0
    assert selectors.IKU_BELOW_CACHE_SECONDS <= 600
