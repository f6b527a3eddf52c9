"""The import pages through the test client: upload -> map -> preview -> start -> result."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from berdaya.imports.models import ImportMapping, ImportRun
from berdaya.people.models import Person
from berdaya.test import valid_nik

from .helpers import people_rows, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


def upload(client, path, *, name=None, source=""):
    """Upload, then run what the upload queued (the job reading the header row), as a worker would."""
    with open(path, "rb") as file:
        content = SimpleUploadedFile(name or path.name, file.read())
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("imports:upload", args=["people"]), {"file": content, "source": source})


def test_the_whole_flow_as_the_micro_enterprise_clerk(cast, tmp_path, django_capture_on_commit_callbacks):
    client = cast.client(cast.umkm)
    niks = [valid_nik() for _ in range(3)]
    path = write_xlsx(tmp_path / "warga.xlsx", people_rows([*niks, "123"]))

    assert client.get(reverse("imports:upload", args=["people"])).status_code == 200
    response = upload(client, path, source="kel-kelayan")
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:mapping", args=[run.pk])

    page = client.get(response.url)
    assert page.status_code == 200
    assert page.context["form"]["col_1"].initial == "nik"

    mapping = {
        f"col_{i}": name
        for i, name in enumerate(["", "nik", "name", "sex", "birth_date", "phone", "address", "kelurahan"])
    }
    response = client.post(reverse("imports:mapping", args=[run.pk]), mapping)
    assert response.url == reverse("imports:preview", args=[run.pk])
    assert ImportMapping.objects.get(spec="people", source="kel-kelayan").mapping["nama lengkap"] == "name"

    page = client.get(response.url)
    assert (page.context["preview"].valid, page.context["preview"].invalid) == (3, 1)
    assert "NIK tidak valid" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:start", args=[run.pk]))
    assert response.url == reverse("imports:detail", args=[run.pk])
    run.refresh_from_db()
    assert (run.status, run.created, run.rejected, run.total) == ("done", 3, 1, 4)
    assert Person.objects.filter(nik__in=niks).count() == 3
    assert run.job.status == "done" and run.job.result["Baru"] == 3

    page = client.get(reverse("imports:detail", args=[run.pk]))
    assert "Unduh baris ditolak" in page.content.decode()
    assert client.get(reverse("imports:status", args=[run.pk])).status_code == 200
    download = client.get(reverse("imports:error_file", args=[run.pk]))
    assert download.status_code == 200
    error_path = tmp_path / "ditolak.xlsx"
    error_path.write_bytes(b"".join(download.streaming_content))
    rows = list(load_workbook(error_path).active.values)
    assert rows[1][2] == "123" and "NIK" in rows[1][-1]

    assert client.get(reverse("imports:list")).status_code == 200
    # A second start does nothing.
    client.post(reverse("imports:start", args=[run.pk]))
    assert ImportRun.objects.get().created == 3


def test_required_fields_must_be_mapped(cast, tmp_path):
    client = cast.client(cast.umkm)
    upload(client, write_csv(tmp_path / "a.csv", people_rows([valid_nik()])))
    run = ImportRun.objects.get()
    response = client.post(reverse("imports:mapping", args=[run.pk]), {"col_1": "nik"})
    assert response.status_code == 200
    assert "Isian wajib belum dipetakan ke kolom mana pun: Nama." in response.content.decode()


def test_one_field_from_one_column_only(cast, tmp_path):
    client = cast.client(cast.umkm)
    upload(client, write_csv(tmp_path / "a.csv", people_rows([valid_nik()])))
    run = ImportRun.objects.get()
    response = client.post(
        reverse("imports:mapping", args=[run.pk]), {"col_1": "nik", "col_2": "name", "col_3": "name"}
    )
    assert "Satu isian hanya boleh dari satu kolom: Nama." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "Jenis berkas tidak didukung"),
        ("a.xlsx", b"not a zip", "Jenis berkas tidak didukung"),
        ("a.csv", b"", "Berkas kosong."),
    ],
)
def test_bad_files_are_refused_with_a_message(cast, name, content, message):
    client = cast.client(cast.umkm)
    response = client.post(
        reverse("imports:upload", args=["people"]), {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportRun.objects.exists()


def test_the_inspector_may_not_import(cast):
    client = cast.client(cast.inspektur)
    assert client.get(reverse("imports:upload", args=["people"])).status_code == 403


def test_another_clerk_cannot_see_someone_elses_run(cast, tmp_path):
    upload(cast.client(cast.umkm), write_csv(tmp_path / "a.csv", people_rows([valid_nik()])))
    run = ImportRun.objects.get()
    assert cast.client(cast.p3k).get(reverse("imports:mapping", args=[run.pk])).status_code == 404


def test_an_unknown_spec_is_not_found(cast):
    assert cast.client(cast.umkm).get(reverse("imports:upload", args=["tidak-ada"])).status_code == 404
