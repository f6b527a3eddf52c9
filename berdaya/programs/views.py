"""Staff pages of the programs module: programs, applications taken on an owner's behalf, decisions,
visits, outreach and reports. Registry data only through scoped()/get_for_user() (style.md 6)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, personal_data_logged
from berdaya.koperasi.models import Cooperative
from berdaya.lib.export import table_download, workbook_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_nik
from berdaya.lib.pagination import CappedPaginator
from berdaya.lib.params import year_param
from berdaya.people.models import Person
from berdaya.umkm.models import Enterprise

from . import figures, letters, selectors, services
from .forms import (
    ApplicationFilterForm,
    ApplicationForm,
    AwardForm,
    DeclarationForm,
    DisburseForm,
    DocumentForm,
    ProgramFilterForm,
    ProgramForm,
    ReasonForm,
    VisitAssignForm,
    VisitForm,
)
from .models import Application, Kind, Program, State, Target, Visit, VisitPurpose

PAGE_SIZE = 25
NAV = "programs"
# The buttons an application page offers in each state (the services still check every rule).
ACTIONS = {
    State.DRAFT: ("submit", "withdraw"),
    State.SUBMITTED: ("assign", "verify", "reject", "withdraw"),
    State.VERIFIED: ("approve", "waitlist", "reject", "withdraw"),
    State.WAITLISTED: ("approve", "reject", "withdraw"),
    State.APPROVED: ("award", "withdraw"),
    State.AWARDED: ("disburse", "close"),
    State.DISBURSED: ("close",),
    State.REDEEMED: ("close",),
    State.MONITORED: ("close",),
}


def _need_editor(user, model=Application):
    if not can_edit_model(user, model):
        raise PermissionDenied


# --- Programs -------------------------------------------------------------------------------------------


def program_list(request):
    form = ProgramFilterForm(request.GET or None)
    queryset = scoped(Program.objects.all(), request.user)
    if form.is_valid():
        if form.cleaned_data["q"]:
            queryset = queryset.filter(name__icontains=form.cleaned_data["q"])
        if form.cleaned_data["kind"]:
            queryset = queryset.filter(kind=form.cleaned_data["kind"])
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = _labelled(figures.state_counts(program_ids=[p.pk for p in page]))
    rows = [{"p": p, "counts": counts.get(p.pk, {})} for p in page]
    context = {
        "nav": NAV,
        "filter_form": form,
        "page_obj": page,
        "rows": rows,
        "filtered": any(v for k, v in request.GET.items() if k != "page"),
        "can_create": can_edit_model(request.user, Program),
        "overdue": selectors.overdue_visits(officer=request.user).count(),
    }
    return render(request, "programs/program_list.html", context)


def _labelled(counts: dict) -> dict:
    return {pk: {State(state).label: n for state, n in row.items()} for pk, row in counts.items()}


def program_create(request):
    _need_editor(request.user, Program)
    form = ProgramForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(
                actor=request.user, data=form.program_data(), rules=form.rules()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Program %(name)s dibuat.") % {"name": program.name})
            return redirect("programs:detail", pk=program.pk)
    return render(request, "programs/program_form.html", {"nav": NAV, "form": form, "program": None})


def program_edit(request, pk):
    program = get_for_user(request.user, Program, pk, for_edit=True)
    rules = services.program_rules(program)
    form = ProgramForm(request.POST or None, instance=program, rules=rules)
    if request.method == "POST" and form.is_valid():
        try:
            services.program_update(actor=request.user, program=program, data=form.program_data())
            if form.rules() != rules:
                services.program_set_criteria(actor=request.user, program=program, rules=form.rules())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Program tersimpan."))
            return redirect("programs:detail", pk=program.pk)
    return render(request, "programs/program_form.html", {"nav": NAV, "form": form, "program": program})


def _year(request) -> int:
    return year_param(request)


def program_detail(request, pk):
    program = get_for_user(request.user, Program, pk)
    year = _year(request)
    form = ApplicationFilterForm(request.GET or None)
    applications = scoped(
        Application.objects.filter(program=program, year=year).select_related(
            "enterprise", "person", "cooperative", "kelurahan"
        ),
        request.user,
    )
    if form.is_valid():
        if form.cleaned_data["state"]:
            applications = applications.filter(state=form.cleaned_data["state"])
        if form.cleaned_data["q"]:
            q = form.cleaned_data["q"]
            applications = applications.filter(
                Q(person__name__icontains=q)
                | Q(enterprise__name__icontains=q)
                | Q(cooperative__name__icontains=q)
            )
    page = CappedPaginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    ranking = list(
        scoped(selectors.ranking(program, year), request.user).select_related(
            "enterprise", "person", "cooperative"
        )[:200]
    )
    places, budget = services.places_left(program, year)
    context = {
        "nav": NAV,
        "program": program,
        "year": year,
        "criteria": [(lib_label(c.key), c.params) for c in program.current_criteria()],
        "filter_form": form,
        "page_obj": page,
        "ranking": ranking,
        "places_left": places,
        "budget_left": budget,
        "counts": _labelled(figures.state_counts(program_ids=[program.pk], year=year)).get(program.pk, {}),
        "can_edit": can_edit_model(request.user, Program),
        "flags": selectors.flags(program) if program.kind == Kind.VOUCHER else [],
        "locked_vouchers": selectors.locked_vouchers(program) if program.kind == Kind.VOUCHER else [],
    }
    return render(request, "programs/program_detail.html", context)


def lib_label(key: str) -> str:
    from .criteria import LIBRARY

    return str(LIBRARY[key].label) if key in LIBRARY else key


@require_POST
def program_bulk_approve(request, pk):
    program = get_for_user(request.user, Program, pk)
    _need_editor(request.user)
    year = _year(request)
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    if request.POST.get("all"):
        ids = list(scoped(selectors.ranking(program, year), request.user).values_list("pk", flat=True))
    if not ids:
        messages.error(request, _("Pilih pengajuan yang akan disetujui."))
        return redirect("programs:detail", pk=program.pk)
    try:
        result = services.applications_approve(
            actor=request.user, program=program, ids=ids, year=year, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(approved)s disetujui, %(waitlisted)s masuk daftar tunggu, %(skipped)s dilewati (R36).")
            % result,
        )
    return redirect("programs:detail", pk=program.pk)


# --- Applications --------------------------------------------------------------------------------------


def application_create(request):
    """Staff take an application on an owner's behalf, from the enterprise (?usaha=), person (?orang=) or
    cooperative (?koperasi=)."""
    _need_editor(request.user)
    enterprise = person = cooperative = None
    if request.GET.get("koperasi"):
        cooperative = get_for_user(request.user, Cooperative, request.GET["koperasi"])
    elif request.GET.get("usaha"):
        enterprise = get_for_user(
            request.user, Enterprise.objects.select_related("owner"), request.GET["usaha"]
        )
    elif request.GET.get("orang"):
        person = get_for_user(request.user, Person, request.GET["orang"])
    else:
        messages.info(request, _("Buka halaman usaha, orang atau koperasi, lalu pilih Ajukan program."))
        return redirect("programs:list")
    form = ApplicationForm(
        request.POST or None,
        target=Target.COOPERATIVE if cooperative else Target.ENTERPRISE if enterprise else Target.PERSON,
        initial={"program": request.GET.get("program")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                actor=request.user,
                program=form.cleaned_data["program"],
                enterprise=enterprise,
                person=person,
                cooperative=cooperative,
                declarations=form.declarations(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Draf pengajuan dibuat: periksa kriteria dan unggah dokumen."))
            return redirect("programs:application", pk=application.pk)
    context = {"nav": NAV, "form": form, "subject": enterprise or cooperative or person}
    return render(request, "programs/application_form.html", context)


def application_detail(request, pk):
    application = get_for_user(
        request.user,
        Application.objects.select_related(
            "program", "enterprise", "person", "cooperative", "kelurahan", "proposed_by", "verified_by"
        ),
        pk,
    )
    personal = request.user.sees_personal_data
    nik = application.person.nik if application.person else ""
    if personal and application.person_id:  # R46: the applicant's unmasked NIK is on this page
        personal_data_logged(
            actor=request.user, model=Application, shown=[(application.pk, application.person_id)], note=""
        )
    editable = can_edit_model(request.user, Application)
    context = {
        "nav": NAV,
        "a": application,
        "nik": nik if personal or not nik else mask_nik(nik),
        "actions": [
            a
            for a in ACTIONS.get(application.state, ())
            if editable and (a != "disburse" or application.program.kind in (Kind.CASH, Kind.CREDIT_SUBSIDY))
        ],
        "transitions": application.transitions.select_related("actor"),
        "documents": application.documents.all(),
        "missing_documents": [
            d
            for d in application.program.required_documents
            if d.lower() not in services.subject_of(application).documents
        ],
        "visits": application.visits.select_related("officer"),
        "entitlement": getattr(application, "entitlement", None),
        "vouchers": application.vouchers.all(),
        "can_edit": editable,
        "document_form": DocumentForm(),
        "declaration_form": DeclarationForm(initial=DeclarationForm.initial_from(application.declarations)),
        "can_declare": editable and application.state in (State.DRAFT, State.SUBMITTED),
        "reason_form": ReasonForm(),
        "assign_form": VisitAssignForm(initial={"due_on": timezone.localdate()}),
        "disburse_form": DisburseForm(
            initial={"amount": application.amount, "paid_on": timezone.localdate()}
        ),
        "award_form": AwardForm(),
    }
    return render(request, "programs/application_detail.html", context)


@require_POST
def application_declarations(request, pk):
    """The applicant's declarations (no registry holds them, e.g. an active bank loan), re-checked at once."""
    application = get_for_user(request.user, Application, pk, for_edit=True)
    form = DeclarationForm(request.POST)
    if form.is_valid() and application.state in (State.DRAFT, State.SUBMITTED):
        services.application_reevaluate(
            actor=request.user, application=application, declarations=form.declarations()
        )
        messages.success(request, _("Pernyataan tersimpan; syarat diperiksa ulang."))
    else:
        messages.error(request, _("Pernyataan hanya dapat diubah sebelum verifikasi."))
    return redirect("programs:application", pk=application.pk)


@require_POST
def application_document(request, pk):
    application = get_for_user(request.user, Application, pk, for_edit=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.document_add(actor=request.user, application=application, **form.cleaned_data)
        messages.success(request, _("Dokumen diunggah."))
    else:
        messages.error(request, _("Pilih nama dan berkas dokumen."))
    return redirect("programs:application", pk=application.pk)


# Each transition button: action -> service (with a reason).
TRANSITIONS = {
    "submit": services.application_submit,
    "verify": services.application_verify,
    "approve": services.application_approve,
    "waitlist": services.application_waitlist,
    "reject": services.application_reject,
    "withdraw": services.application_withdraw,
    "close": services.application_close,
}


@require_POST
def application_transition(request, pk, action):
    application = get_for_user(request.user, Application, pk, for_edit=True)
    code = None
    try:
        if action in TRANSITIONS:
            TRANSITIONS[action](
                actor=request.user, application=application, reason=request.POST.get("reason", "")
            )
        elif action == "award":
            form = AwardForm(request.POST, request.FILES)
            if not form.is_valid():
                raise ValidationError(_("Periksa isian penyerahan."))
            _app, code = services.application_award(
                actor=request.user, application=application, data=form.cleaned_data
            )
        elif action == "disburse":
            form = DisburseForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Isi nilai, tanggal, saluran dan nomor referensi pencairan."))
            services.entitlement_disburse(actor=request.user, application=application, **form.cleaned_data)
        elif action == "assign":
            form = VisitAssignForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Pilih petugas dan tanggal kunjungan."))
            services.visit_assign(actor=request.user, application=application, **form.cleaned_data)
        else:
            raise PermissionDenied
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("programs:application", pk=application.pk)
    if code:
        # The code exists only now (R33: stored hashed): the card is shown once, to print.
        request.session["voucher_code"] = code
        return redirect("programs:voucher_card", pk=application.pk)
    messages.success(request, _("Status pengajuan diperbarui."))
    return redirect("programs:application", pk=application.pk)


def voucher_card(request, pk):
    import segno

    application = get_for_user(
        request.user, Application.objects.select_related("program", "person"), pk, for_edit=True
    )
    code = request.session.pop("voucher_code", None)
    voucher = application.vouchers.order_by("-created_at").first()
    if code is None or voucher is None:
        messages.info(
            request,
            _("Kartu voucher hanya dapat dicetak sekali, saat diterbitkan. Terbitkan ulang bila hilang."),
        )
        return redirect("programs:application", pk=application.pk)
    context = {
        "nav": NAV,
        "a": application,
        "voucher": voucher,
        "code": code,
        "qr": segno.make(code, error="m").svg_data_uri(scale=5),
    }
    return render(request, "programs/voucher_card.html", context)


@require_POST
def voucher_reissue(request, pk):
    application = get_for_user(request.user, Application, pk, for_edit=True)
    voucher = application.vouchers.filter(status="issued").first()
    if voucher is None:
        messages.error(request, _("Tidak ada voucher berlaku untuk diterbitkan ulang."))
        return redirect("programs:application", pk=application.pk)
    _new, code = services.voucher_reissue(
        actor=request.user, voucher=voucher, reason=request.POST.get("reason", "")
    )
    request.session["voucher_code"] = code
    return redirect("programs:voucher_card", pk=application.pk)


# --- Visits --------------------------------------------------------------------------------------------


def visit_list(request):
    """The signed-in officer's visits (everyone's for staff), overdue first."""
    visits = scoped(
        Visit.objects.filter(done_on__isnull=True).select_related(
            "application__program", "application__enterprise", "application__person", "officer"
        ),
        request.user,
    ).order_by("due_on")
    if request.GET.get("terlambat"):
        visits = visits.filter(due_on__lt=timezone.localdate())
    page = CappedPaginator(visits, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "page_obj": page,
        "today": timezone.localdate(),
        "by_officer": selectors.overdue_by_officer(),
    }
    return render(request, "programs/visit_list.html", context)


def visit_record(request, pk):
    visit = get_for_user(
        request.user, Visit.objects.select_related("application__program"), pk, for_edit=True
    )
    form = VisitForm(
        request.POST or None,
        request.FILES or None,
        purpose=visit.purpose,
        initial={"done_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(actor=request.user, visit=visit, data=form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Hasil kunjungan tersimpan."))
            return redirect("programs:visits")
    context = {
        "nav": NAV,
        "form": form,
        "visit": visit,
        "a": visit.application,
        "monitoring": visit.purpose == VisitPurpose.MONITORING,
    }
    return render(request, "programs/visit_form.html", context)


# --- Outreach and report ------------------------------------------------------------------------------


def outreach(request, pk):
    """Registry entries eligible (or not yet decidable) that have not applied, by kelurahan (issue 5.8)."""
    program = get_for_user(request.user, Program, pk)
    base, _on = selectors.registry_of(program)
    queryset = selectors.outreach(program, queryset=scoped(base, request.user))
    if request.GET.get("kelurahan"):
        queryset = queryset.filter(kelurahan__code__startswith=request.GET["kelurahan"])
    related = ("owner", "kelurahan") if program.target == Target.ENTERPRISE else ("kelurahan",)
    queryset = queryset.select_related(*related).order_by("kelurahan__code", "name")
    if request.GET.get("format") == "xlsx":
        return _outreach_export(request, program, queryset)
    page = CappedPaginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "nav": NAV,
        "program": program,
        "page_obj": page,
        "by_kelurahan": figures.outreach_by_kelurahan(queryset),
        "is_enterprise": program.target == Target.ENTERPRISE,
        "apply_param": {Target.ENTERPRISE: "usaha", Target.COOPERATIVE: "koperasi"}.get(
            program.target, "orang"
        ),
    }
    return render(request, "programs/outreach.html", context)


def _kel(row) -> str:
    return row.kelurahan.name if row.kelurahan_id else ""


def _outreach_rows(queryset, personal: bool):
    for row in queryset.iterator(chunk_size=2000):
        if isinstance(row, Cooperative):  # a legal body: its contact, no NIK
            yield [row.name, row.contact_person, "", row.phone if personal else "", row.address, _kel(row)]
            continue
        person = getattr(row, "owner", row)
        yield [
            row.name,
            person.name,
            person.nik if personal else mask_nik(person.nik),
            (row.phone or person.phone) if personal else "",
            row.address if personal else "",
            _kel(row),
        ]


def _outreach_export(request, program, queryset):
    audit_log(
        actor=request.user,
        action=Action.EXPORT,
        obj=type(queryset.model()),
        object_repr=f"outreach {program.code}",
    )
    return table_download(
        "xlsx",
        columns=[_("Nama"), _("Pemilik"), _("NIK"), _("Telepon"), _("Alamat"), _("Kelurahan")],
        rows=_outreach_rows(queryset, request.user.sees_personal_data),
        name=f"jangkauan-{program.code}",
        sheet=_("Belum mengajukan"),
        stamped=False,
    )


def program_report(request, pk):
    program = get_for_user(request.user, Program, pk)
    year = _year(request)
    report = figures.program_report(program, year=year)
    if request.GET.get("format") == "xlsx":
        audit_log(
            actor=request.user,
            action=Action.EXPORT,
            obj=program,
            object_repr=f"laporan {program.code} {year}",
        )
        return workbook_download(
            figures.report_workbook(report), filename=f"laporan-{program.code}-{year}.xlsx"
        )
    return render(
        request, "programs/report.html", {"nav": NAV, "program": program, "year": year, "r": report}
    )


def fee_waiver_letter(request, pk):
    """The numbered fee-waiver letter (R31), one mark per letter, dated in the filing year: a printable
    page, and the same letter as a PDF (``?format=pdf``, LibreOffice) or DOCX (``?format=docx``)."""
    application = get_for_user(
        request.user,
        Application.objects.select_related("program", "person", "enterprise", "cooperative", "entitlement"),
        pk,
    )
    entitlement = getattr(application, "entitlement", None)
    if entitlement is None or not entitlement.letter_number:
        messages.info(request, _("Pengajuan ini belum memiliki surat bernomor."))
        return redirect("programs:application", pk=application.pk)
    kind = request.GET.get("format")
    if kind in LETTER_TYPES:
        try:
            content = letters.letter_pdf(application) if kind == "pdf" else letters.letter_docx(application)
        except letters.LetterError as error:
            messages.error(request, _("PDF surat tidak dapat dibuat: %(why)s") % {"why": error})
            return redirect("programs:letter", pk=application.pk)
        audit_log(
            actor=request.user,
            action=Action.EXPORT,
            obj=application,
            person_id=application.person_id,
            object_repr=f"surat {entitlement.letter_number} ({kind})",
        )
        response = HttpResponse(content, content_type=LETTER_TYPES[kind])
        response["Content-Disposition"] = (
            f'attachment; filename="{letters.letter_filename(application, kind)}"'
        )
        return response
    context = {"nav": NAV, "a": application, "letter": entitlement}
    return render(request, "programs/letter.html", context)


LETTER_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@require_POST
def voucher_otp(request, pk):
    """A one-time code for the recipient (R33), shown once to the clerk, who sends it to the recipient's
    phone; the partner asks the recipient for it instead of the NIK digits."""
    application = get_for_user(request.user, Application, pk, for_edit=True)
    voucher = application.vouchers.filter(status="issued").first()
    if voucher is None:
        messages.error(request, _("Tidak ada voucher berlaku."))
    else:
        otp = services.voucher_otp_issue(actor=request.user, voucher=voucher)
        messages.info(request, _("Kode sekali pakai: %(otp)s. Kirimkan ke telepon penerima.") % {"otp": otp})
    return redirect("programs:application", pk=application.pk)
