"""The shared audited write path: one audit row per create/update/delete, none for a no-op update."""

import datetime as dt

import pytest

from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audited_create, audited_delete, audited_update
from berdaya.regions.models import Region


def _entries(obj):
    return list(AuditEntry.objects.for_object(obj).order_by("id"))


@pytest.fixture
def kelurahan(db):
    return Region.objects.get(code="63.71.01.1001")


def test_it_audits_a_creation_with_the_display_values(cast, kelurahan):
    from berdaya.people.models import Person
    from berdaya.test import valid_nik

    person = Person(
        nik=valid_nik(), name="Siti Aminah", sex="P", birth_date=dt.date(1980, 1, 2), kelurahan=kelurahan
    )
    audited_create(actor=cast.umkm, obj=person, fields=("name", "sex", "kelurahan"), person_id=None)
    [entry] = _entries(person)
    assert entry.action == Action.CREATE
    assert entry.actor == cast.umkm
    assert entry.changes["name"] == [None, "Siti Aminah"]
    assert entry.changes["kelurahan"][1] == str(kelurahan)
    assert person.created_by == cast.umkm


def test_an_update_records_only_what_changed_and_a_no_op_writes_nothing(cast, person):
    changes = audited_update(actor=cast.umkm, obj=person, data={"name": "Siti Aminah Baru"}, fields=("name",))
    assert changes == {"name": [changes["name"][0], "Siti Aminah Baru"]}
    assert changes["name"][0] != "Siti Aminah Baru"
    count = AuditEntry.objects.for_object(person).count()
    assert (
        audited_update(actor=cast.umkm, obj=person, data={"name": "Siti Aminah Baru"}, fields=("name",)) == {}
    )
    assert AuditEntry.objects.for_object(person).count() == count


def test_an_update_refuses_a_field_that_is_not_editable(cast, person):
    with pytest.raises(ValueError):
        audited_update(actor=cast.umkm, obj=person, data={"nik": "1"}, fields=("name",))


def test_a_deletion_keeps_the_old_values_in_its_row(cast, person):
    from berdaya.people.models import Person

    pk, name = person.pk, person.name
    audited_delete(actor=cast.admin, obj=person, fields=("name",), person_id=pk)
    assert not Person.objects.filter(pk=pk).exists()
    entry = AuditEntry.objects.filter(
        object_type="people.person", object_id=str(pk), action=Action.DELETE
    ).get()
    assert entry.changes == {"name": [name, None]}
    assert entry.person_id == pk
