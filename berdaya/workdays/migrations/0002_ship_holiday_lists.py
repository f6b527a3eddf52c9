"""Ship the holiday lists (R43b): official years 2022-2026, provisional 2019-2021 and 2027."""

from django.db import migrations


def ship(apps, schema_editor):
    from berdaya.workdays.shipped import populate

    populate(apps)


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
