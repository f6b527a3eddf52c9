"""Import pages: upload -> map columns -> preview -> start (background job) -> progress -> result."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from berdaya.accounts.access import can_edit_model
from berdaya.accounts.roles import AUDIT_READER_ROLES
from berdaya.lib.export import workbook_download

from . import runner, services
from .forms import MappingForm, UploadForm
from .models import ImportRun, RunStatus
from .readers import ReaderError, open_table
from .spec import SPECS, get_spec, suggest_mapping


def _spec_for_edit(user, key):
    spec = SPECS.get(key)
    if spec is None:
        raise Http404
    if not can_edit_model(user, spec.model):
        raise PermissionDenied
    return spec


def _run_for(user, pk, *, for_edit=False) -> ImportRun:
    """A run is seen by whoever started it, and by the roles that read every trail."""
    runs = (
        ImportRun.objects.all()
        if user.role in AUDIT_READER_ROLES
        else ImportRun.objects.filter(created_by=user)
    )
    try:
        run = runs.get(pk=pk)
    except ImportRun.DoesNotExist:
        raise Http404 from None
    if for_edit and (run.created_by_id != user.pk or not can_edit_model(user, get_spec(run.spec).model)):
        raise PermissionDenied
    return run


def run_list(request):
    user = request.user
    runs = (
        ImportRun.objects.all()
        if user.role in AUDIT_READER_ROLES
        else ImportRun.objects.filter(created_by=user)
    )
    specs = [spec for spec in SPECS.values() if can_edit_model(user, spec.model)]
    return render(request, "imports/run_list.html", {"runs": runs[:50], "specs": specs, "nav": "imports"})


def upload(request, spec_key):
    spec = _spec_for_edit(request.user, spec_key)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        source = form.cleaned_data["source"] or Path(upload_file.name).stem
        # Only stored and queued here: the header row is read by a background job (a hostile file costs
        # the worker, never this request); the mapping page shows its progress, then the columns.
        run = services.run_create(
            actor=request.user, spec=spec, file=upload_file, name=upload_file.name, source=source
        )
        return redirect("imports:mapping", run.pk)
    return render(request, "imports/upload.html", {"form": form, "spec": spec, "nav": spec.nav})


def mapping(request, pk):
    run = _run_for(request.user, pk, for_edit=True)
    spec = get_spec(run.spec)
    if run.status == RunStatus.READING:  # the background job is still reading the header row
        return render(request, "imports/mapping.html", _status_context(run) | {"spec": spec, "nav": spec.nav})
    if run.status != RunStatus.DRAFT:
        return redirect("imports:detail", run.pk)
    initial = run.mapping or suggest_mapping(spec, run.headers, services.remembered_mapping(spec, run.source))
    form = MappingForm(request.POST or None, spec=spec, headers=run.headers, initial_mapping=initial)
    if request.method == "POST" and form.is_valid():
        services.run_set_mapping(actor=request.user, run=run, mapping=form.mapping)
        return redirect("imports:preview", run.pk)
    context = {"form": form, "run": run, "spec": spec, "nav": spec.nav}
    return render(request, "imports/mapping.html", context)


def preview(request, pk):
    run = _run_for(request.user, pk, for_edit=True)
    spec = get_spec(run.spec)
    if run.status != RunStatus.DRAFT:
        return redirect("imports:detail", run.pk)
    if not run.mapping or runner.missing_required(spec, run.mapping):
        return redirect("imports:mapping", run.pk)
    try:
        table = open_table(run.file.path, name=run.original_name)
        result = runner.preview(spec, table, run.mapping)
    except ReaderError as error:
        # Every reader error reaches the user as its Indonesian message, here as on upload and in the run.
        messages.error(request, str(error))
        return redirect("imports:upload", spec.key)
    columns = [
        (header, spec.field(name).label if name else "")
        for header, name in zip(run.headers, run.mapping, strict=True)
    ]
    context = {"run": run, "spec": spec, "preview": result, "columns": columns, "nav": spec.nav}
    return render(request, "imports/preview.html", context)


@require_POST
def start(request, pk):
    run = _run_for(request.user, pk, for_edit=True)
    if run.status != RunStatus.DRAFT:
        messages.info(request, _("Impor ini sudah dijalankan."))
        return redirect("imports:detail", run.pk)
    services.run_start(actor=request.user, run=run)
    return redirect("imports:detail", run.pk)


@require_POST
def rerun(request, pk):
    """ "Jalankan ulang" a failed run: the same file and mapping as a new run."""
    run = _run_for(request.user, pk, for_edit=True)
    if run.status != RunStatus.FAILED or not run.mapping:
        messages.info(request, _("Hanya impor yang gagal yang dapat dijalankan ulang."))
        return redirect("imports:detail", run.pk)
    again = services.run_rerun(actor=request.user, run=run)
    return redirect("imports:detail", again.pk)


def _status_context(run):
    return {"run": run, "job": run.job, "figures": services.result_figures(run)}


def run_detail(request, pk):
    run = _run_for(request.user, pk)
    spec = get_spec(run.spec)
    return render(request, "imports/run_detail.html", _status_context(run) | {"spec": spec, "nav": spec.nav})


def run_status(request, pk):
    """The status partial htmx polls every second until the run has finished; once the header row of a
    new upload is read, the one who uploaded it is taken to the mapping page."""
    run = _run_for(request.user, pk)
    response = render(request, "imports/_status.html", _status_context(run))
    mine = run.created_by_id == request.user.pk
    if run.status == RunStatus.DRAFT and mine and request.headers.get("HX-Request"):
        response["HX-Redirect"] = reverse("imports:mapping", args=[run.pk])
    return response


# Fields of any registry whose columns hold personal data (R45): masked in the rejected-rows file for roles
# that see them masked.


def error_file(request, pk):
    """The rejected rows with their reasons. Its rows are the uploaded ones, personal data included: masked
    (NIK, phone, address columns) for roles that see them masked, and every download logged (R45, R46)."""
    run = _run_for(request.user, pk)
    if not run.error_file:
        raise Http404
    name = f"{Path(run.original_name).stem}-ditolak.xlsx"
    services.error_file_downloaded(actor=request.user, run=run)
    if request.user.sees_personal_data:
        return FileResponse(run.error_file.open("rb"), as_attachment=True, filename=name)
    return workbook_download(services.error_workbook_masked(run), filename=name)
