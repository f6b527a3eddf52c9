"""Import runs: create one from an uploaded file, remember its mapping, start it as a job, execute it."""

from __future__ import annotations

from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from berdaya.jobs.models import Job
from berdaya.jobs.registry import register
from berdaya.jobs.services import job_start

from . import runner
from .models import ImportMapping, ImportRun, RunStatus
from .readers import open_table
from .spec import ImportSpec, get_spec, normalize_header

JOB_KIND = "imports.run"


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


def run_create(*, actor, spec: ImportSpec, file, name: str, source: str) -> ImportRun:
    """Store the file and read its header row. Raises readers.ReaderError for a file that cannot be read
    (nothing is kept then)."""
    run = ImportRun(
        spec=spec.key,
        source=source[:40],
        original_name=name[:255],
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    run.file.save(Path(name).name, file if isinstance(file, File) else File(file), save=False)
    try:
        table = open_table(run.file.path, name=name)
    except Exception:
        run.file.delete(save=False)
        raise
    run.headers = table.headers
    run.save()
    return run


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
    """Run the import to its end and store the counts and the error file on the run."""
    spec = get_spec(run.spec)
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    try:
        table = open_table(run.file.path, name=run.original_name)
        error_path = Path(run.file.path).with_name(f"{Path(run.file.name).stem}-ditolak.xlsx")
        errors = runner.ErrorFile(error_path, table.headers)
        counts = runner.execute(
            spec,
            table,
            run.mapping,
            actor=actor,
            source=run.source,
            errors=errors,
            progress=progress,
            batch_size=batch_size,
        )
        written = errors.close()
    except Exception as error:
        run.status = RunStatus.FAILED
        run.message = str(error)[:1000]
        run.finished_at = timezone.now()
        run.save()
        raise
    for name in ("total", "created", "updated", "unchanged", "rejected"):
        setattr(run, name, getattr(counts, name))
    if written is not None:
        with written.open("rb") as file:
            run.error_file.save(written.name, File(file), save=False)
        written.unlink()
    run.message = "\n".join(counts.failed_batches)
    run.status = RunStatus.DONE
    run.finished_at = timezone.now()
    run.save()
    return counts


def result_figures(run: ImportRun) -> dict[str, int]:
    return {
        "Baris": run.total,
        "Baru": run.created,
        "Diubah": run.updated,
        "Tidak berubah": run.unchanged,
        "Ditolak": run.rejected,
    }


@register(JOB_KIND)
def run_job(job: Job, progress) -> dict:
    run = ImportRun.objects.get(pk=job.params["run_id"])
    run_execute(run, actor=job.created_by, progress=progress)
    return result_figures(run)
