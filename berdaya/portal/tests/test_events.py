"""Events open for registration (training's events): registering from the portal gives a tracking code;
staff confirm the KTP and training's service takes the place (R52)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.portal import services
from berdaya.portal.abuse import form_stamp
from berdaya.portal.models import Kind, Submission, SubmissionStatus
from berdaya.training.models import Participant, Source
from berdaya.training.tests.conftest import make_event

from .conftest import OWNER


@pytest.fixture
def open_event(cast):
    soon = timezone.localdate() + dt.timedelta(days=10)
    return make_event(actor=cast.umkm, starts_on=soon, ends_on=soon, status="open", title="Kelas Foto Produk")


def test_only_events_open_for_registration_are_listed(client, cast, open_event):
    make_event(actor=cast.umkm, title="Rapat Internal", status="planned")
    page = client.get(reverse("portal:events")).text
    assert "Kelas Foto Produk" in page and "Rapat Internal" not in page


def test_registering_gives_a_tracking_code_and_takes_no_place_until_staff_confirm(client, cast, open_event):
    response = client.post(
        reverse("portal:event", args=[open_event.pk]),
        {"name": OWNER["name"], "nik": OWNER["nik"], "phone": "081351112233", "kecamatan": "63.71.01",
         "agree": "on", "mulai": form_stamp()},
    )  # fmt: skip
    submission = Submission.objects.get()
    assert submission.kind == Kind.REGISTRATION and submission.code.startswith("K-")
    assert response["Location"] == reverse("portal:status", args=[submission.code])
    assert not Participant.objects.exists()  # R52
    participant = services.submission_register(actor=cast.umkm, submission=submission)
    assert participant.source == Source.PORTAL and participant.person.nik == OWNER["nik"]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.FORWARDED
    assert "Terdaftar" in client.get(reverse("portal:status", args=[submission.code])).text


def test_a_past_or_planned_event_cannot_be_registered_for(client, cast):
    planned = make_event(actor=cast.umkm, status="planned")
    assert client.get(reverse("portal:event", args=[planned.pk])).status_code == 404
