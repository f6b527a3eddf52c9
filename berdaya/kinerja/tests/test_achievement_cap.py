"""One achievement cap for every indicator, dated (sakip.md S6: "optional floor at 0 and cap")."""

import datetime as dt
from decimal import Decimal as D

import pytest

from berdaya.kinerja.evaluation import cap_at, evaluate
from berdaya.kinerja.measures import Period
from berdaya.kinerja.models import AchievementCap, ManualMeasure, ManualValue, YearTarget
from berdaya.kinerja.report.assemble import _indicator
from berdaya.kinerja.tests.conftest import make_indicator

pytestmark = pytest.mark.django_db


def manual(key, values):
    measure = ManualMeasure.objects.create(key=key, label=key)
    for year, value in values.items():
        ManualValue.objects.create(measure=measure, year=year, value=D(value))


def ratio(renstra, code, numerator, target, year=2022):
    """A ratio indicator numerator / 100 x 100 = ``numerator`` % against ``target`` %."""
    manual(f"{code}.num", {year: numerator})
    manual(f"{code}.den", {year: 100})
    indicator = make_indicator(renstra, code, numerator_key=f"{code}.num", denominator_key=f"{code}.den")
    YearTarget.objects.create(indicator=indicator, year=year, value=D(target))
    return indicator


def test_the_seeded_rule_caps_every_indicator_at_150_percent():  # sakip.md S6
    assert cap_at(dt.date(2022, 12, 31)) == D(150)
    assert cap_at(dt.date(2015, 12, 31)) is None  # before the first rule: no cap


@pytest.mark.parametrize(
    ("realisation", "expected"),
    [("5.96", D(149)), ("6", D(150)), ("6.04", D(150)), ("11.8", D(150))],
    ids=["below the cap", "at the cap", "just above", "far above (295 % before)"],
)
def test_achievement_stops_at_the_cap_and_not_before(renstra, realisation, expected):  # sakip.md S6
    indicator = ratio(renstra, "koperasi", realisation, 4)
    assert evaluate(indicator, Period(2022)).achievement == expected


def test_a_ratio_and_a_growth_indicator_share_one_cap(renstra):  # sakip.md S6 (one rule, not per indicator)
    high_ratio = ratio(renstra, "ratio", "11.81", 4)
    manual("growth.num", {2021: 24, 2022: 44})
    growth = make_indicator(renstra, "growth", kind="growth", numerator_key="growth.num", denominator_key="")
    YearTarget.objects.create(indicator=growth, year=2022, value=D("2.91"))
    results = [evaluate(ind, Period(2022)).achievement for ind in (high_ratio, growth)]
    assert results == [D(150), D(150)]


def test_a_new_dated_rule_applies_from_its_date_only(renstra):  # sakip.md S6, thresholds in dated tables
    AchievementCap.objects.create(effective_from=dt.date(2023, 1, 1), cap=D(120))
    indicator = ratio(renstra, "x", "6", 4, year=2022)
    assert evaluate(indicator, Period(2022)).achievement == D(150)
    assert cap_at(dt.date(2022, 12, 31)) == D(150)
    assert cap_at(dt.date(2023, 1, 1)) == D(120)  # the rule's first day


def test_a_rule_without_a_cap_lets_achievement_above_it(renstra):  # sakip.md S6: the cap is optional
    AchievementCap.objects.create(effective_from=dt.date(2022, 1, 1), cap=None)
    indicator = ratio(renstra, "x", "11.8", 4)
    assert evaluate(indicator, Period(2022)).achievement == D(295)


def test_the_report_uses_the_same_cap_as_the_pages(renstra):  # sakip.md S6, S10 (one value everywhere)
    indicator = ratio(renstra, "x", "11.8", 4)
    reported = _indicator(indicator, 2022)
    assert reported.achievement(D(4), D("11.8")) == evaluate(indicator, Period(2022)).achievement == D(150)
