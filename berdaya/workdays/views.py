"""The working-day calendar pages (R43b): every year with its legal basis and status, the holidays of a
year, and staff's changes (add a year or a day, move a day, confirm a year against its decree)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.roles import Role

from . import calendar, services
from .forms import ConfirmForm, HolidayForm, MoveForm, YearForm
from .models import CalendarRevision, Holiday, HolidayYear

# Reference data staff edit on purpose: the division that counts deadlines, and the administrator.
EDITORS = frozenset({Role.PHIJS, Role.ADMIN})


def _editor(request):
    if request.user.role not in EDITORS:
        raise PermissionDenied


def calendar_page(request):
    today = timezone.localdate()
    years = list(HolidayYear.objects.all())
    try:
        year = int(request.GET.get("tahun") or today.year)
    except ValueError:
        year = today.year
    selected = next((y for y in years if y.year == year), None)
    known = {y.year for y in years}
    missing = [y for y in range(today.year - 1, today.year + 3) if y not in known]
    context = {
        "nav": "hubungan_industrial",
        "years": years,
        "selected": selected,
        "year": year,
        "holidays": selected.holidays.all() if selected else [],
        "missing": missing,
        "version": calendar.current().version,
        "revisions": CalendarRevision.objects.all()[:10],
        "can_edit": request.user.role in EDITORS,
        "holiday_form": HolidayForm(),
        "year_form": YearForm(initial={"year": missing[0] if missing else today.year + 1}),
        "confirm_form": ConfirmForm(initial={"legal_basis": selected.legal_basis if selected else ""}),
        "move_form": MoveForm(),
    }
    return render(request, "workdays/calendar.html", context)


def _back(year):
    return redirect(f"{reverse_calendar()}?tahun={year}")


def reverse_calendar():
    from django.urls import reverse

    return reverse("workdays:calendar")


def _run(request, year, run):
    try:
        run()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Kalender diperbarui; tenggat yang masih berjalan dihitung ulang."))
    return _back(year)


@require_POST
def holiday_add(request):
    _editor(request)
    form = HolidayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Periksa tanggal, nama dan jenis hari libur."))
        return redirect("workdays:calendar")
    data = form.cleaned_data
    return _run(
        request,
        data["date"].year,
        lambda: services.holiday_add(
            actor=request.user,
            date=data["date"],
            name=data["name"],
            category=data["category"],
            estimated=data["estimated"],
            basis=data["basis"],
        ),
    )


@require_POST
def holiday_move(request, pk):
    _editor(request)
    holiday = get_object_or_404(Holiday, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi tanggal baru dan dasar hukumnya."))
        return _back(holiday.date.year)
    data = form.cleaned_data
    return _run(
        request,
        holiday.date.year,
        lambda: services.holiday_move(
            actor=request.user, holiday=holiday, to=data["to"], basis=data["basis"]
        ),
    )


@require_POST
def year_add(request):
    _editor(request)
    form = YearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tahun tidak sah."))
        return redirect("workdays:calendar")
    data = form.cleaned_data
    return _run(
        request,
        data["year"],
        lambda: services.holiday_year_add(
            actor=request.user, year=data["year"], legal_basis=data["legal_basis"]
        ),
    )


@require_POST
def year_confirm(request, year):
    _editor(request)
    holiday_year = get_object_or_404(HolidayYear, year=year)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Sebutkan SKB yang menjadi dasar."))
        return _back(year)
    return _run(
        request,
        year,
        lambda: services.holiday_year_confirm(
            actor=request.user, holiday_year=holiday_year, legal_basis=form.cleaned_data["legal_basis"]
        ),
    )
