"""The demo assessments: some of each, through the services, and idempotent."""

import datetime as dt

import pytest

from berdaya.koperasi.assessment.demo import RATED_SHARE, populate_assessments
from berdaya.koperasi.assessment.models import HealthAssessment, Rating
from berdaya.koperasi.demo import DEMO_SOURCE
from berdaya.koperasi.models import Kind

from .assessing import hold_rat
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def test_the_demo_assesses_and_rates_and_adds_nothing_the_second_time(cast):
    kinds = [Kind.SIMPAN_PINJAM, Kind.KONSUMEN, Kind.JASA]
    cooperatives = [
        make_cooperative(actor=cast.koperasi, name=f"Koperasi {n}", kind=kinds[n % 3], source=DEMO_SOURCE)
        for n in range(3 * RATED_SHARE)
    ]
    for cooperative in cooperatives[:-1]:  # the last one never held a RAT: nothing for it
        for year in (2022, 2023, 2024):
            hold_rat(cooperative, cast.koperasi, year)
    added = populate_assessments(actor=cast.admin, seed=7, source=DEMO_SOURCE)
    assert added == HealthAssessment.objects.count() + Rating.objects.count()
    assert HealthAssessment.objects.exclude(cooperative__kind=Kind.SIMPAN_PINJAM).count() == 0
    assert set(HealthAssessment.objects.values_list("fiscal_year", flat=True)) == {2023, 2024}
    assert Rating.objects.filter(rated_on=dt.date(2025, 9, 15)).count() == Rating.objects.count() > 0
    assert not HealthAssessment.objects.filter(cooperative=cooperatives[-1]).exists()
    assert populate_assessments(actor=cast.admin, seed=7, source=DEMO_SOURCE) == 0
    real = make_cooperative(actor=cast.koperasi, name="Koperasi Sungguhan")
    hold_rat(real, cast.koperasi, 2024)
    assert (
        populate_assessments(actor=cast.admin, seed=7, source=DEMO_SOURCE) == 0
    )  # only demo cooperatives are touched


def test_on_the_registry_demo_the_figures_match_a_count_by_hand(cast):
    # "healthy" and "rated quality" on the demo data, recounted in Python
    from collections import defaultdict

    from berdaya.koperasi.assessment import figures
    from berdaya.koperasi.demo import populate

    populate(actor=cast.admin, seed=3)  # the registry demo assesses and rates too
    assert HealthAssessment.objects.exists() and Rating.objects.exists()
    assert (
        populate_assessments(actor=cast.admin, seed=3, source=DEMO_SOURCE) == 0
    )  # already done: nothing added
    categories = set(HealthAssessment.objects.values_list("category", flat=True))
    assert len(categories) == 4  # every category appears
    decisive = {}
    for a in HealthAssessment.objects.order_by("assessed_on", "pk"):
        decisive[(a.cooperative_id, a.fiscal_year)] = a.category
    healthy = defaultdict(set)
    for (cooperative, year), category in decisive.items():
        if category == "sehat":
            healthy[year].add(cooperative)
    for year in {year for _, year in decisive}:
        assert set(figures.healthy_cooperatives(year).values_list("pk", flat=True)) == healthy[year]
    latest = {}
    for r in Rating.objects.order_by("rated_on", "pk"):
        latest[r.cooperative_id] = r.quality
    quality = {pk for pk, q in latest.items() if q}
    assert quality and len(quality) < len(latest)
    at = Rating.objects.latest("rated_on").rated_on
    assert set(figures.quality_cooperatives(at).values_list("pk", flat=True)) == quality
    assert sum(figures.quality_count(at, by="kind").values()) == len(quality)
    assert sum(figures.quality_count(at, by="kecamatan").values()) == len(quality)
