"""The report page: who sees it, who generates, progress, the three downloads."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from docx import Document

from berdaya.jobs.models import Job, Status
from berdaya.kinerja.models import Renstra
from berdaya.kinerja.report.jobs import JOB_KIND

PAGE = reverse("kinerja:report")
GENERATE = reverse("kinerja:report_generate")


@pytest.fixture(autouse=True)
def media(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    # The PDF conversion is tested in test_report_build; here it would only add seconds per report.
    monkeypatch.setattr("berdaya.lib.documents.soffice", lambda: None)


@pytest.fixture
def sample_job(cast, django_capture_on_commit_callbacks):
    """A generated example report (seed 003); the job runs when the request's transaction commits."""
    with django_capture_on_commit_callbacks(execute=True):
        response = cast.client(cast.sekretariat).post(GENERATE, {"contoh": "1"})
    assert response.status_code == 302
    return Job.objects.get(kind=JOB_KIND)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("kepala", 200), ("sekretariat", 200), ("koperasi", 200), ("umkm", 200), ("p3k", 200), ("phijs", 200),
     ("inspektur", 200), ("admin", 200), ("petugas", 403)],
)  # fmt: skip
def test_office_roles_see_the_report_page_and_field_officers_do_not(cast, persona, status):
    assert cast.client(getattr(cast, persona)).get(PAGE).status_code == status


def test_only_the_plans_keepers_may_generate(cast):
    assert cast.client(cast.kepala).post(GENERATE, {"contoh": "1"}).status_code == 403
    assert cast.client(cast.inspektur).post(GENERATE, {"contoh": "1"}).status_code == 403
    assert cast.client(cast.koperasi).post(GENERATE, {"contoh": "1"}).status_code == 403
    assert not Job.objects.exists()


def test_without_a_plan_the_page_explains_and_offers_the_example(cast):
    response = cast.client(cast.sekretariat).get(PAGE)
    assert "Belum ada Renstra yang berlaku" in response.content.decode()
    assert "Buat contoh" in response.content.decode()
    response = cast.client(cast.sekretariat).post(GENERATE, {"tahun": "2022"}, follow=True)
    assert "Belum ada Renstra yang berlaku untuk tahun 2022" in response.content.decode()
    assert not Job.objects.exists()


def test_with_a_plan_the_year_can_be_generated(cast, django_capture_on_commit_callbacks):
    Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)
    response = cast.client(cast.sekretariat).get(PAGE, {"tahun": "2022"})
    assert "Buat LAKIP 2022" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cast.client(cast.sekretariat).post(GENERATE, {"tahun": "2022"}, headers={"HX-Request": "true"})
    job = Job.objects.get(kind=JOB_KIND)
    assert {k: job.params[k] for k in ("year", "sample", "texts")} == {
        "year": 2022,
        "sample": False,
        "texts": {},
    }
    assert job.status == Status.DONE, job.error


def test_pressing_generate_again_while_a_report_waits_queues_no_second_one(cast):
    # A fuzzer queued 540 LibreOffice jobs: one pending report per year and kind.
    Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)
    client = cast.client(cast.sekretariat)
    for _ in range(3):
        client.post(GENERATE, {"tahun": "2022"})  # not committed: the first one stays queued
    assert Job.objects.filter(kind=JOB_KIND).count() == 1


def test_the_example_report_is_generated_in_the_background_with_three_files(cast, sample_job):
    assert sample_job.status == Status.DONE, sample_job.error
    assert sample_job.done == sample_job.total > 0
    assert sample_job.result["year"] == 2022 and sample_job.result["seconds"] > 0
    response = cast.client(cast.sekretariat).get(reverse("kinerja:report_progress", args=[sample_job.pk]))
    html = response.content.decode()
    assert "Unduh DOCX" in html and "Unduh XLSX" in html and "hx-get" not in html
    assert "PDF tidak dibuat" in html  # says why when LibreOffice is missing


def test_the_files_download_for_every_reader(cast, sample_job):
    client = cast.client(cast.inspektur)
    docx = client.get(reverse("kinerja:report_download", args=[sample_job.pk, "docx"]))
    assert docx.status_code == 200
    assert b"".join(docx.streaming_content)[:2] == b"PK"  # a zip container
    assert 'filename="LAKIP-2022.docx"' in docx["Content-Disposition"]
    xlsx = client.get(reverse("kinerja:report_download", args=[sample_job.pk, "xlsx"]))
    assert xlsx.status_code == 200
    assert client.get(reverse("kinerja:report_download", args=[sample_job.pk, "exe"])).status_code == 404
    assert (
        cast.client(cast.petugas)
        .get(reverse("kinerja:report_download", args=[sample_job.pk, "docx"]))
        .status_code
        == 403
    )


def test_the_page_lists_generated_reports(cast, sample_job):
    html = cast.client(cast.kepala).get(PAGE).content.decode()
    assert "LAKIP 2022 (contoh dari LAKIP 2022 Dinas)" in html
    assert "seed 003" not in html  # internal names never on screen
    assert reverse("kinerja:report_download", args=[sample_job.pk, "docx"]) in html


def test_a_job_of_another_kind_is_not_a_report(cast):
    other = Job.objects.create(kind="umkm_dedup_scan", label="x", created_by=cast.sekretariat)
    assert (
        cast.client(cast.sekretariat).get(reverse("kinerja:report_progress", args=[other.pk])).status_code
        == 404
    )


TEXTS = reverse("kinerja:report_texts")


def test_the_narrative_page_shows_the_drafts_to_editors_only(cast):
    html = cast.client(cast.sekretariat).get(TEXTS, {"contoh": "1"}).content.decode()
    assert "Dibandingkan tahun 2021 (5,20%), realisasi naik 1,27 poin persentase" in html
    assert 'name="IKU2__causes"' in html and 'name="_dokumen__foreword"' in html
    assert cast.client(cast.kepala).get(TEXTS, {"contoh": "1"}).status_code == 403
    response = cast.client(cast.sekretariat).get(TEXTS, {"tahun": "2022"}, follow=True)
    assert "Belum ada Renstra yang berlaku untuk tahun 2022" in response.content.decode()


def test_edited_text_goes_into_the_report_and_the_next_edit_starts_from_it(
    cast, django_capture_on_commit_callbacks
):
    client = cast.client(cast.sekretariat)
    page = client.get(TEXTS, {"contoh": "1"})
    fields = {
        name: text for section in page.context["sections"] for name, _label, text in section["fields"]
    } | {name: text for name, _label, text in page.context["document"]}
    fields |= {"contoh": "1", "IKU2__causes": "Pemeringkatan dipercepat ke triwulan III.",
               "_dokumen__recommendations": "Tambah penyuluh koperasi.\nPerkuat pemantauan WUB."}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(TEXTS, fields)
    assert response.status_code == 302
    job = Job.objects.get(kind=JOB_KIND)
    assert job.status == Status.DONE, job.error
    # only what staff changed is kept; the rest keeps following the data
    assert job.params["texts"] == {
        "IKU2": {"causes": "Pemeringkatan dipercepat ke triwulan III."},
        "_dokumen": {"recommendations": "Tambah penyuluh koperasi.\nPerkuat pemantauan WUB."},
    }
    with default_storage.open(job.result["files"]["docx"], "rb") as handle:
        paragraphs = [p.text for p in Document(handle).paragraphs]
    assert "Pemeringkatan dipercepat ke triwulan III." in paragraphs
    assert "2.\tPerkuat pemantauan WUB." in paragraphs  # numbered from 1 in its own list
    again = client.get(TEXTS, {"contoh": "1"}).content.decode()
    assert "Pemeringkatan dipercepat ke triwulan III." in again
    with django_capture_on_commit_callbacks(execute=True):
        client.post(GENERATE, {"contoh": "1"})  # a plain regeneration keeps the edited texts
    assert Job.objects.order_by("-pk").first().params["texts"] == job.params["texts"]


def test_the_report_job_is_registered_when_the_app_starts():
    from berdaya.jobs.registry import HANDLERS

    assert "kinerja_lakip" in HANDLERS
