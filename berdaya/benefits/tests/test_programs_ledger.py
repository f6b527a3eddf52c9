"""Programs write the one benefit history when an application reaches a received state (R35)."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from berdaya.benefits.models import Benefit
from berdaya.benefits.selectors import history
from berdaya.people.models import Person
from berdaya.programs.selectors import served_person_q
from berdaya.programs.services import (
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
)
from berdaya.programs.tests.conftest import make_program
from berdaya.test import make_staff
from berdaya.umkm.tests.conftest import make_enterprise


def test_award_writes_one_benefit_row(cast, person):
    from berdaya.accounts.roles import Role

    checker = make_staff(Role.USAHA_MIKRO, username="uji_pemeriksa")
    program = make_program(actor=cast.umkm)
    enterprise = make_enterprise(actor=cast.umkm, owner=person)
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    application_approve(actor=checker, application=app)
    assert not Benefit.objects.exists()  # approved is not yet received
    application_award(actor=cast.umkm, application=app, awarded_on=dt.date(2026, 3, 2))
    row = history(enterprise=enterprise).get()
    assert (row.source, row.kind, row.person, row.year) == ("program", program.kind, person, 2026)
    assert row.content_type == ContentType.objects.get_for_model(type(app)) and row.object_id == app.pk
    assert Person.objects.filter(served_person_q("pk")).get() == person


def test_backfill_migration_reads_received_applications(cast, person):
    from importlib import import_module

    from django.apps import apps

    backfill = import_module("berdaya.benefits.migrations.0002_backfill_programs").backfill
    backfill(apps, None)  # nothing received: nothing written, and running twice is safe
    assert not Benefit.objects.exists()
