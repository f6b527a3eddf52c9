"""Writes to the company registry (style.md 3): database rules, computed fields, one audit row each.

``company_register`` / ``company_update`` are the only ways other apps create or change a company
(docs/interfaces.md). ``data`` is cleaned form or import data (NIB digits, E.164 phone).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update

from .models import Company, kbli_section
from .selectors import search_text

COMPANY_FIELDS = (
    "name",
    "legal_form",
    "nib",
    "kbli",
    "main_activity",
    "address",
    "kelurahan",
    "head_office",
    "contact_name",
    "contact_position",
    "phone",
    "email",
    "workers_male",
    "workers_female",
    "workers_pkwt",
    "workers_pkwtt",
    "workers_foreign",
    "headcount_on",
    "status",
    "source",
    "source_id",
)
_COMPUTED = ("kbli_section", "search_text")


def _check(company: Company) -> None:
    """Rules that need the database, with messages a form can show (constraints back them up)."""
    errors = {}
    if company.nib:
        if not (company.nib.isdigit() and len(company.nib) == 13):
            errors["nib"] = _("NIB harus 13 digit angka.")  # domain.md R9
        else:
            other = Company.objects.filter(nib=company.nib).exclude(pk=company.pk).first()
            if other is not None:  # R9: one company per NIB
                errors["nib"] = _("NIB ini sudah terdaftar untuk perusahaan %(name)s.") % {"name": other.name}
    if company.kbli and not (company.kbli.isdigit() and len(company.kbli) == 5):
        errors["kbli"] = _("KBLI harus 5 digit angka.")
    if company.source_id:
        taken = Company.all_objects.filter(source=company.source, source_id=company.source_id)
        if taken.exclude(pk=company.pk).exists():
            errors["source_id"] = _("Baris sumber ini sudah pernah dimasukkan.")
    if company.head_office_id:
        if company.pk and company.head_office_id == company.pk:
            errors["head_office"] = _("Perusahaan tidak bisa menjadi kantor pusatnya sendiri.")
        elif company.head_office.head_office_id:
            errors["head_office"] = _("Yang dipilih kantor cabang; pilih kantor pusatnya.")
    if errors:
        raise ValidationError(errors)


def _compute(company: Company) -> None:
    company.nib = "".join((company.nib or "").split())
    company.kbli_section = kbli_section(company.kbli)
    company.search_text = search_text(company)


def company_register(*, actor, data: dict) -> Company:
    """Register a company (R9: refused when its NIB is already registered)."""
    unknown = set(data) - set(COMPANY_FIELDS)
    if unknown:
        raise ValueError(f"{sorted(unknown)} are not editable fields of Company")
    with transaction.atomic():
        company = Company(**data)
        if company.headcount_on is None and (company.workers_male or company.workers_female):
            company.headcount_on = timezone.localdate()
        _compute(company)
        _check(company)
        audited_create(actor=actor, obj=company, fields=COMPANY_FIELDS)
    return company


def company_update(*, actor, company: Company, data: dict) -> Company:
    """Change a company's details; one audit row with what changed."""
    with transaction.atomic():
        company = Company.all_objects.select_for_update().get(pk=company.pk)
        probe = Company.all_objects.get(pk=company.pk)
        for name, value in data.items():
            if name not in COMPANY_FIELDS:
                raise ValueError(f"{name} is not an editable field of Company")
            setattr(probe, name, value)
        _compute(probe)
        _check(probe)
        data = {**data, "nib": probe.nib}
        company.kbli_section, company.search_text = probe.kbli_section, probe.search_text
        audited_update(actor=actor, obj=company, data=data, fields=COMPANY_FIELDS)
    return company


def company_merge(*, actor, duplicate: Company, into: Company) -> Company:
    """Hide ``duplicate`` behind ``into`` (de-duplication); the record stays for history."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("Perusahaan tidak bisa digabung ke dirinya sendiri."))
    with transaction.atomic():
        duplicate = Company.all_objects.select_for_update().get(pk=duplicate.pk)
        if duplicate.merged_into_id:
            raise ValidationError(_("Perusahaan ini sudah digabung."))
        Company.all_objects.filter(pk=duplicate.pk).update(merged_into=into, updated_by=actor)
        Company.all_objects.filter(head_office=duplicate).update(head_office=into)
        audit_log(
            actor=actor,
            action=Action.MERGE,
            obj=duplicate,
            changes={"merged_into": [None, str(into)]},
            note=_("Digabung sebagai duplikat"),
        )
    duplicate.refresh_from_db()
    return duplicate
