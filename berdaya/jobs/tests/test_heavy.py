"""Issue 17 finding 13: every heavy background job (imports, duplicate scans, certificate exports, reports)
declares itself heavy and is limited: one pending job per kind and key, HEAVY_PER_USER per user, and a
refusal is a message, never a server error."""

import pytest
from django.urls import reverse

from berdaya.jobs.models import Job, Status
from berdaya.jobs.registry import HANDLERS, HEAVY, register, same_params
from berdaya.jobs.services import HEAVY_PER_USER, JobLimitReached, job_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def heavy_kind():
    @register("test_heavy", heavy=True, once=same_params("file"))
    def work(job, progress):
        return {}

    yield "test_heavy"
    HANDLERS.pop("test_heavy")
    HEAVY.pop("test_heavy")


def test_the_imports_scans_certificates_and_reports_declare_themselves_heavy():
    assert {"imports.run", "umkm_dedup_scan", "training_certificates", "kinerja_lakip"} <= set(HEAVY)


def test_a_heavy_kind_is_limited_without_the_caller_saying_so(cast, heavy_kind):
    jobs = [job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": n}) for n in range(2)]
    assert HEAVY_PER_USER == 2 and all(job.params["_heavy"] for job in jobs)
    with pytest.raises(JobLimitReached):
        job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": 9})
    assert Job.objects.filter(created_by=cast.umkm).count() == 2
    # A finished job no longer counts.
    Job.objects.filter(pk=jobs[0].pk).update(status=Status.DONE)
    assert job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": 9}).pk not in {
        job.pk for job in jobs
    }


def test_the_same_heavy_job_pressed_again_is_the_pending_one(cast, heavy_kind):
    first = job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": 1})
    for _ in range(5):
        assert job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": 1}).pk == first.pk
    assert Job.objects.count() == 1


def test_someone_elses_pending_job_is_not_handed_over_nor_duplicated(cast, heavy_kind):
    job_start(actor=cast.umkm, kind=heavy_kind, label="x", params={"file": 1})
    with pytest.raises(JobLimitReached, match="pengguna lain"):
        job_start(actor=cast.koperasi, kind=heavy_kind, label="x", params={"file": 1})
    assert Job.objects.count() == 1


def test_a_light_kind_is_not_limited(cast):
    @register("test_light")
    def work(job, progress):
        return {}

    try:
        for _ in range(HEAVY_PER_USER + 2):
            job_start(actor=cast.umkm, kind="test_light", label="x")
        assert Job.objects.filter(kind="test_light").count() == HEAVY_PER_USER + 2
    finally:
        HANDLERS.pop("test_light")


def test_a_refused_heavy_job_is_a_message_on_the_page_not_a_server_error(cast):
    """The duplicate scan view does not catch the refusal itself: the jobs middleware does."""
    for n in range(HEAVY_PER_USER):
        Job.objects.create(
            kind="imports.run", label="Impor", params={"_heavy": True, "run_id": n}, created_by=cast.umkm
        )
    client = cast.client(cast.umkm)
    page = reverse("umkm:dedup_list")
    response = client.post(reverse("umkm:dedup_scan"), headers={"Referer": f"http://testserver{page}"})
    assert response.status_code == 302 and response["Location"].endswith(page)
    assert not Job.objects.filter(kind="umkm_dedup_scan").exists()
    assert "pekerjaan berat" in client.get(page).content.decode()
    htmx = client.post(reverse("umkm:dedup_scan"), headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and "pekerjaan berat" in htmx.content.decode()
