"""Seed the office's local sector list and the size criteria of domain.md R14 and R15."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

JT = Decimal(10) ** 6
M = Decimal(10) ** 9

# (code, name, parent code, KBLI hint, order)
SECTORS = [
    ("kuliner", "Kuliner", None, "10", 10),
    ("fashion", "Fashion", None, "14", 20),
    ("kriya", "Kriya", None, "", 30),
    ("kriya-sasirangan", "Sasirangan", "kriya", "13", 31),
    ("kriya-purun", "Purun", "kriya", "16", 32),
    ("kriya-rajut", "Rajut", "kriya", "13", 33),
    ("jasa", "Jasa", None, "", 40),
    ("perdagangan", "Perdagangan", None, "47", 50),
    ("pertanian-perikanan", "Pertanian/Perikanan", None, "", 60),
    ("lainnya", "Lainnya", None, "", 90),
]

CRITERIA = [
    # domain.md R14: UU 20/2008, data dated before 2021-02-02; assets or sales, tie-break the smaller class.
    {
        "valid_from": None,
        "valid_to": dt.date(2021, 2, 1),
        "legal_basis": "UU 20/2008",
        "basis": "assets_or_sales",
        "assets_micro_max": 50 * JT,
        "assets_small_max": 500 * JT,
        "assets_medium_max": 10 * M,
        "sales_micro_max": 300 * JT,
        "sales_small_max": Decimal("2.5") * M,
        "sales_medium_max": 50 * M,
        "tie_break": "smaller",
    },
    # domain.md R15: PP 7/2021 from 2021-02-02; capital for registration...
    {
        "valid_from": dt.date(2021, 2, 2),
        "valid_to": None,
        "legal_basis": "PP 7/2021",
        "basis": "capital",
        "capital_micro_max": 1 * M,
        "capital_small_max": 5 * M,
        "capital_medium_max": 10 * M,
    },
    # ...and annual sales for programmes (facilitation/empowerment).
    {
        "valid_from": dt.date(2021, 2, 2),
        "valid_to": None,
        "legal_basis": "PP 7/2021",
        "basis": "sales",
        "sales_micro_max": 2 * M,
        "sales_small_max": 15 * M,
        "sales_medium_max": 50 * M,
    },
]


def seed(apps, schema_editor):
    Sector = apps.get_model("umkm", "Sector")
    SizeCriteria = apps.get_model("umkm", "SizeCriteria")
    for code, name, parent, kbli, order in SECTORS:
        Sector.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "parent": Sector.objects.get(code=parent) if parent else None,
                "kbli": kbli,
                "order": order,
            },
        )
    for row in CRITERIA:
        SizeCriteria.objects.update_or_create(
            valid_from=row["valid_from"], basis=row["basis"], defaults=row
        )


class Migration(migrations.Migration):
    dependencies = [("umkm", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
