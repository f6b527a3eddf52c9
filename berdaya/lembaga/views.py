"""Pages of the LPK and BKK registries: lists (search, filters, pagination, export), forms, record pages
with coaching, the BKK's yearly reports and the audit history. One set of views serves both registries,
configured by ``KINDS``. Registry data only through scoped()/get_for_user() (style.md 6)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_phone
from berdaya.lib.pagination import CappedPaginator

from . import rules, selectors, services
from .forms import BkkFilterForm, BkkForm, CoachingForm, LpkFilterForm, LpkForm, ReportForm
from .models import Bkk, Lpk

NAV = "tenaga_kerja"
PAGE_SIZE = 25
EXPORT_FORMATS = ["xlsx", "csv"]


@dataclass(frozen=True)
class Kind:
    slug: str
    model: Any
    form: Any
    filter_form: Any
    search: tuple[str, ...]
    label: Any
    register: Any
    update: Any
    columns: tuple[str, ...]


KINDS = {
    "lpk": Kind(
        slug="lpk",
        model=Lpk,
        form=LpkForm,
        filter_form=LpkFilterForm,
        search=("name", "permit_number", "programmes"),
        label=gettext_lazy("Lembaga Pelatihan Kerja (LPK)"),
        register=lambda actor, data: services.lpk_register(actor=actor, data=data),
        update=lambda actor, obj, data: services.lpk_update(actor=actor, lpk=obj, data=data),
        columns=(
            "Nama",
            "Nomor izin",
            "Tanggal izin",
            "Akreditasi",
            "Program",
            "Kelurahan",
            "Telepon",
            "Pembinaan terakhir",
        ),
    ),
    "bkk": Kind(
        slug="bkk",
        model=Bkk,
        form=BkkForm,
        filter_form=BkkFilterForm,
        search=("name", "school", "npsn", "registration_mark"),
        label=gettext_lazy("Bursa Kerja Khusus (BKK)"),
        register=lambda actor, data: services.bkk_register(actor=actor, data=data),
        update=lambda actor, obj, data: services.bkk_update(actor=actor, bkk=obj, data=data),
        columns=(
            "Nama",
            "Sekolah",
            "NPSN",
            "Nomor SK",
            "Nomor tanda",
            "Tanda berlaku",
            "Kelurahan",
            "Telepon",
            "Pembinaan terakhir",
        ),
    ),
}


def _kind(slug: str) -> Kind:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _queryset(request, kind: Kind):
    today = timezone.localdate()
    form = kind.filter_form(request.GET or None)
    queryset = scoped(kind.model.objects.select_related("kelurahan"), request.user).annotate(
        last_coached=Max("coachings__held_on")
    )
    if kind.model is Bkk:
        queryset = selectors.bkk_with_mark(queryset, today)
    if form.is_valid():
        data = form.cleaned_data
        queryset = selectors.institution_search(queryset, data["q"].strip(), *kind.search)
        if data.get("coached"):
            queryset = queryset.filter(coachings__held_on__year=data["coached"]).distinct()
        if data.get("accreditation"):
            value = "" if data["accreditation"] == "-" else data["accreditation"]
            queryset = queryset.filter(accreditation=value)
        if data.get("mark"):
            queryset = selectors.bkk_filter_mark(queryset, data["mark"], today)
    return form, queryset.order_by("name", "id")


def _row(obj, kind: Kind, user) -> list:
    phone = obj.phone if user.sees_labour_data else mask_phone(obj.phone)
    place = obj.kelurahan.name if obj.kelurahan_id else ""
    if kind.model is Lpk:
        return [obj.name, obj.permit_number, obj.permit_date, obj.get_accreditation_display(),
                "; ".join(obj.programme_list), place, phone, obj.last_coached]  # fmt: skip
    return [obj.name, obj.school, obj.npsn, obj.decree_number, obj.registration_mark,
            "ya" if obj.mark_valid_db else "tidak", place, phone, obj.last_coached]  # fmt: skip


def institution_list(request, kind):
    kind = _kind(kind)
    form, queryset = _queryset(request, kind)
    fmt = request.GET.get("format")
    if fmt in EXPORT_FORMATS:
        audit_log(
            actor=request.user,
            action=Action.EXPORT,
            obj=kind.model,
            object_repr=f"{queryset.count()} {kind.slug} ({fmt})",
            note=request.GET.urlencode(),
        )
        rows = (_row(obj, kind, request.user) for obj in queryset)
        return table_download(
            fmt, columns=list(kind.columns), rows=rows, name=kind.slug, sheet=kind.slug.upper()
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "kind": kind,
        "filter_form": form,
        "page_obj": page,
        "rows": list(page),
        "can_create": can_edit_model(request.user, kind.model),
        "export_formats": EXPORT_FORMATS,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render(request, "lembaga/list.html", context)


def institution_form(request, kind, pk=None):
    kind = _kind(kind)
    obj = get_for_user(request.user, kind.model, pk, for_edit=True) if pk else None
    if obj is None and not can_edit_model(request.user, kind.model):
        raise PermissionDenied
    form = kind.form(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if obj is None:
                obj = kind.register(request.user, data)
            else:
                kind.update(request.user, get_for_user(request.user, kind.model, pk, for_edit=True), data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Data lembaga tersimpan."))
            return redirect("lembaga:detail", kind.slug, obj.pk)
    context = {"nav": NAV, "kind": kind, "form": form, "obj": obj}
    return render(request, "lembaga/form.html", context)


def institution_detail(request, kind, pk):
    kind = _kind(kind)
    obj = get_for_user(request.user, kind.model.objects.select_related("kelurahan__parent"), pk)
    editable = can_edit(request.user, obj)
    today = timezone.localdate()
    context = {
        "nav": NAV,
        "kind": kind,
        "obj": obj,
        "phone": obj.phone if request.user.sees_labour_data else mask_phone(obj.phone),
        "can_edit": editable,
        "coachings": obj.coachings.all(),
        "coaching_form": CoachingForm(initial={"held_on": today}) if editable else None,
        "history": AuditEntry.objects.for_object(obj).exclude(action=Action.VIEW)[:50],
        "mask_changes": not request.user.sees_labour_data,
    }
    if kind.model is Bkk:
        reports = list(obj.reports.all())
        context.update(
            reports=reports,
            mark_valid=rules.mark_valid(obj.registered_on, [r.year for r in reports], today),
            due_year=rules.last_year_due(today),
            report_form=ReportForm(initial={"reported_on": today, "year": today.year - 1})
            if editable
            else None,
        )
    return render(request, "lembaga/detail.html", context)


@require_POST
def coaching_add(request, kind, pk):
    kind = _kind(kind)
    obj = get_for_user(request.user, kind.model, pk, for_edit=True)
    form = CoachingForm(request.POST)
    if form.is_valid():
        services.coaching_record(actor=request.user, data=form.cleaned_data, **{kind.slug: obj})
        messages.success(request, _("Pembinaan tercatat."))
    else:
        messages.error(request, _("Isi tanggal dan materi pembinaan."))
    return redirect("lembaga:detail", kind.slug, pk)


@require_POST
def report_add(request, pk):
    bkk = get_for_user(request.user, Bkk, pk, for_edit=True)
    form = ReportForm(request.POST)
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.REPORT_FIELDS}
        try:
            services.bkk_report_record(
                actor=request.user, bkk=bkk, data=data, placed_abroad=form.cleaned_data["placed_abroad"] or 0
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Laporan tahunan tersimpan."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("lembaga:detail", "bkk", pk)
