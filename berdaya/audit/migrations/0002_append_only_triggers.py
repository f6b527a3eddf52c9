"""The audit trail is append-only in the database itself, not only in the model (domain.md R46).

UPDATE is refused on SQLite and PostgreSQL; DELETE is refused on PostgreSQL (TRUNCATE, used only by
maintenance and the test runner's flush, stays possible). SQLite's test flush deletes rows, so there the
model refuses deletes instead.
"""

from django.db import migrations

PG_FORWARD = """
CREATE OR REPLACE FUNCTION berdaya_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Jejak audit tidak dapat diubah atau dihapus';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION berdaya_audit_append_only();
"""
PG_BACKWARD = """
DROP TRIGGER IF EXISTS audit_auditentry_no_update ON audit_auditentry;
DROP FUNCTION IF EXISTS berdaya_audit_append_only();
"""
SQLITE_FORWARD = """
CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak dapat diubah'); END;
"""
SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS audit_auditentry_no_update;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FORWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_BACKWARD)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
