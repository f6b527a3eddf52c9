"""One achievement cap for every indicator (sakip.md S6), dated like the bands; the per-indicator caps go.

Seeded at 150 % from 2016 (the cap the demo gave growth indicators; S6 names 120 % as an example, the
office confirms its own): an indicator far above a small target (seed 003: growth of quality cooperatives,
83.33 % against 2.91 %) reads "150" instead of "2,863", the same way for every indicator.
"""

import datetime as dt
from decimal import Decimal

from django.db import migrations, models

SINCE = dt.date(2016, 1, 1)
CAP = Decimal(150)


def forwards(apps, schema_editor):
    apps.get_model("kinerja", "AchievementCap").objects.get_or_create(effective_from=SINCE, defaults={"cap": CAP})


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0004_document_emblem_setting")]
    operations = [
        migrations.CreateModel(
            name="AchievementCap",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("effective_from", models.DateField(unique=True, verbose_name="berlaku sejak")),
                (
                    "cap",
                    models.DecimalField(
                        blank=True, decimal_places=4, max_digits=9, null=True, verbose_name="batas atas capaian (%)"
                    ),
                ),
            ],
            options={"ordering": ["effective_from"], "verbose_name": "batas atas capaian"},
        ),
        migrations.RemoveField(model_name="indicator", name="cap"),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
