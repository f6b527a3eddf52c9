"""Small helpers for the shared partials (berdaya/templates/partials)."""

from django import template

register = template.Library()


@register.filter
def active_filters(form) -> int:
    """How many of a filter form's fields other than the first (the search box) hold a value."""
    count = 0
    for field in form.visible_fields()[1:]:
        value = field.value()
        if value not in (None, "", [], False):
            count += 1
    return count


@register.simple_tag
def field_html(field, field_class=""):
    """One form field (partials/_field.html), built in Python: see berdaya.lib.forms.field_html."""
    from berdaya.lib.forms import field_html as render

    return render(field, field_class or "")
