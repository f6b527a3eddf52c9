from decimal import Decimal

import pytest

from berdaya.kinerja.models import Goal, Indicator, Renstra, StrategicTarget, Unit, YearTarget


def make_indicator(renstra, code, **fields):
    data = {
        "name": code,
        "unit": "%",
        "kind": Indicator.Kind.RATIO,
        "numerator_key": "test.num",
        "denominator_key": "test.den",
        "responsible_unit": Unit.SEKRETARIAT,
    } | fields
    return Indicator.objects.create(renstra=renstra, code=code, **data)


@pytest.fixture
def renstra(db):
    return Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)


@pytest.fixture
def indicator(renstra):
    goal = Goal.objects.create(renstra=renstra, code="1", name="Meningkatnya peran usaha mikro")
    target = StrategicTarget.objects.create(goal=goal, code="1.1", name="Meningkatnya WUB mandiri")
    indicator = make_indicator(
        renstra,
        "wub-mandiri",
        name="Persentase WUB mandiri",
        goal=goal,
        target=target,
        is_iku=True,
        numerator_key="umkm.wub_mandiri",
        denominator_key="umkm.wub_trained",
    )
    YearTarget.objects.create(indicator=indicator, year=2022, value=Decimal(3))
    return indicator
