"""Staff side of the portal (login required): the queue of what citizens sent, and catalogue consent."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.koperasi.models import Cooperative
from berdaya.lib.forms import add_service_error
from berdaya.lib.masking import mask_nik, mask_phone
from berdaya.naker.models import JobSeeker
from berdaya.privacy.models import Channel, Purpose
from berdaya.privacy.services import current_text
from berdaya.umkm.models import Enterprise

from . import services
from .forms import AnswerForm, ForwardForm, JobSeekerCompleteForm, ListingForm
from .models import OPEN_STATUSES, Kind, Listing, Submission, SubmissionStatus
from .selectors import live_listings


def queue(request):
    rows = scoped(Submission.objects.select_related("program", "kecamatan"), request.user)
    kind = request.GET.get("jenis", "")
    state = request.GET.get("status", "terbuka")
    if kind in Kind.values:
        rows = rows.filter(kind=kind)
    if state == "terbuka":
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif state in SubmissionStatus.values:
        rows = rows.filter(status=state)
    page = Paginator(rows.order_by("due_at", "id"), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/staff/queue.html",
        {
            "page_obj": page,
            "kinds": Kind.choices,
            "statuses": SubmissionStatus.choices,
            "kind": kind,
            "state": state,
            "now": timezone.now(),
            "nav": "portal",
        },
    )


def detail(request, pk: int):
    submission = get_for_user(request.user, Submission.objects.select_related("program", "application"), pk)
    # A job seeker's pre-registration is labour data: manpower staff see it as they see job seekers (R45).
    job_seeker = submission.kind == Kind.JOB_SEEKER
    sees = request.user.sees_personal_data or (job_seeker and request.user.sees_labour_data)
    if sees:
        services.submission_record_view(actor=request.user, submission=submission)
    enterprises = []
    if submission.kind == Kind.APPLICATION and submission.nik:
        enterprises = list(scoped(Enterprise.objects.filter(owner__nik=submission.nik), request.user))
    return render(
        request,
        "portal/staff/detail.html",
        {
            "submission": submission,
            "nik": submission.nik if sees else mask_nik(submission.nik),
            "phone": submission.phone if sees else mask_phone(submission.phone),
            "answer_form": AnswerForm(
                initial={"status": submission.status, "public_answer": submission.public_answer}
            ),
            "forward_form": ForwardForm(enterprises=enterprises),
            "jobseeker_form": JobSeekerCompleteForm() if job_seeker else None,
            "can_make_card": job_seeker and can_edit_model(request.user, JobSeeker),
            "can_edit": can_edit_model(request.user, Submission),
            "privacy_tickets": services.privacy_tickets_available(),
            "now": timezone.now(),
            "nav": "portal",
        },
    )


@require_POST
def answer(request, pk: int):
    submission = get_for_user(request.user, Submission, pk, for_edit=True)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.submission_answer(actor=request.user, submission=submission, **form.cleaned_data)
            messages.success(request, _("Status kiriman disimpan."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Pilih status yang benar."))
    return redirect("portal_staff:detail", pk=pk)


@require_POST
def forward(request, pk: int):
    submission = get_for_user(request.user, Submission, pk)
    if submission.kind == Kind.JOB_SEEKER:
        # The write that matters is the AK/1 card: naker's access policy says who makes one.
        if not can_edit_model(request.user, JobSeeker):
            raise PermissionDenied
        return _register_job_seeker(request, submission)
    submission = get_for_user(request.user, Submission, pk, for_edit=True)
    if submission.kind == Kind.DATA_REQUEST:
        try:
            services.submission_forward_data_request(actor=request.user, submission=submission)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("portal_staff:detail", pk=pk)
        messages.success(request, _("Tiket permintaan data pribadi dibuka di modul privasi."))
        return redirect("portal_staff:detail", pk=pk)
    if submission.kind == Kind.REGISTRATION:
        try:
            services.submission_register(actor=request.user, submission=submission)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("portal_staff:detail", pk=pk)
        messages.success(request, _("Peserta didaftarkan di kegiatan."))
        return redirect("portal_staff:detail", pk=pk)
    enterprises = scoped(Enterprise.objects.filter(owner__nik=submission.nik), request.user)
    form = ForwardForm(request.POST, enterprises=list(enterprises))
    if form.is_valid():
        enterprise = (
            enterprises.filter(pk=form.cleaned_data["enterprise"]).first()
            if form.cleaned_data["enterprise"]
            else None
        )
        try:
            application = services.submission_forward(
                actor=request.user, submission=submission, enterprise=enterprise
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("portal_staff:detail", pk=pk)
        messages.success(request, _("Pengajuan dibuat di program; lanjutkan verifikasi di sana."))
        return redirect("programs:application", pk=application.pk)
    messages.error(request, _("Pilih usaha pemohon."))
    return redirect("portal_staff:detail", pk=pk)


def _register_job_seeker(request, submission):
    """The counter completes an AK/1 pre-registration into a card, through naker's service (R52)."""
    form = JobSeekerCompleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih kelurahan dari daftar."))
        return redirect("portal_staff:detail", pk=submission.pk)
    try:
        job_seeker = services.submission_register_job_seeker(
            actor=request.user, submission=submission, kelurahan=form.cleaned_data["kelurahan"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("portal_staff:detail", pk=submission.pk)
    messages.success(request, _("Kartu AK/1 dibuat: %(number)s.") % {"number": job_seeker.card_number})
    return redirect("portal_staff:detail", pk=submission.pk)


def listings(request):
    rows = scoped(Listing.objects.select_related("enterprise", "cooperative"), request.user)
    show = request.GET.get("tampil", "aktif")
    live = live_listings().values("pk")
    if show == "aktif":
        rows = rows.filter(pk__in=live)
    elif show == "dicabut":
        rows = rows.exclude(pk__in=live)
    form = ListingForm(request.POST or None)
    if request.method == "POST":
        if not can_edit_model(request.user, Listing):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            enterprise = cooperative = None
            if data["enterprise_id"]:
                enterprise = scoped(Enterprise.objects.filter(pk=data["enterprise_id"]), request.user).first()
            else:
                cooperative = scoped(
                    Cooperative.objects.filter(pk=data["cooperative_id"]), request.user
                ).first()
            if enterprise is None and cooperative is None:
                form.add_error(None, _("Data usaha atau koperasi dengan nomor itu tidak ditemukan."))
            else:
                try:
                    services.listing_publish(
                        actor=request.user,
                        enterprise=enterprise,
                        cooperative=cooperative,
                        channel=data["channel"],
                        giver_name=data["giver_name"],
                        photos=data["photos"],
                        display_name=data["display_name"],
                        description=data["description"],
                        public_phone=data["public_phone"],
                        whatsapp=data["whatsapp"],
                        marketplace_links=data["links"],
                    )
                    messages.success(request, _("Persetujuan dicatat; usaha tampil di katalog."))
                    return redirect("portal_staff:listings")
                except ValidationError as error:
                    add_service_error(form, error)
    page = Paginator(rows.order_by("display_name", "id"), 25).get_page(request.GET.get("page"))
    text = current_text(Purpose.CATALOGUE)
    return render(
        request,
        "portal/staff/listings.html",
        {
            "page_obj": page,
            "live": set(live_listings().filter(pk__in=[row.pk for row in page]).values_list("pk", flat=True)),
            "channels": [c for c in Channel.choices if c[0] != Channel.PORTAL],
            "form": form,
            "show": show,
            "consent_text": text.body if text else "",
            "consent_version": text.version if text else "",
            "can_edit": can_edit_model(request.user, Listing),
            "nav": "portal",
        },
    )


@require_POST
def listing_withdraw(request, pk: int):
    listing = get_for_user(request.user, Listing, pk, for_edit=True)
    try:
        channel = request.POST.get("channel", Channel.IN_PERSON)
        services.listing_withdraw(
            actor=request.user,
            listing=listing,
            channel=channel if channel in Channel.values else Channel.IN_PERSON,
        )
        messages.success(request, _("Persetujuan dicabut; usaha tidak lagi tampil di katalog."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("portal_staff:listings")
