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


def test_the_demo_cooperative_program_takes_applications_from_the_demo_cooperatives(cast, settings, tmp_path):
    from berdaya.koperasi.demo import populate_registry
    from berdaya.programs.demo import populate_cooperative_program

    populate_registry(actor=cast.admin, seed=7, count=40)
    added = populate_cooperative_program(actor=cast.admin, seed=7)
    program = Program.objects.get(code="modal-ksp")
    applications = Application.objects.filter(program=program)
    assert added == 1 + applications.count() and applications.count() >= 3
    assert not applications.filter(cooperative__isnull=True).exists()
    assert applications.filter(state__in=[State.AWARDED, State.DISBURSED]).exists()
    assert populate_cooperative_program(actor=cast.admin, seed=7) == 0
