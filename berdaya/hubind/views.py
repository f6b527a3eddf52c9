"""Industrial relations pages (Bidang PHIJS): the mediator's case list, a dispute's record with its
deadlines, hearings, documents and answers; a company's decent-work page; PP/PKB cases; renewals; PHK
reports and strike notices; wage council and tripartite meetings; unions.

PHIJS staff edit, mediators see and work their own cases (AccessPolicy.mediator_field), the inspectorate
reads. Workers' names are masked for roles that work with figures (R45); unmasked views are logged (R46).
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit, can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log
from berdaya.companies.models import Company
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_name
from berdaya.lib.pagination import CappedPaginator
from berdaya.workdays.models import DeadlineStatus

from . import documents, rules, services
from .compliance import company_assessment
from .forms import (
    AgreementForm,
    AnswerForm,
    CloseForm,
    DateForm,
    DecideForm,
    DisputeFilterForm,
    DisputeForm,
    HearingForm,
    ItemForm,
    LayoffForm,
    MeetingForm,
    MemberForm,
    NoticeForm,
    RecommendationForm,
    ReportForm,
    ReviewForm,
    RouteForm,
    UnionForm,
    VerifyForm,
)
from .models import (
    DOSSIER,
    AgreementCase,
    AgreementStatus,
    BodyMember,
    CaseDeadline,
    ComplianceItem,
    Dispute,
    DisputeStatus,
    HearingKind,
    LabourReport,
    LayoffReport,
    Meeting,
    Route,
    StrikeNotice,
    Union,
)
from .selectors import dispute_filter, renewals_due, with_next_deadline

NAV = "hubungan_industrial"
PAGE_SIZE = 25
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _today():
    return timezone.localdate()


def _companies(request):
    return scoped(Company.objects.all(), request.user).order_by("name")


def _worker_party(dispute, user) -> str:
    return dispute.worker_party if user.sees_labour_data else mask_name(dispute.worker_party)


def _page(request, template, **context):
    return render(request, template, {"nav": NAV, **context})


def _run(request, form, run, *, done, redirect_to):
    """A valid POSTed form: run the service in a transaction; a refusal shows on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                result = run(form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect(redirect_to(result) if callable(redirect_to) else redirect_to)
    return None


# --- Disputes ------------------------------------------------------------------------------------------


def case_list(request):
    """The mediator's (or division's) list: running cases with their next deadline, overdue in red."""
    form = DisputeFilterForm(request.GET or None)
    queryset = with_next_deadline(scoped(Dispute.objects.select_related("company", "mediator"), request.user))
    if form.is_valid():
        queryset = dispute_filter(queryset, form.cleaned_data)
    else:
        queryset = queryset.exclude(status=DisputeStatus.CLOSED)
    queryset = queryset.order_by("next_due", "-registered_on", "-id")
    if request.GET.get("format") in {"csv", "xlsx"}:
        return _case_export(request, queryset)
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page)
    for dispute in rows:
        dispute.party_shown = _worker_party(dispute, request.user)
    return _page(
        request,
        "hubind/case_list.html",
        filter_form=form,
        page_obj=page,
        rows=rows,
        today=_today(),
        can_create=can_edit_model(request.user, Dispute),
        export_formats=["xlsx", "csv"],
    )


def _case_export(request, queryset):
    audit_log(
        actor=request.user, action=Action.EXPORT, obj=Dispute, object_repr=f"{queryset.count()} perkara"
    )
    rows = (
        [
            d.number,
            d.company.name,
            d.get_dispute_type_display(),
            _worker_party(d, request.user),
            d.registered_on.isoformat(),
            d.get_route_display(),
            str(d.mediator or ""),
            d.get_status_display(),
            d.next_due.isoformat() if d.next_due else "",
            d.get_outcome_display(),
        ]
        for d in queryset.iterator(chunk_size=2000)
    )
    columns = [
        "Nomor",
        "Perusahaan",
        "Jenis",
        "Pihak pekerja",
        "Dicatat",
        "Penyelesaian",
        "Mediator",
        "Status",
        "Tenggat berikutnya",
        "Hasil",
    ]
    return table_download(
        request.GET["format"], columns=columns, rows=rows, name="perselisihan", sheet="Perkara"
    )


def dispute_create(request):
    if not can_edit_model(request.user, Dispute) or request.user.role == "mediator":
        raise PermissionDenied
    form = DisputeForm(
        request.POST or None,
        request.FILES or None,
        companies=_companies(request),
        initial={"registered_on": _today()},
    )
    response = _run(
        request,
        form,
        lambda data: services.dispute_register(
            actor=request.user, data={k: v for k, v in data.items() if v not in (None, "")}
        ),
        done=_("Perselisihan dicatat."),
        redirect_to=lambda dispute: f"/hubungan-industrial/perkara/{dispute.pk}/",
    )
    return response or _page(request, "hubind/form.html", form=form, title=_("Catat perselisihan"))


def dispute_detail(request, pk):
    dispute = get_for_user(request.user, Dispute.objects.select_related("company", "mediator", "union"), pk)
    personal = request.user.sees_labour_data
    if personal:
        audit_log(actor=request.user, action=Action.VIEW, obj=dispute)  # R46: who saw the parties
    today = _today()
    editable = can_edit(request.user, dispute)
    hearings = list(dispute.hearings.all())
    has_mediation = any(h.kind == HearingKind.MEDIATION for h in hearings)
    answers_deadline = dispute.deadlines.filter(kind="answers", status="open").first()
    context = {
        "d": dispute,
        "party": _worker_party(dispute, request.user),
        "deadlines": dispute.deadlines.all(),
        "hearings": hearings,
        "answers": dispute.answers.all(),
        "today": today,
        "can_edit": editable and dispute.is_open,
        "route_form": RouteForm(initial={"on": today}) if not dispute.route else None,
        "hearing_form": HearingForm(initial={"held_on": today}) if dispute.route else None,
        "can_clarify": dispute.route == Route.MEDIATION and not has_mediation,
        "can_extend_arbitration": dispute.route == Route.ARBITRATION
        and dispute.deadlines.filter(
            kind=rules.ARBITRATION.kind, days=rules.ARBITRATION.days, status=DeadlineStatus.OPEN
        ).exists(),
        "recommend_form": (
            RecommendationForm(initial={"on": today})
            if dispute.route == Route.MEDIATION and has_mediation and not dispute.recommendation_number
            else None
        ),
        "answer_form": AnswerForm(initial={"on": today})
        if dispute.status == DisputeStatus.RECOMMENDED
        else None,
        "silent_due": answers_deadline is not None and answers_deadline.due_on < today,
        "close_form": CloseForm(initial={"on": today}),
        "date_form": DateForm(initial={"on": today}),
        "document_kinds": [
            ("invitation", _("Surat panggilan")),
            ("minutes", _("Risalah sidang")),
            ("recommendation", _("Anjuran")),
            ("agreement", _("Perjanjian bersama")),
        ],
        "history": AuditEntry.objects.for_object(dispute).exclude(action=Action.VIEW)[:50],
        "mask_changes": not personal,
    }
    return _page(request, "hubind/dispute_detail.html", **context)


def _dispute_action(request, pk, form_class, run, done):
    dispute = get_for_user(request.user, Dispute, pk, for_edit=True)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                run(dispute, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
    else:
        messages.error(
            request,
            _("Periksa isian: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{form.fields[name].label}: {' '.join(errs)}" if name in form.fields else " ".join(errs)
                    for name, errs in form.errors.items()
                )
            },
        )
    return redirect("hubind:dispute", pk=dispute.pk)


@require_POST
def dispute_route(request, pk):
    return _dispute_action(
        request,
        pk,
        RouteForm,
        lambda d, data: services.dispute_route(
            actor=request.user, dispute=d, route=data["route"], mediator=data["mediator"], on=data["on"]
        ),
        _("Cara penyelesaian dicatat; tenggat dimulai."),
    )


@require_POST
def dispute_hearing(request, pk):
    return _dispute_action(
        request,
        pk,
        HearingForm,
        lambda d, data: services.hearing_record(actor=request.user, dispute=d, data=data),
        _("Sidang dicatat."),
    )


@require_POST
def dispute_clarification(request, pk, step):
    run = services.dispute_clarification_start if step == "mulai" else services.dispute_clarification_end
    return _dispute_action(
        request,
        pk,
        DateForm,
        lambda d, data: run(actor=request.user, dispute=d, on=data["on"]),
        _("Klarifikasi dimulai: tenggat mediasi dihentikan sementara.")
        if step == "mulai"
        else _("Klarifikasi selesai: tenggat mediasi dilanjutkan."),
    )


@require_POST
def dispute_arbitration_extend(request, pk):
    return _dispute_action(
        request,
        pk,
        DateForm,
        lambda d, data: services.dispute_arbitration_extend(actor=request.user, dispute=d, on=data["on"]),
        _("Tenggat arbitrase diperpanjang 14 hari kerja (sekali)."),
    )


@require_POST
def dispute_recommend(request, pk):
    return _dispute_action(
        request,
        pk,
        RecommendationForm,
        lambda d, data: services.dispute_recommend(
            actor=request.user, dispute=d, text=data["text"], on=data["on"]
        ),
        _("Anjuran diterbitkan; para pihak punya 10 hari kerja untuk menjawab."),
    )


@require_POST
def dispute_answer(request, pk):
    return _dispute_action(
        request,
        pk,
        AnswerForm,
        lambda d, data: services.answer_record(
            actor=request.user, dispute=d, party=data["party"], answer=data["answer"], on=data["on"]
        ),
        _("Jawaban dicatat."),
    )


@require_POST
def dispute_silent(request, pk):
    return _dispute_action(
        request,
        pk,
        DateForm,
        lambda d, data: services.answers_close_silent(actor=request.user, dispute=d, today=_today()),
        _("Pihak yang tidak menjawab dianggap menolak anjuran."),
    )


@require_POST
def dispute_close(request, pk):
    return _dispute_action(
        request,
        pk,
        CloseForm,
        lambda d, data: services.dispute_close(
            actor=request.user, dispute=d, outcome=data["outcome"], on=data["on"]
        ),
        _("Perkara ditutup."),
    )


def _download(request, obj, paper, fmt):
    audit_log(actor=request.user, action=Action.EXPORT, obj=obj, note=f"{paper.title} ({fmt})")
    if fmt == "pdf":
        try:
            content, kind = documents.pdf_bytes(paper), "application/pdf"
        except documents.DocumentError as error:
            messages.error(request, str(error))
            return None
    else:
        content, kind = documents.docx_bytes(paper), DOCX_TYPE
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{paper.filename}.{fmt}"'
    return response


def dispute_document(request, pk, kind, fmt):
    dispute = get_for_user(request.user, Dispute.objects.select_related("company", "mediator"), pk)
    if kind not in documents.KINDS or fmt not in {"docx", "pdf"}:
        raise PermissionDenied
    response = _download(request, dispute, documents.dispute_paper(dispute, kind), fmt)
    return response or redirect("hubind:dispute", pk=dispute.pk)


def deadline_list(request):
    """Every running deadline the user may see, soonest first; overdue in red (the reminders' page)."""
    deadlines = (
        scoped(CaseDeadline.objects.filter(status="open", dispute__isnull=False), request.user)
        .select_related("dispute__company", "dispute__mediator")
        .order_by("due_on")
    )
    agreement_deadlines = (
        scoped(
            CaseDeadline.objects.filter(status="open", agreement_case__isnull=False).select_related(
                "agreement_case__company"
            ),
            request.user,
        ).order_by("due_on")
        if request.user.role != "mediator"
        else scoped(CaseDeadline.objects.all(), request.user).none()
    )
    page = CappedPaginator(deadlines, 50).get_page(request.GET.get("page"))
    return _page(
        request,
        "hubind/deadline_list.html",
        page_obj=page,
        rows=list(page),
        agreement_rows=list(agreement_deadlines[:50]),
        today=_today(),
    )


# --- A company's industrial relations page (R41, R42) ------------------------------------------------------


def company_page(request, pk):
    company = get_for_user(request.user, Company.objects.select_related("kelurahan"), pk)
    today = _today()
    try:
        year = int(request.GET.get("tahun") or 0)
    except ValueError:
        year = 0
    on = dt.date(year, 12, 31) if year else today
    reports = scoped(LabourReport.objects.filter(company=company), request.user).order_by("-year")
    items = scoped(ComplianceItem.objects.filter(company=company), request.user)
    disputes = scoped(Dispute.objects.filter(company=company), request.user)
    editable = can_edit_model(request.user, ComplianceItem) and request.user.role != "mediator"
    return _page(
        request,
        "hubind/company.html",
        c=company,
        assessment=company_assessment(company, on),
        on=on,
        years=list(reports.values_list("year", flat=True)),
        reports=reports,
        items=items.order_by("kind", "-valid_from"),
        disputes=disputes[:20],
        cases=scoped(AgreementCase.objects.filter(company=company), request.user),
        item_form=ItemForm(initial={"valid_from": today}) if editable else None,
        report_form=ReportForm(initial={"year": today.year}) if editable else None,
        today=today,
    )


def item_add(request, pk):
    company = get_for_user(request.user, Company, pk)
    if not can_edit_model(request.user, ComplianceItem) or request.user.role == "mediator":
        raise PermissionDenied
    form = ItemForm(request.POST or None, request.FILES or None)
    response = _run(
        request,
        form,
        lambda data: services.compliance_item_record(
            actor=request.user,
            company=company,
            data={**{k: v for k, v in data.items() if k != "evidence"}, "evidence": data["evidence"] or ""},
        ),
        done=_("Kelengkapan dicatat."),
        redirect_to=f"/hubungan-industrial/perusahaan/{company.pk}/",
    )
    return response or _page(request, "hubind/form.html", form=form, title=_("Catat kelengkapan"), c=company)


def report_add(request, pk):
    company = get_for_user(request.user, Company, pk)
    if not can_edit_model(request.user, LabourReport) or request.user.role == "mediator":
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    response = _run(
        request,
        form,
        lambda data: services.labour_report_record(actor=request.user, company=company, data=data),
        done=_("Laporan WLKP dicatat."),
        redirect_to=f"/hubungan-industrial/perusahaan/{company.pk}/",
    )
    return response or _page(request, "hubind/form.html", form=form, title=_("Catat laporan WLKP"), c=company)


def renewal_list(request):
    """PPs ending within 60 days and not renewed (R41a), soonest first."""
    items = renewals_due(scoped(ComplianceItem.objects.all(), request.user), _today())
    return _page(request, "hubind/renewals.html", rows=list(items[:500]), today=_today())


# --- PP approval and PKB registration (R41a) ------------------------------------------------------------


def agreement_list(request):
    cases = scoped(AgreementCase.objects.select_related("company"), request.user).order_by(
        "-submitted_on", "-id"
    )
    page = CappedPaginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(
        request,
        "hubind/agreement_list.html",
        page_obj=page,
        rows=list(page),
        can_create=can_edit_model(request.user, AgreementCase) and request.user.role != "mediator",
    )


def agreement_create(request):
    if not can_edit_model(request.user, AgreementCase) or request.user.role == "mediator":
        raise PermissionDenied
    form = AgreementForm(
        request.POST or None, companies=_companies(request), initial={"submitted_on": _today()}
    )
    response = _run(
        request,
        form,
        lambda data: services.agreement_case_submit(
            actor=request.user,
            company=data["company"],
            kind=data["kind"],
            submitted_on=data["submitted_on"],
            dossier={key: True for key in data["dossier"]},
        ),
        done=_("Permohonan dicatat."),
        redirect_to=lambda case: f"/hubungan-industrial/pp-pkb/{case.pk}/",
    )
    return response or _page(request, "hubind/form.html", form=form, title=_("Permohonan PP / PKB"))


def agreement_detail(request, pk):
    case = get_for_user(request.user, AgreementCase.objects.select_related("company", "item"), pk)
    editable = can_edit(request.user, case) and case.status not in (
        AgreementStatus.APPROVED,
        AgreementStatus.REJECTED,
    )
    checklist = [(key, label, bool(case.dossier.get(key))) for key, label in DOSSIER.items()]
    return _page(
        request,
        "hubind/agreement_detail.html",
        case=case,
        checklist=checklist,
        deadlines=case.deadlines.all(),
        today=_today(),
        review_form=ReviewForm(initial={"on": _today(), "dossier": [k for k, _l, ok in checklist if ok]})
        if editable
        else None,
        decide_form=DecideForm(initial={"on": _today()})
        if editable and case.status == AgreementStatus.COMPLETE
        else None,
        history=AuditEntry.objects.for_object(case).exclude(action=Action.VIEW)[:30],
    )


@require_POST
def agreement_review(request, pk):
    case = get_for_user(request.user, AgreementCase, pk, for_edit=True)
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_case_review(
                actor=request.user,
                case=case,
                dossier={k: True for k in data["dossier"]},
                on=data["on"],
                correction_notes=data["correction_notes"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Pemeriksaan berkas dicatat."))
    return redirect("hubind:agreement", pk=case.pk)


@require_POST
def agreement_decide(request, pk):
    case = get_for_user(request.user, AgreementCase, pk, for_edit=True)
    form = DecideForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.agreement_case_decide(
                actor=request.user,
                case=case,
                approve=data["approve"],
                on=data["on"],
                valid_to=data["valid_to"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Keputusan dicatat."))
    return redirect("hubind:agreement", pk=case.pk)


def agreement_letter(request, pk, fmt):
    case = get_for_user(request.user, AgreementCase.objects.select_related("company"), pk)
    if fmt not in {"docx", "pdf"} or case.status != AgreementStatus.APPROVED:
        raise PermissionDenied
    response = _download(request, case, documents.decision_paper(case), fmt)
    return response or redirect("hubind:agreement", pk=case.pk)


# --- PHK reports, strikes, meetings, unions ---------------------------------------------------------------


def _simple_list(request, model, template, form_class, run, done, **form_kwargs):
    editable = can_edit_model(request.user, model) and request.user.role != "mediator"
    form = form_class(request.POST or None, **form_kwargs) if editable else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        response = _run(request, form, run, done=done, redirect_to=request.path)
        if response:
            return response
    rows = scoped(model.objects.all(), request.user)
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return _page(request, template, page_obj=page, rows=list(page), form=form, today=_today())


def layoff_list(request):
    return _simple_list(
        request,
        LayoffReport,
        "hubind/layoffs.html",
        LayoffForm,
        lambda data: services.layoff_report_record(actor=request.user, data=data),
        _("Laporan PHK dicatat."),
        companies=_companies(request),
    )


def notice_list(request):
    return _simple_list(
        request,
        StrikeNotice,
        "hubind/notices.html",
        NoticeForm,
        lambda data: services.strike_notice_record(actor=request.user, data=data),
        _("Pemberitahuan dicatat."),
        companies=_companies(request),
    )


def meeting_list(request):
    members = scoped(BodyMember.objects.filter(active=True), request.user)
    return _simple_list(
        request,
        Meeting,
        "hubind/meetings.html",
        MeetingForm,
        lambda data: services.meeting_record(
            actor=request.user,
            data={k: v for k, v in data.items() if k != "present"},
            present=list(data["present"]),
        ),
        _("Rapat dicatat."),
        members=members,
    )


def member_list(request):
    return _simple_list(
        request,
        BodyMember,
        "hubind/members.html",
        MemberForm,
        lambda data: services.member_add(actor=request.user, data=data),
        _("Anggota ditambahkan."),
    )


def union_list(request):
    return _simple_list(
        request,
        Union,
        "hubind/unions.html",
        UnionForm,
        lambda data: services.union_record(actor=request.user, data=data),
        _("SP/SB dicatat."),
        companies=_companies(request),
    )


@require_POST
def union_verify(request, pk):
    union = get_for_user(request.user, Union, pk, for_edit=True)
    form = VerifyForm(request.POST)
    if form.is_valid():
        services.union_verify(
            actor=request.user, union=union, members=form.cleaned_data["members"], on=form.cleaned_data["on"]
        )
        messages.success(request, _("Keanggotaan diverifikasi."))
    else:
        messages.error(request, _("Isi jumlah anggota dan tanggal verifikasi."))
    return redirect("hubind:unions")
