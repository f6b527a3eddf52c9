"""Arithmetic for the server-drawn SVG bar charts (templates/portal/_bars.html)."""

from django import template

register = template.Library()
ROW = 20


@register.filter
def bar_height(rows: int) -> int:
    return rows * ROW + 4


@register.filter
def bar_y(index: int) -> int:
    return index * ROW


@register.simple_tag
def bar_width(value, widest, full) -> int:
    return round((value or 0) / max(widest, 1) * full)


@register.simple_tag
def bar_end(value, widest, full) -> int:
    return 130 + bar_width(value, widest, full) + 4
