import datetime as dt
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, personal_data_logged
from berdaya.lib.bars import bar_rows
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_nik, mask_phone
from berdaya.lib.pagination import NARROW_CAP, CappedPaginator
from berdaya.lib.params import year_param
from berdaya.people.selectors import number_query
from berdaya.people.services import people_shown, person_get_or_register, person_number_searched
from berdaya.regions.selectors import kecamatan_names

from . import figures, services
from .dedup import candidates_for_entry
from .forms import (
    EnterpriseFilterForm,
    EnterpriseForm,
    ObservationForm,
    OnlineAccountForm,
    PermitForm,
    StatusForm,
    WubAssessmentForm,
)
from .models import Enterprise, Sector, Status, WubAssessment
from .selectors import (
    DORMANT_DAYS,
    dormant_since,
    enterprise_filter,
    enterprise_fuzzy_search,
    enterprise_sort,
    missing_legality,
    scale_up_counts,
    scaled_up_events,
)
from .timeline import enterprise_timeline

PAGE_SIZE = 25
EXPORT_COLUMNS = [
    "ID sumber", "Nama usaha", "Merek", "Sektor", "NIK pemilik", "Nama pemilik", "Telepon", "Kelurahan",
    "Kecamatan", "Kelas usaha", "NIB", "WUB", "Status", "Terdaftar",
]  # fmt: skip


def _enterprises_for(request, *, fuzzy: bool = False):
    """The filter form and the matching enterprises; ``fuzzy``: the search words matched with typos
    forgiven (the other filters as they are)."""
    form = EnterpriseFilterForm(request.GET or None)
    queryset = scoped(
        Enterprise.objects.select_related("owner", "sector", "kelurahan", "kelurahan__parent"), request.user
    )
    if form.is_valid():
        data = form.cleaned_data
        exact_nik = not request.user.sees_personal_data  # R45: masked roles find only an exact NIK
        if fuzzy:
            unsearched = enterprise_filter(queryset, data | {"q": ""}, exact_nik=exact_nik)
            queryset = enterprise_fuzzy_search(unsearched, data["q"])
        else:
            queryset = enterprise_filter(queryset, data, exact_nik=exact_nik)
    return form, enterprise_sort(queryset, request.GET.get("sort"))


def enterprise_list(request):
    if request.GET.get("format") in {"csv", "xlsx"}:
        return enterprise_export(request, request.GET["format"])
    form, queryset = _enterprises_for(request)
    filtered = any(v for k, v in request.GET.items() if k not in {"page", "sort"})
    # A text search finds its matches through the trigram index first; structured filters walk the sort index.
    searching = bool(request.GET.get("q", "").strip())
    paginator = (
        CappedPaginator(queryset, PAGE_SIZE, narrow_first=True, cap=NARROW_CAP)
        if searching
        else CappedPaginator(queryset, PAGE_SIZE, sparse_first=filtered)
    )
    page = paginator.get_page(request.GET.get("page"))
    fuzzy = False
    if searching and page.paginator.count == 0:
        # Nothing matches as typed: show the closest matches (typos, a letter left out), saying so.
        form, similar = _enterprises_for(request, fuzzy=True)
        similar_page = CappedPaginator(similar, PAGE_SIZE, sparse_first=True)
        similar_page = similar_page.get_page(request.GET.get("page"))
        if similar_page.paginator.count:
            page, fuzzy = similar_page, True
    personal = request.user.sees_personal_data
    enterprises = list(page)
    if searching and number_query(request.GET["q"]):
        owners = [e.owner for e in enterprises]
        person_number_searched(actor=request.user, query=request.GET["q"], found=owners)
    if personal:
        people_shown(actor=request.user, people=[e.owner for e in enterprises], note="daftar usaha mikro")
    rows = [_list_row(e, personal) for e in enterprises]
    context = {
        "nav": "umkm",
        "filter_form": form,
        "page_obj": page,
        "rows": rows,
        "fuzzy": fuzzy,
        "can_create": can_edit_model(request.user, Enterprise),
        "export_formats": ["xlsx", "csv"],
        "filtered": filtered,
    }
    return render(request, "umkm/enterprise_list.html", context)


def _list_row(e: Enterprise, personal: bool) -> dict:
    """One row of the list, its cells read here: the template then looks each up once (a row's chains of
    lookups, ``e.owner.name``, ``e.sector.name``..., were most of the list's rendering time, issue 17)."""
    return {
        "e": e,
        "url": reverse("umkm:detail", args=[e.pk]),
        "name": e.name,
        "owner": e.owner.name,
        "nik": e.owner.nik if personal else mask_nik(e.owner.nik),
        "sector": e.sector.name if e.sector_id else "",
        "kelurahan": e.kelurahan.name if e.kelurahan_id else "",
        "size": e.get_current_size_class_display(),
        "status": "" if e.status == Status.AKTIF else e.get_status_display(),
        "is_wub": e.is_wub,
        "nib": bool(e.nib),
        "registered": e.registered_on,
    }


def _export_rows(queryset, user, exported: list):
    personal = user.sees_personal_data
    for e in queryset.iterator(chunk_size=2000):
        exported.append((e.pk, e.owner_id))
        yield [
            e.source_id,
            e.name,
            e.brand,
            e.sector.name if e.sector_id else "",
            e.owner.nik if personal else mask_nik(e.owner.nik),
            e.owner.name,
            e.phone if personal else mask_phone(e.phone),
            e.kelurahan.name if e.kelurahan_id else "",
            e.kelurahan.parent.name if e.kelurahan_id and e.kelurahan.parent_id else "",
            e.get_current_size_class_display(),
            e.nib,
            "Ya" if e.is_wub else "Tidak",
            e.get_status_display(),
            e.registered_on.isoformat() if e.registered_on else "",
        ]


def enterprise_export(request, fmt: str):
    """The filtered list, every row (not one page); NIK and phone masked per role (R45); logged once the
    file is written (R46), per owner when it carries their unmasked NIK and phone."""
    _form, queryset = _enterprises_for(request)
    user = request.user
    exported: list[tuple[int, int]] = []

    def logged():
        audit_log(
            actor=user,
            action=Action.EXPORT,
            obj=Enterprise,
            object_repr=f"{len(exported)} usaha ({fmt})",
            note=request.GET.urlencode(),
        )
        if user.sees_personal_data:
            personal_data_logged(
                actor=user, model=Enterprise, shown=exported, note="ekspor", action=Action.EXPORT
            )

    return table_download(
        fmt,
        columns=EXPORT_COLUMNS,
        rows=_export_rows(queryset, user, exported),
        name="usaha-mikro",
        sheet="Usaha mikro",
        on_complete=logged,
    )


def surviving_enterprise(user, pk) -> Enterprise | None:
    """The record a merged enterprise now lives on (following merges of merges), if this user may read it."""
    seen = set()
    current = scoped(Enterprise.all_objects.filter(pk=pk), user).first()
    while current is not None and current.merged_into_id and current.pk not in seen:
        seen.add(current.pk)
        current = scoped(Enterprise.all_objects.filter(pk=current.merged_into_id), user).first()
    return current if current is not None and current.pk != pk and not current.merged_into_id else None


def follow_merge(view):
    """A merged record's old URL (bookmarks, links in letters, the audit trail) leads to the surviving
    record's same page instead of a 404."""

    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        try:
            return view(request, pk, *args, **kwargs)
        except Http404:
            if request.method != "GET":
                raise
            survivor = surviving_enterprise(request.user, pk)
            if survivor is None:
                raise
            messages.info(
                request,
                _("Data usaha #%(old)s sudah digabung ke %(name)s; halaman ini yang sekarang berlaku.")
                % {"old": pk, "name": survivor.name},
            )
            return redirect(request.resolver_match.view_name, survivor.pk, *args, **kwargs)

    return wrapper


@follow_merge
def enterprise_detail(request, pk):
    enterprise = get_for_user(
        request.user,
        Enterprise.objects.select_related(
            "owner", "sector__parent", "kelurahan", "wub_cohort"
        ).prefetch_related("permits", "observations", "online_accounts"),
        pk,
    )
    personal = request.user.sees_personal_data
    if personal:
        owner_shown(request.user, enterprise)
    accounts = list(enterprise.online_accounts.all())
    since = dormant_since()
    for account in accounts:  # same rule as selectors.dormant_accounts: no date is unknown, not dormant
        account.dormant = account.last_active_on is not None and account.last_active_on <= since
    context = {
        "nav": "umkm",
        "e": enterprise,
        "owner_nik": enterprise.owner.nik if personal else mask_nik(enterprise.owner.nik),
        "phone": enterprise.phone if personal else mask_phone(enterprise.phone),
        "can_edit": can_edit(request.user, enterprise),
        "can_assess": can_edit_model(request.user, WubAssessment),
        "gaps": missing_legality(enterprise),
        "observations": sorted(enterprise.observations.all(), key=lambda o: o.observed_on, reverse=True),
        "permits": sorted(enterprise.permits.all(), key=lambda p: (p.kind, p.issued_on or dt.date.min)),
        "accounts": accounts,
        "dormant_days": DORMANT_DAYS,
        "assessments": enterprise.wub_assessments.select_related("officer").order_by("-year"),
        "timeline": enterprise_timeline(enterprise),
        "other_enterprises": scoped(Enterprise.objects.filter(owner=enterprise.owner), request.user).exclude(
            pk=enterprise.pk
        ),
    }
    return render(request, "umkm/enterprise_detail.html", context)


def owner_shown(user, enterprise: Enterprise) -> None:
    """R46: a page or form showing the owner's unmasked NIK and phone is in the owner's access log."""
    personal_data_logged(actor=user, model=Enterprise, shown=[(enterprise.pk, enterprise.owner_id)], note="")


def _save_enterprise(request, form, enterprise=None):
    """Resolve the owner by NIK (registering a new person if needed) and save, all in one transaction."""
    try:
        with transaction.atomic():
            # A new owner gets the business's kelurahan (owners made here had none); an existing
            # owner keeps their own.
            owner, _created = person_get_or_register(
                actor=request.user,
                nik=form.cleaned_data["owner_nik"],
                name=form.cleaned_data["owner_name"],
                kelurahan=form.cleaned_data.get("kelurahan"),
            )
            data = form.enterprise_data(owner)
            if enterprise is None:
                return services.enterprise_register(actor=request.user, data=data)
            return services.enterprise_update(actor=request.user, enterprise=enterprise, data=data)
    except ValidationError as error:
        add_service_error(form, error)
        return None


def enterprise_create(request):
    if not can_edit_model(request.user, Enterprise):
        raise PermissionDenied
    form = EnterpriseForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        # Likely duplicates are shown before saving; the clerk saves anyway only by ticking the box.
        duplicates = candidates_for_entry(
            form.cleaned_data, queryset=scoped(Enterprise.objects.all(), request.user)
        )
        if not duplicates or form.cleaned_data.get("confirm_not_duplicate"):
            enterprise = _save_enterprise(request, form)
            if enterprise is not None:
                messages.success(request, _("Usaha %(name)s terdaftar.") % {"name": enterprise.name})
                return redirect("umkm:detail", pk=enterprise.pk)
        else:
            form.ask_to_confirm()
    context = {"nav": "umkm", "form": form, "e": None, "duplicates": duplicates}
    return render(request, "umkm/enterprise_form.html", context)


@follow_merge
def enterprise_edit(request, pk):
    enterprise = get_for_user(request.user, Enterprise, pk, for_edit=True)
    form = EnterpriseForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        saved = _save_enterprise(request, form, enterprise)
        if saved is not None:
            messages.success(request, _("Perubahan usaha %(name)s tersimpan.") % {"name": saved.name})
            return redirect("umkm:detail", pk=saved.pk)
    owner_shown(request.user, enterprise)  # the form holds the owner's NIK (editors see personal data)
    return render(request, "umkm/enterprise_form.html", {"nav": "umkm", "form": form, "e": enterprise})


# The small records kept on an enterprise's page: one view serves each, through its own service.
CHILD_FORMS = {
    "data": (ObservationForm, _("Tambah data usaha tahunan"), "observation_record"),
    "izin": (PermitForm, _("Tambah izin atau sertifikat"), "permit_record"),
    "daring": (OnlineAccountForm, _("Tambah akun daring"), "online_account_record"),
}


def enterprise_child_add(request, pk, kind):
    if kind not in CHILD_FORMS:
        raise Http404
    enterprise = get_for_user(request.user, Enterprise, pk, for_edit=True)
    form_class, title, service = CHILD_FORMS[kind]
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            getattr(services, service)(actor=request.user, enterprise=enterprise, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Tersimpan."))
            return redirect("umkm:detail", pk=enterprise.pk)
    context = {"nav": "umkm", "form": form, "e": enterprise, "title": title}
    return render(request, "umkm/child_form.html", context)


def enterprise_status(request, pk):
    enterprise = get_for_user(request.user, Enterprise, pk, for_edit=True)
    form = StatusForm(request.POST or None, initial={"status": enterprise.status, "on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.enterprise_status_change(
                actor=request.user,
                enterprise=enterprise,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Status usaha diperbarui."))
            return redirect("umkm:detail", pk=enterprise.pk)
    context = {"nav": "umkm", "form": form, "e": enterprise, "title": _("Ubah status usaha")}
    return render(request, "umkm/child_form.html", context)


def wub_assessment_add(request, pk):
    # A field visit: the division's clerks and the field officers of the enterprise's area record it.
    enterprise = get_for_user(request.user, Enterprise, pk)
    if not can_edit_model(request.user, WubAssessment):
        raise PermissionDenied
    form = WubAssessmentForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.wub_assessment_record(
                actor=request.user, enterprise=enterprise, officer=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Penilaian kemandirian tersimpan."))
            return redirect("umkm:detail", pk=enterprise.pk)
    context = {
        "nav": "umkm",
        "form": form,
        "e": enterprise,
        "title": _("Penilaian kemandirian WUB (kunjungan)"),
    }
    return render(request, "umkm/child_form.html", context)


def enterprise_figures(request):
    """The yearly report's figures for a year, by kecamatan and sector: what the yearly report will call."""
    today = timezone.localdate()
    year = year_param(request, last=today.year)
    at = min(today, today.replace(year=year, month=12, day=31))
    base = scoped(Enterprise.objects.all(), request.user)
    by_kecamatan = figures.active(at, by="kecamatan", queryset=base)
    by_sector = figures.active(at, by="sector", queryset=base)
    context = {
        "nav": "umkm",
        "year": year,
        "years": range(today.year, today.year - 6, -1),
        "registered": figures.registered(at, queryset=base),
        "active": figures.active(at, queryset=base),
        "growth": figures.growth(year, queryset=base),
        "scaled_up": figures.scaled_up(year, queryset=base),
        "wub_trained": figures.wub_trained(year, queryset=base),
        "wub_mandiri": figures.wub_mandiri(year, queryset=base),
        "by_kecamatan": bar_rows(by_kecamatan, kecamatan_names()),
        "by_sector": bar_rows(by_sector, dict(Sector.objects.values_list("code", "name"))),
        "scale_ups": _named(scaled_up_events(year, queryset=base)[:100], base),
        "scale_up_counts": sorted(scale_up_counts(queryset=base).items()),
    }
    return render(request, "umkm/figures.html", context)


def _named(events, enterprises) -> list[dict]:
    names = dict(enterprises.filter(pk__in=[e.enterprise_id for e in events]).values_list("pk", "name"))
    return [{"event": e, "name": names.get(e.enterprise_id, e.enterprise_id)} for e in events]
