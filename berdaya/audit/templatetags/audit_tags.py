from django import template

from berdaya.lib.masking import mask_address, mask_nik, mask_phone

register = template.Library()

# Personal fields and how to mask them for viewers whose role does not need them (domain.md R45).
MASKS = {"nik": mask_nik, "phone": mask_phone, "address": mask_address}


@register.simple_tag
def audit_value(field: str, value, masked: bool = False):
    if value is None or value == "":
        return "∅"
    if masked and field in MASKS:
        return MASKS[field](str(value))
    return value
