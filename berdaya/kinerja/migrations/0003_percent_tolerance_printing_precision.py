"""The percentage tolerance is the printing precision: percentages are printed with two decimals,
rounded or cut (seed 003 prints 16.07 for 16.077 %), so what lies within one hundredth of a point of what the
money gives is the printing; a 0.10-point gap is a typo (the first default, 0.5, let it through)."""

from decimal import Decimal

from django.db import migrations

OLD, NEW = Decimal("0.5"), Decimal("0.01")


def forwards(apps, schema_editor):
    # Only the shipped default: a tolerance staff set on purpose stays.
    apps.get_model("kinerja", "CheckRule").objects.filter(percent_tolerance=OLD).update(percent_tolerance=NEW)


def backwards(apps, schema_editor):
    apps.get_model("kinerja", "CheckRule").objects.filter(percent_tolerance=NEW).update(percent_tolerance=OLD)


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0002_bands_and_check_rules")]

    operations = [migrations.RunPython(forwards, backwards)]
