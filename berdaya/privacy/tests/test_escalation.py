"""R47: an overdue personal-data request is not only flagged on the queue: the head of office, the
administrators and the data-protection officer are told, on their home page and by e-mail, once per ticket."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.dashboard.models import Notification
from berdaya.privacy.escalation import notify_overdue
from berdaya.privacy.models import Channel, RequestKind
from berdaya.privacy.services import data_request_register

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _officer(settings):
    settings.BERDAYA_PRIVACY_OFFICER_EMAILS = ["ppdp@banjarmasinkota.go.id"]


def ticket(cast, person, days_ago: int):
    return data_request_register(
        actor=cast.umkm,
        person=person,
        kind=RequestKind.DELETION,
        channel=Channel.IN_PERSON,
        requester_name=person.name,
        received_at=timezone.now() - dt.timedelta(days=days_ago),
    )


@pytest.fixture
def addressed(cast):
    for user in (cast.admin, cast.kepala):
        user.email = f"{user.username}@banjarmasinkota.go.id"
        user.save()


def test_the_cron_command_escalates_and_notifies_once_per_ticket(
    cast, person, addressed, django_capture_on_commit_callbacks
):  # R47
    overdue = ticket(cast, person, days_ago=10)
    ticket(cast, person, days_ago=0)  # not due yet: nobody is told
    with django_capture_on_commit_callbacks(execute=True):  # the mail leaves once the notices are saved
        call_command("privacy_escalate")
    notes = Notification.objects.filter(key=f"privacy.overdue:{overdue.pk}")
    assert set(notes.values_list("user__username", flat=True)) == {cast.admin.username, cast.kepala.username}
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {
        "ppdp@banjarmasinkota.go.id",
        cast.admin.email,
        cast.kepala.email,
    }
    assert person.name in mail.outbox[0].body
    assert AuditEntry.objects.for_object(overdue).filter(note__startswith="Pemberitahuan").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("privacy_escalate")  # the next hour: nothing new
        assert notify_overdue() == []
    assert len(mail.outbox) == 1 and notes.count() == 2


def test_the_notification_is_on_the_home_page_until_it_is_read(cast, person):  # R47
    overdue = ticket(cast, person, days_ago=10)
    notify_overdue()
    client = cast.client(cast.admin)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("privacy:request_detail", args=[overdue.pk]) in html
    assert "lewat tenggat" in html
    note = Notification.objects.get(user=cast.admin)
    client.post(reverse("dashboard:notification_read", args=[note.pk]))
    assert reverse("privacy:request_detail", args=[overdue.pk]) not in client.get("/").content.decode()
    # another user's notification cannot be marked read by someone else
    other = Notification.objects.get(user=cast.kepala)
    cast.client(cast.umkm).post(reverse("dashboard:notification_read", args=[other.pk]))
    other.refresh_from_db()
    assert other.read_at is None


def test_a_closed_ticket_is_never_notified(cast, person):  # R47
    from berdaya.privacy.services import data_request_close

    overdue = ticket(cast, person, days_ago=10)
    data_request_close(actor=cast.admin, ticket=overdue, status="selesai", outcome="Dihapus")
    assert notify_overdue() == []
    assert mail.outbox == []
