"""R47: requests as tickets due in 72 hours (working days), escalated when overdue; the access answer as a
PDF; breaches with their 72-hour notice deadline; the staff queue pages."""

import datetime as dt
import shutil

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.audit.models import Action, AuditEntry
from berdaya.privacy import services
from berdaya.privacy.models import Channel, DataRequest, RequestKind, RequestStatus

pytestmark = pytest.mark.django_db


def register(cast, person, **fields):
    data = {
        "actor": cast.umkm,
        "person": person,
        "kind": RequestKind.ACCESS,
        "channel": Channel.IN_PERSON,
        "requester_name": person.name,
    } | fields
    return services.data_request_register(**data)


def test_a_request_gets_a_ticket_due_after_three_working_days(cast, person):  # R47
    ticket = register(cast, person)
    assert ticket.status == RequestStatus.OPEN
    assert ticket.due_at > ticket.received_at + dt.timedelta(hours=71)
    assert AuditEntry.objects.filter(object_type="privacy.datarequest", person_id=person.pk).exists()


def test_an_overdue_ticket_is_escalated_once(cast, person):  # R47
    ticket = register(cast, person, received_at=timezone.now() - dt.timedelta(days=10))
    assert [t.pk for t in services.data_requests_escalate()] == [ticket.pk]
    assert services.data_requests_escalate() == []
    ticket.refresh_from_db()
    assert ticket.escalated_at is not None and ticket.overdue


def test_closing_needs_what_was_done(cast, person):
    from django.core.exceptions import ValidationError

    ticket = register(cast, person)
    with pytest.raises(ValidationError):
        services.data_request_close(actor=cast.admin, ticket=ticket, status=RequestStatus.DONE, outcome=" ")
    services.data_request_close(
        actor=cast.admin, ticket=ticket, status=RequestStatus.DONE, outcome="Dikirim."
    )
    ticket.refresh_from_db()
    assert ticket.status == RequestStatus.DONE and ticket.closed_by == cast.admin


def test_a_breach_is_due_for_notice_72_hours_after_awareness(cast):  # R47
    aware = timezone.now() - dt.timedelta(hours=80)
    breach = services.breach_record(
        actor=cast.admin, aware_at=aware, description="Laptop hilang", data_affected="Daftar pencaker"
    )
    assert breach.notice_due_at == aware + dt.timedelta(hours=72)
    assert breach.notice_overdue
    services.breach_notified(actor=cast.admin, breach=breach)
    breach.refresh_from_db()
    assert not breach.notice_overdue


def test_staff_record_a_request_and_the_officer_works_the_queue(cast, person):
    client = cast.client(cast.umkm)
    form = {
        "nik": person.nik,
        "requester_name": person.name,
        "kind": RequestKind.CORRECTION,
        "channel": Channel.IN_PERSON,
        "description": "Alamat salah",
    }
    assert client.post(reverse("privacy:request_create"), form).status_code == 302
    ticket = DataRequest.objects.get()
    assert ticket.person == person
    assert client.get(reverse("privacy:request_list")).status_code == 403  # the queue is the officers'
    admin = cast.client(cast.admin)
    page = admin.get(reverse("privacy:request_list"))
    assert page.status_code == 200 and "Alamat" not in page.content.decode()  # the list shows no content
    assert f"#{ticket.pk}" in page.content.decode()
    done = admin.post(
        reverse("privacy:request_detail", args=[ticket.pk]), {"status": "selesai", "outcome": "Diperbaiki."}
    )
    assert done.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == RequestStatus.DONE


def test_an_unknown_nik_is_a_clear_message_and_no_ticket(cast):
    response = cast.client(cast.umkm).post(
        reverse("privacy:request_create"),
        {"nik": "6371010101900001", "requester_name": "X", "kind": "akses", "channel": "telepon"},
    )
    assert response.status_code == 200 and "tidak ada di registri" in response.content.decode()
    assert not DataRequest.objects.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_the_access_answer_is_a_pdf_of_the_record_and_its_processing_log(cast, person):  # R47, R46
    from berdaya.privacy.access_report import held_records
    from berdaya.umkm.tests.conftest import make_enterprise

    make_enterprise(actor=cast.umkm, owner=person, name="Warung Contoh")
    ticket = register(cast, person)
    assert any("Warung Contoh" in str(items) for _title, items in held_records(person))
    response = cast.client(cast.admin).get(reverse("privacy:request_access_pdf", args=[ticket.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action=Action.EXPORT, person_id=person.pk).exists()


def test_the_access_document_lists_the_record_and_each_logged_processing(cast, person, tmp_path):
    from docx import Document

    from berdaya.privacy.access_report import build_docx

    path = build_docx(person, path=tmp_path / "a.docx")
    text = "\n".join(p.text for p in Document(path).paragraphs)
    cells = "\n".join(c.text for t in Document(path).tables for r in t.rows for c in r.cells)
    assert person.nik in cells and person.name in cells
    logged = AuditEntry.objects.filter(person_id=person.pk).count()
    assert logged > 0 and f"{logged} catatan pemrosesan." in text
