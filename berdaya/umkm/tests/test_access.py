"""Who reads and who edits the micro-enterprise registry (accounts.access; style.md 6)."""

import datetime as dt

import pytest

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.umkm.models import Enterprise, Observation, OnlineAccount, Permit
from berdaya.umkm.services import observation_record

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db


def test_the_micro_enterprise_clerk_edits(cast, enterprise):
    assert can_edit(cast.umkm, enterprise)
    assert can_edit_model(cast.umkm, Enterprise)


def test_the_cooperative_clerk_reads_but_cannot_edit(cast, enterprise):
    assert scoped(Enterprise.objects.all(), cast.koperasi).get() == enterprise
    assert not can_edit(cast.koperasi, enterprise)
    assert not can_edit_model(cast.koperasi, Permit)


@pytest.mark.parametrize("persona", ["kepala", "sekretariat", "p3k", "phijs", "inspektur"])
def test_other_roles_read_but_do_not_edit(cast, enterprise, persona):
    user = getattr(cast, persona)
    assert scoped(Enterprise.objects.all(), user).count() == 1
    assert not can_edit(user, enterprise)


def test_the_administrator_edits(cast, enterprise):
    assert can_edit(cast.admin, enterprise)


def test_a_field_officer_sees_only_their_area_and_the_children_follow(cast, enterprise):
    # The officer works in Banjarmasin Selatan (63.71.01); the fixture enterprise is there.
    elsewhere = make_enterprise(actor=cast.umkm, name="Toko Utara", kelurahan="63.71.04.1001")
    observation_record(actor=cast.umkm, enterprise=elsewhere, data={"observed_on": dt.date(2024, 12, 31)})
    observation_record(actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2024, 12, 31)})
    assert list(scoped(Enterprise.objects.all(), cast.petugas)) == [enterprise]
    assert scoped(Observation.objects.all(), cast.petugas).get().enterprise == enterprise
    assert scoped(OnlineAccount.objects.all(), cast.petugas).count() == 0
    from django.http import Http404

    with pytest.raises(Http404):
        get_for_user(cast.petugas, Enterprise, elsewhere.pk)
    assert not can_edit(cast.petugas, enterprise)  # field officers do not edit a division's registry


def test_an_enterprise_without_a_kelurahan_is_outside_every_area(cast):
    nowhere = make_enterprise(actor=cast.umkm, kelurahan=None)
    assert not scoped(Enterprise.objects.filter(pk=nowhere.pk), cast.petugas).exists()
