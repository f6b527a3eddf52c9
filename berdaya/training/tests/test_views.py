"""The events pages end to end through the test client."""

import json

from django.urls import reverse

from berdaya.test import valid_nik
from berdaya.training import services
from berdaya.training.models import Certificate, CheckIn, Event, FollowUp, Participant, Status

from .conftest import make_event


def test_plan_an_event_from_the_form(cast):
    client = cast.client(cast.koperasi)
    response = client.post(
        reverse("training:create"),
        {
            "title": "Pelatihan Perkoperasian",
            "kind": "pelatihan",
            "division": "koperasi",
            "starts_on": "2022-03-08",
            "ends_on": "2022-03-09",
            "venue": "Hotel Aria Barito",
            "capacity": "30",
            "jp_hours": "16",
            "target_group": "koperasi_pengelola",
            "target": "cooperative",
            "completion_percent": "80",
            "status": "open",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("training:detail", args=[event.pk])
    assert event.sessions.count() == 2
    assert client.get(reverse("training:list")).status_code == 200
    assert b"Pelatihan Perkoperasian" in client.get(reverse("training:detail", args=[event.pk])).content


def test_planner_cannot_plan_and_bad_dates_are_explained(cast):
    assert cast.client(cast.sekretariat).get(reverse("training:create")).status_code == 403
    response = cast.client(cast.umkm).post(
        reverse("training:create"),
        {"title": "X", "kind": "pelatihan", "division": "usaha_mikro", "starts_on": "2022-03-09",
         "ends_on": "2022-03-08", "target_group": "umkm", "target": "enterprise", "completion_percent": "80",
         "status": "open", "jp_hours": "0"},
    )  # fmt: skip
    assert response.status_code == 200 and "sebelum tanggal mulai" in response.content.decode()
    assert not Event.objects.exists()


def test_register_shows_qr_and_duplicate_nik_is_refused(cast):
    event = make_event(actor=cast.umkm)
    client = cast.client(cast.umkm)
    nik = valid_nik()
    response = client.post(
        reverse("training:register", args=[event.pk]), {"nik": nik, "name": "Siti", "role": "umum"}
    )
    participant = Participant.objects.get()
    assert response["Location"] == reverse("training:participant", args=[participant.pk])
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and participant.token in page
    assert (
        client.get(reverse("training:participant_qr", args=[participant.pk]))["Content-Type"] == "image/png"
    )
    again = client.post(
        reverse("training:register", args=[event.pk]), {"nik": nik, "name": "Siti", "role": "umum"}
    )
    assert "satu tempat per NIK" in again.content.decode()


def test_checkin_sync_counts_a_replayed_batch_once(cast, person):
    event = make_event(actor=cast.umkm)
    participant = services.participant_register(actor=cast.umkm, event=event, person=person)
    session = event.sessions.first()
    client = cast.client(cast.umkm)
    batch = {
        "scans": [
            {
                "nonce": "a1",
                "code": participant.token,
                "session": session.pk,
                "scanned_at": "2022-06-14T08:01:00+08:00",
            },
            {"nonce": "a2", "code": "NOPE", "session": session.pk},
        ]
    }
    url = reverse("training:checkin_sync", args=[event.pk])
    first = client.post(url, json.dumps(batch), content_type="application/json").json()["results"]
    assert [r["accepted"] for r in first] == [True, False]
    assert first[0]["name"] == person.name
    replay = client.post(url, json.dumps(batch), content_type="application/json").json()["results"]
    assert [r["new"] for r in replay] == [False, False]
    assert CheckIn.objects.filter(accepted=True).count() == 1 and CheckIn.objects.count() == 2
    assert client.get(reverse("training:checkin", args=[event.pk])).status_code == 200
    found = client.get(reverse("training:checkin_search", args=[event.pk]), {"q": person.name[:4]}).json()
    assert found["results"][0]["id"] == participant.pk


def test_walk_in_with_a_bad_nik_is_refused(cast):
    event = make_event(actor=cast.umkm)
    url = reverse("training:walk_in", args=[event.pk])
    bad = cast.client(cast.umkm).post(url, {"nik": "123", "name": "X", "role": "umum", "nonce": "w1"})
    assert bad.status_code == 400 and not bad.json()["accepted"]
    good = cast.client(cast.umkm).post(
        url, {"nik": valid_nik(), "name": "Budi", "role": "umum", "nonce": "w2"}
    )
    assert good.json()["accepted"]


def test_public_verification_masks_the_name_and_shows_revocation(cast, person):
    event = make_event(actor=cast.umkm)
    participant = services.participant_register(actor=cast.umkm, event=event, person=person)
    for i, session in enumerate(event.sessions.all()):
        services.checkin_record(
            actor=cast.umkm, event=event, session=session, participant=participant, nonce=f"n{i}"
        )
    services.event_complete(actor=cast.umkm, event=event)
    participant.refresh_from_db()
    assert participant.status == Status.COMPLETED
    certificate = services.certificate_issue(actor=cast.umkm, participant=participant)
    anonymous = cast.client(None)
    page = anonymous.get(reverse("training_public:verify", args=[certificate.code])).content.decode()
    assert "SAH" in page and "R***** H******" in page and person.name not in page and person.nik not in page
    services.certificate_revoke(actor=cast.umkm, certificate=certificate, reason="salah")
    assert (
        "DICABUT"
        in anonymous.get(reverse("training_public:verify", args=[certificate.code])).content.decode()
    )
    assert anonymous.get(reverse("training_public:verify", args=["NOPE"])).status_code == 404
    docx = cast.client(cast.umkm).get(
        reverse("training:certificate", args=[certificate.pk]), {"format": "docx"}
    )
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    report = cast.client(cast.umkm).get(reverse("training:report", args=[event.pk]))
    assert report.content[:2] == b"PK"


def test_follow_up_form_registers_the_new_business(cast, person):
    event = make_event(
        actor=cast.umkm, title="Pelatihan WUB Anyaman Purun", target_group="wub", target="person"
    )
    participant = services.participant_register(actor=cast.umkm, event=event, person=person, role="wub")
    for i, session in enumerate(event.sessions.all()):
        services.checkin_record(
            actor=cast.umkm, event=event, session=session, participant=participant, nonce=f"f{i}"
        )
    services.event_complete(actor=cast.umkm, event=event)
    follow_up = FollowUp.objects.filter(participant=participant).order_by("months").first()
    client = cast.client(cast.umkm)
    assert client.get(reverse("training:follow_ups"), {"state": "overdue"}).status_code == 200
    response = client.post(
        reverse("training:follow_up", args=[follow_up.pk]),
        {"done_on": "2022-07-20", "method": "phone", "started_business": "true", "still_running": "true",
         "register_business": "on", "business_name": "Purun Galuh"},
    )  # fmt: skip
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.state == "done" and follow_up.enterprise.name == "Purun Galuh"
    assert follow_up.enterprise.is_wub and follow_up.enterprise.wub_cohort.training_reference == event.code
    assert Certificate.objects.count() == 0


def test_coverage_page_and_export(cast):
    make_event(actor=cast.umkm)
    client = cast.client(cast.kepala)
    page = client.get(reverse("training:coverage"), {"year": "2022"}).content.decode()
    assert "belum dijangkau" in page
    assert client.get(reverse("training:coverage"), {"year": "2022", "format": "csv"}).status_code == 200


def test_quota_and_document_from_the_event_page(cast, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    event = make_event(actor=cast.umkm)
    client = cast.client(cast.umkm)
    from berdaya.regions.models import Region

    kecamatan = Region.objects.get(code="63.71.01")
    client.post(reverse("training:quota", args=[event.pk]), {"kecamatan": kecamatan.pk, "places": "5"})
    assert event.quotas.get().places == 5
    upload = SimpleUploadedFile("tor.pdf", b"%PDF-1.4 tor", content_type="application/pdf")
    client.post(reverse("training:document", args=[event.pk]), {"kind": "tor", "name": "TOR", "file": upload})
    assert event.documents.get().name == "TOR"
    assert "TOR" in client.get(reverse("training:detail", args=[event.pk])).content.decode()
