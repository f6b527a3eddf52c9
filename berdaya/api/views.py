"""The administrator's pages for partner tokens: list, issue (the secret is shown once), revoke."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.roles import Role

from . import services
from .forms import TokenForm
from .models import ApiToken


def _require_admin(user) -> None:
    if user.role != Role.ADMIN:
        raise PermissionDenied


def token_list(request):
    _require_admin(request.user)
    tokens = ApiToken.objects.select_related("user").order_by("revoked_at", "name", "pk")
    return render(request, "api/token_list.html", {"nav": "api", "tokens": tokens})


def token_create(request):
    _require_admin(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, raw = services.token_issue(actor=request.user, **form.cleaned_data)
        return render(request, "api/token_issued.html", {"nav": "api", "token": token, "raw": raw})
    return render(request, "api/token_form.html", {"nav": "api", "form": form})


@require_POST
def token_revoke(request, pk: int):
    _require_admin(request.user)
    token = get_object_or_404(ApiToken, pk=pk)
    services.token_revoke(actor=request.user, token=token)
    messages.success(
        request, _("Token %(name)s dicabut: panggilan dengannya kini ditolak.") % {"name": token}
    )
    return redirect("api-admin:list")
