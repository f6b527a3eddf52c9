"""Issue 17, finding 3: the upload request only stores the file and queues; the header row is read by a
background job, with every bound of the readers (zip bombs, thousands of columns, long headers) checked
there, and the mapping page shows the reading's progress, then the columns."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from berdaya.imports import readers, services
from berdaya.imports.models import ImportRun, RunStatus
from berdaya.jobs.models import Status
from berdaya.test import valid_nik

from .helpers import people_rows, write_csv
from .test_readers import OTHER_WRITERS, _workbook_with_sheet

pytestmark = pytest.mark.django_db


def post_upload(client, path: Path, *, execute: bool):
    content = SimpleUploadedFile(path.name, path.read_bytes())
    with TestCase.captureOnCommitCallbacks(execute=execute) as queued:
        response = client.post(reverse("imports:upload", args=["people"]), {"file": content})
    return response, queued


def test_the_upload_request_stores_and_queues_without_opening_the_file(cast, tmp_path, monkeypatch):
    client = cast.client(cast.umkm)
    path = write_csv(tmp_path / "warga.csv", people_rows([valid_nik()]))

    def not_in_the_request(*args, **kwargs):
        raise AssertionError("the upload request read the file")

    monkeypatch.setattr(readers, "_with_header", not_in_the_request)
    response, queued = post_upload(client, path, execute=False)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:mapping", args=[run.pk])
    assert run.status == RunStatus.READING and run.headers == []
    assert run.job.kind == services.HEADERS_JOB_KIND and run.job.status == Status.QUEUED
    assert Path(run.file.path).exists()

    # Until the job has read the header row, the mapping page shows its progress and polls.
    page = client.get(reverse("imports:mapping", args=[run.pk]))
    assert page.status_code == 200 and "form" not in page.context
    html = page.content.decode()
    assert "Membaca berkas" in html and reverse("imports:status", args=[run.pk]) in html
    polled = client.get(reverse("imports:status", args=[run.pk]), headers={"HX-Request": "true"})
    assert "HX-Redirect" not in polled

    monkeypatch.undo()
    for callback in queued:  # the worker runs the job
        callback()
    run.refresh_from_db()
    assert run.status == RunStatus.DRAFT and run.headers[1] == "NIK"
    assert run.job.status == Status.DONE
    polled = client.get(reverse("imports:status", args=[run.pk]), headers={"HX-Request": "true"})
    assert polled["HX-Redirect"] == reverse("imports:mapping", args=[run.pk])
    page = client.get(reverse("imports:mapping", args=[run.pk]))
    assert page.context["form"]["col_1"].initial == "nik"


def _bomb(tmp_path):
    bomb = _workbook_with_sheet(tmp_path / "bom.xlsx", OTHER_WRITERS["google"], ["No", "A" * (60 * 1024**2)])
    assert bomb.stat().st_size < 1024**2
    return bomb


def _wide(tmp_path):
    return write_csv(tmp_path / "a.csv", [["x"] * 5002], [f"K{i}" for i in range(5002)], delimiter=",")


def _long_header(tmp_path):
    return write_csv(tmp_path / "a.csv", [["1"]], ["A" * 5000], delimiter=",")


def _blank_lines(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"\n\n\n")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_bomb, "membesar"),
        (_wide, "berisi 5002 kolom; paling banyak 300"),
        (_long_header, "lebih dari 200 karakter"),
        (_blank_lines, "Berkas kosong"),
    ],
)
def test_a_hostile_or_empty_file_fails_in_the_job_with_an_indonesian_message(cast, tmp_path, make, message):
    client = cast.client(cast.umkm)
    response, _queued = post_upload(client, make(tmp_path), execute=True)
    run = ImportRun.objects.get()
    assert response.url == reverse("imports:mapping", args=[run.pk])  # the request itself never failed
    assert run.status == RunStatus.FAILED and message in run.message
    assert not run.file  # the file is not kept
    page = client.get(reverse("imports:mapping", args=[run.pk]), follow=True)
    html = page.content.decode()
    assert "Berkas tidak dapat dibaca:" in html and message in html
    assert "Unggah berkas lain" in html and "Jalankan ulang" not in html
    assert client.post(reverse("imports:rerun", args=[run.pk])).status_code == 302
    assert ImportRun.objects.count() == 1  # nothing to run again without columns
