"""Start jobs and run them. The queue is django-tasks: a database queue and `berdaya db_worker` by default
(no extra server), Redis and RQ workers at scale (settings.TASKS)."""

from __future__ import annotations

import logging
import os
import socket
import time
import traceback

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Job, Status
from .registry import ABANDONED_HANDLERS, HANDLERS, HEAVY

log = logging.getLogger(__name__)


class Progress:
    """Writes a job's progress to its row, at most every ``interval`` seconds (and always at the end)."""

    def __init__(self, job: Job, interval: float = 0.5):
        self.job = job
        self.interval = interval
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if total is not None:
            self.job.total = total
        self.job.done = min(done, self.job.total) if self.job.total else done
        if message:
            self.job.message = message[:300]
        if now - self._last >= self.interval:
            self._last = now
            Job.objects.filter(pk=self.job.pk).update(
                done=self.job.done, total=self.job.total, message=self.job.message
            )


ONCE_KEY = "_once"
HEAVY_KEY = "_heavy"
HEAVY_PER_USER = 2  # heavy jobs (imports, scans, exports, reports) one user may have waiting or running


class JobLimitReached(ValidationError):
    pass


def job_start(
    *,
    actor,
    kind: str,
    label: str,
    params: dict | None = None,
    once: str | None = None,
    heavy: bool | None = None,
) -> Job:
    """Queue a job; it runs in a worker once the surrounding transaction commits.

    ``once``: a key (say "2024:lakip"): while a job of this kind and key waits or runs, it is returned
    instead of queueing another (a button pressed 540 times queues one report). A heavy kind
    (``registry.register(kind, heavy=True, once=...)``) computes its key from the params itself.
    A heavy job is refused with JobLimitReached when the user already has HEAVY_PER_USER heavy jobs
    waiting or running. ``heavy`` overrides the kind's declaration (tests)."""
    from .tasks import run_job

    if kind not in HANDLERS:
        raise ValueError(f"Unknown job kind: {kind}")
    params = dict(params or {})
    if heavy is None:
        heavy = kind in HEAVY
    if once is None and heavy and HEAVY.get(kind) is not None:
        once = HEAVY[kind](params)  # type: ignore[misc]
    pending = Job.objects.filter(status__in=[Status.QUEUED, Status.RUNNING])
    if once is not None:
        existing = pending.filter(kind=kind, params___once=once).first()
        if existing is not None and existing.created_by_id == getattr(actor, "pk", None):
            return existing
        if existing is not None:  # someone else's: its page is theirs, and the work is already under way
            raise JobLimitReached(
                _("Pekerjaan yang sama sedang berjalan, dimulai pengguna lain: tunggu sampai selesai.")
            )
    if heavy and heavy_pending(actor).count() >= HEAVY_PER_USER:
        raise JobLimitReached(
            _("Anda masih punya %(n)d pekerjaan berat yang berjalan: tunggu sampai selesai.")
            % {"n": HEAVY_PER_USER}
        )
    if once is not None:
        params[ONCE_KEY] = once
    if heavy:
        params[HEAVY_KEY] = True
    job = Job.objects.create(kind=kind, label=label[:200], params=params, created_by=actor)
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def heavy_pending(actor):
    """The user's heavy jobs waiting or running (stamped when queued, so a kind declared heavy later still
    counts the jobs it queued before)."""
    return Job.objects.filter(
        status__in=[Status.QUEUED, Status.RUNNING], created_by=actor, params___heavy=True
    )


def job_run(job_id: int) -> Job:
    """Run one job to its end (called by the worker). Failures are recorded on the job, not raised."""
    job = Job.objects.get(pk=job_id)
    if job.status != Status.QUEUED:
        return job
    jobs_recover_abandoned()
    job.status = Status.RUNNING
    job.started_at = timezone.now()
    job.params = {**job.params, WORKER_KEY: worker_id()}
    job.save(update_fields=["status", "started_at", "params"])
    progress = Progress(job)
    try:
        result = HANDLERS[job.kind](job, progress) or {}
    except Exception as error:  # a failed job must say why on screen, whatever the error
        log.exception("job %s failed", job.pk)
        job.status = Status.FAILED
        job.error = f"{error}\n\n{traceback.format_exc()}"[-5000:]
        job.message = str(error)[:300]
    else:
        job.status = Status.DONE
        job.result = result
        job.done = job.total
    job.finished_at = timezone.now()
    job.save()
    return job


# --- Jobs whose worker is gone --------------------------------------------------------------------------
WORKER_KEY = "_worker"  # in Job.params: the host and process running the job
ABANDONED_MESSAGE = (
    "Pekerja latar berhenti saat pekerjaan ini berjalan (dimatikan, kehabisan memori atau server dimulai "
    "ulang). Jalankan ulang pekerjaan ini."
)


def worker_id() -> dict:
    return {"host": socket.gethostname(), "pid": os.getpid()}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def jobs_recover_abandoned() -> list[int]:
    """Mark failed the running jobs whose worker process on this machine no longer exists (a job stays
    "Berjalan 40 %" forever otherwise). Called when a worker starts (``berdaya worker``) and before each
    job it runs. Workers on other machines are left to recover their own jobs."""
    host = socket.gethostname()
    found = []
    for job in Job.objects.filter(status=Status.RUNNING):
        worker = job.params.get(WORKER_KEY) or {}
        if worker.get("host") != host or not worker.get("pid") or _alive(int(worker["pid"])):
            continue
        job.status = Status.FAILED
        job.message = ABANDONED_MESSAGE[:300]
        job.error = ABANDONED_MESSAGE
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "message", "error", "finished_at"])
        handler = ABANDONED_HANDLERS.get(job.kind)
        if handler is not None:
            handler(job)
        log.warning("job %s abandoned by worker %s: marked failed", job.pk, worker)
        found.append(job.pk)
    return found
