"""The demo assessments: some of each, through the services, and idempotent."""

import datetime as dt

import pytest

from berdaya.koperasi.demo_assessment import RATED_SHARE, populate_assessments
from berdaya.koperasi.models import Kind
from berdaya.koperasi.models_assessment import HealthAssessment, Rating

from .assessing import hold_rat
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def test_the_demo_assesses_and_rates_and_adds_nothing_the_second_time(cast):
    kinds = [Kind.SIMPAN_PINJAM, Kind.KONSUMEN, Kind.JASA]
    cooperatives = [
        make_cooperative(actor=cast.koperasi, name=f"Koperasi {n}", kind=kinds[n % 3])
        for n in range(3 * RATED_SHARE)
    ]
    for cooperative in cooperatives[:-1]:  # the last one never held a RAT: nothing for it
        for year in (2022, 2023, 2024):
            hold_rat(cooperative, cast.koperasi, year)
    added = populate_assessments(actor=cast.admin, seed=7)
    assert added == HealthAssessment.objects.count() + Rating.objects.count()
    assert HealthAssessment.objects.exclude(cooperative__kind=Kind.SIMPAN_PINJAM).count() == 0
    assert set(HealthAssessment.objects.values_list("fiscal_year", flat=True)) == {2023, 2024}
    assert Rating.objects.filter(rated_on=dt.date(2025, 9, 15)).count() == Rating.objects.count() > 0
    assert not HealthAssessment.objects.filter(cooperative=cooperatives[-1]).exists()
    assert populate_assessments(actor=cast.admin, seed=7) == 0
