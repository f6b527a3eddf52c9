"""Load the versioned rubrics (berdaya/koperasi/assessment/rubrics/*.json; domain.md R23, R24, R26).

``rubrics.load`` is idempotent: a later rubric version is a new file plus a migration that calls it again.
"""

from django.db import migrations


def load(apps, schema_editor):
    from berdaya.koperasi.assessment import rubrics

    rubrics.load(apps.get_model("koperasi", "Rubric"))


class Migration(migrations.Migration):
    dependencies = [("koperasi", "0003_assessment")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
