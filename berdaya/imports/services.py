"""Import runs: create one from an uploaded file, remember its mapping, start it as a job, execute it."""

from __future__ import annotations

from pathlib import Path

from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log
from berdaya.jobs.models import Job
from berdaya.jobs.registry import on_abandoned, register, same_params
from berdaya.jobs.services import job_start
from berdaya.lib.masking import mask_address, mask_nik, mask_phone

from . import runner
from .models import ImportMapping, ImportRun, RunStatus
from .readers import ReaderError, open_table
from .spec import ImportSpec, get_spec, normalize_header

JOB_KIND = "imports.run"
HEADERS_JOB_KIND = "imports.headers"


def remembered_mapping(spec: ImportSpec, source: str) -> dict[str, str]:
    found = ImportMapping.objects.filter(spec=spec.key, source=source).first()
    return found.mapping if found else {}


def mapping_remember(*, actor, spec: ImportSpec, source: str, headers: list[str], mapping: list[str]) -> None:
    """Store header -> field for this source, merged over what was remembered (old columns stay known)."""
    remembered = remembered_mapping(spec, source)
    for header, name in zip(headers, mapping, strict=True):
        if normalize_header(header):
            remembered[normalize_header(header)] = name
    ImportMapping.objects.update_or_create(
        spec=spec.key,
        source=source,
        defaults={"mapping": remembered, "updated_by": actor if actor and actor.is_authenticated else None},
    )


def run_create(
    *, actor, spec: ImportSpec, file, name: str, source: str, headers: list[str] | None = None
) -> ImportRun:
    """Store the uploaded file and queue the reading of its header row (``run_read_headers``, a background
    job: a zip bomb or a 5,000-column sheet costs the worker, never the upload request). ``headers``: the
    caller has read them already (the command line), so the run is ready to map at once."""
    run = ImportRun(
        spec=spec.key,
        source=source[:40],
        original_name=name[:255],
        created_by=actor if actor is not None and actor.is_authenticated else None,
        status=RunStatus.DRAFT if headers is not None else RunStatus.READING,
        headers=headers or [],
    )
    run.file.save(Path(name).name, file if isinstance(file, File) else File(file), save=False)
    with transaction.atomic():
        run.save()
        if headers is None:
            run.job = job_start(
                actor=actor,
                kind=HEADERS_JOB_KIND,
                label=f"Baca berkas {spec.label}: {run.original_name}",
                params={"run_id": run.pk},
            )
            run.save(update_fields=["job"])
    return run


def run_read_headers(run: ImportRun) -> None:
    """Read the file's header row (every bound of ``readers`` checked first) and make the run ready to map.
    A file that cannot be read fails the run with the reader's Indonesian message and is not kept."""
    try:
        table = open_table(run.file.path, name=run.original_name)
        headers = table.headers
        close = getattr(table.rows, "close", None)
        if close is not None:
            close()  # nothing beyond the header row is read here
    except (ReaderError, MemoryError) as error:
        run.file.delete(save=False)
        run.status = RunStatus.FAILED
        run.message = (
            str(error)
            if isinstance(error, ReaderError)
            else "Memori tidak cukup untuk berkas ini: pecah berkas menjadi beberapa berkas."
        )[:1000]
        run.finished_at = timezone.now()
        run.save(update_fields=["file", "status", "message", "finished_at"])
        return
    run.headers = headers
    run.status = RunStatus.DRAFT
    run.save(update_fields=["headers", "status"])


def run_set_mapping(*, actor, run: ImportRun, mapping: list[str]) -> None:
    spec = get_spec(run.spec)
    run.mapping = mapping
    run.save(update_fields=["mapping"])
    mapping_remember(actor=actor, spec=spec, source=run.source, headers=run.headers, mapping=mapping)


def run_start(*, actor, run: ImportRun) -> Job:
    """Queue the run as a background job (it starts when the transaction commits)."""
    spec = get_spec(run.spec)
    with transaction.atomic():
        job = job_start(
            actor=actor,
            kind=JOB_KIND,
            label=f"Impor {spec.label}: {run.original_name}",
            params={"run_id": run.pk},
        )
        run.job = job
        run.status = RunStatus.QUEUED
        run.save(update_fields=["job", "status"])
    return job


def run_execute(run: ImportRun, *, actor, progress=None, batch_size: int | None = None) -> runner.Counts:
    """Run the import to its end and store the counts and the error file on the run.

    A run that stops part-way (a row the reader cannot read, a lost database connection, a crash) is
    recorded as failed with its true counts: each batch is its own transaction, so the rows saved are
    whole batches, and the message says how many were saved and from which row to resume."""
    spec = get_spec(run.spec)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    counts = runner.Counts()

    def batch_saved(counts: runner.Counts) -> None:
        # In the batch's own transaction: the run's counts are true whenever the worker stops.
        ImportRun.objects.filter(pk=run.pk).update(**{name: getattr(counts, name) for name in COUNTED})

    try:
        table = open_table(run.file.path, name=run.original_name)
        error_path = Path(run.file.path).with_name(f"{Path(run.file.name).stem}-ditolak.xlsx")
        errors = runner.ErrorFile(error_path, table.headers)
        runner.execute(
            spec,
            table,
            run.mapping,
            actor=actor,
            source=run.source,
            errors=errors,
            progress=progress,
            batch_size=batch_size,
            counts=counts,
            on_batch=batch_saved,
        )
        written = errors.close()
    except Exception as error:
        _record_failure(run, counts, error)
        raise
    _store_counts(run, counts)
    if written is not None:
        with written.open("rb") as file:
            run.error_file.save(written.name, File(file), save=False)
        written.unlink()
    run.message = "\n".join(counts.failed_batches)
    run.status = RunStatus.DONE
    run.finished_at = timezone.now()
    run.save()
    return counts


COUNTED = ("total", "created", "updated", "unchanged", "rejected")


def _store_counts(run: ImportRun, counts: runner.Counts) -> None:
    for name in COUNTED:
        setattr(run, name, getattr(counts, name))


def stopped_message(error: Exception, counts: runner.Counts) -> str:
    """What the user reads on a run that stopped: why, what was saved, where to go on from."""
    if isinstance(error, ReaderError | runner.RunStopped):
        reason = str(error)
    elif isinstance(error, runner.CONNECTION_ERRORS):
        reason = f"Basis data tidak dapat dihubungi ({str(error).strip()[:200]})."
    elif isinstance(error, MemoryError):
        reason = "Memori tidak cukup untuk berkas ini: pecah berkas menjadi beberapa berkas."
    else:
        reason = f"Impor berhenti karena galat: {str(error)[:300]}"
    saved = f"{counts.saved} baris tersimpan (baru {counts.created}, diubah {counts.updated})."
    if counts.saved and counts.resume_from:
        where = (
            f" Lanjutkan dari baris {counts.resume_from}, atau jalankan ulang seluruh berkas: baris yang "
            "sudah tersimpan tercatat tidak berubah."
        )
    else:
        where = " Jalankan ulang setelah masalahnya diatasi."
    return f"{reason} {saved}{where}"


def reconnect_if_lost() -> None:
    """Drop a connection the database has closed (the next query opens a new one). Inside a transaction
    nothing can be done about it, and nothing is needed: the caller's transaction fails as a whole."""
    if connection.in_atomic_block or connection.connection is None:
        return
    try:
        usable = connection.is_usable()
    except Exception:
        usable = False
    if not usable:
        connection.close()


def _record_failure(run: ImportRun, counts: runner.Counts, error: Exception) -> None:
    """Record the stop on the run, over a fresh connection if the old one is gone (the failure must be
    recorded even when the database connection is what failed)."""
    if isinstance(error, runner.RunStopped):
        counts = error.counts
    reconnect_if_lost()
    _store_counts(run, counts)
    run.status = RunStatus.FAILED
    run.message = stopped_message(error, counts)[:1000]
    run.finished_at = timezone.now()
    run.save()


def result_figures(run: ImportRun) -> dict[str, int]:
    return {
        "Baris": run.total,
        "Baru": run.created,
        "Diubah": run.updated,
        "Tidak berubah": run.unchanged,
        "Ditolak": run.rejected,
    }


@register(JOB_KIND, heavy=True, once=same_params("run_id"))
def run_job(job: Job, progress) -> dict:
    run = ImportRun.objects.get(pk=job.params["run_id"])
    run_execute(run, actor=job.created_by, progress=progress, batch_size=job.params.get("batch_size"))
    return result_figures(run)


@register(HEADERS_JOB_KIND)
def headers_job(job: Job, progress) -> dict:
    run = ImportRun.objects.get(pk=job.params["run_id"])
    progress(0, 1, "Membaca judul kolom")
    run_read_headers(run)
    progress(1, 1, "Selesai")
    return {"Kolom": len(run.headers)}


@on_abandoned(HEADERS_JOB_KIND)
def headers_abandoned(job: Job) -> None:
    """The worker died while reading the file (out of memory on a hostile file): the run fails, the file
    goes."""
    run = ImportRun.objects.filter(pk=job.params.get("run_id"), status=RunStatus.READING).first()
    if run is None:
        return
    run.file.delete(save=False)
    run.status = RunStatus.FAILED
    run.message = "Berkas tidak dapat dibaca: pekerja latar berhenti saat membacanya. Periksa berkasnya."
    run.finished_at = timezone.now()
    run.save(update_fields=["file", "status", "message", "finished_at"])


@on_abandoned(JOB_KIND)
def run_abandoned(job: Job) -> None:
    """The worker died mid-run: the run keeps the counts of its saved batches (written with each batch)."""
    run = ImportRun.objects.filter(pk=job.params.get("run_id")).first()
    if run is None or run.finished:
        return
    saved = run.created + run.updated + run.unchanged
    run.status = RunStatus.FAILED
    run.message = (
        f"Pekerja latar berhenti di tengah impor. {saved} baris tersimpan (baru {run.created}, diubah "
        f"{run.updated}), dalam kelompok utuh. Jalankan ulang: baris yang sudah tersimpan tercatat "
        "tidak berubah."
    )
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "message", "finished_at"])


def run_rerun(*, actor, run: ImportRun) -> ImportRun:
    """ "Jalankan ulang": a failed run's file again, with its mapping, as a new run (the old one stays as
    the record of what happened). Rows saved by the first run come back "unchanged", so the totals are
    exact."""
    if run.status != RunStatus.FAILED:
        raise ValueError("only a failed run is run again")
    again = ImportRun(
        spec=run.spec,
        source=run.source,
        original_name=run.original_name,
        headers=run.headers,
        mapping=run.mapping,
        created_by=actor,
    )
    again.file.name = run.file.name  # the same stored file
    again.save()
    run_start(actor=actor, run=again)
    return again


def error_file_downloaded(*, actor, run: ImportRun) -> None:
    """R46: a download of rejected rows (they hold the uploaded personal data) is an export."""
    audit_log(
        actor=actor,
        action=Action.EXPORT,
        obj=run,
        object_repr=f"baris ditolak: {run.original_name}"[:200],
        note="" if actor.sees_personal_data else "disamarkan",
    )


# The rejected-rows file for a role that sees personal data masked (R45): the same rows, these columns masked.
MASKED_FIELDS = {"nik": mask_nik, "owner_nik": mask_nik, "phone": mask_phone, "address": mask_address}


def error_workbook_masked(run: ImportRun) -> Workbook:
    masks = {
        index + 1: MASKED_FIELDS[field] for index, field in enumerate(run.mapping) if field in MASKED_FIELDS
    }
    source = load_workbook(run.error_file.path, read_only=True)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Ditolak")
    for number, row in enumerate(source.active.iter_rows(values_only=True)):
        cells = list(row)
        if number:  # the header row stays; column 0 is the row number, then the file's columns
            for index, mask in masks.items():
                if index < len(cells) and cells[index] not in (None, ""):
                    cells[index] = mask(str(cells[index]))
        sheet.append(cells)
    source.close()
    return workbook
