"""Issue 17 finding 11b: the audit trail never stores a raw NIK, phone, address or full birth date in its
``changes`` (R45: the trail is a log, masked like lists and exports; R46: it stays readable per person)."""

import datetime as dt
import importlib
import json

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import Entry, audit_log_many, protected_value
from berdaya.audit.templatetags.audit_tags import audit_value
from berdaya.people.models import Person
from berdaya.people.services import person_update
from berdaya.test import make_person

pytestmark = pytest.mark.django_db

NIK = "6371015203850007"
migration = importlib.import_module("berdaya.audit.migrations.0004_protect_personal_changes")


def _stored(entry: AuditEntry) -> str:
    return json.dumps(entry.changes)


def test_creating_a_person_stores_no_raw_personal_value(cast):
    person = make_person(actor=cast.umkm, nik=NIK, birth_date=dt.date(1985, 3, 12))
    entry = AuditEntry.objects.for_object(person).get(action=Action.CREATE)
    stored = _stored(entry)
    for raw in (NIK, "+6281234567890", "Kelayan A No. 12", "1985-03-12", "120385"):
        assert raw not in stored
    nik_new = entry.changes["nik"][1]
    assert nik_new.startswith("************0007 #")  # R45: the last 4 digits, and a fingerprint
    assert entry.changes["birth_date"][1].startswith("1985-**-**")  # the year at most beside a NIK
    assert entry.changes["name"] == [None, "Rahmat Hidayat"]  # other fields as they were


def test_a_correction_that_keeps_the_last_digits_is_still_a_visible_change(cast):
    person = make_person(actor=cast.umkm, nik=NIK)
    corrected = NIK[:6] + "1203850007"  # the birth date digits fixed, same serial
    person_update(actor=cast.umkm, person=person, data={"nik": corrected})
    old, new = AuditEntry.objects.for_object(person).get(action=Action.UPDATE).changes["nik"]
    assert old.split(" #")[0] == new.split(" #")[0] == "************0007"
    assert old != new  # the fingerprints tell the two numbers apart
    assert corrected not in json.dumps([old, new])


def test_the_fingerprint_matches_the_same_value_only():
    assert protected_value("nik", NIK) == protected_value("nik", NIK)
    assert protected_value("nik", NIK) != protected_value("nik", NIK[:-1] + "8")
    assert protected_value("nik", protected_value("nik", NIK)) == protected_value("nik", NIK)  # idempotent
    assert protected_value("name", "Siti") == "Siti"


def test_bulk_rows_from_imports_are_protected_too(cast, person):
    audit_log_many(
        actor=cast.umkm,
        action=Action.CREATE,
        model=Person,
        entries=[Entry(person.pk, "x", {"nik": [None, NIK], "address": [None, "Jl. Pramuka No. 3"]})],
    )
    stored = _stored(AuditEntry.objects.filter(note="", object_repr="x").get())
    assert NIK not in stored and "Pramuka" not in stored and "Jl. ********" in stored


def test_the_timeline_shows_the_protected_value_as_stored_for_every_role():
    """A permitted role's timeline (masked=False) and a masked one (R45) read the same protected value,
    not a mask of a mask."""
    stored = protected_value("nik", NIK)
    assert audit_value("nik", stored, masked=False) == stored
    assert audit_value("nik", stored, masked=True) == stored
    assert audit_value("nik", NIK, masked=True) == "************0007"  # an old, unmigrated value


def test_the_data_migration_protects_existing_rows_and_keeps_the_trail_append_only(cast):
    old = AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor_name="lama",
                action=Action.CREATE,
                object_type="people.person",
                object_id="1",
                changes={"nik": [None, NIK], "phone": [None, "+6281234567890"], "name": [None, "Siti"]},
            ),
            AuditEntry(actor_name="lama", action=Action.UPDATE, object_type="x.y", object_id="2",
                       changes={"status": ["a", "b"]}),
        ]
    )  # fmt: skip
    assert migration.protect_existing(apps.get_model("audit", "AuditEntry"), connection) == 1
    first, second = (AuditEntry.objects.get(pk=entry.pk) for entry in old)
    assert first.changes["nik"] == [None, protected_value("nik", NIK)]
    assert first.changes["phone"][1].startswith("+62812*****890 #")
    assert first.changes["name"] == [None, "Siti"] and second.changes == {"status": ["a", "b"]}
    # The guard is back: the database refuses an update of the trail again.
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry._base_manager.filter(pk=first.pk).update(note="diubah")
