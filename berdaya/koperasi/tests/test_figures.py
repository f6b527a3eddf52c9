"""koperasi.figures: the report's figures on small hand-made registries, at their boundaries."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.koperasi import figures, services
from berdaya.koperasi.models import DissolutionGround, DissolutionStage, MembershipArea

from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def rat(cooperative, actor, year, held_on):
    services.rat_record(actor=actor, cooperative=cooperative, data={"fiscal_year": year, "held_on": held_on})


@pytest.fixture
def registry(cast):
    """Four cooperatives: on time, late, none (inactive), and one supervised by the province."""
    a = make_cooperative(actor=cast.koperasi, name="A", kind="jasa", registered_on=dt.date(2015, 1, 1))
    b = make_cooperative(
        actor=cast.koperasi,
        name="B",
        kind="konsumen",
        kelurahan="63.71.03.1001",
        registered_on=dt.date(2015, 1, 1),
    )
    c = make_cooperative(actor=cast.koperasi, name="C", kind="jasa", registered_on=dt.date(2015, 1, 1))
    d = make_cooperative(
        actor=cast.koperasi,
        name="D",
        membership_area=MembershipArea.PROVINSI,
        registered_on=dt.date(2015, 1, 1),
    )
    for year in (2021, 2022, 2023):
        rat(a, cast.koperasi, year, dt.date(year + 1, 6, 30))  # on the deadline day: on time (R20)
        rat(b, cast.koperasi, year, dt.date(year + 1, 7, 1))  # the day after: late
        rat(d, cast.koperasi, year, dt.date(year + 1, 3, 1))
    return a, b, c, d


def test_registered_supervised_and_active(registry):
    # domain.md R19, R21
    on = dt.date(2024, 12, 31)
    assert figures.registered(on) == 4
    assert figures.supervised(on) == 3  # D's membership crosses the city line
    assert figures.active(on) == 2  # C has held no RAT in 2021-2023
    assert figures.active_pct(on) == Decimal(2) * 100 / 3
    assert figures.active(on, by="kind") == {"jasa": 1, "konsumen": 1}
    assert figures.supervised(on, by="kecamatan") == {"63.71.01": 2, "63.71.03": 1}
    assert figures.registered(dt.date(2014, 12, 31)) == 0


def test_rat_on_time_counts_the_deadline_day_and_not_the_day_after(registry):
    # domain.md R20
    assert figures.rat_required(2023) == 3
    assert figures.rat_on_time(2023) == 1
    assert figures.rat_on_time_pct(2023) == Decimal(100) / 3
    assert figures.rat_on_time(2023, by="kind") == {"jasa": 1}


def test_active_is_recomputed_as_of_the_date_asked(registry):
    # domain.md R21: on 30 June 2024 the RAT of 2023 may still come; A held it that day
    assert figures.active(dt.date(2024, 6, 29)) == 2
    assert figures.active(dt.date(2027, 7, 1)) == 0  # no RAT for 2024-2026 by then


def test_a_dissolved_cooperative_is_no_longer_registered_from_its_decision(cast, registry):
    # domain.md R27
    c = registry[2]
    dissolution = services.dissolution_start(
        actor=cast.koperasi, cooperative=c, ground=DissolutionGround.NOT_VIABLE, on=dt.date(2025, 1, 6)
    )
    for stage, day in (
        (DissolutionStage.NOTICE, dt.date(2025, 1, 7)),
        (DissolutionStage.OBJECTION, dt.date(2025, 1, 8)),
        (DissolutionStage.DECISION, dt.date(2025, 3, 10)),
    ):
        services.cooperative_dissolve_step(actor=cast.koperasi, dissolution=dissolution, stage=stage, on=day)
    assert figures.registered(dt.date(2025, 3, 9)) == 4
    assert figures.registered(dt.date(2025, 3, 10)) == 3


def test_growth_year_on_year(cast, registry):
    make_cooperative(actor=cast.koperasi, name="E", registered_on=dt.date(2024, 5, 1))
    growth = figures.growth(2024)
    assert growth["registered"] == {"previous": 4, "current": 5, "change": 1, "pct": Decimal(25)}
    assert growth["supervised"]["change"] == 1


def test_an_unknown_breakdown_is_refused(registry):
    with pytest.raises(ValueError):
        figures.registered(dt.date(2024, 1, 1), by="sector")
