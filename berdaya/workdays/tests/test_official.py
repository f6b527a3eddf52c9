"""The holidays package checked against the official lists (R43b): where it is right it is the source."""

import datetime as dt

import pytest

from berdaya.workdays.official import OFFICIAL, official_dates
from berdaya.workdays.shipped import _package


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_the_package_agrees_with_the_decree(year):  # R43b
    national, leave = official_dates(year)
    public, government = _package(year)
    assert set(public) == national
    assert set(government) - set(public) == leave


def test_2024_collective_leave_is_the_skb_855_2023_list():  # R43b
    _national, leave = official_dates(2024)
    assert sorted(leave) == [
        dt.date(2024, 2, 9),  # Imlek
        dt.date(2024, 3, 12),  # Nyepi
        dt.date(2024, 4, 8),  # Idul Fitri 1445 H
        dt.date(2024, 4, 9),
        dt.date(2024, 4, 12),
        dt.date(2024, 4, 15),
        dt.date(2024, 5, 10),  # Kenaikan Isa Almasih
        dt.date(2024, 5, 24),  # Waisak
        dt.date(2024, 6, 18),  # Idul Adha
        dt.date(2024, 12, 26),  # Natal
    ]
    assert "855/2023" in OFFICIAL[2024][0]


def test_islamic_dates_past_the_package_s_confirmed_years_are_estimates():
    public, _government = _package(2027)
    assert any("perkiraan" in name for name in public.values())
