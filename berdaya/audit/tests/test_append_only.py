"""The database itself refuses to rewrite or erase the audit trail (R46), on SQLite and PostgreSQL."""

import pytest
from django.db import DatabaseError, connection, transaction

from berdaya.audit import dbguard
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(cast):
    return audit_log(actor=cast.admin, action=Action.LOGIN, obj=cast.admin)


@pytest.fixture
def guarded(monkeypatch):
    monkeypatch.setattr(dbguard, "DELETE_ALLOWED", False)  # as in production


def test_a_raw_delete_is_refused_by_the_database(entry, guarded):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_a_raw_update_is_refused_by_the_database(entry, guarded):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET note = 'diubah' WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).note == ""
