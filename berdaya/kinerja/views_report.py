"""The yearly report (LAKIP) page: generated in the background with a progress bar; DOCX, PDF, XLSX.

Staff who keep the plan (the secretariat, admin) generate; every office role that reads the performance
module, the inspectorate included, sees and downloads the generated reports (they are office documents).
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model
from berdaya.accounts.roles import READ_ALL_ROLES
from berdaya.jobs.models import Job
from berdaya.jobs.services import job_start

from . import checks, selectors
from .models import Indicator
from .report.jobs import FORMATS, JOB_KIND

RECENT = 10


def _reader(request) -> None:
    if request.user.role not in READ_ALL_ROLES:
        raise PermissionDenied


def _can_generate(user) -> bool:
    return can_edit_model(user, Indicator)


def _years() -> list[int]:
    """Years of the current plan up to last year, newest first (a report is written after the year ends)."""
    last = dt.date.today().year - 1
    plan = selectors.current_renstra()
    first = plan.start_year if plan else last
    return list(range(max(last, first), first - 1, -1))


def _year(value, years: list[int]) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return years[0]
    return year if 2000 <= year <= 2100 else years[0]


def _reports():
    return Job.objects.filter(kind=JOB_KIND).select_related("created_by")


def report(request):
    _reader(request)
    years = _years()
    year = _year(request.GET.get("tahun"), years)
    context = {
        "nav": "kinerja",
        "year": year,
        "years": years,
        "has_plan": selectors.current_renstra(year) is not None,
        "findings": len(checks.run(year)),
        "can_generate": _can_generate(request.user),
        "jobs": _reports()[:RECENT],
        "running": _reports().filter(created_by=request.user, status__in=["queued", "running"]).first(),
    }
    return render(request, "kinerja/report_page.html", context)


@require_POST
def report_generate(request):
    if not _can_generate(request.user):
        raise PermissionDenied
    sample = request.POST.get("contoh") == "1"
    year = 2022 if sample else _year(request.POST.get("tahun"), _years())
    if not sample and selectors.current_renstra(year) is None:
        messages.error(request, _("Belum ada Renstra yang berlaku untuk tahun %(year)s.") % {"year": year})
        return redirect("kinerja:report")
    label = _("LAKIP %(year)s (contoh seed 003)") if sample else _("LAKIP %(year)s")
    job = job_start(
        actor=request.user,
        kind=JOB_KIND,
        label=label % {"year": year},
        params={"year": year, "sample": sample},
    )
    if request.headers.get("HX-Request"):
        return render(request, "kinerja/report_progress.html", {"job": job})
    messages.success(request, _("Laporan sedang dibuat; berkasnya muncul di sini setelah selesai."))
    return redirect("kinerja:report")


def _job(request, pk) -> Job:
    _reader(request)
    try:
        return _reports().get(pk=pk)
    except Job.DoesNotExist:
        raise Http404 from None


def report_progress(request, pk):
    """The progress partial htmx polls until the report is ready, then its download buttons."""
    return render(request, "kinerja/report_progress.html", {"job": _job(request, pk)})


def report_download(request, pk, fmt):
    job = _job(request, pk)
    name = (job.result or {}).get("files", {}).get(fmt) if fmt in FORMATS else None
    if not name or not default_storage.exists(name):
        raise Http404
    filename = f"{job.result.get('stem') or 'LAKIP'}.{fmt}"  # stored names may carry a uniqueness suffix
    return FileResponse(default_storage.open(name, "rb"), as_attachment=True, filename=filename)
