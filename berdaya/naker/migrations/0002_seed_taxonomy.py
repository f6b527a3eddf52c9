"""The office's starting occupation list (KBJI 2014 unit groups) and skill list (``taxonomy.py``)."""

from django.db import migrations


def load(apps, schema_editor):
    from berdaya.naker.taxonomy import OCCUPATIONS, RELATED, SKILLS

    Occupation = apps.get_model("naker", "Occupation")
    Skill = apps.get_model("naker", "Skill")
    by_code = {}
    for code, name, synonyms in OCCUPATIONS:
        by_code[code], _ = Occupation.objects.get_or_create(
            name=name, defaults={"kbji_code": code, "synonyms": synonyms}
        )
    for a, b in RELATED:
        by_code[a].related.add(by_code[b])
    for name, kind, synonyms in SKILLS:
        Skill.objects.get_or_create(name=name, defaults={"kind": kind, "synonyms": synonyms})


class Migration(migrations.Migration):
    dependencies = [("naker", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
