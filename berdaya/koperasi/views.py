"""The cooperative registry's pages: list, export, record, edits, RATs, watch list and figures."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log
from berdaya.lib.bars import percent_step
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_phone
from berdaya.lib.pagination import CappedPaginator
from berdaya.lib.params import year_param
from berdaya.people.services import person_get_or_register
from berdaya.regions.selectors import kecamatan_names

from . import figures, services, status_job
from . import status as status_rules
from .forms import (
    BoardMemberForm,
    CooperativeFilterForm,
    CooperativeForm,
    CooperativeYearForm,
    RatForm,
    WarningLetterForm,
)
from .models import Cooperative, Kind, RatRule, Visit
from .selectors import cooperative_filter, cooperative_sort, watch_counts, watch_list
from .status import NextAction

PAGE_SIZE = 25
WATCH_ITEMS_SHOWN = 100  # per stage; the rest through the list filtered by stage
NAV = "koperasi"
EXPORT_COLUMNS = [
    "ID sumber", "Nama koperasi", "Jenis", "Kelompok", "Nomor Induk Koperasi", "Nomor badan hukum",
    "Tanggal badan hukum", "Alamat", "Kelurahan", "Kecamatan", "Wilayah keanggotaan", "Telepon", "Status",
    "Alasan status", "Pemantauan", "Kesehatan", "Predikat", "Terdaftar",
]  # fmt: skip


def _cooperatives_for(request):
    base = scoped(Cooperative.objects.all(), request.user)
    form = CooperativeFilterForm(request.GET or None)
    queryset = base.select_related("kelurahan__parent")
    if form.is_valid():
        queryset = cooperative_filter(queryset, form.cleaned_data)
    return form, cooperative_sort(queryset, request.GET.get("sort"))


def cooperative_list(request):
    if request.GET.get("format") in {"csv", "xlsx"}:
        return cooperative_export(request, request.GET["format"])
    form, queryset = _cooperatives_for(request)
    filtered = any(v for k, v in request.GET.items() if k not in {"page", "sort"})
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "refresh_job": status_job.refresh_if_stale(actor=request.user),
        "filter_form": form,
        "page_obj": page,
        "rows": list(page),
        "can_create": can_edit_model(request.user, Cooperative),
        "export_formats": ["xlsx", "csv"],
        "filtered": filtered,
    }
    return render(request, "koperasi/cooperative_list.html", context)


def _export_rows(queryset, user):
    personal = user.sees_personal_data
    for c in queryset.iterator(chunk_size=2000):
        yield [
            c.source_id,
            c.name,
            c.get_kind_display(),
            c.group,
            c.nomor_induk_koperasi,
            c.legal_entity_number,
            c.legal_entity_date.isoformat() if c.legal_entity_date else "",
            c.address,
            c.kelurahan.name if c.kelurahan_id else "",
            c.kelurahan.parent.name if c.kelurahan_id and c.kelurahan.parent_id else "",
            c.get_membership_area_display(),
            c.phone if personal else mask_phone(c.phone),
            c.get_status_display(),
            c.status_reason,
            c.get_watch_stage_display() if c.watch_stage else "",
            c.get_health_category_display(),
            c.rating_predicate,
            c.registered_on.isoformat() if c.registered_on else "",
        ]


def cooperative_export(request, fmt: str):
    """The filtered list, every row; the phone masked per role (R45); the export is audited."""
    _form, queryset = _cooperatives_for(request)
    count = queryset.count()
    audit_log(
        actor=request.user,
        action=Action.EXPORT,
        obj=Cooperative,
        object_repr=f"{count} koperasi ({fmt})",
        note=request.GET.urlencode(),
    )
    return table_download(
        fmt,
        columns=EXPORT_COLUMNS,
        rows=_export_rows(queryset, request.user),
        name="koperasi",
        sheet="Koperasi",
    )


def _history(cooperative):
    """The audit trail of the cooperative and of the records kept on its page."""
    related = Q(object_type="koperasi.cooperative", object_id=str(cooperative.pk))
    for label, manager in (
        ("koperasi.rat", cooperative.rats),
        ("koperasi.cooperativeyear", cooperative.years),
        ("koperasi.boardmember", cooperative.board),
        ("koperasi.warningletter", cooperative.warnings),
        ("koperasi.visit", cooperative.visits),
        ("koperasi.dissolution", cooperative.dissolutions),
    ):
        ids = [str(pk) for pk in manager.values_list("pk", flat=True)]
        if ids:
            related |= Q(object_type=label, object_id__in=ids)
    for label, pks in (
        ("koperasi.followup", cooperative.visits.values_list("follow_ups", flat=True)),
        ("koperasi.dissolutionstep", cooperative.dissolutions.values_list("steps", flat=True)),
    ):
        ids = [str(pk) for pk in pks if pk is not None]
        if ids:
            related |= Q(object_type=label, object_id__in=ids)
    return AuditEntry.objects.filter(related).exclude(action=Action.VIEW).order_by("-at", "-id")[:50]


def next_action_link(cooperative, evaluation, user) -> dict | None:
    """The watch list's and record page's next action: label and URL, if this user may take it (a field
    officer schedules visits; letters, RATs and dissolutions are the division's)."""
    action = evaluation.next_action
    allowed = can_edit_model(user, Visit) if action == NextAction.VISIT else can_edit_model(user, Cooperative)
    if not allowed:
        return None
    links = {
        NextAction.RECORD_RAT: (_("Catat RAT"), reverse("koperasi:rat_add", args=[cooperative.pk])),
        NextAction.VISIT: (_("Jadwalkan kunjungan"), reverse("koperasi:visit_plan", args=[cooperative.pk])),
        NextAction.WARNING_LETTER: (
            _("Terbitkan surat peringatan"),
            reverse("koperasi:warning_add", args=[cooperative.pk]),
        ),
        NextAction.PROPOSE_DISSOLUTION: (
            _("Usulkan pembubaran"),
            reverse("koperasi:dissolution_start", args=[cooperative.pk]),
        ),
        NextAction.CONTINUE_DISSOLUTION: (
            _("Lanjutkan pembubaran"),
            reverse("koperasi:dissolution_step", args=[cooperative.pk]),
        ),
    }
    if action not in links:
        return None
    label, url = links[action]
    return {"label": label, "url": url}


def cooperative_detail(request, pk):
    cooperative = get_for_user(request.user, Cooperative.objects.select_related("kelurahan__parent"), pk)
    evaluation = services.evaluate_cooperative(cooperative)
    personal = request.user.sees_personal_data
    dissolution = services.open_dissolution(cooperative)
    rule = services.current_rule()
    rats = list(cooperative.rats.all())
    for rat in rats:
        rat.deadline = status_rules.deadline(rat.fiscal_year, rule)
        rat.on_time = status_rules.is_on_time(rat.fiscal_year, rat.held_on, rule)
    context = {
        "nav": NAV,
        "c": cooperative,
        "phone": cooperative.phone if personal else mask_phone(cooperative.phone),
        "cooperative": cooperative,
        "evaluation": evaluation,
        "next_action": next_action_link(cooperative, evaluation, request.user),
        "rule": rule,
        "can_edit": can_edit(request.user, cooperative),
        "can_visit": can_edit_model(request.user, Visit),
        "board": cooperative.board.select_related("person").order_by("term_end", "role"),
        "years": cooperative.years.order_by("-fiscal_year"),
        "rats": rats,
        "warnings": cooperative.warnings.all(),
        "visits": scoped(
            cooperative.visits.select_related("officer").prefetch_related("follow_ups"), request.user
        )[:20],
        "dissolution": dissolution,
        "dissolution_steps": dissolution.steps.all() if dissolution else [],
        "history": _history(cooperative),
        "mask_changes": not personal,
    }
    return render(request, "koperasi/cooperative_detail.html", context)


def cooperative_create(request):
    if not can_edit_model(request.user, Cooperative):
        raise PermissionDenied
    form = CooperativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cooperative = services.cooperative_register(actor=request.user, data=form.data_for_service())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Koperasi %(name)s terdaftar.") % {"name": cooperative.name})
            return redirect("koperasi:detail", pk=cooperative.pk)
    return render(request, "koperasi/cooperative_form.html", {"nav": NAV, "form": form, "c": None})


def cooperative_edit(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    form = CooperativeForm(request.POST or None, instance=cooperative)
    if request.method == "POST" and form.is_valid():
        try:
            services.cooperative_update(
                actor=request.user, cooperative=cooperative, data=form.data_for_service()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("koperasi:detail", pk=cooperative.pk)
    return render(request, "koperasi/cooperative_form.html", {"nav": NAV, "form": form, "c": cooperative})


def form_page(request, form, cooperative, *, title, run, done=None):
    """Run ``run(cleaned_data)`` in a transaction for a valid POSTed form, show a service's refusal on the
    form, or render the form on the cooperative's child-form page."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                run(form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done or _("Tersimpan."))
            return redirect("koperasi:detail", pk=cooperative.pk)
    context = {"nav": NAV, "form": form, "c": cooperative, "title": title}
    return render(request, "koperasi/child_form.html", context)


def _child_form(request, pk, *, form_class, title, save, initial=None):
    """One small record kept on a cooperative's page, through its own service."""
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    form = form_class(request.POST or None, request.FILES or None, initial=initial or {})
    return form_page(request, form, cooperative, title=title, run=lambda data: save(cooperative, form))


def rat_add(request, pk):
    last_year = timezone.localdate().year - 1
    return _child_form(
        request,
        pk,
        form_class=RatForm,
        title=_("Catat RAT"),
        initial={"fiscal_year": last_year},
        save=lambda c, form: services.rat_record(actor=request.user, cooperative=c, data=form.cleaned_data),
    )


def year_add(request, pk):
    return _child_form(
        request,
        pk,
        form_class=CooperativeYearForm,
        title=_("Data tahunan koperasi"),
        initial={"fiscal_year": timezone.localdate().year - 1},
        save=lambda c, form: services.cooperative_year_record(
            actor=request.user, cooperative=c, data=form.cleaned_data
        ),
    )


def warning_add(request, pk):
    return _child_form(
        request,
        pk,
        form_class=WarningLetterForm,
        title=_("Surat peringatan (R22)"),
        initial={"issued_on": timezone.localdate()},
        save=lambda c, form: services.warning_letter_issue(
            actor=request.user, cooperative=c, data=form.cleaned_data
        ),
    )


def board_add(request, pk):
    def save(cooperative, form):
        person, _created = person_get_or_register(
            actor=request.user, nik=form.cleaned_data["person_nik"], name=form.cleaned_data["person_name"]
        )
        data = {k: form.cleaned_data[k] for k in ("role", "term_start", "term_end")} | {"person": person}
        services.board_member_add(actor=request.user, cooperative=cooperative, data=data)

    return _child_form(
        request, pk, form_class=BoardMemberForm, title=_("Tambah pengurus atau pengawas"), save=save
    )


def watch_list_page(request):
    """Cooperatives to act on, by stage (most urgent first), with counts by kecamatan and kind."""
    base = scoped(Cooperative.objects.all(), request.user)
    # Stages are cached; when a day has passed since they were computed, today's refresh runs in the
    # background and the page says so (the evaluation shown per row is always today's).
    refresh_job = status_job.refresh_if_stale(actor=request.user)
    groups = watch_list(base.prefetch_related("rats", "warnings", "dissolutions__steps"))
    rules = list(RatRule.objects.all())
    for group in groups:
        for cooperative in group["items"]:
            evaluation = services.evaluate_cooperative(cooperative, rules=rules)
            cooperative.evaluation = evaluation
            cooperative.next_action = next_action_link(cooperative, evaluation, request.user)
    for group in groups:
        group["shown"] = group["items"][:WATCH_ITEMS_SHOWN]
    # When nobody is "due soon", say when the early warning of the next fiscal year starts (R22).
    today = timezone.localdate()
    rule = status_rules.rule_on(rules, today)
    next_year = today.year - 1 if status_rules.deadline(today.year - 1, rule) >= today else today.year
    kecamatan = kecamatan_names()
    by_kecamatan = watch_counts(base, "kecamatan")
    by_kind = watch_counts(base, "kind")
    stages = [g["stage"] for g in groups]
    context = {
        "nav": NAV,
        "groups": groups,
        "total": sum(g["count"] for g in groups),
        "kecamatan_rows": [
            {"label": name, "cells": [by_kecamatan.get((s, code), 0) for s in stages]}
            for code, name in kecamatan.items()
        ],
        "kind_rows": [
            {"label": label, "cells": [by_kind.get((s, value), 0) for s in stages]}
            for value, label in Kind.choices
        ],
        "stage_labels": [g["label"] for g in groups],
        "shown_max": WATCH_ITEMS_SHOWN,
        "refresh_job": refresh_job,
        "next_year": next_year,
        "next_warning": status_rules.at_risk_from(next_year, rule),
        "next_deadline": status_rules.deadline(next_year, rule),
    }
    return render(request, "koperasi/watch_list.html", context)


def cooperative_figures(request):
    """Point 9's figures for a year, by kecamatan and kind: what the yearly report will call."""
    today = timezone.localdate()
    year = year_param(request, last=today.year)
    at = min(today, dt.date(year, 12, 31))
    base = scoped(Cooperative.objects.all(), request.user)
    names = kecamatan_names()
    kinds = dict(Kind.choices)
    breakdown, totals = {}, {}
    for by, labels in (("kecamatan", names), ("kind", kinds)):
        # Each figure once per breakdown; the totals and percentages follow from them (same definitions).
        supervised = figures.supervised(at, by=by, queryset=base)
        active = figures.active(at, by=by, queryset=base)
        pct = figures.share(active, supervised)
        totals = {"supervised": sum(supervised.values()), "active": sum(active.values())}
        breakdown[by] = [
            {
                "label": labels.get(key, key) or "—",
                "supervised": value,
                "active": active.get(key, 0),
                "pct": pct.get(key),
                "step": percent_step(pct.get(key)),
            }
            for key, value in supervised.items()
        ]
    rat_on_time = figures.rat_on_time(year - 1, queryset=base)
    rat_required = figures.rat_required(year - 1, queryset=base)
    context = {
        "nav": NAV,
        "year": year,
        "at": at,
        "years": range(today.year, today.year - 6, -1),
        "registered": figures.registered(at, queryset=base),
        "supervised": totals["supervised"],
        "active": totals["active"],
        "active_pct": figures.share(totals["active"], totals["supervised"]),
        "rat_year": year - 1,
        "rat_on_time": rat_on_time,
        "rat_required": rat_required,
        "rat_on_time_pct": figures.share(rat_on_time, rat_required),
        "growth": figures.growth(year, queryset=base),
        "by_kecamatan": breakdown["kecamatan"],
        "by_kind": breakdown["kind"],
    }
    return render(request, "koperasi/figures.html", context)
