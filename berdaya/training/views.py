"""Staff pages of the events module: plan, invite fairly, register, check in on a phone, certificates,
follow-ups, coverage. Registry data only through scoped()/get_for_user() (style.md 6)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.jobs.services import job_start
from berdaya.lib.export import table_download
from berdaya.lib.forms import add_service_error
from berdaya.lib.pagination import CappedPaginator

from . import documents, selectors, services
from .forms import (
    AssignForm,
    DocumentForm,
    EventFilterForm,
    EventForm,
    FollowUpForm,
    InviteForm,
    ParticipantFilterForm,
    QuotaForm,
    ReasonForm,
    RegisterForm,
    WalkInForm,
)
from .jobs import JOB_KIND
from .models import (
    Certificate,
    CheckIn,
    Event,
    FollowUp,
    FollowUpState,
    Participant,
    Session,
    Status,
)
from .rules import follow_up_state

PAGE_SIZE = 25
EXPORT_FORMATS = ["xlsx", "csv"]
NAV = "training"
SORTS = {"starts_on": "starts_on", "-starts_on": "-starts_on", "title": "title", "-title": "-title"}


def _need_editor(user, model=Event):
    if not can_edit_model(user, model):
        raise PermissionDenied


# --- Events ---------------------------------------------------------------------------------------------


def _events(request):
    form = EventFilterForm(request.GET or None)
    queryset = scoped(Event.objects.all(), request.user)
    filtered = False
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            queryset = queryset.filter(Q(title__icontains=data["q"]) | Q(venue__icontains=data["q"]))
        for name in ("kind", "division", "status"):
            if data[name]:
                queryset = queryset.filter(**{name: data[name]})
        if data["year"]:
            queryset = queryset.filter(starts_on__year=data["year"])
        filtered = any(v not in (None, "") for v in data.values())
    sort = request.GET.get("sort", "-starts_on")
    return form, queryset.order_by(SORTS.get(sort, "-starts_on"), "-id"), filtered


def event_list(request):
    form, queryset, filtered = _events(request)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        audit_log(actor=request.user, action=Action.EXPORT, obj=Event, note=request.GET.urlencode()[:300])
        counted = queryset.annotate(
            n=Count("participants", filter=Q(participants__status__in=["attended", "completed"]))
        )
        return table_download(
            fmt,
            columns=[
                _("Kode"),
                _("Judul"),
                _("Jenis"),
                _("Bidang"),
                _("Mulai"),
                _("Selesai"),
                _("Tempat"),
                _("Hadir"),
            ],
            rows=(
                [
                    e.code,
                    e.title,
                    e.get_kind_display(),
                    e.get_division_display(),
                    e.starts_on,
                    e.ends_on,
                    e.venue,
                    e.n,
                ]
                for e in counted.iterator()
            ),
            name="kegiatan",
            sheet=_("Kegiatan"),
        )
    page = CappedPaginator(
        queryset.annotate(
            registered=Count("participants", filter=~Q(participants__status="cancelled")),
            took_part=Count("participants", filter=Q(participants__status__in=["attended", "completed"])),
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "training/event_list.html",
        {
            "nav": NAV,
            "filter_form": form,
            "page": page,
            "filtered": filtered,
            "can_create": can_edit_model(request.user, Event),
            "overdue": selectors.overdue_follow_ups().count(),
            "export_formats": EXPORT_FORMATS,
        },
    )


def event_create(request):
    _need_editor(request.user)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, data=form.event_data())
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kegiatan %(code)s direncanakan.") % {"code": event.code})
            return redirect("training:detail", event.pk)
    return render(request, "training/event_form.html", {"nav": NAV, "form": form})


def event_edit(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(
                actor=request.user,
                event=scoped(Event.objects.filter(pk=pk), request.user).get(),
                data=form.event_data(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Kegiatan disimpan."))
            return redirect("training:detail", pk)
    return render(request, "training/event_form.html", {"nav": NAV, "form": form, "event": event})


def event_detail(request, pk):
    event = get_for_user(request.user, Event, pk)
    form = ParticipantFilterForm(request.GET or None)
    participants = scoped(Participant.objects.filter(event=event), request.user).select_related(
        "person", "kecamatan", "enterprise", "cooperative"
    )
    if form.is_valid():
        if form.cleaned_data["q"]:
            q = form.cleaned_data["q"]
            participants = participants.filter(Q(person__name__icontains=q) | Q(token=q.upper()))
        if form.cleaned_data["status"]:
            participants = participants.filter(status=form.cleaned_data["status"])
    participants = participants.order_by("rank", "person__name", "pk")
    if request.GET.get("format") in ("csv", "xlsx"):
        audit_log(actor=request.user, action=Action.EXPORT, obj=Participant, note=event.code)
        counts = services.attendance(event)
        return table_download(
            request.GET["format"],
            columns=[
                _("Nama"),
                _("L/P"),
                _("Kecamatan"),
                _("Peran"),
                _("Status"),
                _("Sesi hadir"),
                _("Alasan"),
            ],
            rows=(
                [
                    p.person.name,
                    p.person.sex,
                    p.kecamatan.name if p.kecamatan else "",
                    p.get_role_display(),
                    p.get_status_display(),
                    counts.get(p.pk, 0),
                    p.reason,
                ]
                for p in participants
            ),  # fmt: skip
            name=f"peserta-{event.code}",
            sheet=_("Peserta"),
        )
    page = CappedPaginator(participants, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = services.attendance(event)
    sessions = list(event.sessions.annotate(n=Count("checkins", filter=Q(checkins__accepted=True))))
    return render(
        request,
        "training/event_detail.html",
        {
            "nav": NAV,
            "event": event,
            "filter_form": form,
            "page": page,
            "attended": counts,
            "sessions": sessions,
            "taken": {Status(k).label: v for k, v in services.places_taken(event).items()},
            "can_edit": can_edit_model(request.user, Event),
            "invite_form": InviteForm(),
            "refused": event.checkins.filter(accepted=False).select_related("participant__person")[:20],
            "document_form": DocumentForm(),
            "quota_form": QuotaForm(),
            "quotas": event.quotas.select_related("kecamatan"),
            "documents": event.documents.all(),
            "certificates": scoped(
                Certificate.objects.filter(participant__event=event), request.user
            ).count(),
            "export_formats": EXPORT_FORMATS,
        },
    )


@require_POST
def event_invite(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            made = services.invitation_propose(
                actor=request.user,
                event=event,
                places=form.cleaned_data["places"],
                seed=form.cleaned_data["seed"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            event.refresh_from_db()
            messages.success(
                request,
                _("%(n)s undangan dibuat dengan benih undian %(seed)s.")
                % {"n": len(made), "seed": event.invitation_seed},
            )
    else:
        messages.error(request, _("Periksa jumlah undangan."))
    return redirect("training:detail", pk)


@require_POST
def event_document(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.document_add(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("Dokumen ditambahkan."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("training:detail", pk)


@require_POST
def event_quota(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    form = QuotaForm(request.POST)
    if form.is_valid():
        services.quota_set(actor=request.user, event=event, **form.cleaned_data)
        messages.success(request, _("Kuota kecamatan disimpan."))
    else:
        messages.error(request, _("Periksa kecamatan dan kuotanya."))
    return redirect("training:detail", pk)


@require_POST
def event_complete(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    result = services.event_complete(actor=request.user, event=event)
    messages.success(
        request,
        _("Kegiatan ditutup: %(completed)s lulus, %(attended)s hadir belum lulus, %(no_show)s tidak hadir; "
          "%(follow_ups)s tindak lanjut terjadwal.") % result,
    )  # fmt: skip
    return redirect("training:detail", pk)


@require_POST
def event_certificates(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    job = job_start(
        actor=request.user,
        kind=JOB_KIND,
        label=_("Sertifikat %(code)s") % {"code": event.code},
        params={"event": event.pk, "base_url": request.build_absolute_uri("/")},
    )
    return redirect("jobs:detail", job.pk)


def event_report(request, pk):
    event = get_for_user(request.user, Event, pk)
    audit_log(actor=request.user, action=Action.EXPORT, obj=event, note=_("Laporan kegiatan DOCX"))
    response = HttpResponse(
        documents.report_docx(event),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="laporan-{event.code}.docx"'
    return response


# --- Participants ---------------------------------------------------------------------------------------


def participant_register(request, pk):
    event = get_for_user(request.user, Event, pk, for_edit=True)
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            participant = services.participant_register(
                actor=request.user,
                event=event,
                nik=data["nik"],
                name=data["name"],
                phone=data["phone"],
                role=data["role"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if participant.status == Status.WAITLISTED:
                messages.warning(
                    request, _("Masuk daftar tunggu: %(reason)s") % {"reason": participant.reason}
                )
            else:
                messages.success(request, _("%(name)s terdaftar.") % {"name": participant.person.name})
            return redirect("training:participant", participant.pk)
    return render(request, "training/register.html", {"nav": NAV, "form": form, "event": event})


def participant_detail(request, pk):
    participant = get_for_user(
        request.user, Participant.objects.select_related("event", "person", "kecamatan"), pk
    )
    checkins = participant.checkins.select_related("session").order_by("scanned_at")
    follow_ups = [_state(f, timezone.localdate()) for f in participant.follow_ups.select_related("officer")]
    return render(
        request,
        "training/participant.html",
        {
            "nav": NAV,
            "p": participant,
            "event": participant.event,
            "qr": documents.qr_svg(participant.token),
            "checkins": checkins,
            "follow_ups": follow_ups,
            "certificate": scoped(Certificate.objects.filter(participant=participant), request.user).first(),
            "can_edit": can_edit_model(request.user, Participant),
            "reason_form": ReasonForm(),
        },
    )


def participant_qr(request, pk):
    participant = get_for_user(request.user, Participant, pk)
    return HttpResponse(documents.qr_png(participant.token), content_type="image/png")


@require_POST
def participant_action(request, pk, action):
    participant = get_for_user(request.user, Participant.objects.select_related("event"), pk, for_edit=True)
    try:
        if action == "cancel":
            form = ReasonForm(request.POST)
            reason = form.data.get("reason", "")
            promoted = services.participant_cancel(actor=request.user, participant=participant, reason=reason)
            messages.success(request, _("Pendaftaran dibatalkan."))
            if promoted:
                messages.info(
                    request, _("%(name)s naik dari daftar tunggu.") % {"name": promoted.person.name}
                )
        elif action == "confirm":
            services.participant_confirm(actor=request.user, participant=participant)
            messages.success(request, _("Undangan dikonfirmasi."))
        elif action == "certificate":
            services.certificate_issue(actor=request.user, participant=participant)
            messages.success(request, _("Sertifikat diterbitkan."))
        else:
            raise PermissionDenied
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("training:participant", pk)


# --- Certificates ---------------------------------------------------------------------------------------


def certificate_download(request, pk):
    certificate = get_for_user(
        request.user,
        Certificate.objects.select_related("participant__event", "participant__person", "person"),
        pk,
    )
    docx = documents.certificates_docx([certificate], request.build_absolute_uri("/"))
    name = f"sertifikat-{certificate.number.replace('/', '-')}"
    audit_log(actor=request.user, action=Action.EXPORT, obj=certificate, person_id=certificate.person_id)
    if request.GET.get("format") == "docx":
        content, ext, mime = (
            docx,
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        try:
            content, ext, mime = documents.to_pdf(docx, name), "pdf", "application/pdf"
        except documents.DocumentError as error:
            messages.error(request, str(error))
            return redirect("training:participant", certificate.participant_id)
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


@require_POST
def certificate_revoke(request, pk):
    certificate = get_for_user(request.user, Certificate, pk, for_edit=True)
    try:
        services.certificate_revoke(
            actor=request.user, certificate=certificate, reason=request.POST.get("reason", "")
        )
        messages.success(request, _("Sertifikat dicabut."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("training:participant", certificate.participant_id)


# --- Check-in -------------------------------------------------------------------------------------------


def _event_at_the_door(request, pk) -> Event:
    """The event whose door this user may keep: who may edit events, and the staff of the event's own
    division (the manpower officers at their job fair, whose role edits no shared person record)."""
    event = get_for_user(request.user, Event, pk)
    if request.user.division and request.user.division == event.division:
        return event
    return get_for_user(request.user, Event, pk, for_edit=True)


def checkin_page(request, pk):
    event = _event_at_the_door(request, pk)
    sessions = list(event.sessions.all())
    today = timezone.localdate()
    current = next((s for s in sessions if s.date == today), sessions[0] if sessions else None)
    return render(
        request,
        "training/checkin.html",
        {"nav": NAV, "event": event, "sessions": sessions, "current": current, "walk_in": WalkInForm()},
    )


def _session_of(event, value):
    if value in (None, ""):
        return None
    try:
        return event.sessions.get(pk=int(value))
    except (Session.DoesNotExist, ValueError, TypeError):
        raise ValidationError(_("Sesi tidak dikenal.")) from None


@require_POST
def checkin_sync(request, pk):
    """Receives the phone's queue: ``{"scans": [{nonce, code | participant, session, scanned_at, device}]}``.
    Each scan's result comes back; a nonce already received answers as before (counted once)."""
    event = _event_at_the_door(request, pk)
    try:
        scans = json.loads(request.body or b"{}").get("scans", [])[:500]
    except (ValueError, AttributeError):
        return JsonResponse({"error": _("Data presensi tidak terbaca.")}, status=400)
    results = []
    for scan in scans:
        nonce = str(scan.get("nonce", ""))
        try:
            participant = None
            if scan.get("participant"):
                participant = scoped(Participant.objects.filter(event=event), request.user).get(
                    pk=int(scan["participant"])
                )
            scanned_at = parse_datetime(str(scan.get("scanned_at") or "")) or timezone.now()
            if timezone.is_naive(scanned_at):
                scanned_at = timezone.make_aware(scanned_at)
            checkin, new = services.checkin_record(
                actor=request.user,
                event=event,
                session=_session_of(event, scan.get("session")),
                nonce=nonce,
                code=str(scan.get("code", ""))[:200],
                participant=participant,
                scanned_at=scanned_at,
                device=str(scan.get("device", ""))[:64],
            )
        except (ValidationError, Participant.DoesNotExist, ValueError, TypeError) as error:
            message = (
                " ".join(error.messages)
                if isinstance(error, ValidationError)
                else _("Peserta tidak dikenal.")
            )
            results.append({"nonce": nonce, "accepted": False, "reason": message, "new": False})
            continue
        person = checkin.participant.person.name if checkin.participant else ""
        results.append(
            {
                "nonce": nonce,
                "accepted": checkin.accepted,
                "reason": checkin.reason,
                "name": person,
                "new": new,
            }
        )
    return JsonResponse({"results": results})


def checkin_search(request, pk):
    """Name search for participants without a phone (or a QR): the 10 best matches."""
    event = _event_at_the_door(request, pk)
    q = request.GET.get("q", "").strip()
    rows = []
    if len(q) >= 2:
        matches = scoped(Participant.objects.filter(event=event), request.user).filter(
            Q(person__name__icontains=q) | Q(token=q.upper())
        )
        rows = [
            {
                "id": p.pk,
                "name": p.person.name,
                "status": p.get_status_display(),
                "kecamatan": p.kecamatan.name if p.kecamatan else "",
            }
            for p in matches.select_related("person", "kecamatan").order_by("person__name")[:10]
        ]
    return JsonResponse({"results": rows})


@require_POST
def checkin_walk_in(request, pk):
    event = _event_at_the_door(request, pk)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        errors = [e for errs in form.errors.values() for e in errs]
        return JsonResponse({"accepted": False, "reason": " ".join(errors)}, status=400)
    data = form.cleaned_data
    try:
        participant, checkin = services.walk_in_register(
            actor=request.user,
            event=event,
            session=_session_of(event, data.get("session")),
            nik=data["nik"],
            name=data["name"],
            role=data["role"],
            nonce=data["nonce"],
        )
    except ValidationError as error:
        return JsonResponse({"accepted": False, "reason": " ".join(error.messages)}, status=400)
    return JsonResponse(
        {"accepted": checkin.accepted, "reason": checkin.reason, "name": participant.person.name}
    )


# --- Follow-ups -----------------------------------------------------------------------------------------


def _state(follow_up: FollowUp, today) -> dict:
    state = follow_up_state(follow_up.state, follow_up.due_on, today)
    return {"f": follow_up, "state": state, "label": FollowUpState(state).label}


def follow_up_list(request):
    today = timezone.localdate()
    mine = request.GET.get("mine") == "1"
    state = request.GET.get("state", "")
    rows = scoped(FollowUp.objects.all(), request.user).select_related(
        "participant__person", "participant__event", "officer"
    )
    if mine:
        rows = rows.filter(officer=request.user)
    if state == "overdue":
        rows = rows.filter(
            Q(state=FollowUpState.OVERDUE) | Q(state=FollowUpState.SCHEDULED, due_on__lt=today)
        )
    elif state == "scheduled":
        rows = rows.filter(state=FollowUpState.SCHEDULED, due_on__gte=today)
    elif state in (FollowUpState.DONE, FollowUpState.SKIPPED):
        rows = rows.filter(state=state)
    page = CappedPaginator(rows.order_by("due_on", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    items = [_state(f, today) for f in page]
    return render(
        request,
        "training/follow_ups.html",
        {
            "nav": NAV,
            "page": page,
            "items": items,
            "mine": mine,
            "state": state,
            "by_officer": selectors.overdue_by_officer(on=today),
            "states": [
                ("", _("Semua")),
                ("overdue", _("Terlambat")),
                ("scheduled", _("Terjadwal")),
                ("done", _("Selesai")),
                ("skipped", _("Dilewati")),
            ],  # fmt: skip
        },
    )


def follow_up_record(request, pk):
    follow_up = get_for_user(
        request.user,
        FollowUp.objects.select_related("participant__person", "participant__event"),
        pk,
        for_edit=True,
    )
    form = FollowUpForm(request.POST or None, instance=follow_up)
    assign = AssignForm(initial={"officer": follow_up.officer_id})
    if request.method == "POST" and "officer" in request.POST:
        assign = AssignForm(request.POST)
        if assign.is_valid():
            services.follow_up_assign(
                actor=request.user, follow_up=follow_up, officer=assign.cleaned_data["officer"]
            )
            messages.success(request, _("Petugas ditetapkan."))
            return redirect("training:follow_up", pk)
    elif request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("skip", "register_business", "business_name")
        }
        try:
            if form.cleaned_data["skip"]:
                services.follow_up_skip(
                    actor=request.user,
                    follow_up=follow_up,
                    reason=data.get("notes") or _("Dilewati"),
                )
            else:
                services.follow_up_record(
                    actor=request.user,
                    follow_up=follow_up,
                    data=data,
                    business_name=form.cleaned_data["business_name"]
                    if form.cleaned_data["register_business"]
                    else "",
                )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Tindak lanjut dicatat."))
            return redirect("training:follow_ups")
    return render(
        request,
        "training/follow_up_form.html",
        {
            "nav": NAV,
            "form": form,
            "assign": assign,
            "f": follow_up,
            "state": follow_up_state(follow_up.state, follow_up.due_on, timezone.localdate()),
            "state_label": _state(follow_up, timezone.localdate())["label"],
        },
    )


# --- Coverage -------------------------------------------------------------------------------------------


def coverage(request):
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    target = request.GET.get("target") or "enterprise"
    if target not in ("enterprise", "person", "cooperative"):
        target = "enterprise"
    rows = selectors.coverage(year, target=target)
    if request.GET.get("format") in ("csv", "xlsx"):
        return table_download(
            request.GET["format"],
            columns=[_("Kecamatan"), _("Kelurahan"), _("Kode"), _("Terdaftar"), _("Terlayani"), _("Persen")],
            rows=(
                [r["kecamatan"], r["name"], r["kelurahan"], r["registered"], r["served"], r["share"]]
                for r in rows
            ),
            name=f"cakupan-kegiatan-{year}",
            sheet=_("Cakupan"),
            stamped=False,
        )
    missed = [r for r in rows if r["served"] == 0]
    years = sorted(
        {d.year for d in scoped(Event.objects.all(), request.user).dates("starts_on", "year")}
        | {timezone.localdate().year}
    )
    return render(
        request,
        "training/coverage.html",
        {
            "nav": NAV,
            "rows": rows,
            "missed": missed,
            "year": year,
            "years": years,
            "target": target,
            "reached": len(rows) - len(missed),
            "export_formats": EXPORT_FORMATS,
        },
    )


# Used by the check-in page's JS to show how many scans are accepted.
def checkin_count(request, pk):
    event = get_for_user(request.user, Event, pk)
    session = request.GET.get("session")
    rows = scoped(CheckIn.objects.filter(event=event, accepted=True), request.user)
    if session:
        rows = rows.filter(session_id=session)
    return JsonResponse({"accepted": rows.count()})
