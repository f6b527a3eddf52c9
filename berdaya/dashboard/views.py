from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from berdaya.accounts.models import User

from . import services
from .divisions import DIVISIONS
from .selectors import cards_for


def home(request):
    context = {
        "nav": "home",
        "cards": cards_for(request.user),
        "notifications": services.unread(request.user),
    }
    return render(request, "dashboard/home.html", context)


@require_POST
def notification_read(request, pk: int):
    services.notification_read(user=request.user, pk=pk)
    return redirect("dashboard:home")


def division(request, key: str):
    info = DIVISIONS.get(key)
    if info is None:
        raise Http404
    pages = [
        {
            "label": page.label,
            "url": reverse(page.url_name),
            "description": page.description,
            "icon": page.icon,
        }
        for page in info.pages
    ]
    staff = User.objects.filter(role__in=info.roles(), is_active=True).order_by("first_name", "username")
    return render(
        request, "dashboard/division.html", {"nav": key, "division": info, "staff": staff, "pages": pages}
    )
