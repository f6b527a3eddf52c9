"""The job fair pages (R38b): the fair is a training.Event of kind job_fair; the door's check-in is the
events module's page (it takes the AK/1 card's QR or number); here the counter registers, booths take
applications, interviews and hires, and the live board and the report show the figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.companies.models import Company
from berdaya.lib.documents import PdfError
from berdaya.lib.forms import add_service_error
from berdaya.people.models import Education, Sex
from berdaya.training.models import Event, Kind

from . import fair_report as report_documents
from . import selectors, services
from .forms import FairApplyForm, FairBoothForm, FairHireForm, FairInterviewForm, FairRegisterForm
from .models import JobFairApplication

NAV = "tenaga_kerja"
APPLICATIONS_SHOWN = 50
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _fair(request, pk, *, for_edit: bool = False) -> Event:
    event = get_for_user(request.user, Event.objects.filter(kind=Kind.JOB_FAIR), pk)
    if for_edit and not can_edit_model(request.user, JobFairApplication):
        raise PermissionDenied
    return event


def fair_list(request):
    fairs = scoped(Event.objects.filter(kind=Kind.JOB_FAIR), request.user).order_by("-starts_on")
    return render(request, "naker/fair_list.html", {"nav": NAV, "fairs": fairs})


def _forms(request, event, data=None, which: str = "") -> dict:
    vacancies = scoped(selectors.fair_vacancies(event), request.user).order_by("company__name", "title")
    companies = scoped(Company.objects.all(), request.user).order_by("name")
    return {
        "register_form": FairRegisterForm(data if which == "register" else None, prefix="register"),
        "apply_form": FairApplyForm(data if which == "apply" else None, vacancies=vacancies, prefix="apply"),
        "booth_form": FairBoothForm(data if which == "booth" else None, companies=companies, prefix="booth"),
    }


def fair_detail(request, pk, forms: dict | None = None):
    event = _fair(request, pk)
    booth = request.GET.get("stan", "")
    applications = scoped(
        JobFairApplication.objects.filter(event=event).select_related(
            "job_seeker__person", "vacancy", "booth__company", "placement"
        ),
        request.user,
    ).order_by("-applied_at", "-id")
    if booth.isdigit():
        applications = applications.filter(booth_id=int(booth))
    context = {
        "nav": NAV,
        "event": event,
        "figures": selectors.fair_figures(event),
        "booths": event.booths.select_related("company").order_by("booth", "company__name"),
        "booth": booth,
        "applications": applications[:APPLICATIONS_SHOWN],
        "more": max(applications.count() - APPLICATIONS_SHOWN, 0),
        "can_edit": can_edit_model(request.user, JobFairApplication),
        "interview_form": FairInterviewForm(),
        "today": timezone.localdate(),
    } | (forms or _forms(request, event))
    return render(request, "naker/fair_detail.html", context)


def _post(request, pk, which: str, act) -> object:
    """Runs one of the fair page's forms; on an error the page comes back with the form's message."""
    event = _fair(request, pk, for_edit=True)
    forms = _forms(request, event, request.POST, which)
    form = forms[f"{which}_form"]
    if form.is_valid():
        try:
            message = act(event, form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, message)
            return redirect("naker:fair", pk=event.pk)
    return fair_detail(request, pk, forms=forms)


@require_POST
def fair_booth_add(request, pk):
    def act(event, data):
        services.fair_booth_add(actor=request.user, event=event, company=data["company"], booth=data["booth"])
        return _("%(company)s ikut bursa kerja.") % {"company": data["company"].name}

    return _post(request, pk, "booth", act)


@require_POST
def fair_register(request, pk):
    def act(event, data):
        participant = services.fair_register(actor=request.user, event=event, job_seeker=data["card"])
        return _("%(name)s terdaftar di bursa kerja (%(status)s).") % {
            "name": participant.person.name,
            "status": participant.get_status_display(),
        }

    return _post(request, pk, "register", act)


@require_POST
def fair_apply(request, pk):
    def act(event, data):
        services.fair_apply(actor=request.user, event=event, job_seeker=data["card"], vacancy=data["vacancy"])
        return _("Lamaran %(name)s ke %(title)s tercatat.") % {
            "name": data["card"].person.name,
            "title": data["vacancy"].title,
        }

    return _post(request, pk, "apply", act)


def _application(request, pk) -> JobFairApplication:
    return get_for_user(
        request.user,
        JobFairApplication.objects.select_related("job_seeker__person", "vacancy", "event"),
        pk,
        for_edit=True,
    )


@require_POST
def fair_interview(request, pk):
    application = _application(request, pk)
    form = FairInterviewForm(request.POST)
    if form.is_valid():
        try:
            services.fair_interview(
                actor=request.user,
                application=application,
                result=form.cleaned_data["result"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Hasil wawancara tercatat."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("naker:fair", pk=application.event_id)


@require_POST
def fair_hire(request, pk):
    application = _application(request, pk)
    form = FairHireForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("naker:fair", pk=application.event_id)
    try:
        placement = services.fair_hire(actor=request.user, application=application, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s diterima di %(company)s: penempatan %(state)s.")
            % {
                "name": application.job_seeker.person.name,
                "company": placement.company.name,
                "state": placement.get_state_display().lower(),
            },
        )
    return redirect("naker:fair", pk=application.event_id)


def fair_board(request, pk):
    """The live board (big screen or phone): the figures part polls itself every few seconds (htmx)."""
    event = _fair(request, pk)
    context = {"nav": NAV, "event": event, "figures": selectors.fair_figures(event)}
    if request.headers.get("HX-Request"):
        return render(request, "naker/_fair_board.html", context)
    return render(request, "naker/fair_board.html", context)


def fair_report(request, pk):
    """The report after the fair: the page, or ``?unduh=docx|pdf`` (lib.documents' LibreOffice for PDF)."""
    event = _fair(request, pk)
    figures = selectors.fair_figures(event)
    groups = {
        "pendidikan": selectors.fair_hires_by(event, "job_seeker__education", dict(Education.choices)),
        "jenis kelamin": selectors.fair_hires_by(event, "job_seeker__person__sex", dict(Sex.choices)),
        "jabatan": selectors.fair_hires_by(event, "vacancy__occupation__name"),
    }
    today = timezone.localdate()
    wanted = request.GET.get("unduh")
    if wanted in {"docx", "pdf"}:
        try:
            build = report_documents.build_pdf if wanted == "pdf" else report_documents.build_docx
            content = build(event, figures, groups, today=today)
        except PdfError as error:
            messages.error(request, str(error))
            return redirect("naker:fair_report", pk=event.pk)
        response = HttpResponse(content, content_type=CONTENT_TYPES[wanted])
        response["Content-Disposition"] = f'attachment; filename="laporan-bursa-kerja-{event.pk}.{wanted}"'
        return response
    context = {
        "nav": NAV,
        "event": event,
        "figures": figures,
        "by_education": groups["pendidikan"],
        "by_sex": groups["jenis kelamin"],
        "by_occupation": groups["jabatan"],
        "today": today,
    }
    return render(request, "naker/fair_report.html", context)
