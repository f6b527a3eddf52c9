"""Background jobs: queued on commit, run by a worker, progress written, failures shown, access scoped."""

import pytest
from django.urls import reverse

from berdaya.jobs.models import Job, Status
from berdaya.jobs.registry import HANDLERS, register
from berdaya.jobs.services import job_run, job_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def counting_handler():
    @register("test_count")
    def count(job, progress):
        total = job.params["n"]
        for i in range(total):
            progress(i + 1, total, f"baris {i + 1}")
        return {"dihitung": total}

    @register("test_fail")
    def fail(job, progress):
        progress(1, 4)
        raise ValueError("Kolom NIK tidak ditemukan")

    yield
    HANDLERS.pop("test_count")
    HANDLERS.pop("test_fail")


def test_a_job_runs_after_commit_and_reports_its_result(
    cast, counting_handler, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(actor=cast.umkm, kind="test_count", label="Hitung", params={"n": 7})
    job.refresh_from_db()
    assert job.status == Status.DONE
    assert (job.done, job.total, job.percent) == (7, 7, 100)
    assert job.result == {"dihitung": 7}
    assert job.finished_at is not None


def test_a_failing_job_is_marked_failed_with_the_reason(cast, counting_handler):
    job = Job.objects.create(kind="test_fail", label="Gagal", created_by=cast.umkm)
    job = job_run(job.pk)
    assert job.status == Status.FAILED
    assert job.message == "Kolom NIK tidak ditemukan"
    assert "ValueError" in job.error


def test_a_finished_job_is_not_run_twice(cast, counting_handler):
    job = Job.objects.create(kind="test_count", label="x", params={"n": 2}, created_by=cast.umkm)
    job_run(job.pk)
    job_run(job.pk)
    assert Job.objects.get(pk=job.pk).result == {"dihitung": 2}


def test_an_unknown_kind_is_refused(cast):
    with pytest.raises(ValueError):
        job_start(actor=cast.umkm, kind="nope", label="x")


def test_the_progress_partial_polls_until_the_job_is_done(cast, counting_handler):
    job = Job.objects.create(
        kind="test_count", label="Impor", params={"n": 3}, total=10, done=4, created_by=cast.umkm
    )
    client = cast.client(cast.umkm)
    running = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in running
    assert 'value="40"' in running
    job_run(job.pk)
    finished = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert "hx-trigger" not in finished
    assert "dihitung" in finished


def test_someone_else_cannot_watch_my_job_but_the_inspector_can(cast):
    job = Job.objects.create(kind="x", label="Impor", created_by=cast.umkm)
    assert cast.client(cast.koperasi).get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert cast.client(cast.inspektur).get(reverse("jobs:detail", args=[job.pk])).status_code == 200


def test_the_job_list_has_a_helpful_empty_state(cast):
    body = cast.client(cast.umkm).get(reverse("jobs:list")).content.decode()
    assert "Belum ada pekerjaan latar" in body


def test_a_button_pressed_many_times_queues_one_job_per_key(cast, counting_handler):
    # A fuzzer queued 540 LibreOffice reports from one button.
    first = job_start(
        actor=cast.sekretariat, kind="test_count", label="x", params={"n": 1}, once="2024:lakip"
    )
    for _ in range(5):
        again = job_start(
            actor=cast.sekretariat, kind="test_count", label="x", params={"n": 1}, once="2024:lakip"
        )
        assert again.pk == first.pk
    other_year = job_start(
        actor=cast.sekretariat, kind="test_count", label="x", params={"n": 1}, once="2025:lakip"
    )
    assert other_year.pk != first.pk and Job.objects.count() == 2


def test_a_user_has_at_most_two_heavy_jobs_pending(cast, counting_handler):
    from berdaya.jobs.services import HEAVY_PER_USER, JobLimitReached

    for i in range(HEAVY_PER_USER):
        job_start(actor=cast.sekretariat, kind="test_count", label="x", params={"n": i}, heavy=True)
    with pytest.raises(JobLimitReached):
        job_start(actor=cast.sekretariat, kind="test_count", label="x", params={"n": 9}, heavy=True)
    job_start(
        actor=cast.kepala, kind="test_count", label="x", params={"n": 9}, heavy=True
    )  # another user may
