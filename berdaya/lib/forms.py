"""Small helpers for forms shared by every registry's views."""

from django.core.exceptions import ValidationError
from django.forms import Form


def add_service_error(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has that field,
    otherwise above the form (services check rules that need the database, with their own field names)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
