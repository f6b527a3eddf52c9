"""The yearly report (LAKIP) page: generated in the background with a progress bar; DOCX, PDF, XLSX.

Staff who keep the plan (the secretariat, admin) generate; every office role that reads the performance
module, the inspectorate included, sees and downloads the generated reports (they are office documents).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model, get_for_user
from berdaya.accounts.roles import READ_ALL_ROLES
from berdaya.jobs.models import Job
from berdaya.jobs.services import JobLimitReached, job_start
from berdaya.lib.documents import PdfError
from berdaya.lib.params import parse_year

from . import checks, selectors, services
from .forms import EmblemForm
from .models import Agreement, Indicator
from .report.assemble import NoPlan
from .report.jobs import FORMATS, JOB_KIND, report_data, saved_texts
from .report.narrative import (
    DOCUMENT,
    DOCUMENT_FIELDS,
    NARRATIVE_FIELDS,
    edited,
    texts_of,
    with_drafts,
    with_texts,
)
from .report.pk import build_pk

RECENT = 10


def _reader(request) -> None:
    if request.user.role not in READ_ALL_ROLES:
        raise PermissionDenied


def _can_generate(user) -> bool:
    return can_edit_model(user, Indicator)


def _years() -> list[int]:
    """Years of the current plan up to last year, newest first (a report is written after the year ends)."""
    last = timezone.localdate().year - 1
    plan = selectors.current_renstra()
    first = plan.start_year if plan else last
    return list(range(max(last, first), first - 1, -1))


def _year(value, years: list[int]) -> int:
    return parse_year(value, default=years[0])


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
        "emblem_form": EmblemForm(),
        "emblem": selectors.document_emblem(),
    }
    return render(request, "kinerja/report_page.html", context)


def _start(request, year: int, sample: bool, texts: dict) -> Job:
    label = _("LAKIP %(year)s (contoh dari LAKIP 2022 Dinas)") if sample else _("LAKIP %(year)s")
    params = {"year": year, "sample": sample, "texts": texts}
    # One pending report per year and kind, and a per-user limit: each is a full LibreOffice run.
    once = f"{year}:{'sample' if sample else 'lakip'}"
    return job_start(
        actor=request.user, kind=JOB_KIND, label=label % {"year": year}, params=params, once=once, heavy=True
    )


def _target(request) -> tuple[int, bool]:
    data = request.POST if request.method == "POST" else request.GET
    sample = data.get("contoh") == "1"
    return (2022 if sample else _year(data.get("tahun"), _years())), sample


@require_POST
def report_emblem(request):
    """Upload (or remove) the regional emblem printed on the LAKIP cover and the PK."""
    if not _can_generate(request.user):
        raise PermissionDenied
    if request.POST.get("hapus") == "1":
        services.document_emblem_set(actor=request.user, emblem=None)
        messages.success(request, _("Lambang daerah dihapus; dokumen memakai gambar pengganti."))
        return redirect("kinerja:report")
    form = EmblemForm(request.POST, request.FILES)
    if form.is_valid():
        services.document_emblem_set(actor=request.user, emblem=form.cleaned_data["emblem"])
        messages.success(request, _("Lambang daerah tersimpan; dicetak pada laporan berikutnya."))
    else:
        messages.error(request, " ".join(form.errors["emblem"]))
    return redirect("kinerja:report")


def report_emblem_image(request):
    """The uploaded emblem (or the placeholder), shown on the report page."""
    _reader(request)
    return HttpResponse(selectors.document_emblem_png(), content_type="image/png")


@require_POST
def report_generate(request):
    if not _can_generate(request.user):
        raise PermissionDenied
    year, sample = _target(request)
    if not sample and selectors.current_renstra(year) is None:
        messages.error(request, _("Belum ada Renstra yang berlaku untuk tahun %(year)s.") % {"year": year})
        return redirect("kinerja:report")
    try:
        job = _start(request, year, sample, saved_texts(year, sample=sample))
    except JobLimitReached as error:
        messages.error(request, error.messages[0])
        return redirect("kinerja:report")
    if request.headers.get("HX-Request"):
        return render(request, "kinerja/report_progress.html", {"job": job})
    messages.success(request, _("Laporan sedang dibuat; berkasnya muncul di sini setelah selesai."))
    return redirect("kinerja:report")


LABELS = {  # lazy: translated when the page renders
    "analysis": gettext_lazy("(1) Target dan realisasi, dibandingkan tahun lalu"),
    "causes": gettext_lazy("(5) Penyebab keberhasilan/kegagalan dan solusi"),
    "efficiency": gettext_lazy("(6) Efisiensi penggunaan sumber daya"),
    "programs": gettext_lazy("(7) Program/kegiatan yang mendukung"),
    "foreword": gettext_lazy("Kata pengantar"),
    "executive_summary": gettext_lazy("Ikhtisar eksekutif"),
    "conclusions": gettext_lazy("Kesimpulan (satu per baris)"),
    "recommendations": gettext_lazy("Saran (satu per baris)"),
}


def report_texts(request):
    """The drafted narrative, for staff to edit before generating; saving generates the report with it."""
    if not _can_generate(request.user):
        raise PermissionDenied
    year, sample = _target(request)
    try:
        data = report_data(year, sample=sample)
    except NoPlan as error:
        messages.error(request, str(error))
        return redirect("kinerja:report")
    drafts = texts_of(with_drafts(data))
    if request.method == "POST":
        posted = {
            key: {name: request.POST.get(f"{key}__{name}", "") for name in fields}
            for key, fields in drafts.items()
        }
        _start(request, year, sample, edited(posted, drafts))
        messages.success(request, _("Narasi disimpan; laporan sedang dibuat dengan narasi ini."))
        return redirect(f"{reverse('kinerja:report')}?tahun={year}")
    current = texts_of(with_drafts(with_texts(data, saved_texts(year, sample=sample))))
    sections = [
        {
            "title": r.indicator.name,
            "fields": [
                (f"{r.indicator.code}__{n}", LABELS[n], current[r.indicator.code][n])
                for n in NARRATIVE_FIELDS
            ],
        }
        for r in data.results
    ]
    document = [(f"{DOCUMENT}__{n}", LABELS[n], current[DOCUMENT][n]) for n in DOCUMENT_FIELDS]
    context = {"nav": "kinerja", "year": year, "sample": sample, "sections": sections, "document": document}
    return render(request, "kinerja/report_texts.html", context)


def _job(request, pk) -> Job:
    _reader(request)
    try:
        return _reports().get(pk=pk)
    except Job.DoesNotExist:
        raise Http404 from None


def report_progress(request, pk):
    """The progress partial htmx polls until the report is ready, then its download buttons; once it is
    done the list of reports below is refreshed with it (out of band), so it no longer says "none yet"."""
    job = _job(request, pk)
    context = {"job": job, "jobs": list(_reports()[:RECENT]) if job.finished else None}
    return render(request, "kinerja/report_progress.html", context)


def report_download(request, pk, fmt):
    job = _job(request, pk)
    name = (job.result or {}).get("files", {}).get(fmt) if fmt in FORMATS else None
    if not name or not default_storage.exists(name):
        raise Http404
    filename = f"{job.result.get('stem') or 'LAKIP'}.{fmt}"  # stored names may carry a uniqueness suffix
    return FileResponse(default_storage.open(name, "rb"), as_attachment=True, filename=filename)


# One performance agreement (PK) as DOCX or PDF -----------------------------------------

PK_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def agreement_download(request, pk, fmt):
    """The PK version in its official layout; every role that may read the agreement may download it."""
    _reader(request)
    if fmt not in PK_FORMATS:
        raise Http404
    agreement = get_for_user(request.user, Agreement, pk)
    with tempfile.TemporaryDirectory(prefix="pk-") as folder:
        try:
            built = build_pk(agreement, Path(folder), pdf=fmt == "pdf")
        except PdfError as error:
            messages.error(request, _("PDF belum dapat dibuat: %(error)s Unduh DOCX.") % {"error": error})
            return redirect("kinerja:agreement", pk=agreement.pk)
        path = built.pdf if fmt == "pdf" else built.docx
        content = path.read_bytes()
    response = HttpResponse(content, content_type=PK_FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{path.name}"'
    return response
