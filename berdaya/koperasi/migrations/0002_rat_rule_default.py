"""The RAT rule in force (domain.md R20-R22, R27): the defaults the domain brief gives, to confirm."""

import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    RatRule = apps.get_model("koperasi", "RatRule")
    RatRule.objects.get_or_create(
        valid_from=dt.date(1992, 10, 21),
        defaults={
            "legal_basis": "UU 25/1992 Ps. 26; Permenkop 19/2015; PP 17/1994",
            "deadline_months": 6,
            "active_years": 3,
            "missed_for_warning": 2,
            "at_risk_lead_months": 1,
            "objection_months": 2,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("koperasi", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
