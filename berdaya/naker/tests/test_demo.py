"""naker.demo: 2022 reproduces seed 003 from records (2,202 registered, 725 placed, 32.92 %, R38), and the
registered measures replace the manual ones (the kinerja indicator is computed, not typed)."""

import pytest

from berdaya.kinerja.evaluation import reading
from berdaya.kinerja.measures import Period
from berdaya.naker import figures
from berdaya.naker.demo import populate
from berdaya.naker.models import JobSeeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(cast):
    assert populate(actor=cast.admin, seed=4) > 0
    return cast


def test_2022_reproduces_seed_003_from_records(demo):  # R38, R38a
    row = figures.year_row(2022)
    assert (row.registered, row.placed, row.source) == (2202, 725, "registry")
    assert str(row.ratio) == "32.92"


def test_the_measures_are_computed_and_earlier_years_come_from_table_1_4(demo):
    placed = reading("naker.placed", Period(2022))
    assert (placed.source, placed.value) == ("computed", 725)
    assert reading("naker.registered", Period(2022)).records.count() == 2202
    assert reading("naker.registered", Period(2018)).value == 6156  # history
    assert reading("naker.placed", Period(2020)).value == 367


def test_it_runs_twice_safely(demo):
    count = JobSeeker.objects.count()
    assert populate(actor=demo.admin, seed=4) == 0
    assert JobSeeker.objects.count() == count


def test_the_2022_events_are_on_the_one_event_model_and_give_the_activity_measures(demo):
    from berdaya.naker.models import JobFairBooth

    def value(key):
        return reading(key, Period(2022)).value

    assert value("naker.blk_trained") == 48  # three cohorts of 16 (seed 003)
    assert value("naker.apprentices") == 10  # the hotel apprenticeship
    assert value("naker.career_guidance_students") == 100  # 2 vocational schools
    assert value("naker.jobfair_participants") == 150
    assert 0 < value("naker.jobfair_hires") <= 60
    assert JobFairBooth.objects.values("company").distinct().count() == 30  # the July job fair
    assert figures.year_row(2022).placed == 725  # the fair's hires are among the year's placements
