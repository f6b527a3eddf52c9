"""R48: data past its retention period is anonymised unless on legal hold; dry run first; audited."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.people.models import Person
from berdaya.privacy import services
from berdaya.privacy.retention import retention_run
from berdaya.test import make_person

pytestmark = pytest.mark.django_db

LATER = timezone.localdate() + dt.timedelta(days=61 * 31)  # past the 60-month period of unlinked people


def finding(findings, key):
    return next(f for f in findings if f.category == key)


def test_a_dry_run_counts_and_changes_nothing(cast, person):  # R48
    findings = retention_run(actor=cast.admin, on=LATER)
    assert finding(findings, "orang_tanpa_layanan").count == 1
    person.refresh_from_db()
    assert person.name != "Anonim"


def test_applying_anonymises_unlinked_people_past_retention(cast, person):  # R48
    nik = person.nik
    retention_run(actor=cast.admin, apply=True, on=LATER)
    person.refresh_from_db()
    assert person.name == "Anonim" and person.nik != nik and person.phone == "" and person.address == ""
    assert person.birth_date == dt.date(person.birth_date.year, 1, 1)
    assert not Person.objects.filter(nik=nik).exists()
    assert AuditEntry.objects.filter(person_id=person.pk, note__contains="R48").exists()
    # Nothing left the second time.
    assert finding(retention_run(actor=cast.admin, on=LATER), "orang_tanpa_layanan").count == 0


def test_people_within_retention_or_with_a_business_or_on_hold_are_kept(cast, person):  # R48
    from berdaya.umkm.tests.conftest import make_enterprise

    owner = make_person(actor=cast.umkm)
    make_enterprise(actor=cast.umkm, owner=owner)
    held = make_person(actor=cast.umkm)
    services.legal_hold_place(actor=cast.admin, person=held, reason="Sengketa")
    assert finding(retention_run(actor=cast.admin), "orang_tanpa_layanan").count == 0  # not yet past it
    retention_run(actor=cast.admin, apply=True, on=LATER)
    names = set(Person.objects.filter(pk__in=[owner.pk, held.pk, person.pk]).values_list("name", flat=True))
    assert "Anonim" in names  # the unlinked one
    assert Person.objects.get(pk=owner.pk).name != "Anonim"
    assert Person.objects.get(pk=held.pk).name != "Anonim"


def test_the_command_is_a_dry_run_unless_told(cast, person, capsys):
    call_command("privacy_retention", on=LATER.isoformat())
    assert "Uji coba" in capsys.readouterr().out
    person.refresh_from_db()
    assert person.name != "Anonim"
    call_command("privacy_retention", on=LATER.isoformat(), apply=True)
    person.refresh_from_db()
    assert person.name == "Anonim"


def test_the_retention_page_shows_the_table_and_the_dry_run(cast, person):
    page = cast.client(cast.admin).get(reverse("privacy:retention"))
    assert page.status_code == 200 and "data-retention-findings" in page.content.decode()
    assert cast.client(cast.umkm).get(reverse("privacy:retention")).status_code == 403
