from decimal import Decimal

import pytest

from berdaya.kinerja import measures, seed_2022
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


@pytest.fixture
def typed_by_hand():
    """Seed 003's figures were typed before the registries computed them (sakip.md S4): hide the registry
    measures of its manual keys (koperasi.quality, koperasi.active) so the printed values are read, as on an
    office's database whose registries hold no data yet."""
    hidden = [measure for key in seed_2022.MANUAL if (measure := measures.get(key)) is not None]
    for measure in hidden:
        measures.unregister(measure.key)
    yield [measure.key for measure in hidden]
    for measure in hidden:
        measures.register(measure)


@pytest.fixture
def naker_as_manual():
    """These tests use the placement keys as the example of a typed (manual) measure, as seed 003 has them;
    since the manpower registry computes them they are taken out of the registry meanwhile."""
    from berdaya.kinerja import measures

    keys = ("naker.placed", "naker.registered")
    saved = [m for m in (measures.get(k) for k in keys) if m is not None]
    for measure in saved:
        measures.unregister(measure.key)
    yield
    for measure in saved:
        measures.unregister(measure.key)
        measures.register(measure)
