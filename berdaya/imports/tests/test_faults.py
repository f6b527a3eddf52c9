"""An import under faults: an unreadable row part-way, a huge cell, a lost database connection, a worker
that died. Whole batches only, true counts, an Indonesian message saying what was saved and where to go
on, and "Jalankan ulang" reaching the exact total."""

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.urls import reverse
from openpyxl import load_workbook

from berdaya.imports import services
from berdaya.imports.models import ImportRun, RunStatus
from berdaya.imports.readers import MAX_CELL_CHARS
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.jobs.models import Job, Status
from berdaya.jobs.services import WORKER_KEY, jobs_recover_abandoned, worker_id
from berdaya.people.models import Person
from berdaya.test import valid_nik

from .helpers import people_rows, write_csv

pytestmark = pytest.mark.django_db


def new_run(path, actor):
    spec = get_spec("people")
    with open(path, "rb") as file:
        run = services.run_create(
            actor=actor,
            spec=spec,
            file=SimpleUploadedFile(path.name, file.read()),
            name=path.name,
            source="x",
        )
    services.run_read_headers(run)  # the upload's background job
    services.run_set_mapping(actor=actor, run=run, mapping=suggest_mapping(spec, run.headers))
    return run


def test_a_row_the_reader_cannot_read_stops_the_run_with_its_saved_batches_counted(cast, tmp_path):
    # A 12,000-row file stopped at row 11,002 said "created 0" with 9,935 rows saved.
    rows = people_rows([valid_nik() for _ in range(7)])
    rows[5][6] = "B" * (2 * 1024**2)  # row 7 of the sheet: past the reader's field limit
    run = new_run(write_csv(tmp_path / "a.csv", rows), cast.umkm)
    with pytest.raises(Exception, match="baris 7"):
        services.run_execute(run, actor=cast.umkm, batch_size=2)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert Person.objects.count() == 5 == run.created  # every row before the unreadable one, saved
    assert "5 baris tersimpan" in run.message and "Lanjutkan dari baris 7" in run.message


def test_a_cell_longer_than_excel_allows_rejects_its_row_only(cast, tmp_path):
    rows = people_rows([valid_nik() for _ in range(3)])
    rows[1][6] = "=HYPERLINK(" + "x" * MAX_CELL_CHARS
    run = new_run(write_csv(tmp_path / "a.csv", rows), cast.umkm)
    services.run_execute(run, actor=cast.umkm)
    run.refresh_from_db()
    assert (run.status, run.created, run.rejected) == (RunStatus.DONE, 2, 1)
    sheet = load_workbook(run.error_file.path).active
    cell = sheet.cell(row=2, column=8)
    assert cell.value.startswith("'=HYPERLINK") and len(cell.value) <= MAX_CELL_CHARS + 1  # not a formula
    assert "lebih dari 32,767 karakter" in sheet.cell(row=2, column=sheet.max_column).value


def test_a_lost_connection_stops_the_run_instead_of_refusing_every_row_one_by_one(
    cast, tmp_path, monkeypatch
):
    spec = get_spec("people")
    original = type(spec).write_batch
    calls = []

    def cut_on_second_batch(self, rows, **kwargs):
        calls.append(len(rows))
        if len(calls) == 2:
            raise OperationalError("terminating connection due to administrator command")
        return original(self, rows, **kwargs)

    monkeypatch.setattr(type(spec), "write_batch", cut_on_second_batch)
    run = new_run(write_csv(tmp_path / "a.csv", people_rows([valid_nik() for _ in range(6)])), cast.umkm)
    with pytest.raises(Exception, match="Basis data tidak dapat dihubungi"):
        services.run_execute(run, actor=cast.umkm, batch_size=2)
    assert calls == [2, 2]  # no retry row by row
    run.refresh_from_db()
    assert (run.status, run.created, run.rejected) == (RunStatus.FAILED, 2, 0)
    assert "Lanjutkan dari baris 4" in run.message


def test_the_preview_answers_a_10_mb_cell_with_a_message_not_a_server_error(cast, tmp_path):
    rows = people_rows([valid_nik()])
    rows.append(["2", "B" * (10 * 1024**2)])
    run = new_run(write_csv(tmp_path / "a.csv", rows), cast.umkm)
    client = cast.client(cast.umkm)
    response = client.get(reverse("imports:preview", args=[run.pk]), follow=True)
    assert response.status_code == 200
    assert "berhenti dibaca di baris 3" in response.content.decode()


def test_the_command_line_prints_the_stop_in_indonesian_not_a_traceback(cast, tmp_path):
    rows = people_rows([valid_nik()])
    rows.append(["2", "B" * (2 * 1024**2)])
    with pytest.raises(CommandError, match="1 baris tersimpan"):
        call_command("import", "people", str(write_csv(tmp_path / "a.csv", rows)))


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_a_job_whose_worker_died_is_marked_failed_and_its_run_can_be_run_again(
    cast, tmp_path, django_capture_on_commit_callbacks
):
    niks = [valid_nik() for _ in range(4)]
    run = new_run(write_csv(tmp_path / "a.csv", people_rows(niks)), cast.umkm)
    job = Job.objects.create(
        kind=services.JOB_KIND,
        label="x",
        params={"run_id": run.pk, WORKER_KEY: worker_id() | {"pid": dead_pid()}},
        status=Status.RUNNING,
        created_by=cast.umkm,
    )
    ImportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, job=job, created=0)
    alive = Job.objects.create(
        kind=services.JOB_KIND, label="y", params={WORKER_KEY: worker_id()}, status=Status.RUNNING,
        created_by=cast.umkm,
    )  # fmt: skip
    assert jobs_recover_abandoned() == [job.pk]
    job.refresh_from_db()
    run.refresh_from_db()
    assert job.status == Status.FAILED and Job.objects.get(pk=alive.pk).status == Status.RUNNING
    assert run.status == RunStatus.FAILED and "Jalankan ulang" in run.message

    client = cast.client(cast.umkm)
    assert "Jalankan ulang" in client.get(reverse("imports:detail", args=[run.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:rerun", args=[run.pk]))
    again = ImportRun.objects.exclude(pk=run.pk).get()
    assert response.url == reverse("imports:detail", args=[again.pk])
    assert (again.status, again.created) == (RunStatus.DONE, 4)
    assert Person.objects.filter(nik__in=niks).count() == 4


def test_rejected_rows_are_masked_for_the_inspector_and_every_download_is_logged(cast, tmp_path):
    # R45, R46: the head of office and the inspectorate downloaded them unmasked and unlogged
    import io

    from berdaya.audit.models import Action, AuditEntry

    nik = valid_nik()
    rows = people_rows([nik])
    rows[0][3] = "X"  # an invalid sex: the row is rejected, with its NIK and phone
    run = new_run(write_csv(tmp_path / "a.csv", rows), cast.umkm)
    services.run_execute(run, actor=cast.umkm)
    run.refresh_from_db()
    response = cast.client(cast.inspektur).get(reverse("imports:error_file", args=[run.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [str(v) for v in next(sheet.iter_rows(min_row=2, values_only=True)) if v is not None]
    assert nik not in values and f"************{nik[-4:]}" in values
    assert not any("3456" in v for v in values)  # the phone masked too
    clerk = cast.client(cast.umkm).get(reverse("imports:error_file", args=[run.pk]))
    assert nik in str(list(load_workbook(io.BytesIO(b"".join(clerk.streaming_content))).active.values))
    assert AuditEntry.objects.filter(action=Action.EXPORT, object_type="imports.importrun").count() == 2
