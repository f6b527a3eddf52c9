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


def test_many_rows_are_written_at_once_with_the_shared_defaults(cast):
    from berdaya.audit.services import Entry, audit_log_many
    from berdaya.regions.models import Region as Model

    count = audit_log_many(
        actor=cast.umkm,
        action=Action.UPDATE,
        model=Model,
        entries=[Entry(1, "satu", {"state": ["a", "b"]}, person_id=7), Entry(2, "dua", note="sendiri")],
        note="keputusan massal",
    )
    rows = list(AuditEntry.objects.filter(object_type="regions.region").order_by("object_id"))
    assert count == 2 and [r.object_id for r in rows] == ["1", "2"]
    assert rows[0].actor == cast.umkm and rows[0].changes == {"state": ["a", "b"]} and rows[0].person_id == 7
    assert [r.note for r in rows] == ["keputusan massal", "sendiri"]


def test_a_bulk_creation_audits_every_record_with_its_values(cast):
    from berdaya.audit.services import audited_bulk_create
    from berdaya.kinerja.models import ManualMeasure

    made = audited_bulk_create(
        actor=cast.sekretariat,
        objs=[ManualMeasure(key=f"m.{i}", label=f"Ukuran {i}") for i in range(3)],
        fields=("key", "label"),
    )
    assert len(made) == 3 and all(m.created_by == cast.sekretariat for m in made)
    for measure in made:
        [entry] = _entries(measure)
        assert entry.action == Action.CREATE and entry.changes["key"] == [None, measure.key]
    assert audited_bulk_create(actor=cast.sekretariat, objs=[], fields=("key",)) == []


def test_many_to_many_values_go_into_the_creation_row(cast):
    from berdaya.kinerja.models import BudgetItem, SwotStrategy

    program = BudgetItem.objects.create(year=2022, level=1, code="1", name="Program A", pagu=1)
    strategy = audited_create(
        actor=cast.sekretariat,
        obj=SwotStrategy(year=2022, kind="SO", text="Strategi"),
        fields=("kind", "text"),
        related={"programs": [program]},
    )
    assert list(strategy.programs.all()) == [program]
    [entry] = _entries(strategy)
    assert entry.changes["programs"] == [None, str(program)]
