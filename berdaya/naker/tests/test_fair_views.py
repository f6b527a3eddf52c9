"""The job fair pages through the test client (R38b): the counter, the door (training's check-in page with
the AK/1 card), the booth's application, interview and hire, the live board and the report."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from berdaya.companies.services import company_register
from berdaya.naker import services
from berdaya.naker.card import card_token
from berdaya.naker.models import JobFairApplication, Placement
from berdaya.naker.tests.test_fair import make_fair, make_seeker, make_vacancy
from berdaya.training.models import Source, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(cast):
    return make_fair(cast)


@pytest.fixture
def company(cast, fair):
    company = company_register(actor=cast.p3k, data={"name": "PT Banua Hotel"})
    services.fair_booth_add(actor=cast.p3k, event=fair, company=company, booth="A01")
    return company


def scan(client, fair, code, nonce):
    response = client.post(
        reverse("training:checkin_sync", args=[fair.pk]),
        json.dumps({"scans": [{"nonce": nonce, "code": code, "session": fair.sessions.first().pk}]}),
        content_type="application/json",
    )
    return response.json()["results"][0]


def test_the_door_takes_the_card_qr_and_registers_a_walk_in(cast, fair):  # R38b
    seeker = make_seeker(cast)
    client = cast.client(cast.p3k)
    qr = "http://testserver" + reverse("naker:verify", args=[card_token(seeker.card_number)])
    result = scan(client, fair, qr, "n1")
    assert result["accepted"] and result["name"] == seeker.person.name
    place = fair.participants.get()
    assert (place.source, place.status) == (Source.WALK_IN, Status.ATTENDED)
    again = scan(client, fair, seeker.card_number, "n2")  # the same card at the same session: counted once
    assert not again["accepted"] and "Sudah tercatat hadir" in again["reason"]
    assert fair.participants.count() == 1


def test_the_check_in_page_of_a_job_fair_says_it_takes_the_card(cast, fair):
    page = cast.client(cast.p3k).get(reverse("training:checkin", args=[fair.pk])).content.decode()
    assert "nomor kartu AK/1" in page


def test_the_counter_registers_by_card_number_and_explains_an_unknown_card(cast, fair):
    seeker = make_seeker(cast)
    client = cast.client(cast.p3k)
    response = client.post(
        reverse("naker:fair_register", args=[fair.pk]), {"register-card": seeker.card_number}
    )
    assert response.status_code == 302
    assert fair.participants.get().person == seeker.person
    page = client.post(reverse("naker:fair_register", args=[fair.pk]), {"register-card": "6371-2022-999999"})
    assert "Kartu AK/1 tidak ditemukan" in page.content.decode()


def test_a_booth_applies_interviews_and_hires_and_the_board_moves(cast, fair, company):  # R38b, R38a
    seeker = make_seeker(cast)
    vacancy = make_vacancy(cast, company)
    client = cast.client(cast.p3k)
    scan(client, fair, seeker.card_number, "n1")
    response = client.post(
        reverse("naker:fair_apply", args=[fair.pk]),
        {"apply-card": seeker.card_number, "apply-vacancy": vacancy.pk},
    )
    assert response.status_code == 302
    application = JobFairApplication.objects.get()
    client.post(reverse("naker:fair_interview", args=[application.pk]), {"result": "lolos", "note": "rapi"})
    board = client.get(reverse("naker:fair_board", args=[fair.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="board-hired">0<' in board and "<html" not in board
    client.post(
        reverse("naker:fair_hire", args=[application.pk]),
        {"start_date": fair.ends_on.isoformat(), "confirmed": "on"},
    )
    placement = Placement.objects.get()
    assert placement.channel == Placement.Channel.JOB_FAIR and placement.state == Placement.State.VERIFIED
    board = client.get(reverse("naker:fair_board", args=[fair.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="board-hired">1<' in board and 'hx-trigger="every 5s"' in board


def test_a_refused_application_comes_back_with_the_reason(cast, fair, company):
    seeker = make_seeker(cast)  # registered nowhere, never checked in
    page = cast.client(cast.p3k).post(
        reverse("naker:fair_apply", args=[fair.pk]),
        {"apply-card": seeker.card_number, "apply-vacancy": make_vacancy(cast, company).pk},
    )
    assert "belum tercatat hadir" in page.content.decode()
    assert not JobFairApplication.objects.exists()


@pytest.mark.parametrize("persona", ["umkm", "inspektur"])
def test_only_manpower_staff_record_at_the_fair(cast, fair, persona):
    seeker = make_seeker(cast)
    response = cast.client(getattr(cast, persona)).post(
        reverse("naker:fair_register", args=[fair.pk]), {"register-card": seeker.card_number}
    )
    assert response.status_code == 403 and not fair.participants.exists()


def test_the_report_downloads_as_docx_with_the_figures(cast, fair, company):
    client = cast.client(cast.p3k)
    page = client.get(reverse("naker:fair_report", args=[fair.pk])).content.decode()
    assert 'data-testid="report-companies">1<' in page
    response = client.get(reverse("naker:fair_report", args=[fair.pk]) + "?unduh=docx")
    document = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "Perusahaan peserta" in document and company.name in document


def test_the_fair_list_and_page_open(cast, fair, company):
    client = cast.client(cast.p3k)
    assert fair.title in client.get(reverse("naker:fairs")).content.decode()
    assert company.name in client.get(reverse("naker:fair", args=[fair.pk])).content.decode()
