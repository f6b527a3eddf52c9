"""Staff pages for personal-data protection: the R47 request queue, breaches and R48 retention."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import scoped
from berdaya.accounts.roles import PERSONAL_DATA_ROLES, Role
from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.people.models import Person

from . import services
from .forms import BreachForm, CloseForm, DataRequestForm, IdentityLinkForm
from .models import Breach, DataRequest, OutboxMessage, RequestKind, RequestStatus, RetentionRule
from .retention import retention_run

# The data protection officer's work: the administrator, with the head of office and the secretariat who
# answer for it; the divisions that meet people record the requests they receive.
OFFICER_ROLES = frozenset({Role.ADMIN, Role.KEPALA_DINAS, Role.SEKRETARIAT})


def _officer(user) -> None:
    if user.role not in OFFICER_ROLES:
        raise PermissionDenied


def _recorder(user) -> None:
    if user.role not in OFFICER_ROLES | PERSONAL_DATA_ROLES:
        raise PermissionDenied


def request_list(request):
    _officer(request.user)
    services.data_requests_escalate()
    status = request.GET.get("status", RequestStatus.OPEN)
    tickets = DataRequest.objects.select_related("person", "received_by")
    if status in RequestStatus.values:
        tickets = tickets.filter(status=status)
    page = Paginator(tickets.order_by("due_at", "id"), 25).get_page(request.GET.get("page"))
    context = {
        "nav": "privacy",
        "page_obj": page,
        "status": status,
        "statuses": RequestStatus.choices,
        "now": timezone.now(),
        "overdue": DataRequest.objects.filter(status=RequestStatus.OPEN, due_at__lt=timezone.now()).count(),
    }
    return render(request, "privacy/request_list.html", context)


def request_create(request):
    _recorder(request.user)
    form = DataRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = None
        if data["nik"]:
            person = scoped(Person.objects.filter(nik=data["nik"]), request.user).first()
            if person is None:
                form.add_error("nik", _("NIK ini tidak ada di registri (atau di luar wilayah kerja Anda)."))
        if form.is_valid():
            ticket = services.data_request_register(
                actor=request.user,
                person=person,
                kind=data["kind"],
                channel=data["channel"],
                requester_name=data["requester_name"],
                requester_contact=data["requester_contact"],
                description=data["description"],
            )
            messages.success(
                request,
                _("Permintaan dicatat; tenggat %(due)s.")
                % {"due": timezone.localtime(ticket.due_at).strftime("%d-%m-%Y %H:%M")},
            )
            if request.user.role in OFFICER_ROLES:
                return redirect("privacy:request_detail", ticket.pk)
            return redirect("dashboard:home")
    return render(request, "privacy/request_form.html", {"nav": "privacy", "form": form})


def _ticket(pk) -> DataRequest:
    try:
        return DataRequest.objects.select_related("person", "received_by", "closed_by").get(pk=pk)
    except DataRequest.DoesNotExist:
        raise Http404 from None


def request_detail(request, pk):
    _officer(request.user)
    ticket = _ticket(pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.data_request_close(
                actor=request.user,
                ticket=ticket,
                status=form.cleaned_data["status"],
                outcome=form.cleaned_data["outcome"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Permintaan ditutup."))
            return redirect("privacy:request_detail", ticket.pk)
    context = {
        "nav": "privacy",
        "ticket": ticket,
        "form": form,
        "is_access": ticket.kind == RequestKind.ACCESS,
        "now": timezone.now(),
    }
    return render(request, "privacy/request_detail.html", context)


def request_access_pdf(request, pk):
    """The access answer (R47): everything held on the person and every logged processing, as a PDF."""
    from berdaya.lib.documents import PdfError

    from .access_report import access_pdf

    _officer(request.user)
    ticket = _ticket(pk)
    if ticket.person is None:
        raise Http404
    try:
        pdf = access_pdf(ticket.person, ticket=ticket)
    except PdfError as error:
        messages.error(request, _("PDF belum dapat dibuat: %(error)s") % {"error": error})
        return redirect("privacy:request_detail", ticket.pk)
    audit_log(
        actor=request.user,
        action=Action.EXPORT,
        obj=ticket.person,
        person_id=ticket.person_id,
        note=_("Jawaban permintaan akses nomor %(pk)s (R47)") % {"pk": ticket.pk},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="akses-data-{ticket.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def breach_list(request):
    _officer(request.user)
    form = BreachForm(request.POST or None)
    if request.method == "POST":
        if request.user.role != Role.ADMIN:
            raise PermissionDenied
        if form.is_valid():
            breach = services.breach_record(actor=request.user, **form.cleaned_data)
            messages.warning(
                request,
                _("Insiden dicatat. Beri tahu orang yang terdampak dan lembaga pengawas sebelum %(due)s.")
                % {"due": timezone.localtime(breach.notice_due_at).strftime("%d-%m-%Y %H:%M")},
            )
            return redirect("privacy:breach_list")
    page = Paginator(Breach.objects.all(), 25).get_page(request.GET.get("page"))
    return render(request, "privacy/breach_list.html", {"nav": "privacy", "form": form, "page_obj": page})


@require_POST
def breach_notified(request, pk):
    if request.user.role != Role.ADMIN:
        raise PermissionDenied
    try:
        breach = Breach.objects.get(pk=pk)
    except Breach.DoesNotExist:
        raise Http404 from None
    services.breach_notified(actor=request.user, breach=breach)
    messages.success(request, _("Pemberitahuan dicatat."))
    return redirect("privacy:breach_list")


def retention(request):
    """R48: the retention table and what is past it now (a dry run); the administrator applies it."""
    _officer(request.user)
    if request.method == "POST":
        if request.user.role != Role.ADMIN:
            raise PermissionDenied
        if request.POST.get("confirm") != "anonimkan":
            messages.error(request, _("Ketik 'anonimkan' untuk memastikan."))
            return redirect("privacy:retention")
        findings = retention_run(actor=request.user, apply=True)
        total = sum(f.count for f in findings)
        messages.success(request, _("%(n)s data dianonimkan atau dihapus berkasnya.") % {"n": total})
        return redirect("privacy:retention")
    context = {
        "nav": "privacy",
        "rules": RetentionRule.objects.all(),
        "findings": retention_run(actor=request.user, apply=False),
        "may_apply": request.user.role == Role.ADMIN,
    }
    return render(request, "privacy/retention.html", context)


def identity_link(request):
    """At the counter (R46): after checking the KTP, staff issue a one-time code and link for the person to
    see, on the portal, who used their data. The code is shown on this answer only, never stored in clear."""
    from .identity import link_issue, link_path
    from .rules import link_lifetime

    _recorder(request.user)
    form = IdentityLinkForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        person = scoped(Person.objects.filter(nik=form.cleaned_data["nik"]), request.user).first()
        if person is None:
            form.add_error("nik", _("NIK ini tidak ada di registri (atau di luar wilayah kerja Anda)."))
        else:
            link, code = link_issue(actor=request.user, person=person)
            issued = {
                "code": code,
                "url": request.build_absolute_uri(link_path(code)),
                "expires_at": link.expires_at,
                "hours": int(link_lifetime("loket").total_seconds() // 3600),
            }
            form = IdentityLinkForm()
    response = render(
        request, "privacy/identity_link.html", {"nav": "privacy", "form": form, "issued": issued}
    )
    response["Cache-Control"] = "private, no-store"
    return response


def outbox(request):
    """What the office sent to phones (one-time links). The default sender only stores messages here;
    the administrator reads it in development and demos (messaging.py)."""
    if request.user.role != Role.ADMIN:  # the bodies hold live links: the administrator only
        raise PermissionDenied
    page = Paginator(OutboxMessage.objects.all(), 25).get_page(request.GET.get("page"))
    response = render(request, "privacy/outbox.html", {"nav": "privacy", "tab": "outbox", "page_obj": page})
    response["Cache-Control"] = "private, no-store"
    return response
