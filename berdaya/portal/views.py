"""The public portal: pages anonymous citizens may open. Every view here is
``login_not_required`` (the only ones in the product besides the login page and the language switch) and
reads through ``selectors`` only, which hand out public fields and nothing else (R53).
"""

from __future__ import annotations

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from berdaya.programs.services import program_rules

from . import abuse, eligibility, opendata, selectors, services
from .forms import (
    ApplyForm,
    CatalogueFilterForm,
    ComplaintForm,
    DataRequestForm,
    JobSeekerPreForm,
    LinkCodeForm,
    LinkRequestForm,
    TrackForm,
    VoucherForm,
    answers_of,
    eligibility_form,
)
from .models import Kind


def _too_many(request):
    return render(request, "portal/too_many.html", status=429)


@login_not_required
def home(request):
    return render(request, "portal/home.html", {"nav": "home"})


# --- Catalogue --------------------------------------------------------------------------------------


@login_not_required
def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listings = selectors.catalogue(
        q=filters.get("q", ""), sector=filters.get("sektor", ""), kecamatan=filters.get("kecamatan", "")
    )
    page = Paginator(listings, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "listings": selectors.describe(page.object_list),
        "nav": "produk",
    }
    template = (
        "portal/_catalogue_results.html" if request.headers.get("HX-Request") else "portal/catalogue.html"
    )
    return render(request, template, context)


@login_not_required
def listing_detail(request, pk: int):
    public = selectors.listing(pk)
    if public is None:
        raise Http404
    return render(request, "portal/listing.html", {"listing": public, "nav": "produk"})


@login_not_required
def product_detail(request, pk: int):
    found = selectors.product(pk)
    if found is None:
        raise Http404
    product, listing = found
    image = (
        request.build_absolute_uri(reverse("portal:product_photo", args=[pk])) if product.has_photo else ""
    )
    return render(
        request,
        "portal/product.html",
        {"product": product, "listing": listing, "og_image": image, "nav": "produk"},
    )


@login_not_required
def product_photo(request, pk: int):
    photo = selectors.product_photo(pk)
    if photo is None:
        raise Http404
    response = FileResponse(photo.open("rb"))
    response["Cache-Control"] = "public, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Programs, eligibility, applying (R52) ------------------------------------------------------------


@login_not_required
def programs(request):
    items = list(selectors.open_programs())
    return render(
        request,
        "portal/programs.html",
        {
            "programs": [(p, selectors.program_accepts_citizens(p)) for p in items],
            "nav": "program",
        },
    )


def _program_or_404(code: str):
    program = selectors.open_program(code)
    if program is None:
        raise Http404
    return program


@login_not_required
@require_http_methods(["GET", "POST"])
def program_detail(request, code: str):
    """The program in plain words and its "Cek kelayakan": questions only for the program's criteria."""
    program = _program_or_404(code)
    rules = program_rules(program)
    questions = eligibility.questions(rules)
    form = eligibility_form(questions, request.POST or None)
    result = None
    if request.method == "POST":
        if abuse.over_limit(request, "check"):
            return _too_many(request)
        if form.is_valid():
            answers = answers_of(form)
            verdicts, overall = eligibility.check(rules, answers)
            result = {"verdicts": verdicts, "overall": overall, "answers": answers}
    conditions = [eligibility.PLAIN_LABELS.get(key, _("Diperiksa petugas")) for key, _params in rules]
    return render(
        request,
        "portal/program.html",
        {
            "program": program,
            "accepts": selectors.program_accepts_citizens(program),
            "conditions": conditions,
            "form": form,
            "result": result,
            "apply_form": ApplyForm(),
            "nav": "program",
        },
    )


@login_not_required
@require_POST
def program_apply(request, code: str):
    """Apply with NIK and phone; the answers of the check ride along. Nothing is decided here (R52)."""
    program = _program_or_404(code)
    if not selectors.program_accepts_citizens(program):
        raise Http404
    questions = eligibility.questions(program_rules(program))
    check_form = eligibility_form(questions, request.POST)
    answers = answers_of(check_form) if check_form.is_valid() else {}
    if "nik" not in request.POST:  # arriving from the check's result: show the details form
        form = ApplyForm()
    else:
        if abuse.over_limit(request, "apply"):
            return _too_many(request)
        form = ApplyForm(request.POST)
        if form.is_valid():
            submission = services.submission_create(
                kind=Kind.APPLICATION, data=form.cleaned_data, program=program, answers=answers
            )
            return redirect("portal:status", code=submission.code)
    return render(
        request,
        "portal/apply.html",
        {"program": program, "form": form, "answers": answers, "nav": "program"},
    )


# --- Events open for registration (training) ---------------------------------------------------------


@login_not_required
def events(request):
    return render(request, "portal/events.html", {"events": selectors.open_events(), "nav": "kegiatan"})


@login_not_required
@require_http_methods(["GET", "POST"])
def event_detail(request, pk: int):
    """An open event and its registration form (NIK, phone); staff confirm before a place is taken (R52)."""
    event = selectors.open_event(pk)
    if event is None:
        raise Http404
    form = ApplyForm(request.POST or None)
    form.fields.pop("business_name")
    if request.method == "POST":
        if abuse.over_limit(request, "apply"):
            return _too_many(request)
        if form.is_valid():
            submission = services.submission_create(
                kind=Kind.REGISTRATION, data=form.cleaned_data, event=selectors.event_record(pk)
            )
            return redirect("portal:status", code=submission.code)
    return render(request, "portal/event.html", {"event": event, "form": form, "nav": "kegiatan"})


@login_not_required
def vacancies(request):
    return render(
        request, "portal/vacancies.html", {"vacancies": selectors.open_vacancies(), "nav": "kegiatan"}
    )


# --- Tracking ----------------------------------------------------------------------------------------


@login_not_required
def track(request):
    form = TrackForm(request.GET or None)
    if request.GET:
        if abuse.over_limit(request, "lookup"):
            return _too_many(request)
        if form.is_valid():
            return redirect("portal:status", code=form.cleaned_data["kode"])
    return render(request, "portal/track.html", {"form": form, "nav": "status"})


@login_not_required
def status(request, code: str):
    if abuse.over_limit(request, "lookup"):
        return _too_many(request)
    found = selectors.submission_status(code)
    if found is None:
        raise Http404
    response = render(request, "portal/status.html", {"status": found, "nav": "status"})
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


# --- Verification -------------------------------------------------------------------------------------


@login_not_required
def verify(request):
    return render(request, "portal/verify.html", {"nav": "cek"})


@login_not_required
def verify_certificate(request):
    """A typed certificate code goes to training's own public check page (R50: name masked there)."""
    from berdaya.training.services import normalize_token

    code = normalize_token(request.GET.get("kode", ""))
    if code:
        if abuse.over_limit(request, "lookup"):
            return _too_many(request)
        return redirect("training_public:verify", code=code)
    return render(request, "portal/verify_certificate.html", {"nav": "cek"})


@login_not_required
def verify_voucher(request):
    form = VoucherForm(request.GET or None)
    result = None
    if request.GET:
        if abuse.over_limit(request, "lookup"):
            return _too_many(request)
        if form.is_valid():
            result = selectors.voucher_check(form.cleaned_data["kode"]) or "unknown"
    response = render(request, "portal/verify_voucher.html", {"form": form, "result": result, "nav": "cek"})
    response["Cache-Control"] = "no-store"
    return response


# --- Complaints and personal-data requests (R47) -------------------------------------------------------


def _submission_form(request, form_class, *, kind, scope, template):
    form = form_class(request.POST or None)
    if request.method == "POST":
        if abuse.over_limit(request, scope):
            return _too_many(request)
        if form.is_valid():
            submission = services.submission_create(kind=kind, data=form.cleaned_data)
            return redirect("portal:status", code=submission.code)
    return render(request, template, {"form": form, "nav": "aduan"})


@login_not_required
@require_http_methods(["GET", "POST"])
def complaint(request):
    return _submission_form(
        request, ComplaintForm, kind=Kind.COMPLAINT, scope="complaint", template="portal/complaint.html"
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def data_request(request):
    return _submission_form(
        request,
        DataRequestForm,
        kind=Kind.DATA_REQUEST,
        scope="data_request",
        template="portal/data_request.html",
    )


# --- Open data (R53) ---------------------------------------------------------------------------------


@login_not_required
def open_data(request):
    return render(request, "portal/open_data.html", {"datasets": opendata.DATASETS, "nav": "data"})


def _table(request, slug: str):
    if slug not in opendata.DATASETS:
        raise Http404
    years = opendata.years()
    try:
        year = int(request.GET.get("tahun", years[0]))
    except ValueError:
        year = years[0]
    if year not in years:
        year = years[0]
    return opendata.DATASETS[slug][1](year), years


@login_not_required
def dataset(request, slug: str):
    table, years = _table(request, slug)
    return render(request, "portal/dataset.html", {"table": table, "years": years, "nav": "data"})


@login_not_required
def dataset_csv(request, slug: str):
    table, _years = _table(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{table.year}.csv"'
    records = opendata.as_records(table)
    writer = csv.DictWriter(response, fieldnames=list(records[0]) if records else ["kode_kecamatan"])
    writer.writeheader()
    writer.writerows(records)
    return response


@login_not_required
def dataset_json(request, slug: str):
    table, _years = _table(request, slug)
    return JsonResponse(
        {"metadata": table.metadata(), "data": opendata.as_records(table)},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )


@login_not_required
def dataset_metadata(request, slug: str):
    table, _years = _table(request, slug)
    return HttpResponse(
        json.dumps(table.metadata(), ensure_ascii=False, indent=1), content_type="application/json"
    )


# --- AK/1 pre-registration (R52) ----------------------------------------------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def jobseeker_preregister(request):
    """A job seeker pre-registers from home; staff make the AK/1 card at the counter after checking the
    KTP (R52: nothing is decided on what was typed here)."""
    form = JobSeekerPreForm(request.POST or None)
    if request.method == "POST":
        if abuse.over_limit(request, "jobseeker"):
            return _too_many(request)
        if form.is_valid():
            submission = services.submission_create(
                kind=Kind.JOB_SEEKER, data=form.cleaned_data, answers=form.answers()
            )
            return redirect("portal:status", code=submission.code)
    return render(request, "portal/jobseeker.html", {"form": form, "nav": "kegiatan"})


# --- "See who used my data" (R46) and the owner's own consent (R44) -----------------------------------
# A one-time link or code (privacy.identity) opens a short session for one person: the session holds only
# that person's id and an end time, and a new link replaces it. Pages are never cached.

MY_SESSION = "portal_saya"
MY_PAGE_SIZE = 50


def _private(response):
    response["Cache-Control"] = "no-store"
    # Not "no-referrer": Chromium then sends "Origin: null" with the page's forms and CSRF refuses them.
    # Same-origin keeps the one-time code in the address out of any other site's logs all the same.
    response["Referrer-Policy"] = "same-origin"
    return response


def _my_person(request) -> int | None:
    """The person who proved who they are in this browser, while the session lasts (R46)."""
    import time

    held = request.session.get(MY_SESSION)
    if not held or held.get("until", 0) <= time.time():
        request.session.pop(MY_SESSION, None)
        return None
    return held["person"]


def _open_session(request, person_id: int) -> None:
    import time

    from berdaya.privacy.rules import link_lifetime

    request.session.cycle_key()  # a fresh session id: nobody who knew the old one follows in
    request.session[MY_SESSION] = {
        "person": person_id,
        "until": time.time() + link_lifetime("sesi").total_seconds(),
    }


def _spend(request, code: str):
    from berdaya.privacy.identity import link_open

    person_id = link_open(code=code)
    if person_id is None:
        request.session.pop(MY_SESSION, None)
        return _private(render(request, "portal/my_data_invalid.html", {"nav": "saya"}, status=410))
    _open_session(request, person_id)
    return redirect("portal:my_data")


@login_not_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """Who viewed, exported or changed my record (R46), and my catalogue consent (R44) — once a one-time
    link proved who I am; before that, how to get one (the counter's code, or a link to my phone)."""
    person_id = _my_person(request)
    if person_id is None:
        code_form = LinkCodeForm(request.POST or None)
        if request.method == "POST":
            if abuse.over_limit(request, "identity_open"):
                return _too_many(request)
            if code_form.is_valid():
                return _spend(request, code_form.cleaned_data["kode"])
        context = {"code_form": code_form, "send_form": LinkRequestForm(), "nav": "saya"}
        return _private(render(request, "portal/my_data_start.html", context))
    page = Paginator(selectors.uses_of_my_data(person_id), MY_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "uses": selectors.describe_uses(page.object_list),
        "businesses": selectors.my_businesses(person_id),
        "first_name": selectors.person_first_name(person_id),
        "nav": "saya",
    }
    return _private(render(request, "portal/my_data.html", context))


@login_not_required
@require_POST
def my_data_send(request):
    """Send a one-time link to the phone on record. The answer is the same whether or not the NIK and
    number matched, so the page tells nobody who is registered."""
    import hashlib

    from berdaya.privacy.identity import link_send

    form = LinkRequestForm(request.POST)
    if abuse.over_limit(request, "identity_send"):
        return _too_many(request)
    if not form.is_valid():
        context = {"code_form": LinkCodeForm(), "send_form": form, "nav": "saya"}
        return _private(render(request, "portal/my_data_start.html", context))
    nik = form.cleaned_data["nik"]
    if abuse.over_limit(request, "identity_send", subject=hashlib.sha256(nik.encode()).hexdigest()):
        return _too_many(request)
    link_send(nik=nik, phone=form.cleaned_data["phone"], base_url=request.build_absolute_uri("/"))
    return _private(render(request, "portal/my_data_sent.html", {"nav": "saya"}))


@login_not_required
@require_http_methods(["GET", "POST"])
def my_data_open(request, code: str):
    """The link from the counter or the phone. Opening it (GET) only asks to continue: a link preview in a
    chat app must not spend it. The button (POST) spends it, once."""
    if request.method == "POST":
        if abuse.over_limit(request, "identity_open"):
            return _too_many(request)
        return _spend(request, code)
    return _private(render(request, "portal/my_data_open.html", {"code": code, "nav": "saya"}))


@login_not_required
@require_POST
def my_data_leave(request):
    request.session.pop(MY_SESSION, None)
    return redirect("portal:my_data")


@login_not_required
@require_POST
def my_data_consent(request, pk: int):
    """The owner gives or withdraws the catalogue consent of their own business (R44); a withdrawal hides
    the listing at once (R53)."""
    person_id = _my_person(request)
    if person_id is None:
        return redirect("portal:my_data")
    if abuse.over_limit(request, "consent"):
        return _too_many(request)
    enterprise = selectors.my_business_record(person_id, pk)
    if enterprise is None:
        raise Http404
    if request.POST.get("setuju") == "ya":
        services.listing_consent_by_owner(enterprise=enterprise, photos=request.POST.get("foto") == "ya")
        messages.success(request, _("Terima kasih. Usaha Anda tampil di katalog."))
    else:
        services.listing_withdraw_by_owner(enterprise=enterprise)
        messages.success(request, _("Persetujuan dicabut. Usaha Anda tidak tampil lagi di katalog."))
    return redirect(reverse("portal:my_data") + "#usaha")
