from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from berdaya.lib.masking import STAR, mask_address, mask_name, mask_nik, mask_phone

register = template.Library()

# Personal fields and how to mask them for viewers whose role does not need them (domain.md R45).
MASKS = {"nik": mask_nik, "phone": mask_phone, "address": mask_address, "worker_party": mask_name}  # hubind


@register.simple_tag
def audit_value(field: str, value, masked: bool = False):
    if value is None or value == "":
        return "—"
    if masked and field in MASKS and STAR not in str(value):  # stored protected already (R45)
        return MASKS[field](str(value))
    return value


@register.simple_tag
def field_label(object_type: str, field: str) -> str:
    """The field's own label ("Tanggal lahir") for a stored field name ("birth_date")."""
    try:
        model_field = apps.get_model(object_type)._meta.get_field(field)
    except (LookupError, ValueError, FieldDoesNotExist):
        return field
    # A reverse relation (a record's moved children in a merge, say) has no label of its own.
    label = getattr(model_field, "verbose_name", None) or model_field.related_model._meta.verbose_name_plural
    return str(label).capitalize()


@register.filter
def object_kind(object_type: str) -> str:
    """ "accounts.user" -> "Pengguna": the kind of record as users call it, never the internal label."""
    try:
        return str(apps.get_model(object_type)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return ""


@register.filter
def visible_changes(changes) -> list:
    """(field, [old, new]) pairs users should see: derived fields (search indexes) left out (old entries
    may hold them)."""
    from berdaya.audit.services import DERIVED_FIELDS

    if not isinstance(changes, dict):
        return []
    return [(k, v) for k, v in changes.items() if k not in DERIVED_FIELDS and not k.startswith("search_")]
