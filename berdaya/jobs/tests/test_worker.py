"""The default queue really works without any extra server: a database queue drained by `db_worker`."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from berdaya.jobs.models import Job, Status
from berdaya.jobs.registry import HANDLERS, register
from berdaya.jobs.tasks import run_job


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_and_db_worker_run_a_job(cast):
    @register("test_worker")
    def handler(job, progress):
        progress(2, 2)
        return {"ok": 1}

    try:
        job = Job.objects.create(kind="test_worker", label="Lewat antrean", created_by=cast.umkm)
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            run_job.using().enqueue(job.pk)
            assert Job.objects.get(pk=job.pk).status == Status.QUEUED  # nothing ran yet: it is only queued
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        job.refresh_from_db()
        assert job.status == Status.DONE
        assert job.result == {"ok": 1}
    finally:
        HANDLERS.pop("test_worker")
