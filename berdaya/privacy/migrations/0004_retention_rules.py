"""The first retention table (R48). Later changes are new rows with their own valid_from."""

import datetime as dt

from django.db import migrations

RULES = [
    ("orang_tanpa_layanan", 60, "UU 27/2022 Pasal 43: data yang tidak diperlukan lagi dihapus/dianonimkan; "
     "kebijakan Dinas: 5 tahun tanpa usaha, permohonan atau kegiatan"),
    ("foto_kunjungan", 36, "Kebijakan Dinas: foto kunjungan lapangan disimpan 3 tahun"),
    ("dokumen_permohonan", 60, "Kebijakan Dinas: berkas permohonan bantuan disimpan 5 tahun (masa pemeriksaan)"),
]  # fmt: skip


def add_rules(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for category, months, basis in RULES:
        RetentionRule.objects.get_or_create(
            category=category, valid_from=dt.date(2024, 1, 1), defaults={"months": months, "basis": basis}
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0003_requests_breaches_retention")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
