"""The dated threshold table (R41, R41a): PP at >= 10 workers unless a PKB, LKS Bipartit at >= 50."""

import datetime as dt

from django.db import migrations


def seed(apps, schema_editor):
    Threshold = apps.get_model("hubind", "Threshold")
    Threshold.objects.get_or_create(
        valid_from=dt.date(2003, 3, 25),
        defaults={
            "legal_basis": "UU 13/2003 Pasal 106 dan 108-111; Permenaker 28/2014; Permenakertrans 32/2008",
            "pp_min_workers": 10,
            "lks_min_workers": 50,
            "pp_max_years": 2,
            "pp_renewal_days": 60,
            "pp_decision_working_days": 30,
            "bpjs_programmes": "jkk,jkm,jht",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("hubind", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
