"""koperasi.demo: a few hundred cooperatives whose RAT histories produce every watch-list stage; the watch
list and the figures are checked on them."""

import datetime as dt
from collections import Counter

import pytest
from django.urls import reverse

from berdaya.koperasi import figures, services
from berdaya.koperasi.demo import populate
from berdaya.koperasi.models import Cooperative, MembershipArea, Status, Visit, WatchStage
from berdaya.koperasi.status import STAGE_ORDER

pytestmark = pytest.mark.django_db

# Inside the early-warning window of fiscal 2025 (30 May - 30 June 2026 with the default rule, R22).
IN_WINDOW = dt.date(2026, 6, 10)


@pytest.fixture
def demo(cast):
    assert populate(actor=cast.admin, seed=3, count=160, on=IN_WINDOW) == 160
    return Cooperative.objects.all()


def test_the_demo_is_created_once_across_the_52_kelurahan(cast, demo):
    assert populate(actor=cast.admin, seed=3, count=160, on=IN_WINDOW) == 0
    assert demo.count() == 160
    assert demo.values("kelurahan").distinct().count() == 52  # domain.md R13
    # The field officer's demo visits lie in their own area, so every one opens for them.
    visits = Visit.objects.filter(officer=cast.petugas)
    assert visits.exists()
    assert all(v.cooperative.kelurahan_id.startswith(cast.petugas.area) for v in visits)


def test_the_demo_produces_every_watch_list_stage_and_every_status(demo):
    # domain.md R20-R22, R27
    stages = Counter(demo.values_list("watch_stage", flat=True))
    assert all(stages[stage] > 0 for stage in STAGE_ORDER), stages
    assert set(demo.values_list("status", flat=True)) == set(Status.values)


def test_the_cached_stage_is_what_the_status_function_says_on_that_day(demo):
    for cooperative in demo[:80]:
        evaluation = services.evaluate_cooperative(cooperative, on=IN_WINDOW)
        assert (cooperative.status, cooperative.watch_stage) == (evaluation.status, evaluation.stage)


def test_the_watch_list_page_groups_and_counts_the_demo_with_a_next_action(cast, demo):
    # The page evaluates on today; refresh the cache to today first, as the daily job does.
    services.refresh_all_statuses()
    html = cast.client(cast.koperasi).get(reverse("koperasi:watch_list")).content.decode()
    for stage in STAGE_ORDER:
        count = demo.filter(watch_stage=stage).count()
        assert f'id="tahap-{stage.value}"' in html
        assert f'{WatchStage(stage).label} <span class="badge">{count}</span>' in html
    inactive = demo.filter(watch_stage=WatchStage.INACTIVE).exclude(dissolutions__stage="notice").first()
    assert (
        reverse("koperasi:warning_add", args=[inactive.pk]) in html
        or reverse("koperasi:dissolution_start", args=[inactive.pk]) in html
    )


def test_the_figures_on_the_demo_agree_with_the_cached_statuses(demo):
    # domain.md R19, R21: recomputed from the RAT history on the day, they match the cache of that day
    supervised = demo.filter(membership_area=MembershipArea.KOTA, registered_on__lte=IN_WINDOW).exclude(
        status=Status.DIBUBARKAN
    )
    assert figures.supervised(IN_WINDOW) == supervised.count()
    assert figures.active(IN_WINDOW) == supervised.filter(status=Status.AKTIF).count()
    assert (
        figures.registered(IN_WINDOW)
        == demo.filter(registered_on__lte=IN_WINDOW).exclude(status=Status.DIBUBARKAN).count()
    )
    by_kind = figures.active(IN_WINDOW, by="kind")
    assert sum(by_kind.values()) == figures.active(IN_WINDOW)
    by_kecamatan = figures.supervised(IN_WINDOW, by="kecamatan")
    assert len(by_kecamatan) == 5 and sum(by_kecamatan.values()) == supervised.count()
    pct = figures.active_pct(IN_WINDOW)
    assert 0 < pct < 100
