"""Writes to the people registry (style.md 3): validation against the database, audit row, flags."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, diff, personal_data_logged, snapshot
from berdaya.lib.masking import mask_nik
from berdaya.lib.nik import nik_matches, parse_nik

from .models import Person

# The fields whose changes the audit trail records (all the editable ones).
AUDITED_FIELDS = (
    "nik",
    "name",
    "sex",
    "birth_date",
    "birth_place",
    "phone",
    "address",
    "rt",
    "rw",
    "kelurahan",
    "occupation",
    "education",
    "disability",
)
# Personal fields masked for roles that do not work with identities (domain.md R45).
PERSONAL_FIELDS = frozenset({"nik", "phone", "address"})

# Registries that keep a copy of a person's name for fast search (umkm's search_text) register a function
# here at start-up; it gets the ids of renamed people. People does not import the registries built on it.
RENAME_FOLLOWERS: list[Callable[[list[int]], None]] = []


def people_renamed(person_ids: list[int]) -> None:
    """Tell the registries that copy names: these people's names changed (inside the caller's transaction)."""
    if person_ids:
        for follower in RENAME_FOLLOWERS:
            follower(person_ids)


def _review_flags(person: Person) -> None:
    """R6: sex and birth date must match the NIK, or the record is flagged for review."""
    if not person.nik:
        person.needs_review, person.review_reason = False, ""
        return
    if person.nik_issue:  # the NIK was added: the record is complete now
        person.nik_issue, person.nik_issue_note = "", ""
        parsed = parse_nik(person.nik)
        person.sex = person.sex or parsed.sex
        person.birth_date = person.birth_date or parsed.birth_date
    reasons = nik_matches(parse_nik(person.nik), sex=person.sex, birth_date=person.birth_date)
    person.needs_review = bool(reasons)
    person.review_reason = "; ".join(reasons)[:255]


class DuplicateNikError(ValidationError):
    """R7: one person per NIK. Carries the existing record's pk so the form can offer it."""

    def __init__(self, existing: Person):
        message = _("NIK ini sudah terdaftar atas nama %(name)s.") % {"name": existing.name}
        super().__init__({"nik": ValidationError(message, code="duplicate_nik")})
        self.existing_pk = existing.pk


def _refuse_duplicate_nik(nik: str, *, exclude_pk: int | None = None) -> None:
    existing = Person.objects.filter(nik=nik).exclude(pk=exclude_pk).first()
    if existing is not None:
        raise DuplicateNikError(existing)


def person_create(*, actor, data: dict) -> Person:
    """Register a person. ``data`` is cleaned form data (NIK digits, E.164 phone, dates)."""
    with transaction.atomic():
        _refuse_duplicate_nik(data["nik"])
        person = Person(**data, created_by=actor, updated_by=actor)
        _review_flags(person)
        person.save()
        audit_log(
            actor=actor,
            action=Action.CREATE,
            obj=person,
            changes=diff({}, snapshot(person, AUDITED_FIELDS)),
            person_id=person.pk,
        )
    return person


def person_update(*, actor, person: Person, data: dict) -> Person:
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        before = snapshot(person, AUDITED_FIELDS)
        if data.get("nik", person.nik) != person.nik:
            _refuse_duplicate_nik(data["nik"], exclude_pk=person.pk)
        for name, value in data.items():
            if name not in AUDITED_FIELDS:
                raise ValueError(f"{name} is not an editable field of Person")
            setattr(person, name, value)
        person.updated_by = actor
        _review_flags(person)
        changes = diff(before, snapshot(person, AUDITED_FIELDS))
        if changes:
            person.save()
            audit_log(actor=actor, action=Action.UPDATE, obj=person, changes=changes, person_id=person.pk)
            if "name" in changes:
                people_renamed([person.pk])
    return person


def person_merge_into(*, actor, person: Person, target: Person) -> Person:
    """R7 for a record imported without a NIK: when the NIK staff add belongs to ``target``, the incomplete
    record is merged into it: everything that points at it (enterprises, applications...) moves to the
    target, details the target lacks are copied, then the incomplete record is deleted. Audited as a merge."""
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        target = Person.objects.select_for_update().get(pk=target.pk)
        if not person.nik_issue or person.pk == target.pk:
            raise ValidationError(_("Hanya data tanpa NIK yang dapat digabung ke data lain."))
        moved = {}
        relations = [
            f for f in Person._meta.get_fields(include_hidden=True) if f.auto_created and not f.concrete
        ]
        for relation in relations:
            if relation.many_to_many or relation.related_model._meta.label_lower == "audit.auditentry":
                continue
            manager = relation.related_model._base_manager
            count = manager.filter(**{relation.field.name: person}).update(**{relation.field.name: target})
            if count:
                moved[relation.related_model._meta.label_lower] = count
        before = snapshot(target, AUDITED_FIELDS)
        for name in ("phone", "address", "rt", "rw", "kelurahan", "birth_place", "occupation", "education"):
            if not getattr(target, name) and getattr(person, name):
                setattr(target, name, getattr(person, name))
        target.updated_by = actor
        target.save()
        changes = diff(before, snapshot(target, AUDITED_FIELDS))
        note = _("Digabung dari data tanpa NIK #%(pk)s (%(name)s); dipindahkan: %(moved)s") % {
            "pk": person.pk,
            "name": person.name,
            "moved": ", ".join(f"{k} {v}" for k, v in moved.items()) or "-",
        }
        audit_log(
            actor=actor, action=Action.MERGE, obj=target, changes=changes, person_id=target.pk, note=note
        )
        audit_log(actor=actor, action=Action.DELETE, obj=person, person_id=person.pk, note=note)
        person.delete()
        people_renamed([target.pk])
    return target


def person_record_view(*, actor, person: Person) -> None:
    """R46: every read of a person's full (unmasked) record is logged."""
    audit_log(actor=actor, action=Action.VIEW, obj=person, person_id=person.pk)


def person_record_export(*, actor, count: int, note: str, people=()) -> None:
    """R46: every export of people is logged: one row per export, with the filter used, and, when the
    export carried unmasked data, one row per person exported (``people``: (pk, person id) pairs)."""
    audit_log(
        actor=actor,
        action=Action.EXPORT,
        obj=Person,
        object_repr=_("%(count)d orang") % {"count": count},
        note=note,
    )
    personal_data_logged(actor=actor, model=Person, shown=people, note="ekspor", action=Action.EXPORT)


def people_shown(*, actor, people, note: str) -> None:
    """R46: the unmasked NIK, phone and address of these people were rendered (a list page, a form)."""
    personal_data_logged(actor=actor, model=Person, shown=[(p.pk, p.pk) for p in people], note=note)


def person_number_searched(*, actor, query: str, found) -> None:
    """R46: every search by NIK or phone number is logged, the number masked (the trail keeps no NIK), one
    entry per person found (in their access log) or one saying nothing was found."""
    # Stored data is Indonesian, whatever the session's language (as audit.services._display).
    note = f"pencarian nomor {mask_nik(query)}"
    if not personal_data_logged(actor=actor, model=Person, shown=[(p.pk, p.pk) for p in found], note=note):
        audit_log(actor=actor, action=Action.VIEW, obj=Person, object_repr="pencarian tanpa hasil", note=note)


def person_get_or_register(*, actor, nik: str, name: str = "", **details) -> tuple[Person, bool]:
    """The person with this NIK, or a new one registered from the NIK and ``name`` (R2, R3 give sex and
    birth date). Used where another registry names a person by NIK (an enterprise's owner, a board member)."""
    existing = Person.objects.filter(nik=nik).first()
    if existing is not None:
        return existing, False
    if not name.strip():
        raise ValidationError(
            {"owner_name": _("NIK ini belum terdaftar: isi nama lengkap pemilik untuk mendaftarkannya.")}
        )
    parsed = parse_nik(nik)
    data = {"nik": nik, "name": name.strip(), "sex": parsed.sex, "birth_date": parsed.birth_date} | {
        k: v for k, v in details.items() if v not in (None, "")
    }
    return person_create(actor=actor, data=data), True
