"""PostgreSQL-only indexes for search at a million records (issue: list, filter and search in <= 200 ms).

Trigram (pg_trgm) GIN indexes make `LIKE '%word%'` on the normalised search text and on phone numbers use an
index; `varchar_pattern_ops` makes prefix searches on NIK and NIB use a b-tree whatever the collation.
SQLite has no such index types and needs none at the registry sizes it serves.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS umkm_ent_search_trgm ON umkm_enterprise USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS umkm_ent_phone_trgm ON umkm_enterprise USING gin (phone gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS umkm_ent_nib_prefix ON umkm_enterprise (nib varchar_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS people_person_nik_prefix ON people_person (nik varchar_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS people_person_phone_trgm ON people_person USING gin (phone gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS people_person_name_trgm ON people_person USING gin (upper(name) gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS umkm_ent_search_trgm",
    "DROP INDEX IF EXISTS umkm_ent_phone_trgm",
    "DROP INDEX IF EXISTS umkm_ent_nib_prefix",
    "DROP INDEX IF EXISTS people_person_nik_prefix",
    "DROP INDEX IF EXISTS people_person_phone_trgm",
    "DROP INDEX IF EXISTS people_person_name_trgm",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("umkm", "0003_nib_per_business_actor"), ("people", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
