"""One definition of "Persentase Koperasi Berkualitas", one number on every page (sakip.md S4, S10)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from berdaya.kinerja.measures import Period
from berdaya.kinerja.models import Indicator, Renstra, YearTarget
from berdaya.kinerja.tests.conftest import make_indicator
from berdaya.koperasi.assessment import figures
from berdaya.koperasi.assessment.services import cooperative_rate

from .assessing import hold_rat, rating_scores
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db
YEAR = 2023


def rate(cooperative, actor, on):
    cooperative_rate(
        actor=actor, cooperative=cooperative, rater="LIPK", rated_on=on, scores=rating_scores(0.9)
    )


@pytest.fixture
def registry(cast):
    """Three cooperatives active in 2023; A rated quality in 2023, B rated quality in 2022, C never rated."""
    a, b, c = (make_cooperative(actor=cast.koperasi, name=name) for name in "ABC")
    for cooperative in (a, b, c):
        hold_rat(cooperative, cast.koperasi, YEAR - 1)
    hold_rat(b, cast.koperasi, YEAR - 2)  # R26 rates the books of a year whose RAT was held
    rate(a, cast.koperasi, dt.date(YEAR, 9, 1))
    rate(b, cast.koperasi, dt.date(YEAR - 1, 9, 1))
    renstra = Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)
    indicator = make_indicator(
        renstra,
        "iku-koperasi",
        name="Persentase Koperasi Berkualitas",
        is_iku=True,
        numerator_key="koperasi.quality",
        denominator_key="koperasi.active",
    )
    YearTarget.objects.create(indicator=indicator, year=YEAR, value=Decimal(4))
    return a, b, c


def test_the_figures_page_and_the_kinerja_dashboard_show_the_same_quality_percentage(cast, registry):
    # sakip.md S4 (seed 003 counts the cooperatives rated in the report year) and S10 (one value everywhere)
    expected = Decimal(100) / 3  # A only: B's rating is of the year before
    assert figures.quality_share(Period(YEAR).end) == expected
    page = cast.client(cast.kepala).get(reverse("koperasi:assessment_figures"), {"tahun": YEAR})
    assert page.context["quality_pct"] == expected
    dashboard = cast.client(cast.kepala).get(reverse("kinerja:dashboard"), {"tahun": YEAR})
    (result,) = [r for r in dashboard.context["results"] if r.indicator.code == "iku-koperasi"]
    assert result.value == expected
    assert Indicator.objects.get(code="iku-koperasi").numerator_filters == {}  # no filter needed
    assert "33.33%" in dashboard.content.decode() or "33,33%" in dashboard.content.decode()
    assert "33.33%" in page.content.decode() or "33,33%" in page.content.decode()
