"""koperasi.measures: the registry's figures offered to performance indicators."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.kinerja import measures
from berdaya.kinerja.evaluation import reading
from berdaya.kinerja.measures import Period
from berdaya.koperasi import figures, services
from berdaya.koperasi.assessment import figures as assessment_figures
from berdaya.koperasi.assessment.services import cooperative_rate
from berdaya.koperasi.models import MembershipArea

from .assessing import assessed_2020, rating_scores
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db

KEYS = (
    "koperasi.registered",
    "koperasi.supervised",
    "koperasi.active",
    "koperasi.rat_required",
    "koperasi.rat_on_time",
    "koperasi.quality",
    "koperasi.healthy",
)


def rat(cooperative, actor, year, held_on):
    services.rat_record(actor=actor, cooperative=cooperative, data={"fiscal_year": year, "held_on": held_on})


def rate(cooperative, actor, on, fraction):
    cooperative_rate(
        actor=actor, cooperative=cooperative, rater="LIPK", rated_on=on, scores=rating_scores(fraction)
    )


@pytest.fixture
def registry(cast):
    """A on time, B late, C without RAT (inactive), D supervised by the province, E registered in 2024."""
    actor = cast.koperasi
    old = {"registered_on": dt.date(2015, 1, 1), "legal_entity_date": dt.date(2015, 1, 1)}
    a = make_cooperative(actor=actor, name="A", **old)
    b = make_cooperative(actor=actor, name="B", kelurahan="63.71.03.1001", **old)
    c = make_cooperative(actor=actor, name="C", **old)
    d = make_cooperative(actor=actor, name="D", membership_area=MembershipArea.PROVINSI, **old)
    e = make_cooperative(
        actor=actor, name="E", registered_on=dt.date(2024, 5, 1), legal_entity_date=dt.date(2024, 4, 1)
    )
    for year in (2021, 2022):
        rat(a, actor, year, dt.date(year + 1, 6, 30))  # on the deadline day: on time (R20)
        rat(b, actor, year, dt.date(year + 1, 7, 1))  # the day after: late
        rat(d, actor, year, dt.date(year + 1, 3, 1))
    assessed_2020(a, actor, 2023, on=dt.date(2024, 5, 1))  # Sehat for fiscal 2023 (holds its RAT)
    assessed_2020(b, actor, 2023, all_met=False, on=dt.date(2024, 5, 2))
    rate(a, actor, dt.date(2024, 9, 1), 0.9)
    rate(b, actor, dt.date(2023, 9, 1), 0.9)
    rate(d, actor, dt.date(2023, 9, 2), 0.3)  # rated below the quality band
    return a, b, c, d, e


def test_the_cooperative_measures_are_registered_with_labels():
    for key in KEYS:
        measure = measures.get(key)
        assert measure is not None, key
        assert measure.unit == "koperasi" and str(measure.label) and str(measure.description)


@pytest.mark.parametrize("period", [Period(2024), Period(2024, 2), Period(2025)])
def test_each_value_is_the_registry_figure_and_its_records_match_the_count(registry, period):
    # domain.md R19-R21, R23-R27: the same numbers as the yearly report's figures
    fiscal = period.year - 1
    expected = {
        "koperasi.registered": figures.registered(period.end),
        "koperasi.supervised": figures.supervised(period.end),
        "koperasi.active": figures.active(period.end),
        "koperasi.rat_required": figures.rat_required(fiscal),
        "koperasi.rat_on_time": figures.rat_on_time(fiscal),
        "koperasi.quality": assessment_figures.count(assessment_figures.quality_of_period(period.end)),
        "koperasi.healthy": assessment_figures.healthy_count(fiscal),
    }
    for key, figure in expected.items():
        measure = measures.get(key)
        assert measure.value(period, {}) == figure, key
        assert measure.records(period, {}).count() == figure, key


def test_the_records_are_the_cooperatives_behind_each_number(registry):
    a, b, c, d, e = registry
    year = Period(2023)

    def names(key, period=year, filters=None):
        return set(measures.get(key).records(period, filters or {}).values_list("name", flat=True))

    assert names("koperasi.registered") == {"A", "B", "C", "D"}
    assert names("koperasi.supervised") == {"A", "B", "C"}  # R19: D is the province's
    assert names("koperasi.active") == {"A", "B"}  # R21: C never held a RAT
    assert names("koperasi.rat_required") == {"A", "B", "C"}  # fiscal 2022, due 30 June 2023
    assert names("koperasi.rat_on_time") == {"A"}  # R20: B held it a day late
    assert names("koperasi.registered", Period(2024)) == {"A", "B", "C", "D", "E"}
    assert names("koperasi.quality", Period(2024)) == {"A"}  # R26, S4: rated in 2024 (B in 2023)
    assert names("koperasi.quality", Period(2023)) == {"B"}  # R26: D below the band
    assert names("koperasi.healthy", Period(2024)) == {"A"}  # R23-R24: fiscal 2023 assessed in 2024


def test_quality_counts_the_ratings_of_the_report_year_as_seed_003_does(registry):
    # sakip.md S4: seed 003 counts the quality cooperatives rated in the report's year, by default
    quality = measures.get("koperasi.quality")
    assert quality.value(Period(2024), {}) == 1  # B was rated in 2023
    assert quality.value(Period(2024), {"rated_within_years": 1}) == 1
    assert set(quality.records(Period(2024), {}).values_list("name", flat=True)) == {"A"}
    assert quality.value(Period(2024), {"rated_within_years": 2}) == 2
    end = dt.date(2024, 12, 31)
    assert quality.value(Period(2024), {}) == assessment_figures.quality_count(end, since=dt.date(2024, 1, 1))


def test_quality_over_active_is_the_key_indicator_percentage(registry):
    # seed 003: Persentase Koperasi Berkualitas = quality / active x 100 = assessment_figures.quality_share
    period = Period(2024)
    quality, active = reading("koperasi.quality", period), reading("koperasi.active", period)
    assert (quality.source, active.source) == ("computed", "computed")
    assert quality.value * 100 / active.value == assessment_figures.quality_share(period.end)
    # A rated quality in 2024; active: A, B and E (too young to be called inactive, R21)
    assert quality.value * 100 / active.value == Decimal(100) / 3
    assert sorted(quality.record_ids()) == sorted(quality.records.values_list("pk", flat=True))
