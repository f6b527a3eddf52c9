"""programs.demo: the seeds' programs with applications in every state, idempotent."""

import pytest

from berdaya.accounts.roles import Role
from berdaya.programs.demo import populate
from berdaya.programs.models import Application, Program, State
from berdaya.test import make_staff
from berdaya.umkm.demo import populate as umkm_populate

pytestmark = pytest.mark.django_db


def test_demo_programs_are_created_once_with_applications_in_every_state(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_staff(Role.MITRA, username="uji_mitra")
    umkm_populate(actor=cast.admin, seed=7, count=150)
    added = populate(actor=cast.admin, seed=7)
    assert added > 50
    assert populate(actor=cast.admin, seed=7) == 0
    assert Program.objects.get(code="hki").quota == 15  # domain.md R31
    states = set(Application.objects.values_list("state", flat=True))
    assert states == set(State.values)
