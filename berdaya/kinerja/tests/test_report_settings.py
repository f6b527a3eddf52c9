"""The yearly report page: the regional emblem setting, and the list of reports refreshed when one is done."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from berdaya.audit.models import AuditEntry
from berdaya.jobs.models import Job
from berdaya.kinerja import selectors
from berdaya.kinerja.report.jobs import JOB_KIND

pytestmark = pytest.mark.django_db


def png(colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 48), colour).save(out, format="PNG")
    return out.getvalue()


def test_without_an_upload_the_documents_print_the_neutral_placeholder():
    assert selectors.document_emblem() is None
    assert selectors.document_emblem_png() == selectors.EMBLEM_PLACEHOLDER.read_bytes()


def test_the_secretariat_uploads_the_emblem_and_the_documents_print_it(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = cast.client(cast.sekretariat)
    upload = SimpleUploadedFile("lambang.png", png(), content_type="image/png")
    response = client.post(reverse("kinerja:report_emblem"), {"emblem": upload})
    assert response.status_code == 302
    printed = Image.open(io.BytesIO(selectors.document_emblem_png()))
    assert printed.size == (40, 48) and printed.getpixel((1, 1))[:3] == (200, 30, 30)
    assert AuditEntry.objects.filter(object_type="kinerja.documentsetting").exists()
    client.post(reverse("kinerja:report_emblem"), {"hapus": "1"})
    assert selectors.document_emblem_png() == selectors.EMBLEM_PLACEHOLDER.read_bytes()


def test_a_file_that_is_not_an_image_is_refused_with_a_message(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("lambang.png", b"not an image", content_type="image/png")
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:report_emblem"), {"emblem": upload}, follow=True
    )
    assert selectors.document_emblem() is None
    assert "gambar" in response.content.decode().lower()


def test_readers_may_not_change_the_emblem(cast):
    upload = SimpleUploadedFile("lambang.png", png(), content_type="image/png")
    response = cast.client(cast.inspektur).post(reverse("kinerja:report_emblem"), {"emblem": upload})
    assert response.status_code == 403


def test_once_a_report_is_done_the_list_below_is_refreshed_with_it(cast):
    job = Job.objects.create(
        kind=JOB_KIND,
        label="LAKIP 2022",
        status="done",
        created_by=cast.sekretariat,
        result={"files": {"docx": "x.docx"}, "source": "contoh", "seconds": 1},
    )
    response = cast.client(cast.sekretariat).get(reverse("kinerja:report_progress", args=[job.pk]))
    html = response.content.decode()
    assert 'id="lakip-list"' in html and 'hx-swap-oob="true"' in html
    assert "Belum ada laporan yang dibuat" not in html and "LAKIP 2022" in html
