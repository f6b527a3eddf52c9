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


def test_the_july_fair_has_applications_interviews_and_hires_consistent_with_its_placements(demo):  # R38b
    from berdaya.naker import selectors
    from berdaya.naker.models import JobFairApplication, Placement
    from berdaya.training.models import Event

    fair = Event.objects.get(kind="job_fair", starts_on__year=2022)
    board = selectors.fair_figures(fair)
    hires = Placement.objects.filter(event=fair, channel=Placement.Channel.JOB_FAIR)
    assert (
        board.hired == board.verified == hires.count() == reading("naker.jobfair_hires", Period(2022)).value
    )
    assert board.checked_in == 150 and board.applicants == 150
    assert board.applications > board.interviewed > board.passed >= board.hired
    hired = JobFairApplication.objects.filter(event=fair, state="diterima").select_related(
        "placement", "vacancy"
    )
    for application in hired:  # each hire is its application's placement, at that vacancy's company
        assert (
            application.placement.company_id == application.vacancy.company_id == application.booth.company_id
        )
        assert application.placement.vacancy_id == application.vacancy_id
        assert application.placement.start_date > fair.ends_on
    assert len(board.rows) == 30 and sum(r.hired for r in board.rows) == board.hired
    assert figures.year_row(2022).placed == 725 and figures.year_row(2022).registered == 2202
