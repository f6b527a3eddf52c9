"""umkm.figures on a small known dataset: exact numbers (issue point 9, sakip.md S4-S5)."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.umkm import figures
from berdaya.umkm.models import Enterprise, Status, WubCohort
from berdaya.umkm.services import enterprise_status_change, observation_record, wub_assessment_record

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db
M = Decimal(10**9)
SELATAN, TIMUR = "63.71.01", "63.71.02"


@pytest.fixture
def registry(cast):
    """Six enterprises:
    A Selatan kuliner   registered 2022-03-01, active
    B Selatan sasirangan registered 2023-05-01, active; mikro 2023 -> kecil 2024 (naik kelas 2024)
    C Timur   jasa      registered 2023-07-01, closed 2024-06-30
    D Timur   kuliner   registered 2024-02-01, moved away 2025-01-15
    E Timur   purun     registered 2024-08-01, WUB 2023 cohort, mandiri 2024
    F Selatan jasa      registered 2024-09-01, WUB 2023 cohort, not mandiri 2024
    """
    umkm = cast.umkm
    cohort = WubCohort.objects.create(name="Angkatan I", year=2023)

    def make(name, kel, sector, registered, **fields):
        return make_enterprise(
            actor=umkm, name=name, kelurahan=f"{kel}.1001", sector=sector, registered_on=registered, **fields
        )

    make("A", SELATAN, "kuliner", dt.date(2022, 3, 1))
    b = make("B", SELATAN, "kriya-sasirangan", dt.date(2023, 5, 1))
    c = make("C", TIMUR, "jasa", dt.date(2023, 7, 1))
    d = make("D", TIMUR, "kuliner", dt.date(2024, 2, 1))
    e = make("E", TIMUR, "kriya-purun", dt.date(2024, 8, 1), is_wub=True, wub_cohort=cohort)
    f = make("F", SELATAN, "jasa", dt.date(2024, 9, 1), is_wub=True, wub_cohort=cohort)
    observation_record(
        actor=umkm, enterprise=b, data={"observed_on": dt.date(2023, 12, 31), "capital": M / 2}
    )
    observation_record(
        actor=umkm, enterprise=b, data={"observed_on": dt.date(2024, 12, 31), "capital": 2 * M}
    )
    enterprise_status_change(
        actor=umkm, enterprise=c, status=Status.TUTUP, on=dt.date(2024, 6, 30), reason="Rugi"
    )
    enterprise_status_change(
        actor=umkm, enterprise=d, status=Status.PINDAH, on=dt.date(2025, 1, 15), reason="Ke Banjarbaru"
    )
    visit = {"actor": umkm, "year": 2024, "visited_on": dt.date(2024, 10, 1), "still_producing": True}
    wub_assessment_record(enterprise=e, has_turnover=True, operating_in_city=True, **visit)
    wub_assessment_record(enterprise=f, has_turnover=False, operating_in_city=True, **visit)


def test_registered_at_a_date(registry):
    assert figures.registered(dt.date(2022, 12, 31)) == 1
    assert figures.registered(dt.date(2023, 12, 31)) == 3
    assert figures.registered(dt.date(2024, 12, 31)) == 6
    assert figures.registered(dt.date(2024, 12, 31), by="kecamatan") == {SELATAN: 3, TIMUR: 3}
    assert figures.registered(dt.date(2024, 12, 31), by="sector") == {"jasa": 2, "kriya": 2, "kuliner": 2}


def test_active_at_a_date_respects_the_dated_status(registry):
    assert figures.active(dt.date(2024, 6, 29)) == 4  # A B C D; E and F not yet registered
    assert figures.active(dt.date(2024, 6, 30)) == 3  # C closed on that day
    assert figures.active(dt.date(2024, 12, 31)) == 5  # A B D E F
    assert figures.active(dt.date(2025, 1, 15), by="kecamatan") == {SELATAN: 3, TIMUR: 1}


def test_active_micro_enterprises_use_the_class_at_the_date(registry):
    assert figures.active(dt.date(2023, 12, 31), size_class="mikro") == 1  # only B has figures: mikro
    assert figures.active(dt.date(2024, 12, 31), size_class="mikro") == 0  # B became kecil
    assert figures.active(dt.date(2024, 12, 31), size_class="kecil") == 1


def test_growth_is_full_precision(registry):
    # active 31-12-2023: A B C = 3; 31-12-2024: A B D E F = 5 -> (5 - 3) / 3 * 100
    assert figures.growth(2024) == Decimal(200) / Decimal(3)
    assert figures.growth(2024, measure="registered") == Decimal(100)  # 3 -> 6
    assert figures.growth(2022) is None  # nothing in 2021 to grow from
    by = figures.growth(2024, by="kecamatan")
    assert by == {SELATAN: Decimal(50), TIMUR: Decimal(100)}  # Selatan A B -> A B F, Timur C -> D E


def test_scaled_up_in_a_year(registry):
    # domain.md R18
    assert figures.scaled_up(2024) == 1
    assert figures.scaled_up(2023) == 0
    assert figures.scaled_up(2024, by="sector") == {"kriya": 1}


def test_wub_trained_and_mandiri(registry):
    assert figures.wub_trained(2023) == 2
    assert figures.wub_trained(2022) == 0
    assert figures.wub_trained(2024, since=2024) == 0
    assert figures.wub_mandiri(2024) == 1
    assert figures.wub_mandiri(2024, by="kecamatan") == {TIMUR: 1}
    assert figures.wub_mandiri_percentage(2024) == Decimal(50)
    assert figures.wub_mandiri_percentage(2022) is None


def test_figures_can_be_limited_to_a_scoped_queryset(registry):
    selatan = Enterprise.objects.filter(kelurahan__code__startswith=SELATAN)
    assert figures.registered(dt.date(2024, 12, 31), queryset=selatan) == 3


def test_an_unknown_breakdown_is_refused(registry):
    with pytest.raises(ValueError):
        figures.registered(dt.date(2024, 12, 31), by="kelurahan")
