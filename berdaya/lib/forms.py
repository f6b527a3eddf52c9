"""Small helpers for forms shared by every registry's views."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, mark_safe


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


# Django's <input> widgets: each template is `{% include "django/forms/widgets/input.html" %}` (the renderer
# strips the output).
INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in ("text", "search", "number", "email", "url", "tel", "password", "date", "datetime", "time",
                 "hidden", "color", "checkbox")
)  # fmt: skip
ERRORS_TEMPLATE = "django/forms/errors/list/default.html"


def input_html(widget: dict) -> str:
    """django/forms/widgets/input.html in Python, byte for byte as the renderer returns it (stripped;
    the value as stringformat:'s' gives it)."""
    value = widget["value"]
    if value is not None:  # stringformat:'s' keeps safe text as it is and escapes everything else
        value = value if isinstance(value, SafeData) else escape(f"{value}")
    shown = f' value="{value}"' if value is not None else ""
    return (
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{shown}{_attrs_html(widget['attrs'])}>"
    )


class QuickSelectRenderer(DjangoTemplates):
    """Django's form renderer, except that a plain <select> and the <input> widgets are built in Python
    (same HTML, see select_html and input_html), and an empty error list is rendered once; any other widget,
    or a select whose options use another template, goes through its template."""

    _empty_errors: str | None = None

    def render(self, template_name, context, request=None):
        if template_name in INPUT_TEMPLATES and "widget" in context:
            return mark_safe(input_html(context["widget"]))  # noqa: S308 - every value escaped (renders strip)
        if template_name == ERRORS_TEMPLATE and not context.get("errors"):
            if QuickSelectRenderer._empty_errors is None:
                QuickSelectRenderer._empty_errors = super().render(template_name, context, request)
            return QuickSelectRenderer._empty_errors
        widget = context.get("widget") if template_name == SELECT_TEMPLATE else None
        if widget is not None and all(
            option.get("template_name") == OPTION_TEMPLATE
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return mark_safe(select_html(widget))  # noqa: S308 - every value escaped above
        return super().render(template_name, context, request)


def field_html(field, field_class: str = "") -> str:
    """partials/_field.html in Python: a form's fields were a template include each, the largest part of a
    filter bar's time (issue 17, load). The label (with * when required), the widget, the help text (.help,
    id FIELD_helptext) and the errors (.errorlist, id FIELD_error); Django links both to the input with
    aria-describedby. A checkbox puts its label after the box; radio and multi-checkbox groups become a
    fieldset with a legend. Hidden fields render bare."""
    if field.is_hidden:
        return str(field)
    checkbox = field.widget_type == "checkbox"
    classes = "field"
    if field.errors:
        classes += " field-error"
    if checkbox:
        classes += " field-checkbox"
    if field_class:
        classes += f" {conditional_escape(field_class)}"
    label = conditional_escape(field.label)
    required = '<span class="required" aria-hidden="true">*</span>' if field.field.required else ""
    for_id = conditional_escape(field.id_for_label)
    if field.use_fieldset:
        body = f"<fieldset>\n<legend>{label}{required}</legend>\n{field}\n</fieldset>"
    elif checkbox:
        body = f'<label class="check-label" for="{for_id}">{field} <span>{label}</span></label>'
    else:
        body = f'<label for="{for_id}">{label}{required}</label>\n{field}'
    help_text = (
        f'<span class="help" id="{conditional_escape(field.auto_id)}_helptext">'
        f"{conditional_escape(field.help_text)}</span>"
        if field.help_text
        else ""
    )
    return mark_safe(f'<div class="{classes}">\n{body}\n{help_text}{field.errors}\n</div>')  # noqa: S308
