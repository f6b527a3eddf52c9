from django.conf import settings

from .navigation import navigation_for


def navigation(request):
    user = getattr(request, "user", None)
    return {
        "nav_items": navigation_for(user) if user is not None and user.is_authenticated else [],
        "office_name": settings.BERDAYA_OFFICE_NAME,
    }
