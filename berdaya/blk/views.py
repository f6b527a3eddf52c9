"""Pages of the training centre (UPTD BLK): programmes and units, cohorts (fair selection, the daily
attendance sheet on a phone, competency test results, certificates, graduates' follow-up) and
apprenticeships. Registry data only through scoped()/get_for_user() (style.md 6); writes through
``services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log
from berdaya.companies.models import Company
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_nik
from berdaya.lib.pagination import CappedPaginator
from berdaya.training import services as training
from berdaya.training.models import FollowUp, FollowUpState, Participant, Session

from . import rules, selectors, services
from .forms import (
    RESULT_CHOICES,
    ApprenticeshipEventForm,
    ApprenticeshipForm,
    CohortFilterForm,
    CohortForm,
    GraduateFollowUpForm,
    OutcomeForm,
    ProgrammeFilterForm,
    ProgrammeForm,
    RegisterForm,
    ResultsMetaForm,
    SelectForm,
    UnitForm,
)
from .models import Apprenticeship, Cohort, Programme, Result

NAV = "tenaga_kerja"
PAGE_SIZE = 25
EXPORT_FORMATS = ["xlsx", "csv"]


def _need_editor(user, model) -> None:
    if not can_edit_model(user, model):
        raise PermissionDenied


def _history(obj):
    return AuditEntry.objects.for_object(obj).exclude(action=Action.VIEW)[:50]


def _export(request, *, model, fmt, columns, rows, name, count):
    audit_log(
        actor=request.user,
        action=Action.EXPORT,
        obj=model,
        object_repr=f"{count} {name} ({fmt})",
        note=request.GET.urlencode(),
    )
    return table_download(fmt, columns=columns, rows=rows, name=name, sheet=name[:30])


# --- Programmes -----------------------------------------------------------------------------------------


def _programmes(request):
    form = ProgrammeFilterForm(request.GET or None)
    queryset = scoped(Programme.objects.all(), request.user).annotate(
        n_units=Count("units", distinct=True), n_cohorts=Count("cohorts", distinct=True)
    )
    if form.is_valid():
        q, active = form.cleaned_data["q"], form.cleaned_data["active"]
        if q:
            queryset = queryset.filter(
                Q(title__icontains=q) | Q(code__icontains=q) | Q(vocation__icontains=q)
            )
        if active:
            queryset = queryset.filter(active=active == "1")
    return form, queryset.order_by("title", "id")


def programme_list(request):
    form, queryset = _programmes(request)
    if request.GET.get("format") in EXPORT_FORMATS:
        rows = ([p.code, p.title, p.vocation, p.jp_hours, p.n_units, p.n_cohorts, p.active] for p in queryset)
        return _export(
            request,
            model=Programme,
            fmt=request.GET["format"],
            columns=["Kode", "Program", "Kejuruan", "JP", "Unit kompetensi", "Angkatan", "Ditawarkan"],
            rows=rows,
            name="program-blk",
            count=queryset.count(),
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "filter_form": form,
        "page_obj": page,
        "rows": list(page),
        "can_create": can_edit_model(request.user, Programme),
        "export_formats": EXPORT_FORMATS,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render(request, "blk/programme_list.html", context)


def programme_form(request, pk=None):
    programme = get_for_user(request.user, Programme, pk, for_edit=True) if pk else None
    if programme is None:
        _need_editor(request.user, Programme)
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.PROGRAMME_FIELDS}
        try:
            if programme is None:
                programme = services.programme_create(actor=request.user, data=data)
            else:
                fresh = get_for_user(request.user, Programme, pk, for_edit=True)
                services.programme_update(actor=request.user, programme=fresh, data=data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Program tersimpan."))
            return redirect("blk:programme", programme.pk)
    return render(request, "blk/form.html", {"nav": NAV, "form": form, "title": _("Program pelatihan BLK")})


def programme_detail(request, pk):
    programme = get_for_user(request.user, Programme, pk)
    editable = can_edit(request.user, programme)
    context = {
        "nav": NAV,
        "p": programme,
        "units": programme.units.all(),
        "cohorts": scoped(programme.cohorts.select_related("event"), request.user),
        "can_edit": editable,
        "unit_form": UnitForm(initial={"order": programme.units.count() + 1}) if editable else None,
        "minutes": rules.jp_to_minutes(programme.jp_hours),
        "history": _history(programme),
    }
    return render(request, "blk/programme_detail.html", context)


@require_POST
def unit_add(request, pk):
    programme = get_for_user(request.user, Programme, pk, for_edit=True)
    form = UnitForm(request.POST)
    if form.is_valid():
        try:
            data = {k: v for k, v in form.cleaned_data.items() if v is not None}
            services.unit_add(actor=request.user, programme=programme, data=data)
            messages.success(request, _("Unit kompetensi ditambahkan."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Periksa isian unit: kode dan judul wajib diisi."))
    return redirect("blk:programme", pk)


# --- Cohorts --------------------------------------------------------------------------------------------


def cohort_list(request):
    programmes = scoped(Programme.objects.all(), request.user)
    form = CohortFilterForm(request.GET or None, programmes=programmes)
    queryset = scoped(Cohort.objects.select_related("event", "programme"), request.user)
    data = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.cohorts_listed(
        queryset, q=data.get("q", ""), programme=data.get("programme"), year=data.get("year")
    )
    if request.GET.get("format") in EXPORT_FORMATS:
        rows = (
            [c.event.code, c.event.title, c.programme.title, c.event.starts_on, c.event.ends_on,
             c.event.capacity, c.n_participants, c.event.get_status_display()]
            for c in queryset
        )  # fmt: skip
        return _export(
            request,
            model=Cohort,
            fmt=request.GET["format"],
            columns=["Kode", "Angkatan", "Program", "Mulai", "Selesai", "Kapasitas", "Peserta", "Status"],
            rows=rows,
            name="angkatan-blk",
            count=queryset.count(),
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "filter_form": form,
        "page_obj": page,
        "rows": list(page),
        "export_formats": EXPORT_FORMATS,
        "filtered": any(v for k, v in request.GET.items() if k not in {"page", "sort"}),
    }
    return render(request, "blk/cohort_list.html", context)


def cohort_create(request, pk):
    programme = get_for_user(request.user, Programme, pk)
    _need_editor(request.user, Cohort)
    form = CohortForm(request.POST or None, initial={"venue": "UPTD BLK"})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v not in ("", None)}
        try:
            cohort = services.cohort_create(actor=request.user, programme=programme, data=data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request, _("Angkatan dibuat. Pilih peserta secara adil atau daftarkan dari NIK.")
            )
            return redirect("blk:cohort", cohort.pk)
    title = _("Angkatan baru: %(programme)s") % {"programme": programme.title}
    return render(request, "blk/form.html", {"nav": NAV, "form": form, "title": title})


def _cohort(request, pk, *, for_edit=False) -> Cohort:
    return get_for_user(
        request.user, Cohort.objects.select_related("event", "programme"), pk, for_edit=for_edit
    )


def _participants(cohort: Cohort, user):
    return scoped(
        cohort.event.participants.select_related("person", "kecamatan").order_by("person__name", "pk"), user
    )


def _name_nik(participant: Participant, user) -> str:
    nik = participant.person.nik if user.sees_labour_data else mask_nik(participant.person.nik)
    return f"{participant.person.name} · {nik}"


def cohort_detail(request, pk):
    cohort = _cohort(request, pk)
    event = cohort.event
    participants = list(_participants(cohort, request.user))
    units = services.unit_ids(cohort)
    results: dict[int, dict[int, str]] = {}
    for (participant_id, unit_id), result in selectors.results_of_event(event).items():
        results.setdefault(participant_id, {})[unit_id] = result
    certified = selectors.certified_ids(event)
    attended = training.attendance(event)
    sessions = event.sessions.count()
    rows = [
        {
            "p": p,
            "label": _name_nik(p, request.user),
            "attended": attended.get(p.pk, 0),
            "competent": rules.competent(results.get(p.pk, {}), units),
            "tested": len(results.get(p.pk, {})),
            "certified": p.pk in certified,
        }
        for p in participants
    ]
    context = {
        "nav": NAV,
        "c": cohort,
        "e": event,
        "rows": rows,
        "sessions": sessions,
        "units": len(units),
        "can_edit": can_edit(request.user, cohort),
        "register_form": RegisterForm(),
        "select_form": SelectForm(),
        "taken": sum(1 for r in rows if r["p"].status not in ("cancelled", "waitlisted")),
        "history": _history(cohort),
    }
    return render(request, "blk/cohort_detail.html", context)


@require_POST
def cohort_register(request, pk):
    cohort = _cohort(request, pk, for_edit=True)
    form = RegisterForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("NIK harus 16 angka."))
        return redirect("blk:cohort", pk)
    try:
        participant = training.participant_register(
            actor=request.user,
            event=cohort.event,
            nik=form.cleaned_data["nik"],
            name=form.cleaned_data["name"],
            role="pencari_kerja",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s terdaftar (%(status)s).") % {
                "name": participant.person.name, "status": participant.get_status_display()
            }
        )  # fmt: skip
    return redirect("blk:cohort", pk)


@require_POST
def cohort_select(request, pk):
    cohort = _cohort(request, pk, for_edit=True)
    form = SelectForm(request.POST)
    seed = form.cleaned_data["seed"] if form.is_valid() else ""
    try:
        made = services.cohort_select(actor=request.user, cohort=cohort, seed=seed)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(n)s calon peserta diundang menurut urutan adil (R49).") % {"n": len(made)}
        )
    return redirect("blk:cohort", pk)


@require_POST
def cohort_complete(request, pk):
    cohort = _cohort(request, pk, for_edit=True)
    result = training.event_complete(actor=request.user, event=cohort.event)
    messages.success(
        request,
        _("Angkatan ditutup: %(completed)s memenuhi kehadiran 80 %%, %(no_show)s tidak hadir (R50).")
        % result,
    )
    return redirect("blk:cohort", pk)


@require_POST
def cohort_certify(request, pk):
    cohort = _cohort(request, pk, for_edit=True)
    result = services.cohort_certify(actor=request.user, cohort=cohort)
    messages.success(
        request,
        _("%(issued)s sertifikat terbit; %(refused)s peserta belum kompeten di semua unit (R40a).") % result,
    )
    return redirect("blk:cohort", pk)


def attendance_sheet(request, pk):
    """The day's attendance sheet on a phone: one row per participant, one tap to mark present."""
    cohort = _cohort(request, pk)
    sessions = list(cohort.event.sessions.order_by("number"))
    if not sessions:
        raise PermissionDenied
    today = timezone.localdate()
    chosen = request.GET.get("sesi")
    session = next((s for s in sessions if str(s.number) == chosen), None) or next(
        (s for s in sessions if s.date >= today), sessions[-1]
    )
    present = selectors.present_ids(session)
    rows = [
        {"p": p, "label": _name_nik(p, request.user), "present": p.pk in present}
        for p in _participants(cohort, request.user).exclude(status__in=["cancelled", "waitlisted"])
    ]
    context = {
        "nav": NAV,
        "c": cohort,
        "session": session,
        "sessions": sessions,
        "rows": rows,
        "present": len(present),
        "can_edit": can_edit(request.user, cohort),
    }
    return render(request, "blk/attendance.html", context)


@require_POST
def attendance_mark(request, pk, session_pk):
    cohort = _cohort(request, pk, for_edit=True)
    session = get_for_user(request.user, Session.objects.filter(event=cohort.event), session_pk)
    participant = get_for_user(
        request.user, Participant.objects.filter(event=cohort.event), request.POST.get("participant")
    )
    try:
        checkin, _new = services.attendance_mark(
            actor=request.user, cohort=cohort, session=session, participant=participant
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if not checkin.accepted:
            messages.error(request, checkin.reason)
    return redirect(f"{reverse('blk:attendance', args=[pk])}?sesi={session.number}#p{participant.pk}")


def results_sheet(request, pk):
    """Competency test results: one row per participant, one column per unit (kompeten / belum)."""
    cohort = _cohort(request, pk)
    units = list(cohort.programme.units.order_by("order", "id"))
    participants = list(
        _participants(cohort, request.user).filter(status__in=["attended", "completed", "registered"])
    )
    stored = selectors.results_of_event(cohort.event)
    editable = can_edit(request.user, cohort)
    meta = ResultsMetaForm(request.POST or None, initial={"assessed_on": timezone.localdate()})
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if meta.is_valid():
            sheet = {
                (p.pk, u.pk): request.POST.get(f"r-{p.pk}-{u.pk}", "")
                for p in participants
                for u in units
                if request.POST.get(f"r-{p.pk}-{u.pk}", "") in Result.values
            }
            try:
                saved = services.cohort_results_record(
                    actor=request.user,
                    cohort=get_for_user(request.user, Cohort, pk, for_edit=True),
                    results=sheet,
                    assessed_on=meta.cleaned_data["assessed_on"],
                    assessor=meta.cleaned_data["assessor"],
                )
            except ValidationError as error:
                add_service_error(meta, error)
            else:
                messages.success(request, _("%(n)s hasil uji tersimpan.") % {"n": saved})
                return redirect("blk:cohort", pk)
    rows = [
        {
            "p": p,
            "label": _name_nik(p, request.user),
            "cells": [
                {"unit": u, "name": f"r-{p.pk}-{u.pk}", "value": stored.get((p.pk, u.pk), "")} for u in units
            ],
            "competent": rules.competent(
                {u: stored.get((p.pk, u)) for u in [x.pk for x in units]}, [x.pk for x in units]
            ),
        }
        for p in participants
    ]
    context = {
        "nav": NAV,
        "c": cohort,
        "units": units,
        "rows": rows,
        "choices": RESULT_CHOICES,
        "meta": meta,
        "can_edit": editable,
    }
    return render(request, "blk/results.html", context)


def _companies(user):
    return scoped(Company.objects.order_by("name"), user)


def cohort_follow_ups(request, pk):
    """The graduates' follow-ups at 3 and 6 months (R51): working where, self-employed, or not yet."""
    cohort = _cohort(request, pk)
    follow_ups = scoped(
        FollowUp.objects.filter(participant__event=cohort.event).select_related("participant__person"),
        request.user,
    ).order_by("due_on", "participant__person__name")
    context = {
        "nav": NAV,
        "c": cohort,
        "follow_ups": follow_ups,
        "open_states": [FollowUpState.SCHEDULED, FollowUpState.OVERDUE],
        "today": timezone.localdate(),
    }
    return render(request, "blk/follow_ups.html", context)


def follow_up_record(request, pk, follow_up_pk):
    cohort = _cohort(request, pk, for_edit=True)
    # the cohort's edit right covers its graduates' follow-ups (training's FollowUp is a shared registry)
    follow_up = get_for_user(
        request.user, FollowUp.objects.filter(participant__event=cohort.event), follow_up_pk
    )
    form = GraduateFollowUpForm(
        request.POST or None, companies=_companies(request.user), initial={"done_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            answer = services.graduate_follow_up_record(
                actor=request.user,
                follow_up=follow_up,
                outcome=data["outcome"],
                done_on=data["done_on"],
                method=data["method"],
                company=data["company"],
                position=data["position"],
                start_date=data["start_date"],
                business_name=data["business_name"],
                notes=data["notes"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if answer["placement"] is not None and answer["card_registered"]:
                messages.success(
                    request,
                    _(
                        "Tercatat; kartu AK/1 lulusan didaftarkan dan penempatan dicatat di registri "
                        "penempatan (belum terverifikasi)."
                    ),
                )
            elif answer["placement"] is not None:
                messages.success(
                    request, _("Tercatat; penempatan dicatat di registri penempatan (belum terverifikasi).")
                )
            elif answer["enterprise"] is not None:
                messages.success(request, _("Tercatat; usahanya terdaftar sebagai usaha mikro (WUB)."))
            else:
                messages.success(request, _("Tindak lanjut tercatat."))
            return redirect("blk:follow_ups", pk)
    title = _("Tindak lanjut %(months)s bulan: %(name)s") % {
        "months": follow_up.months, "name": follow_up.participant.person.name
    }  # fmt: skip
    return render(request, "blk/form.html", {"nav": NAV, "form": form, "title": title})


# --- Apprenticeships ------------------------------------------------------------------------------------


def apprenticeship_list(request):
    queryset = scoped(Apprenticeship.objects.select_related("event", "host"), request.user)
    q = request.GET.get("q", "").strip()
    queryset = selectors.apprenticeships_listed(queryset, q=q)
    if request.GET.get("format") in EXPORT_FORMATS:
        rows = (
            [a.event.code, a.event.title, a.host.name, a.mentor, a.event.starts_on, a.event.ends_on,
             a.n_participants, a.n_hired]
            for a in queryset
        )  # fmt: skip
        return _export(
            request,
            model=Apprenticeship,
            fmt=request.GET["format"],
            columns=["Kode", "Pemagangan", "Perusahaan", "Mentor", "Mulai", "Selesai", "Peserta", "Bekerja"],
            rows=rows,
            name="pemagangan",
            count=queryset.count(),
        )
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "page_obj": page,
        "rows": list(page),
        "q": q,
        "can_create": can_edit_model(request.user, Apprenticeship),
        "export_formats": EXPORT_FORMATS,
    }
    return render(request, "blk/apprenticeship_list.html", context)


def apprenticeship_create(request):
    _need_editor(request.user, Apprenticeship)
    companies = _companies(request.user)
    form = ApprenticeshipForm(request.POST or None, companies=companies)
    dates = ApprenticeshipEventForm(request.POST or None, initial={"capacity": 10})
    if request.method == "POST" and form.is_valid() and dates.is_valid():
        event_data = {k: v for k, v in dates.cleaned_data.items() if v not in ("", None)}
        event_data.setdefault("title", _("Pemagangan di %(host)s") % {"host": form.cleaned_data["host"].name})
        try:
            apprenticeship = services.apprenticeship_create(
                actor=request.user, data=form.cleaned_data, event_data=event_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Pemagangan tercatat."))
            return redirect("blk:apprenticeship", apprenticeship.pk)
    context = {"nav": NAV, "form": form, "dates": dates, "title": _("Pemagangan baru")}
    return render(request, "blk/apprenticeship_form.html", context)


def apprenticeship_detail(request, pk):
    apprenticeship = get_for_user(request.user, Apprenticeship.objects.select_related("event", "host"), pk)
    participants = _participants(apprenticeship, request.user)
    outcomes = selectors.outcomes_of(apprenticeship.event)
    editable = can_edit(request.user, apprenticeship)
    companies = _companies(request.user)
    today = timezone.localdate()
    rows = [
        {
            "p": p,
            "label": _name_nik(p, request.user),
            "outcome": outcomes.get(p.pk),
            "form": OutcomeForm(prefix=f"o{p.pk}", companies=companies, initial={"noted_on": today})
            if editable
            else None,
        }
        for p in participants
    ]
    context = {
        "nav": NAV,
        "a": apprenticeship,
        "e": apprenticeship.event,
        "rows": rows,
        "can_edit": editable,
        "register_form": RegisterForm(),
        "history": _history(apprenticeship),
    }
    return render(request, "blk/apprenticeship_detail.html", context)


@require_POST
def apprenticeship_register(request, pk):
    apprenticeship = get_for_user(request.user, Apprenticeship, pk, for_edit=True)
    form = RegisterForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("NIK harus 16 angka."))
        return redirect("blk:apprenticeship", pk)
    try:
        training.participant_register(
            actor=request.user,
            event=apprenticeship.event,
            nik=form.cleaned_data["nik"],
            name=form.cleaned_data["name"],
            role="pencari_kerja",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("blk:apprenticeship", pk)


@require_POST
def apprentice_outcome(request, pk, participant_pk):
    apprenticeship = get_for_user(request.user, Apprenticeship, pk, for_edit=True)
    participant = get_for_user(
        request.user, Participant.objects.filter(event_id=apprenticeship.event_id), participant_pk
    )
    form = OutcomeForm(request.POST, prefix=f"o{participant.pk}", companies=_companies(request.user))
    if form.is_valid():
        try:
            services.apprentice_outcome_record(
                actor=request.user,
                participant=participant,
                outcome=form.cleaned_data["outcome"],
                company=form.cleaned_data["company"],
                noted_on=form.cleaned_data["noted_on"],
            )
            messages.success(request, _("Hasil pemagangan tercatat."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("blk:apprenticeship", pk)
