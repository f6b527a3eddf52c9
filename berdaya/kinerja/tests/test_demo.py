"""kinerja.demo: the seed 003 plan, PK, action plans and budget; idempotent."""

import datetime as dt
from decimal import Decimal as D

import pytest

from berdaya.kinerja import checks, selectors
from berdaya.kinerja.demo import populate
from berdaya.kinerja.models import Agreement, BudgetItem, Indicator, ManualMeasure
from berdaya.koperasi.assessment import figures as assessment_figures
from berdaya.koperasi.assessment.services import cooperative_rate
from berdaya.koperasi.tests.assessing import hold_rat, rating_scores
from berdaya.koperasi.tests.conftest import make_cooperative

pytestmark = pytest.mark.django_db


@pytest.fixture
def cooperatives(cast):
    """Two cooperatives active in 2022 (RAT of fiscal 2021 held, R21), one rated quality that year (R26)."""
    quality, plain = (make_cooperative(actor=cast.koperasi, name=name) for name in ("Berkualitas", "Biasa"))
    for cooperative in (quality, plain):
        hold_rat(cooperative, cast.koperasi, 2021)
    cooperative_rate(
        actor=cast.koperasi,
        cooperative=quality,
        rater="LIPK",
        rated_on=dt.date(2022, 9, 1),
        scores=rating_scores(0.9),
    )


def test_the_demo_plan_resembles_the_2022_report_and_is_added_once(cast, cooperatives):
    from berdaya.hubind.demo import populate as hubind_demo

    hubind_demo(actor=cast.admin, seed=7)  # indicator 4 is computed from the industrial relations registry
    from berdaya.naker.demo import populate as manpower_demo

    manpower_demo(actor=cast.admin, seed=7)  # the placement measures come from the manpower registry
    assert populate(actor=cast.admin, seed=7) == 8
    assert populate(actor=cast.admin, seed=7) == 0
    assert Indicator.objects.filter(is_iku=True).count() == 5
    assert Agreement.objects.filter(year=2022, unit="dinas").count() == 2  # the PK and its revision
    assert BudgetItem.objects.filter(year=2022, level=BudgetItem.Level.PROGRAM).count() == 10
    results = {r.indicator.code: r for r in selectors.year_results(2022)}
    # the cooperative IKU is computed from the registry, no longer typed (seed 003: 6.47)
    quality = results["iku-koperasi"]
    assert quality.live.source == "computed"
    assert quality.value == assessment_figures.quality_share(dt.date(2022, 12, 31)) == D(50)
    assert not ManualMeasure.objects.filter(key__startswith="koperasi.").exists()
    assert Indicator.objects.get(code="iku-koperasi").data_source == "Registri Berdaya"
    # the placement indicator is computed from the manpower registry's 2022 records
    assert results["iku-penempatan"].live.source == "computed"
    assert not ManualMeasure.objects.filter(key__startswith="naker.").exists()
    assert results["iku-penempatan"].value == 725
    # the measures no registry computes yet carry the seed's printed values (sakip.md S4)
    assert round(results["iku-sakip"].value, 2) == D("3.87")
    assert round(results["iku-kerja-layak"].value, 2) == D("4.67")  # 163 / 3,489 companies, from records
    assert results["iku-kerja-layak"].live.source == "computed"
    assert not ManualMeasure.objects.filter(key__startswith="hubind.").exists()
    assert round(results["tujuan-penempatan"].value, 2) == D("32.92")
    assert results["iku-penempatan"].category == "Sangat Berhasil"
    codes = {f.code for f in checks.run(2022)}
    # S10: reporting companies 1,215 -> 3,489; S11: the budget table's contradictions
    assert {"denominator_jump", "category_mismatch", "percent_mismatch"} <= codes


def test_the_demo_spreads_spending_over_the_quarters_without_changing_the_year(cast):
    from berdaya.kinerja import budget
    from berdaya.kinerja.evaluation import bands_at

    populate(actor=cast.admin, seed=7)
    koperasi = next(
        r
        for r in budget.tree(2022, bands_at())
        if r.item.name == "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI"
    )
    assert koperasi.financial == D(338807400)  # seed 003 Tabel 3.3
    assert set(koperasi.quarters) == {1, 2, 3, 4}
    assert koperasi.quarters[1] < koperasi.quarters[4]
