"""Demo people: plausible, invented residents of the jurisdiction's kelurahan (./dev up)."""

from __future__ import annotations

from django.db import transaction

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.lib.fakedata import people
from berdaya.regions.selectors import kecamatan_in_jurisdiction, kelurahan_in

from .models import Person

DEMO_PEOPLE = 400


def populate(*, actor, seed: int = 2026, count: int = DEMO_PEOPLE) -> int:
    """Add demo people until there are ``count``; returns how many were added. Idempotent."""
    missing = count - Person.objects.count()
    if missing <= 0:
        return 0
    codes = [k.code for kec in kecamatan_in_jurisdiction() for k in kelurahan_in(kec.code)]
    taken = set(Person.objects.values_list("nik", flat=True))
    batch = []
    for fake in people(count + len(taken), seed=seed, kelurahan_codes=codes):
        if fake.nik in taken:
            continue
        batch.append(
            Person(
                nik=fake.nik,
                name=fake.name,
                sex=fake.sex,
                birth_date=fake.birth_date,
                birth_place=fake.birth_place,
                phone=fake.phone,
                address=fake.address.split(" RT ")[0],
                rt=fake.rt,
                rw=fake.rw,
                kelurahan_id=fake.kelurahan_code,
                occupation=fake.occupation,
                created_by=actor,
                updated_by=actor,
            )
        )
        if len(batch) == missing:
            break
    with transaction.atomic():
        created = Person.objects.bulk_create(batch)
        for person in created:  # bulk_create returns primary keys on SQLite >= 3.35 and PostgreSQL
            audit_log(actor=actor, action=Action.CREATE, obj=person, person_id=person.pk, note="data demo")
    return len(batch)
