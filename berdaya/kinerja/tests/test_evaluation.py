"""Indicators evaluated from measures, targets from the PK, snapshots and restatements (S1-S3, S6-S8)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from berdaya.kinerja import measures, selectors, services
from berdaya.kinerja.evaluation import bands_at, evaluate, target_of
from berdaya.kinerja.measures import Measure, Period
from berdaya.kinerja.models import (
    ActionPlan,
    Agreement,
    Echelon,
    ManualMeasure,
    ManualValue,
    Snapshot,
    Unit,
    YearTarget,
)
from berdaya.kinerja.tests.conftest import make_indicator
from berdaya.umkm.services import wub_assessment_record
from berdaya.umkm.tests.conftest import make_enterprise

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("naker_as_manual")]


def manual(key, values):
    measure = ManualMeasure.objects.create(key=key, label=key)
    for year, value in values.items():
        ManualValue.objects.create(measure=measure, year=year, value=D(value))
    return measure


def test_the_bands_in_force_are_the_seed_bands_and_gapless():  # sakip.md S7
    from berdaya.kinerja.formulas import band_gaps

    bands = bands_at(dt.date(2022, 12, 31))
    assert len(bands) == 5
    assert band_gaps(bands) == []


def test_growth_uses_the_same_measure_one_year_earlier(renstra):  # sakip.md S2, S4 (SAKIP score)
    manual("kinerja.sakip_score", {2021: "77.18", 2022: "80.17"})
    indicator = make_indicator(
        renstra, "sakip", kind="growth", numerator_key="kinerja.sakip_score", denominator_key=""
    )
    YearTarget.objects.create(indicator=indicator, year=2022, value=D("1.06"))
    result = evaluate(indicator, Period(2022))
    assert result.inputs["previous"].period == Period(2021)
    assert round(result.value, 2) == D("3.87")
    assert result.category == "Sangat Berhasil"


def test_a_denominator_can_come_from_the_year_before(renstra):  # sakip.md S2
    manual("a", {2022: 30})
    manual("b", {2021: 60, 2022: 1000})
    indicator = make_indicator(renstra, "x", numerator_key="a", denominator_key="b", denominator_offset=-1)
    assert evaluate(indicator, Period(2022)).value == 50


def test_the_signed_pk_target_wins_over_the_renstra_target_and_its_latest_version(indicator, cast):
    assert target_of(indicator, 2022) == 3
    pk = services.agreement_sign(
        actor=cast.sekretariat,
        targets={indicator: D(4)},
        data={
            "year": 2022,
            "unit": Unit.DINAS,
            "echelon": Echelon.II,
            "first_party": "Kepala Dinas",
            "second_party": "Wali Kota",
        },
    )
    assert target_of(indicator, 2022) == 4
    with pytest.raises(ValidationError):
        services.agreement_sign(actor=cast.sekretariat, targets={indicator: D(5)}, revises=pk, data={})
    revised = services.agreement_sign(
        actor=cast.sekretariat, targets={indicator: D(5)}, revises=pk, data={}, reason="APBD Perubahan"
    )
    assert revised.version == 2
    assert Agreement.objects.filter(year=2022).count() == 2  # the first version is kept
    assert target_of(indicator, 2022) == 5


def wub_registry(cast, mandiri: int, trained: int):
    enterprises = [
        make_enterprise(actor=cast.umkm, name=f"WUB {i}", is_wub=True, registered_on=dt.date(2022, 2, 1))
        for i in range(trained)
    ]
    for enterprise in enterprises[:mandiri]:
        assess(cast, enterprise)
    return enterprises


def assess(cast, enterprise):
    wub_assessment_record(
        actor=cast.umkm,
        enterprise=enterprise,
        year=2022,
        still_producing=True,
        has_turnover=True,
        operating_in_city=True,
        visited_on=dt.date(2022, 11, 1),
    )


def test_the_first_iku_is_computed_from_the_umkm_registry(indicator, cast):  # sakip.md S4
    wub_registry(cast, mandiri=1, trained=4)
    result = evaluate(indicator, Period(2022))
    assert result.source == "computed"
    assert result.value == 25  # 1 / 4 × 100
    assert result.achievement == D(150)  # 25 / 3 x 100 = 833 %, capped by the office's one rule (sakip.md S6)


def test_closing_a_year_freezes_values_and_later_changes_show_as_restatements(indicator, cast):  # S3
    enterprises = wub_registry(cast, mandiri=1, trained=4)
    snapshots = services.period_close(actor=cast.sekretariat, year=2022)
    assert len(snapshots) == 1
    snap = Snapshot.objects.get(indicator=indicator, year=2022)
    assert snap.value == 25
    assert snap.inputs["numerator"]["value"] == "1"
    assert snap.records["denominator"] == sorted(e.pk for e in enterprises)
    with pytest.raises(ValidationError):
        services.period_close(actor=cast.sekretariat, year=2022)

    assess(cast, enterprises[1])  # a late correction in the registry
    [row] = selectors.year_results(2022)
    assert row.closed and row.value == 25  # the closed value does not change silently
    assert row.live.value == 50
    assert row.restated
    assert row.changed_records() == {"numerator": (1, 0)}


def test_monitoring_shows_who_is_behind_with_live_quarterly_realisation(indicator, cast):  # point 4
    wub_registry(cast, mandiri=1, trained=4)
    ActionPlan.objects.create(
        year=2022, unit=Unit.USAHA_MIKRO, indicator=indicator, action="Pendampingan", q1=D(10), q2=D(40)
    )
    ActionPlan.objects.create(year=2022, unit=Unit.KOPERASI, indicator=indicator, action="Lain", q2=D(20))
    rows = selectors.monitoring(2022, 2)
    assert [(r.plan.unit, r.behind) for r in rows] == [("koperasi", False), ("usaha_mikro", True)]
    assert selectors.monitoring(2022, 3)[0].behind is None  # no quarter target: nothing to judge


def test_a_lower_is_better_indicator_is_behind_above_its_target(renstra):  # sakip.md S6
    computed = Measure("test.disputes", "Sengketa", "", "kasus", value=lambda period, filters: 8)
    with measures.registered(computed):
        indicator = make_indicator(
            renstra,
            "sengketa",
            kind="count",
            numerator_key="test.disputes",
            denominator_key="",
            higher_is_better=False,
        )
        YearTarget.objects.create(indicator=indicator, year=2022, value=10)
        assert evaluate(indicator, Period(2022)).achievement == 120
        ActionPlan.objects.create(year=2022, unit=Unit.PHIJS, indicator=indicator, action="Mediasi", q1=D(5))
        assert selectors.monitoring(2022, 1)[0].behind is True


def test_a_manual_value_that_disagrees_with_the_registry_is_a_finding(renstra):  # sakip.md S10
    from berdaya.kinerja import checks

    manual("test.companies", {2022: 163})
    computed = Measure("test.companies", "Perusahaan", "", "perusahaan", value=lambda period, filters: 160)
    with measures.registered(computed):
        findings = checks.one_value_findings(2022)
    assert [(f.code, f.subject) for f in findings] == [("two_values", "test.companies")]
    assert checks.one_value_findings(2022) == []  # without the registry the manual value is the only one


def test_a_restated_closed_value_is_a_finding(indicator, cast):  # sakip.md S3, S10
    from berdaya.kinerja import checks

    enterprises = wub_registry(cast, mandiri=1, trained=4)
    services.period_close(actor=cast.sekretariat, year=2022)
    assert checks.one_value_findings(2022) == []
    assess(cast, enterprises[2])
    assert [f.code for f in checks.one_value_findings(2022)] == ["restated"]


def test_a_revised_plan_is_a_new_version_and_keeps_closed_years(indicator, cast):
    services.period_close(actor=cast.sekretariat, year=2022)
    with pytest.raises(ValidationError):
        services.renstra_revise(actor=cast.sekretariat, renstra=indicator.renstra, note="")
    revised = services.renstra_revise(
        actor=cast.sekretariat, renstra=indicator.renstra, note="Perubahan RPJMD"
    )
    assert revised.version == 2 and revised.revises == indicator.renstra
    assert selectors.current_renstra() == revised
    [row] = selectors.year_results(2022)
    assert row.indicator.renstra == revised
    assert row.indicator.target.name == "Meningkatnya WUB mandiri"
    assert row.target == 3 and row.closed


def test_more_placed_than_registered_is_a_structural_finding(renstra):  # sakip.md S9
    from berdaya.kinerja import checks

    manual("naker.placed", {2022: 725})
    manual("naker.registered", {2021: 700, 2022: 700})
    make_indicator(renstra, "ratio", numerator_key="naker.placed", denominator_key="naker.registered")
    make_indicator(
        renstra, "loose", numerator_key="naker.placed", denominator_key="naker.registered", bounded=False
    )
    findings = checks.indicator_findings(2022)
    assert [(f.rule, f.code, f.subject) for f in findings] == [("S9", "numerator_gt_denominator", "ratio")]


def test_a_denominator_that_jumps_needs_an_explanation(renstra, typed_by_hand):  # S10 (1,215 -> 3,489)
    from berdaya.kinerja import checks

    manual("hubind.decent_work", {2021: 100, 2022: 163})
    manual("hubind.reporting", {2021: 1215, 2022: 3489})
    make_indicator(renstra, "layak", numerator_key="hubind.decent_work", denominator_key="hubind.reporting")
    [finding] = checks.indicator_findings(2022)
    assert (finding.rule, finding.code) == ("S10", "denominator_jump")
    assert "dari 1215 (2021) menjadi 3489 (2022)" in finding.message
    assert checks.indicator_findings(2021) == []  # nothing the year before to compare with
