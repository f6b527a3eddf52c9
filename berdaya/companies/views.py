"""The company registry's pages: list (search, filters, sort, export), record, register/edit with the
duplicate check on entry, likely duplicates and merge."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_phone
from berdaya.lib.pagination import CappedPaginator

from . import dedup, services
from .forms import CompanyFilterForm, CompanyForm, MergeForm
from .models import Company
from .selectors import company_filter, company_search

NAV = "hubungan_industrial"
PAGE_SIZE = 25
SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
}
EXPORT_COLUMNS = [
    "ID sumber",
    "Nama perusahaan",
    "Bentuk",
    "NIB",
    "KBLI",
    "Sektor",
    "Kegiatan",
    "Alamat",
    "Kelurahan",
    "Kantor pusat",
    "Narahubung",
    "Telepon",
    "Pekerja L",
    "Pekerja P",
    "PKWT",
    "PKWTT",
    "TKA",
    "Status",
]


def _companies_for(request):
    form = CompanyFilterForm(request.GET or None)
    queryset = scoped(Company.objects.all(), request.user).select_related("kelurahan", "head_office")
    if form.is_valid():
        data = form.cleaned_data
        queryset = company_search(queryset, data["q"])
        queryset = company_filter(
            queryset,
            kecamatan=data["kecamatan"],
            section=data["section"],
            status=data["status"],
            branch=data["branch"],
        )
    return form, queryset.order_by(*SORTS.get(request.GET.get("sort"), SORTS["name"]))


def company_list(request):
    if request.GET.get("format") in {"csv", "xlsx"}:
        return company_export(request, request.GET["format"])
    form, queryset = _companies_for(request)
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "filter_form": form,
        "page_obj": page,
        "rows": list(page),
        "can_create": can_edit_model(request.user, Company),
        "export_formats": ["xlsx", "csv"],
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render(request, "companies/company_list.html", context)


def _export_rows(queryset, user):
    personal = user.sees_labour_data
    for c in queryset.iterator(chunk_size=2000):
        yield [
            c.source_id,
            c.name,
            c.get_legal_form_display(),
            c.nib,
            c.kbli,
            c.kbli_section,
            c.main_activity,
            c.address,
            c.kelurahan.name if c.kelurahan_id else "",
            c.head_office.name if c.head_office_id else "",
            c.contact_name,
            c.phone if personal else mask_phone(c.phone),
            c.workers_male,
            c.workers_female,
            c.workers_pkwt,
            c.workers_pkwtt,
            c.workers_foreign,
            c.get_status_display(),
        ]


def company_export(request, fmt: str):
    _form, queryset = _companies_for(request)
    audit_log(
        actor=request.user,
        action=Action.EXPORT,
        obj=Company,
        object_repr=f"{queryset.count()} perusahaan ({fmt})",
        note=request.GET.urlencode(),
    )
    rows = _export_rows(queryset, request.user)
    return table_download(fmt, columns=EXPORT_COLUMNS, rows=rows, name="perusahaan", sheet="Perusahaan")


def company_detail(request, pk):
    company = get_for_user(
        request.user, Company.all_objects.select_related("kelurahan__parent", "head_office"), pk
    )
    personal = request.user.sees_labour_data
    context = {
        "nav": NAV,
        "c": company,
        "phone": company.phone if personal else mask_phone(company.phone),
        "can_edit": can_edit(request.user, company),
        "branches": scoped(company.branches.all(), request.user),
        "history": AuditEntry.objects.for_object(company).exclude(action=Action.VIEW)[:50],
        "mask_changes": not personal,
    }
    return render(request, "companies/company_detail.html", context)


def _save(request, form, company=None):
    """Register or update through the service; a first register shows likely duplicates to confirm."""
    data = form.data_for_service()
    if company is None and not request.POST.get("confirm_duplicates"):
        similar = dedup.candidates_for_entry(data, scoped(Company.objects.all(), request.user))
        if similar:
            return None, similar
    try:
        if company is None:
            company = services.company_register(actor=request.user, data=data)
        else:
            services.company_update(actor=request.user, company=company, data=data)
    except ValidationError as error:
        add_service_error(form, error)
        return None, []
    return company, []


def company_create(request):
    if not can_edit_model(request.user, Company):
        raise PermissionDenied
    heads = scoped(Company.objects.filter(head_office__isnull=True), request.user)
    form = CompanyForm(request.POST or None, head_offices=heads)
    similar = []
    if request.method == "POST" and form.is_valid():
        company, similar = _save(request, form)
        if company is not None:
            messages.success(request, _("Perusahaan %(name)s terdaftar.") % {"name": company.name})
            return redirect("companies:detail", pk=company.pk)
    context = {"nav": NAV, "form": form, "c": None, "similar": similar}
    return render(request, "companies/company_form.html", context)


def company_edit(request, pk):
    company = get_for_user(request.user, Company, pk, for_edit=True)
    heads = scoped(Company.objects.filter(head_office__isnull=True).exclude(pk=company.pk), request.user)
    form = CompanyForm(request.POST or None, instance=company, head_offices=heads)
    if request.method == "POST" and form.is_valid():
        saved, _similar = _save(request, form, company=get_for_user(request.user, Company, pk, for_edit=True))
        if saved is not None:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("companies:detail", pk=company.pk)
    return render(
        request, "companies/company_form.html", {"nav": NAV, "form": form, "c": company, "similar": []}
    )


def duplicate_list(request):
    """Likely duplicates (lib.dedup), strongest first, each with a merge button."""
    if not can_edit_model(request.user, Company):
        raise PermissionDenied
    pairs = dedup.likely_duplicates(scoped(Company.objects.all(), request.user))
    return render(request, "companies/duplicates.html", {"nav": NAV, "pairs": pairs})


@require_POST
def company_merge(request):
    form = MergeForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    keep = get_for_user(request.user, Company, form.cleaned_data["keep"], for_edit=True)
    duplicate = get_for_user(request.user, Company, form.cleaned_data["duplicate"], for_edit=True)
    try:
        services.company_merge(actor=request.user, duplicate=duplicate, into=keep)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(dup)s digabung ke %(keep)s.") % {"dup": duplicate.name, "keep": keep.name}
        )
    return redirect("companies:duplicates")
