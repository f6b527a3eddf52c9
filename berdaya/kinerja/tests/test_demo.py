"""kinerja.demo: the seed 003 plan, PK, action plans and budget; idempotent (issue 6 point 12)."""

from decimal import Decimal as D

import pytest

from berdaya.kinerja import checks, selectors
from berdaya.kinerja.demo import populate
from berdaya.kinerja.models import Agreement, BudgetItem, Indicator

pytestmark = pytest.mark.django_db


def test_the_demo_plan_resembles_the_2022_report_and_is_added_once(cast):
    assert populate(actor=cast.admin, seed=7) == 8
    assert populate(actor=cast.admin, seed=7) == 0
    assert Indicator.objects.filter(is_iku=True).count() == 5
    assert Agreement.objects.filter(year=2022, unit="dinas").count() == 2  # the PK and its revision
    assert BudgetItem.objects.filter(year=2022, level=BudgetItem.Level.PROGRAM).count() == 10
    results = {r.indicator.code: r for r in selectors.year_results(2022)}
    # manual measures carry the seed's printed values (sakip.md S4)
    assert round(results["iku-koperasi"].value, 2) == D("6.47")
    assert results["iku-penempatan"].value == 725
    assert round(results["iku-sakip"].value, 2) == D("3.87")
    assert round(results["iku-kerja-layak"].value, 2) == D("4.67")
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
