"""Backfill the benefit history from the applications already in a received state (awarded or later)."""

from django.db import migrations

RECEIVED_STATES = ("awarded", "disbursed", "redeemed", "monitored", "closed")


def backfill(apps, schema_editor):
    Application = apps.get_model("programs", "Application")
    Benefit = apps.get_model("benefits", "Benefit")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(app_label="programs", model="application")
    done = set(Benefit.objects.filter(content_type=content_type).values_list("object_id", flat=True))
    rows = []
    for app in Application.objects.filter(state__in=RECEIVED_STATES).select_related("program").iterator():
        if app.pk in done:
            continue
        received_on = app.awarded_on or app.updated_at.date()
        rows.append(
            Benefit(
                person_id=app.person_id,
                enterprise_id=app.enterprise_id,
                cooperative_id=app.cooperative_id,
                kelurahan_id=app.kelurahan_id,
                source="program",
                kind=app.program.kind,
                title=app.program.name[:255],
                received_on=received_on,
                year=received_on.year,
                content_type=content_type,
                object_id=app.pk,
            )
        )
    Benefit.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0001_initial"),
        ("programs", "0003_entitlement_mark"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
