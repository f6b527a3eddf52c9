"""SQLite refuses DELETE on the audit trail too (PostgreSQL does since 0002): see berdaya/audit/dbguard.py."""

from django.db import migrations

SQLITE_FORWARD = """
CREATE TRIGGER audit_auditentry_no_delete BEFORE DELETE ON audit_auditentry
WHEN berdaya_audit_delete_allowed() = 0
BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak dapat dihapus'); END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS audit_auditentry_no_delete;"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forward, backward)]
