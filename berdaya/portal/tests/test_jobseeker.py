"""AK/1 pre-registration from the portal (issue 11 point 1, issue 13 point 2): a tracking code, a queue
entry for staff, and no card until staff check the KTP and complete it through naker's service (R52)."""

import pytest
from django.urls import reverse

from berdaya.naker.models import JobSeeker
from berdaya.portal import services
from berdaya.portal.abuse import form_stamp
from berdaya.portal.models import Kind, Submission, SubmissionStatus
from berdaya.regions.models import Region

pytestmark = pytest.mark.django_db
NIK = "6371015203900002"


def _preregister(client, **extra):
    data = {
        "name": "Aluh Sari",
        "nik": NIK,
        "phone": "0852 4888 7777",
        "kecamatan": "63.71.01",
        "education": "sma",
        "major": "Tata busana",
        "skills_text": "menjahit, kasir",
        "preferred_kecamatan": "63.71.02",
        "agree": "on",
        "mulai": form_stamp(),
    }
    return client.post(reverse("portal:jobseeker"), data | extra)


def test_a_job_seeker_pre_registers_and_gets_a_tracking_code(client):
    response = _preregister(client)
    submission = Submission.objects.get()
    assert response["Location"] == reverse("portal:status", args=[submission.code])
    assert submission.kind == Kind.JOB_SEEKER and submission.code.startswith("J-")
    assert submission.answers["education"] == "sma" and submission.answers["skills_text"] == "menjahit, kasir"
    page = client.get(response["Location"]).text
    assert "KTP dan ijazah" in page and "menjahit" not in page


def test_pre_registration_decides_nothing(client):
    # domain.md R52: no AK/1 card (nor person) on self-declared data alone.
    from berdaya.people.models import Person

    _preregister(client)
    assert not JobSeeker.objects.exists() and not Person.objects.filter(nik=NIK).exists()


def test_it_refuses_a_wrong_nik_with_a_clear_message(client):
    response = _preregister(client, nik="123")
    assert response.status_code == 200 and not Submission.objects.exists()
    assert "NIK" in response.text


def test_staff_complete_it_into_a_job_seeker_through_naker(cast):
    # R52: staff check the KTP at the counter; naker's jobseeker_register issues the card (R37).
    submission = services.submission_create(
        kind=Kind.JOB_SEEKER,
        data={"name": "Aluh Sari", "nik": NIK, "phone": "+6285248887777"},
        answers={
            "education": "sma",
            "major": "",
            "skills_text": "menjahit",
            "preferred_kecamatan": "63.71.02",
        },
    )
    response = cast.client(cast.p3k).post(
        reverse("portal_staff:forward", args=[submission.pk]), {"kelurahan": "63.71.01.1001"}
    )
    assert response.status_code == 302
    job_seeker = JobSeeker.objects.get(person__nik=NIK)
    assert job_seeker.education == "sma" and job_seeker.card_number
    assert job_seeker.preferred_kecamatan == Region.objects.get(code="63.71.02")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.FORWARDED and submission.job_seeker == job_seeker


def test_the_queue_lists_pre_registrations_from_the_portal(cast, client):
    _preregister(client)
    page = cast.client(cast.p3k).get(reverse("portal_staff:queue") + "?jenis=pencaker").text
    assert "Pra-pendaftaran pencari kerja" in page


def test_a_person_without_domicile_is_refused_with_naker_s_message(cast):
    submission = services.submission_create(
        kind=Kind.JOB_SEEKER,
        data={"name": "Aluh Sari", "nik": NIK, "phone": "+6285248887777"},
        answers={"education": "sma", "skills_text": "menjahit"},
    )
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Domisili"):
        services.submission_register_job_seeker(actor=cast.p3k, submission=submission)
    assert not JobSeeker.objects.exists()


def test_only_staff_who_make_ak1_cards_can_complete_it(cast):
    # naker's access policy decides who makes a card; the micro-enterprise clerk does not.
    submission = services.submission_create(
        kind=Kind.JOB_SEEKER,
        data={"name": "Aluh Sari", "nik": NIK, "phone": "+6285248887777"},
        answers={"education": "sma", "skills_text": "menjahit"},
    )
    url = reverse("portal_staff:forward", args=[submission.pk])
    assert cast.client(cast.umkm).post(url, {"kelurahan": "63.71.01.1001"}).status_code == 403
    detail = cast.client(cast.p3k).get(reverse("portal_staff:detail", args=[submission.pk])).text
    assert "Buat kartu AK/1" in detail and NIK in detail
    assert not JobSeeker.objects.exists()
