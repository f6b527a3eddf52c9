"""umkm.demo: plausible demo data, idempotent (./dev up runs it every time)."""

import pytest

from berdaya.umkm.demo import populate
from berdaya.umkm.models import Enterprise, Observation, WubAssessment
from berdaya.umkm.selectors import scale_up_counts

pytestmark = pytest.mark.django_db


def test_demo_data_is_created_once_and_shows_naik_kelas(cast):
    assert populate(actor=cast.admin, seed=7, count=120) == 120
    assert populate(actor=cast.admin, seed=7, count=120) == 0
    assert Enterprise.objects.count() == 120
    assert Observation.objects.exclude(size_class="").count() >= 120
    assert sum(scale_up_counts().values()) > 0
    assert WubAssessment.objects.exists()
    assert Enterprise.objects.values("owner").distinct().count() >= 100
