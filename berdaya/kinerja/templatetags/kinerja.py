from django import template

from berdaya.kinerja import formulas

register = template.Library()


@register.filter
def num(value, places=2):
    """Full-precision value rounded for display only (sakip.md S5); "—" when not computable."""
    if value is None or value == "":
        return "—"
    text = formulas.display(value, int(places))
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    return f"{whole}.{decimals}" if decimals else whole


@register.filter
def rupiah(value):
    if value is None:
        return "—"
    return f"{value:,.0f}".replace(",", ".")


@register.filter
def get(mapping, key):
    """mapping[key], also for an int key written in a template as a string ("1" → 1)."""
    if not mapping:
        return None
    if key in mapping:
        return mapping[key]
    return mapping.get(int(key)) if str(key).isdigit() else None
