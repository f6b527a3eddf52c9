"""Field supervision (PPKL visits and their follow-ups) and dissolution (R27) pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user, scoped
from berdaya.accounts.roles import Role
from berdaya.lib.forms import add_service_error
from berdaya.lib.pagination import CappedPaginator

from . import services
from .forms import DissolutionStartForm, DissolutionStepForm, VisitPlanForm, VisitReportForm
from .models import Cooperative, Dissolution, FollowUp, Visit, VisitStatus
from .selectors import overdue_follow_ups
from .views import form_page

NAV = "koperasi"


def my_visits(request):
    """A field officer's own assignments (planned first), and the follow-ups of their visits."""
    visits = scoped(Visit.objects.select_related("cooperative__kelurahan"), request.user).filter(
        officer=request.user
    )
    context = {
        "nav": NAV,
        "planned": visits.filter(status=VisitStatus.PLANNED).order_by("planned_on", "id"),
        "done": visits.exclude(status=VisitStatus.PLANNED).order_by("-planned_on", "-id")[:20],
        "follow_ups": overdue_follow_ups(
            scoped(FollowUp.objects.select_related("visit__cooperative"), request.user).filter(
                visit__officer=request.user
            )
        ),
        "today": timezone.localdate(),
    }
    return render(request, "koperasi/my_visits.html", context)


def follow_up_list(request):
    """Overdue follow-ups of every visit the user may see."""
    queryset = overdue_follow_ups(
        scoped(FollowUp.objects.select_related("visit__cooperative", "visit__officer"), request.user)
    ).order_by("due_on", "id")
    page = CappedPaginator(queryset, 50).get_page(request.GET.get("page"))
    return render(request, "koperasi/follow_up_list.html", {"nav": NAV, "page_obj": page, "rows": list(page)})


def visit_plan(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk)
    if not can_edit_model(request.user, Visit):
        raise PermissionDenied
    initial = {"officer": request.user.pk, "planned_on": timezone.localdate()}
    form = VisitPlanForm(request.POST or None, initial=initial)
    if request.user.role == Role.PETUGAS_LAPANGAN:
        del form.fields["officer"]  # a field officer plans their own visits
    return form_page(
        request,
        form,
        cooperative,
        title=_("Rencanakan kunjungan"),
        run=lambda data: services.visit_plan(actor=request.user, cooperative=cooperative, data=data),
        done=_("Kunjungan direncanakan."),
    )


def visit_report(request, pk):
    visit = get_for_user(request.user, Visit.objects.select_related("cooperative"), pk, for_edit=True)
    form = VisitReportForm(request.POST or None, request.FILES or None, instance=visit)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record(
                actor=request.user, visit=visit, data=form.visit_data(), follow_ups=form.follow_ups()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Laporan kunjungan tersimpan."))
            if request.user == visit.officer:
                return redirect("koperasi:my_visits")
            return redirect("koperasi:detail", pk=visit.cooperative_id)
    context = {"nav": NAV, "form": form, "visit": visit, "c": visit.cooperative}
    return render(request, "koperasi/visit_report.html", context)


@require_POST
def follow_up_done(request, pk):
    follow_up = get_for_user(request.user, FollowUp, pk, for_edit=True)
    services.follow_up_done(actor=request.user, follow_up=follow_up)
    messages.success(request, _("Tindak lanjut ditandai selesai."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("koperasi:follow_ups")
    return redirect(next_url)


def dissolution_start(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    if not can_edit_model(request.user, Dissolution):
        raise PermissionDenied
    form = DissolutionStartForm(request.POST or None, initial={"on": timezone.localdate()})
    return form_page(
        request,
        form,
        cooperative,
        title=_("Usulkan pembubaran (R27)"),
        run=lambda data: services.dissolution_start(actor=request.user, cooperative=cooperative, **data),
        done=_("Usulan pembubaran tercatat."),
    )


def dissolution_step(request, pk):
    cooperative = get_for_user(request.user, Cooperative, pk, for_edit=True)
    dissolution = services.open_dissolution(cooperative)
    if dissolution is None:
        messages.info(request, _("Belum ada proses pembubaran untuk koperasi ini."))
        return redirect("koperasi:detail", pk=cooperative.pk)
    stages = services.next_stages(dissolution)
    form = DissolutionStepForm(request.POST or None, stages=stages, initial={"on": timezone.localdate()})
    return form_page(
        request,
        form,
        cooperative,
        title=_("Langkah pembubaran (R27)"),
        run=lambda data: services.cooperative_dissolve_step(
            actor=request.user, dissolution=dissolution, **data
        ),
        done=_("Langkah pembubaran tercatat."),
    )
