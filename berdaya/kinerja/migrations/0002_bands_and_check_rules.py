"""The seed's category bands (sakip.md S7, made gapless) and the checks' tolerances (S9-S10)."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

SINCE = dt.date(2016, 1, 1)
BANDS = [  # label, colour, lower, lower_closed, upper, upper_closed
    ("Sangat Berhasil", "green", Decimal(90), True, None, False),
    ("Berhasil", "teal", Decimal(75), False, Decimal(90), False),
    ("Cukup Berhasil", "yellow", Decimal(60), False, Decimal(75), True),
    ("Kurang Berhasil", "orange", Decimal(50), False, Decimal(60), True),
    ("Tidak Berhasil", "red", None, False, Decimal(50), True),
]


def forwards(apps, schema_editor):
    Band = apps.get_model("kinerja", "Band")
    for label, colour, lower, lower_closed, upper, upper_closed in BANDS:
        Band.objects.get_or_create(
            effective_from=SINCE,
            label=label,
            defaults={
                "colour": colour,
                "lower": lower,
                "lower_closed": lower_closed,
                "upper": upper,
                "upper_closed": upper_closed,
            },
        )
    apps.get_model("kinerja", "CheckRule").objects.get_or_create(
        effective_from=SINCE,
        defaults={
            # percentages are printed with 2 decimals: half a point is a disagreement, not rounding
            "percent_tolerance": Decimal("0.5"),
            "money_tolerance": Decimal(1),
            # seed 003: reporting companies 1,215 -> 3,489 (x2.87) needed an explanation
            "denominator_jump": Decimal("1.5"),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
