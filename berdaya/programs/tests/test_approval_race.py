"""Single and bulk approvals racing on one program (PostgreSQL): one lock order (program, then its
applications by id), so no deadlock reaches the user; the quota holds."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from berdaya.programs.models import State
from berdaya.programs.services import (
    application_approve,
    application_create,
    application_submit,
    application_verify,
    applications_approve,
)
from berdaya.test import make_person, restore_reference_data
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

QUOTA = 5


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: a race needs PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_racing_single_and_bulk_approvals_never_deadlock_and_keep_the_quota(cast, checker):
    # Single approval locked the application then the program, bulk approval the program then the
    # applications: 15 of 30 racing requests ended in a 500 DeadlockDetected.
    restore_reference_data()
    program = make_program(actor=cast.umkm, quota=QUOTA)
    applications = []
    for i in range(12):
        owner = make_person(actor=cast.umkm, name=f"Pemohon {i}")
        app = application_create(
            actor=cast.umkm, program=program, enterprise=make_enterprise(actor=cast.umkm, owner=owner)
        )
        application_submit(actor=cast.umkm, application=app)
        applications.append(application_verify(actor=cast.petugas, application=app))
    ids = [a.pk for a in applications]
    year = applications[0].year
    barrier = threading.Barrier(14)
    errors = []

    def run(work):
        try:
            barrier.wait()
            work()
        except ValidationError:
            pass  # quota full, already decided: a refusal the user reads
        except Exception as error:  # a deadlock, or anything else that would be a 500
            errors.append(repr(error))
        finally:
            connections.close_all()

    works = [lambda a=a: application_approve(actor=checker, application=a) for a in applications]
    works += [lambda: applications_approve(actor=checker, program=program, ids=ids[::-1], year=year)] * 2
    threads = [threading.Thread(target=run, args=(w,)) for w in works]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert program.applications.filter(state=State.APPROVED).count() == QUOTA
