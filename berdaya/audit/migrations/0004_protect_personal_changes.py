"""Existing audit rows hold raw NIK, phone, address and birth date in ``changes`` (issue 17 finding 11b):
rewrite them in the protected form new rows get (``audit.services.protect_changes``, R45).

The trail refuses UPDATE in the database itself (0002), so this migration, run by the owner of the table,
lifts that guard for its own rewrite only, inside its transaction, and puts it back. Not reversible: the raw
values are gone on purpose."""

from django.db import migrations

SQLITE_GUARD = """
CREATE TRIGGER audit_auditentry_no_update BEFORE UPDATE ON audit_auditentry
BEGIN SELECT RAISE(ABORT, 'Jejak audit tidak dapat diubah'); END;
"""
BATCH = 1000


def protect_existing(entry_model, connection) -> int:
    """Rewrite every row whose changes hold a personal field; returns how many changed."""
    from berdaya.audit.services import PERSONAL_CHANGE_MASKS, protect_changes

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending trigger events before ALTER
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_no_update")
        elif connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditentry_no_update")
    rows = entry_model._base_manager.filter(changes__has_any_keys=list(PERSONAL_CHANGE_MASKS))
    pks = list(rows.values_list("pk", flat=True))
    changed = 0
    for start in range(0, len(pks), BATCH):
        batch = []
        for entry in entry_model._base_manager.filter(pk__in=pks[start : start + BATCH]).only("changes"):
            protected = protect_changes(entry.changes)
            if protected != entry.changes:
                entry.changes = protected
                batch.append(entry)
        entry_model._base_manager.bulk_update(batch, ["changes"])
        changed += len(batch)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_auditentry_no_update")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        elif connection.vendor == "sqlite":
            cursor.execute(SQLITE_GUARD)
    return changed


def forward(apps, schema_editor):
    protect_existing(apps.get_model("audit", "AuditEntry"), schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_sqlite_refuses_delete")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
