"""R48: each data category has a retention period (RetentionRule, a dated table); past it, data is
anonymised unless its person is on legal hold. ``berdaya privacy_retention`` runs this, dry-run first.

A category says which records are past retention and how one is anonymised:

- ``orang_tanpa_layanan``: people no other record refers to (no business, application, event, ...) and not
  changed for the retention period: name, NIK, phone, address, birth place become anonymous; the birth date
  keeps only its year and the sex stays (so yearly figures by age and sex do not change).
- ``foto_kunjungan``: field-visit photos (cooperatives, programs) of visits older than the period: deleted.
- ``dokumen_permohonan``: files attached to program applications older than the period: deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_update

from .models import LegalHold, RetentionRule
from .rules import retention_cutoff

ANONYMOUS_NAME = "Anonim"
ANON_NIK_PREFIX = "0000"  # region code 00 does not exist: an anonymised NIK never clashes with a real one


def rule_for(category: str, on: dt.date) -> RetentionRule | None:
    return RetentionRule.objects.filter(category=category, valid_from__lte=on).order_by("-valid_from").first()


def _held_people() -> QuerySet:
    return LegalHold.objects.filter(released_at__isnull=True).values("person_id")


def _unlinked_people(cutoff: dt.date) -> QuerySet:
    Person = apps.get_model("people", "Person")
    query = Person.objects.filter(updated_at__date__lt=cutoff).exclude(nik__startswith=ANON_NIK_PREFIX)
    for relation in Person._meta.related_objects:
        if relation.related_model._meta.app_label == "privacy":
            continue  # consents and requests are about the data, not a use of it
        query = query.filter(**{f"{relation.name}__isnull": True})
    return query.exclude(pk__in=_held_people())


def _anonymise_person(person, *, actor) -> None:
    from berdaya.people.services import people_renamed

    data = {
        "name": ANONYMOUS_NAME,
        "nik": f"{ANON_NIK_PREFIX}{person.pk:012d}",
        "phone": "",
        "address": "",
        "birth_place": "",
        "rt": "",
        "rw": "",
        "birth_date": dt.date(person.birth_date.year, 1, 1),
    }
    audited_update(
        actor=actor, obj=person, data=data, fields=tuple(data), clean=False, person_id=person.pk,
        note="Dianonimkan: masa simpan habis (R48)",
    )  # fmt: skip
    people_renamed([person.pk])


def _visit_photos(cutoff: dt.date) -> list[tuple[QuerySet, str]]:
    return [
        (
            apps.get_model("koperasi", "Visit").objects.exclude(photo="").filter(planned_on__lt=cutoff),
            "photo",
        ),
        (apps.get_model("programs", "Visit").objects.exclude(photo="").filter(due_on__lt=cutoff), "photo"),
    ]


def _application_documents(cutoff: dt.date) -> list[tuple[QuerySet, str]]:
    Document = apps.get_model("programs", "Document")
    return [(Document.objects.exclude(file="").filter(created_at__date__lt=cutoff), "file")]


def _drop_file(obj, field: str, *, actor) -> None:
    stored = getattr(obj, field)
    name = stored.name
    stored.delete(save=False)
    type(obj)._base_manager.filter(pk=obj.pk).update(**{field: ""})
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=obj,
        changes={str(obj._meta.get_field(field).verbose_name): [name.rsplit("/", 1)[-1], None]},
        note="Berkas dihapus: masa simpan habis (R48)",
    )


def _person_of(obj) -> int | None:
    for path in ("application__person_id", "person_id"):
        value = obj
        for part in path.split("__"):
            value = getattr(value, part, None)
        if value:
            return value
    return None


@dataclass(frozen=True)
class Category:
    label: str
    people: Callable[[dt.date], QuerySet] | None = None
    files: Callable[[dt.date], list[tuple[QuerySet, str]]] | None = None


CATEGORIES = {
    "orang_tanpa_layanan": Category("Orang tanpa usaha, permohonan atau kegiatan", people=_unlinked_people),
    "foto_kunjungan": Category("Foto kunjungan lapangan", files=_visit_photos),
    "dokumen_permohonan": Category("Berkas permohonan bantuan", files=_application_documents),
}


@dataclass
class Finding:
    category: str
    label: str
    months: int | None
    cutoff: dt.date | None
    count: int


def _held_file(obj) -> bool:
    person_id = _person_of(obj)
    return (
        bool(person_id) and LegalHold.objects.filter(person_id=person_id, released_at__isnull=True).exists()
    )


def retention_run(*, actor, apply: bool = False, on: dt.date | None = None) -> list[Finding]:
    """What is past retention per category (dry run), or anonymise it (``apply``), audited per record and
    with one summary row. A category without a rule in force is left alone."""
    on = on or timezone.localdate()
    findings = []
    with transaction.atomic():
        for key, category in CATEGORIES.items():
            rule = rule_for(key, on)
            if rule is None:
                findings.append(Finding(key, category.label, None, None, 0))
                continue
            cutoff = retention_cutoff(on, rule.months)
            count = 0
            if category.people is not None:
                people = list(category.people(cutoff))
                count = len(people)
                if apply:
                    for person in people:
                        _anonymise_person(person, actor=actor)
            for query, field in category.files(cutoff) if category.files is not None else []:
                items = [obj for obj in query if not _held_file(obj)]
                count += len(items)
                if apply:
                    for obj in items:
                        _drop_file(obj, field, actor=actor)
            findings.append(Finding(key, category.label, rule.months, cutoff, count))
        if apply:
            summary = "; ".join(f"{f.label}: {f.count}" for f in findings)
            audit_log(
                actor=actor,
                action=Action.UPDATE,
                obj=RetentionRule,
                note=f"Masa simpan dijalankan {on:%d-%m-%Y}: {summary}"[:300],
            )
    return findings


def held_q() -> Q:
    return Q(pk__in=_held_people())
