from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from berdaya.accounts.roles import AUDIT_READER_ROLES

from .forms import AuditFilterForm
from .models import AuditEntry


def audit_list(request):
    """The whole trail, for the inspectorate, the head of office and administrators. Read-only."""
    if request.user.role not in AUDIT_READER_ROLES:
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.all()
    if form.is_valid():
        entries = form.apply(entries)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = {
        "nav": "audit",
        "filter_form": form,
        "page_obj": page,
        "masked": not request.user.sees_personal_data,
    }
    return render(request, "audit/audit_list.html", context)
