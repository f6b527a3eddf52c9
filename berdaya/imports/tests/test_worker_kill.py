"""A real worker process killed (SIGKILL) in the middle of an import on PostgreSQL: whole batches only,
the run's counts equal what is in the database, the next worker marks the job failed, and "Jalankan
ulang" reaches exactly the file's count."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings

from berdaya.imports import services
from berdaya.imports.models import ImportRun, RunStatus
from berdaya.jobs.models import Job, Status
from berdaya.jobs.tasks import run_job
from berdaya.people.models import Person
from berdaya.test import restore_reference_data

from .helpers import people_rows, write_csv
from .test_faults import new_run

ROWS = 12_000
BATCH = 1_000
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker(tmp_path, *args) -> subprocess.Popen:
    db = settings.DATABASES["default"]
    env = os.environ | {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "BERDAYA_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_DEBUG": "1",
    }
    command = [sys.executable, "-m", "berdaya", "worker", "--", "--batch", "--no-startup-delay", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until(condition, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)  # polling another process's progress: there is no event to wait on
    return False


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a worker process needs a shared server database"
)
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_import_leaves_whole_batches_and_a_rerun_reaches_the_exact_count(cast, tmp_path):
    restore_reference_data()
    # valid_nik's serials run out at 9,999: vary the birth date too (R3 keeps sex and date consistent)
    births = [dt.date(1980, 1, 1) + dt.timedelta(days=i // 5000) for i in range(ROWS)]
    niks = [f"637101{b:%d%m%y}{i % 5000 + 1:04d}" for i, b in enumerate(births)]
    rows = [
        row[:4] + [f"{b:%d/%m/%Y}", "0812-3456-7890"] + row[6:]
        for row, b in zip(people_rows(niks), births, strict=True)
    ]  # every row valid
    run = new_run(write_csv(tmp_path / "warga.csv", rows), cast.umkm)
    job = Job.objects.create(
        kind=services.JOB_KIND,
        label="impor",
        params={"run_id": run.pk, "batch_size": BATCH},
        created_by=cast.umkm,
    )
    ImportRun.objects.filter(pk=run.pk).update(job=job, status=RunStatus.QUEUED)
    with override_settings(TASKS=DB_QUEUE):
        run_job.using().enqueue(job.pk)

    process = worker(tmp_path)
    started = wait_until(lambda: Person.objects.count() >= BATCH, seconds=120)
    process.send_signal(signal.SIGKILL)
    process.wait()  # reaped: its pid is gone
    assert started, process.stderr.read().decode()[-2000:]

    saved = Person.objects.count()
    run.refresh_from_db()
    assert 0 < saved < ROWS, "the worker finished before it was killed: raise ROWS"
    assert saved % BATCH == 0  # whole batches only
    assert run.created == saved  # the counts are written in each batch's transaction
    assert Job.objects.get(pk=job.pk).status == Status.RUNNING  # as the dead worker left it

    restart = worker(tmp_path)  # a supervisor restarts the worker: it marks the job failed
    assert restart.wait(timeout=120) == 0, restart.stderr.read().decode()[-2000:]
    job.refresh_from_db()
    run.refresh_from_db()
    assert job.status == Status.FAILED and run.status == RunStatus.FAILED
    assert f"{saved} baris tersimpan" in run.message

    again = services.run_rerun(actor=cast.umkm, run=run)  # runs here (the tests' immediate queue)
    again.refresh_from_db()
    assert again.status == RunStatus.DONE
    assert (again.created, again.unchanged, again.rejected) == (ROWS - saved, saved, 0)
    assert Person.objects.count() == ROWS
