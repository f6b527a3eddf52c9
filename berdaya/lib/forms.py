"""Small helpers for forms shared by every registry's views."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def add_service_error(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has that field,
    otherwise above the form (services check rules that need the database, with their own field names)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs_html(attrs: dict) -> str:
    """django/forms/widgets/attrs.html in Python."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> str:
    """django/forms/widgets/select.html (and select_option.html for each option) in Python, byte for byte.

    The template renders two includes per option: a filter bar's few selects of kecamatan, kelurahan and
    sectors were a hundred template renders, most of a list page's time (issue 17, load)."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs_html(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            value = conditional_escape(str(option["value"]))
            parts.append(
                f'\n  <option value="{value}"{_attrs_html(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>\n"  # select_option.html ends with a newline
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class QuickSelectRenderer(DjangoTemplates):
    """Django's form renderer, except that a plain <select> is built in Python (same HTML, see select_html);
    any other widget, or a select whose options use another template, goes through its template."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT_TEMPLATE else None
        if widget is not None and all(
            option.get("template_name") == OPTION_TEMPLATE
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return mark_safe(select_html(widget))  # noqa: S308 - every value escaped above
        return super().render(template_name, context, request)
