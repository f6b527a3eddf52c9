"""``{% staff_name user %}``, ``{% staff_email user %}``, ``{% entry_actor entry %}``: a staff account as
the viewer (``request.user``) may see it (accounts.identity, issue 17 finding 11)."""

from django import template

from berdaya.accounts.identity import is_outside, staff_label
from berdaya.accounts.identity import staff_email as email_for

register = template.Library()


def _viewer(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def staff_name(context, user, default: str = "—") -> str:
    return staff_label(user or None, _viewer(context), default=default)


@register.simple_tag(takes_context=True)
def staff_email(context, user) -> str:
    return email_for(user or None, _viewer(context))


@register.simple_tag(takes_context=True)
def entry_actor(context, entry) -> str:
    """An audit entry's actor: the stored username for staff (no query), the role for outsiders."""
    if not is_outside(_viewer(context)) or entry.actor_id is None:
        return entry.actor_name
    return staff_label(entry.actor, _viewer(context))
