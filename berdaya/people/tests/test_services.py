"""people.services: one person per NIK, review flags, audit rows (domain.md R6, R7, R46)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import protected_value
from berdaya.people.models import Person, Sex
from berdaya.people.services import person_create, person_record_view, person_update
from berdaya.test import make_person, valid_nik

pytestmark = pytest.mark.django_db


def test_it_registers_a_person_and_audits_every_field(cast):
    person = make_person(actor=cast.umkm, name="Siti Aminah", sex=Sex.FEMALE, birth_date=dt.date(1990, 1, 5))
    entry = AuditEntry.objects.for_object(person).get()
    assert entry.action == Action.CREATE
    assert entry.actor == cast.umkm
    assert entry.changes["name"] == [None, "Siti Aminah"]
    # R45/R46: the trail keeps the NIK's mask and a keyed fingerprint, never the number itself
    assert entry.changes["nik"] == [None, protected_value("nik", person.nik)]
    assert person.nik not in str(entry.changes)
    assert entry.person_id == person.pk
    assert person.created_by == cast.umkm


def test_it_refuses_a_second_person_with_the_same_nik(cast, person):
    # domain.md R7
    with pytest.raises(ValidationError) as error:
        make_person(actor=cast.umkm, nik=person.nik, name="Orang Lain")
    assert error.value.existing_pk == person.pk
    assert "NIK ini sudah terdaftar." in str(error.value)
    assert "Rahmat" not in str(error.value)  # the form names the person only to who may see them
    assert Person.objects.count() == 1


def test_it_flags_a_sex_that_disagrees_with_the_nik(cast):
    # domain.md R6: a male NIK (day 12) on a record typed as female is kept but flagged.
    nik = valid_nik(birth=dt.date(1985, 3, 12), female=False)
    person = make_person(actor=cast.umkm, nik=nik, sex=Sex.FEMALE)
    assert person.needs_review
    assert "Jenis kelamin" in person.review_reason


def test_it_flags_a_birth_date_that_disagrees_with_the_nik(cast):
    # domain.md R6
    nik = valid_nik(birth=dt.date(1985, 3, 12))
    person = make_person(actor=cast.umkm, nik=nik, birth_date=dt.date(1985, 3, 13))
    assert person.needs_review
    assert "Tanggal lahir" in person.review_reason


def test_a_correction_clears_the_review_flag_and_is_audited_old_to_new(cast):
    nik = valid_nik(birth=dt.date(1985, 3, 12))
    person = make_person(actor=cast.umkm, nik=nik, birth_date=dt.date(1985, 3, 13))
    person = person_update(actor=cast.koperasi, person=person, data={"birth_date": dt.date(1985, 3, 12)})
    assert not person.needs_review
    entry = AuditEntry.objects.for_object(person).filter(action=Action.UPDATE).get()
    assert entry.changes == {
        "birth_date": [
            protected_value("birth_date", "1985-03-13"),
            protected_value("birth_date", "1985-03-12"),
        ]
    }
    assert "03-12" not in str(entry.changes)  # only the year is kept beside the fingerprint
    assert entry.actor == cast.koperasi


def test_an_update_that_changes_nothing_writes_no_audit_row(cast, person):
    person_update(actor=cast.umkm, person=person, data={"name": person.name})
    assert AuditEntry.objects.for_object(person).count() == 1


def test_an_update_to_a_nik_that_belongs_to_someone_else_is_refused(cast, person):
    other = make_person(actor=cast.umkm, name="Galuh Sari", sex=Sex.FEMALE)
    with pytest.raises(ValidationError):
        person_update(actor=cast.umkm, person=other, data={"nik": person.nik})
    other.refresh_from_db()
    assert other.nik != person.nik


def test_a_full_record_view_is_logged_for_the_person(cast, person):
    # domain.md R46
    person_record_view(actor=cast.umkm, person=person)
    assert AuditEntry.objects.filter(person_id=person.pk, action=Action.VIEW, actor=cast.umkm).exists()


def test_the_audit_trail_cannot_be_edited_or_deleted(cast, person):
    entry = AuditEntry.objects.for_object(person).get()
    entry.note = "diubah"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(note="x")


def test_the_database_itself_refuses_to_rewrite_the_audit_trail(cast, person):
    from django.db import DatabaseError, connection, transaction

    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET note = 'x'")


def test_it_refuses_unknown_fields(cast, person):
    with pytest.raises(ValueError):
        person_update(actor=cast.umkm, person=person, data={"needs_review": False})


def test_person_create_is_atomic(cast, monkeypatch):
    # If the audit row cannot be written, the person is not saved either.
    from berdaya.people import services

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr(services, "audit_log", broken)
    with pytest.raises(RuntimeError):
        person_create(
            actor=cast.umkm,
            data={"nik": valid_nik(), "name": "X", "sex": Sex.MALE, "birth_date": dt.date(1985, 3, 12)},
        )
    assert Person.objects.count() == 0
