"""Start jobs and run them. The queue is django-tasks: a database queue and `berdaya db_worker` by default
(no extra server), Redis and RQ workers at scale (settings.TASKS)."""

from __future__ import annotations

import logging
import time
import traceback

from django.db import transaction
from django.utils import timezone

from .models import Job, Status
from .registry import HANDLERS

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


def job_start(*, actor, kind: str, label: str, params: dict | None = None) -> Job:
    """Queue a job; it runs in a worker once the surrounding transaction commits."""
    from .tasks import run_job

    if kind not in HANDLERS:
        raise ValueError(f"Unknown job kind: {kind}")
    job = Job.objects.create(kind=kind, label=label[:200], params=params or {}, created_by=actor)
    transaction.on_commit(lambda: run_job.enqueue(job.pk))
    return job


def job_run(job_id: int) -> Job:
    """Run one job to its end (called by the worker). Failures are recorded on the job, not raised."""
    job = Job.objects.get(pk=job_id)
    if job.status != Status.QUEUED:
        return job
    job.status = Status.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
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
