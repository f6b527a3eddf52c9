"""The first wording of each consent (R44), so a consent can be recorded from day one. Later wordings are
added with ``consent_text_publish``; these stay, because given consents point at them."""

import datetime as dt

from django.db import migrations

TEXTS = {
    "katalog_publik": (
        "Saya setuju nama usaha, produk, kelurahan dan nomor telepon usaha saya ditampilkan di katalog publik "
        "Dinas. Saya dapat menarik persetujuan ini kapan saja; sesudah itu usaha saya tidak ditampilkan lagi."
    ),
    "notifikasi": (
        "Saya setuju menerima pemberitahuan program, pelatihan dan jadwal kunjungan dari Dinas lewat SMS, "
        "WhatsApp atau surel. Saya dapat menarik persetujuan ini kapan saja."
    ),
    "foto_publik": (
        "Saya setuju foto usaha dan produk saya ditampilkan di katalog publik Dinas. Saya dapat menarik "
        "persetujuan ini kapan saja; sesudah itu foto tidak ditampilkan lagi."
    ),
}


def add_texts(apps, schema_editor):
    ConsentText = apps.get_model("privacy", "ConsentText")
    for purpose, body in TEXTS.items():
        ConsentText.objects.get_or_create(
            purpose=purpose, version="1", defaults={"valid_from": dt.date(2024, 1, 1), "body": body}
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_consent")]
    operations = [migrations.RunPython(add_texts, migrations.RunPython.noop)]
