"""The measures interface and manual measures switching to computed ones (sakip.md S1-S3)."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.kinerja import measures
from berdaya.kinerja.evaluation import evaluate, reading
from berdaya.kinerja.measures import Measure, Period
from berdaya.kinerja.models import ManualMeasure, ManualValue, Unit, YearTarget

from .conftest import make_indicator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("naker_as_manual")]


def test_a_period_knows_its_dates_and_the_year_before():  # sakip.md S2
    assert Period(2022).end == dt.date(2022, 12, 31)
    assert Period(2022, 1).start == dt.date(2022, 1, 1)
    assert Period(2022, 1).end == dt.date(2022, 3, 31)
    assert Period(2022, 3).end == dt.date(2022, 9, 30)
    assert Period(2022, 2).shifted(-1) == Period(2021, 2)
    with pytest.raises(ValueError):
        Period(2022, 5)


def test_registry_measures_are_discovered_from_their_apps():
    keys = {m.key for m in measures.all_measures()}
    assert {
        "umkm.registered",
        "umkm.active",
        "umkm.scaled_up",
        "umkm.wub_trained",
        "umkm.wub_mandiri",
    } <= keys


def test_a_key_cannot_be_registered_twice():
    measure = measures.get("umkm.active")
    with pytest.raises(ValueError):
        measures.register(Measure("umkm.active", "x", "x", "x", value=lambda p, f: 0))
    assert measures.get("umkm.active") is measure


def test_an_unknown_key_without_a_manual_value_is_missing_not_zero():
    assert reading("naker.placed", Period(2022)).source == "missing"
    assert reading("naker.placed", Period(2022)).value is None


def test_a_manual_indicator_switches_to_computed_when_a_registry_registers_its_measure(renstra):
    # manpower is not built yet; its indicator starts manual, then becomes computed
    placed = ManualMeasure.objects.create(key="naker.placed", label="Pencari kerja ditempatkan")
    ManualValue.objects.create(measure=placed, year=2022, value=725, note="rekap bidang P3K")
    indicator = make_indicator(
        renstra,
        "placed",
        kind="count",
        unit="orang",
        numerator_key="naker.placed",
        denominator_key="",
        responsible_unit=Unit.P3K,
    )
    YearTarget.objects.create(indicator=indicator, year=2022, value=515)
    before = evaluate(indicator, Period(2022))
    assert (before.value, before.source) == (725, "manual")

    computed = Measure("naker.placed", "Ditempatkan", "", "orang", value=lambda period, filters: 730)
    with measures.registered(computed):
        after = evaluate(indicator, Period(2022))
    assert (after.value, after.source) == (730, "computed")
    assert after.achievement == Decimal(730) / Decimal(515) * 100
    assert after.category == "Sangat Berhasil"  # sakip.md S7


def test_the_umkm_measures_count_the_registry_and_return_the_records(cast):
    from berdaya.umkm.tests.conftest import make_enterprise

    one = make_enterprise(actor=cast.umkm, registered_on=dt.date(2021, 5, 1))
    make_enterprise(actor=cast.umkm, name="Kue Bingka", registered_on=dt.date(2022, 5, 1))
    active = measures.get("umkm.active")
    assert active.value(Period(2021), {}) == 1
    assert active.value(Period(2022), {}) == 2
    assert list(active.records(Period(2021), {}).values_list("pk", flat=True)) == [one.pk]
