"""The data of the health and rating section on a cooperative's page (``_assessment_section.html``).

The record page includes the partial with only ``cooperative`` in context; this tag reads its assessments
through the related managers of a cooperative the page already reached through ``get_for_user``.
"""

from django import template

from berdaya.accounts.access import can_edit

register = template.Library()


@register.simple_tag
def assessment_section(cooperative, user) -> dict:
    assessments = list(cooperative.health_assessments.all())
    ratings = list(cooperative.ratings.all())
    return {
        "latest_health": assessments[0] if assessments else None,
        "health_history": assessments,
        "latest_rating": ratings[0] if ratings else None,
        "ratings": ratings,
        "can_assess": can_edit(user, cooperative),
        "savings_and_loan": cooperative.kind == "simpan_pinjam",
    }
