"""The figures the yearly report calls: healthy and quality cooperatives, by kecamatan and kind (R23-R26)."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.koperasi.assessment import figures
from berdaya.koperasi.assessment.health import Category, Method
from berdaya.koperasi.assessment.services import cooperative_rate, health_assess
from berdaya.koperasi.models import Cooperative, Kind

from .assessing import answers_2016, hold_rat, rating_scores
from .assessing import assessed_2020 as assessed
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def rated(cooperative, actor, on, fraction):
    if not cooperative.rats.filter(fiscal_year=on.year - 1).exists():
        hold_rat(cooperative, actor, on.year - 1)
    return cooperative_rate(
        actor=actor, cooperative=cooperative, rater="LIPK", rated_on=on, scores=rating_scores(fraction)
    )


def test_healthy_means_sehat_for_that_fiscal_year(cast):
    # domain.md R23, R24
    sehat = make_cooperative(actor=cast.koperasi, name="A")
    weak = make_cooperative(actor=cast.koperasi, name="B")
    assessed(sehat, cast.koperasi, 2024)
    assessed(weak, cast.koperasi, 2024, all_met=False)
    assert list(figures.healthy_cooperatives(2024)) == [sehat]
    assert figures.healthy_count(2023) == 0
    assert figures.healthy_count(2024, categories=(Category.SEHAT, Category.DALAM_PENGAWASAN_KHUSUS)) == 2
    assert figures.health_by_category(2024) == {
        Category.SEHAT: 1,
        Category.CUKUP_SEHAT: 0,
        Category.DALAM_PENGAWASAN: 0,
        Category.DALAM_PENGAWASAN_KHUSUS: 1,
    }


def test_when_both_methods_assessed_a_year_the_last_assessed_decides(cast, cooperative):
    assessed(cooperative, cast.koperasi, 2024, on=dt.date(2025, 6, 1))  # 2020: Sehat
    health_assess(
        actor=cast.koperasi,
        cooperative=cooperative,
        fiscal_year=2024,
        method=Method.M2016,
        answers=answers_2016("5"),  # 35: Dalam Pengawasan Khusus
        assessed_on=dt.date(2025, 7, 1),
    )
    assert figures.healthy_count(2024) == 0
    assert figures.healthy_count(2024, categories=(Category.DALAM_PENGAWASAN_KHUSUS,)) == 1


def test_quality_follows_the_latest_rating_on_the_date(cast, cooperative):
    # domain.md R26: quality = latest rating at or above Cukup Berkualitas
    rated(cooperative, cast.koperasi, dt.date(2023, 9, 1), 0.9)
    rated(cooperative, cast.koperasi, dt.date(2025, 9, 1), 0.3)
    assert figures.quality_count(dt.date(2023, 8, 31)) == 0
    assert figures.quality_count(dt.date(2023, 9, 1)) == 1
    assert figures.quality_count(dt.date(2025, 8, 31)) == 1
    assert figures.quality_count(dt.date(2025, 9, 1)) == 0  # a later, lower rating replaces it


def test_quality_counted_over_one_year_of_ratings_as_seed_003_does(cast):
    # seed 003: 20 quality cooperatives = the ratings of 2022 (2 Berkualitas + 18 Cukup Berkualitas)
    old = make_cooperative(actor=cast.koperasi, name="Lama")
    new = make_cooperative(actor=cast.koperasi, name="Baru")
    rated(old, cast.koperasi, dt.date(2021, 9, 1), 0.9)
    rated(new, cast.koperasi, dt.date(2022, 9, 1), 0.6)
    year = {"since": dt.date(2022, 1, 1), "at": dt.date(2022, 12, 31)}
    assert list(figures.quality_cooperatives(**year)) == [new]
    assert figures.quality_count(dt.date(2022, 12, 31)) == 2


def test_counts_by_kecamatan_and_kind(cast):
    selatan = make_cooperative(actor=cast.koperasi, name="S", kelurahan="63.71.01.1001")
    timur = make_cooperative(actor=cast.koperasi, name="T", kelurahan="63.71.02.1001", kind=Kind.KONSUMEN)
    nowhere = make_cooperative(actor=cast.koperasi, name="N", kelurahan=None, kind=Kind.JASA)
    for cooperative in (selatan, timur, nowhere):
        rated(cooperative, cast.koperasi, dt.date(2025, 9, 1), 0.6)
    at = dt.date(2025, 12, 31)
    assert figures.quality_count(at, by="kecamatan") == {"": 1, "63.71.01": 1, "63.71.02": 1}
    assert figures.quality_count(at, by="kind") == {Kind.JASA: 1, Kind.KONSUMEN: 1, Kind.SIMPAN_PINJAM: 1}
    only_selatan = Cooperative.objects.filter(kelurahan__code__startswith="63.71.01")
    assert figures.quality_count(at, queryset=only_selatan) == 1
    with pytest.raises(ValueError):
        figures.quality_count(at, by="kelurahan")


def test_the_quality_percentage_divides_by_the_active_cooperatives(cast):
    # seed 003: quality cooperatives / active cooperatives x 100 (20 / 309 = 6.47 %)
    rated_one = make_cooperative(actor=cast.koperasi, name="R", legal_entity_date=dt.date(2015, 1, 1))
    others = [
        make_cooperative(actor=cast.koperasi, name=f"O{n}", legal_entity_date=dt.date(2015, 1, 1))
        for n in range(3)
    ]
    for cooperative in [rated_one, *others]:
        hold_rat(cooperative, cast.koperasi, 2024)
    rated(rated_one, cast.koperasi, dt.date(2025, 9, 1), 0.6)
    at = dt.date(2025, 12, 31)
    active = figures.count(Cooperative.objects.all())  # all four held their 2024 RAT: active (R21)
    assert figures.quality_pct(at, since=dt.date(2025, 1, 1)) == Decimal(1) * 100 / Decimal(active)
    assert figures.quality_pct(at, by="kind") == {Kind.SIMPAN_PINJAM: Decimal(25)}
    assert figures.quality_pct(at, queryset=Cooperative.objects.none()) is None
