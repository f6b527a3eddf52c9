"""Role and area scope of registry data (style.md 6), one line per role, on the people registry."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.people.models import Person
from berdaya.test import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_people(cast):
    inside = make_person(
        actor=cast.umkm, name="Siti Aminah", kelurahan="63.71.01.1001"
    )  # Banjarmasin Selatan
    outside = make_person(actor=cast.umkm, name="Anang Ramli", kelurahan="63.71.04.1001")  # Banjarmasin Utara
    return inside, outside


READERS_OF_ALL = ["kepala", "sekretariat", "koperasi", "umkm", "p3k", "phijs", "inspektur", "admin"]


@pytest.mark.parametrize("persona", READERS_OF_ALL)
def test_office_roles_read_every_person(cast, two_people, persona):
    assert scoped(Person.objects.all(), getattr(cast, persona)).count() == 2


def test_a_field_officer_reads_only_people_in_their_area(cast, two_people):
    inside, outside = two_people
    assert list(scoped(Person.objects.all(), cast.petugas)) == [inside]
    with pytest.raises(Http404):
        get_for_user(cast.petugas, Person, outside.pk)


def test_a_field_officer_without_an_area_reads_nobody(cast, two_people):
    cast.petugas.area = ""
    assert scoped(Person.objects.all(), cast.petugas).count() == 0


@pytest.mark.parametrize("persona", ["koperasi", "umkm", "admin", "petugas"])
def test_divisions_and_field_officers_edit_people(cast, two_people, persona):
    inside, _ = two_people
    assert can_edit(getattr(cast, persona), inside)


@pytest.mark.parametrize("persona", ["kepala", "inspektur", "sekretariat", "p3k", "phijs"])
def test_roles_that_see_niks_masked_never_edit_people(cast, two_people, persona):
    inside, _ = two_people
    user = getattr(cast, persona)
    assert not can_edit_model(user, Person)
    assert not can_edit(user, inside)
    with pytest.raises(PermissionDenied):
        get_for_user(user, Person, inside.pk, for_edit=True)


def test_an_inactive_user_reads_nothing(cast, two_people):
    cast.admin.is_active = False
    assert scoped(Person.objects.all(), cast.admin).count() == 0


def test_a_missing_or_malformed_pk_is_a_404(cast):
    with pytest.raises(Http404):
        get_for_user(cast.admin, Person, 999999)
    with pytest.raises(Http404):
        get_for_user(cast.admin, Person, "abc")


class CooperativeLike:
    """Stands in for a division-owned registry (the cooperative registry arrives in a later issue)."""

    from berdaya.accounts.access import AccessPolicy
    from berdaya.accounts.roles import Division

    access = AccessPolicy(division=Division.KOPERASI, area_field="kelurahan__code")


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("koperasi", True), ("admin", True), ("umkm", False), ("p3k", False), ("phijs", False)]
    + [("sekretariat", False), ("kepala", False), ("inspektur", False), ("petugas", False)],
)
def test_a_division_edits_only_its_own_registry(cast, persona, allowed):
    assert can_edit_model(getattr(cast, persona), CooperativeLike) is allowed


class VisitLike:
    """A division-owned record that field officers make themselves (a visit), within their area."""

    from berdaya.accounts.access import AccessPolicy
    from berdaya.accounts.roles import Division

    access = AccessPolicy(division=Division.KOPERASI, area_field="kelurahan__code", field_work=True)


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("koperasi", True), ("admin", True), ("petugas", True), ("umkm", False), ("inspektur", False)],
)
def test_field_officers_make_field_records_of_a_division(cast, persona, allowed):
    assert can_edit_model(getattr(cast, persona), VisitLike) is allowed
