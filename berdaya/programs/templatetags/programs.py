"""Template tags for other apps' pages: the benefit history partial (programs/_benefit_history.html)."""

from django import template

from berdaya.accounts.access import can_edit_model, scoped

from ..models import Application
from ..selectors import benefit_history

register = template.Library()


@register.simple_tag(takes_context=True)
def benefit_history_rows(context, enterprise=None, person=None, cooperative=None) -> dict:
    """{"rows": the applications of this business/person/cooperative the user may see, "can_apply": bool}."""
    user = context["request"].user
    return {
        "rows": list(
            scoped(
                benefit_history(
                    enterprise=enterprise or None, person=person or None, cooperative=cooperative or None
                ),
                user,
            )[:100]
        ),
        "can_apply": can_edit_model(user, Application),
    }
