from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from berdaya.accounts.roles import AUDIT_READER_ROLES
from berdaya.lib.pagination import CappedPaginator

from .forms import AuditFilterForm
from .models import AuditEntry


def audit_list(request):
    """The whole trail, for the inspectorate, the head of office and administrators. Read-only."""
    if request.user.role not in AUDIT_READER_ROLES:
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()
    filtered = form.is_valid() and any(form.cleaned_data.values())
    if filtered:
        entries = form.apply(entries)
    # The fastest-growing table: a capped count and keys first (lib/pagination.py); a filter that matches
    # few rows sorts their keys here instead of walking the whole time index.
    page = CappedPaginator(entries, 50, sparse_first=filtered).get_page(request.GET.get("page"))
    context = {
        "nav": "audit",
        "filter_form": form,
        "page_obj": page,
        "masked": not request.user.sees_personal_data,
    }
    return render(request, "audit/audit_list.html", context)
