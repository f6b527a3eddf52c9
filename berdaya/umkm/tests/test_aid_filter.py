"""The micro-enterprise list filters on "has received aid", from the programs module."""

import pytest
from django.urls import reverse

from berdaya.accounts.roles import Role
from berdaya.programs.services import (
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
)
from berdaya.programs.tests.conftest import make_program
from berdaya.test import make_person, make_staff

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db


def test_the_list_separates_businesses_that_received_aid_from_those_never_served(cast):
    aided = make_enterprise(actor=cast.umkm, name="Sudah Dibantu")
    applied = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm), name="Baru Mengajukan")
    never = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm), name="Belum Pernah")
    program = make_program(actor=cast.umkm)
    application = application_create(actor=cast.umkm, program=program, enterprise=aided)
    application_submit(actor=cast.umkm, application=application)
    application_verify(actor=cast.petugas, application=application)
    application_approve(actor=make_staff(Role.USAHA_MIKRO, username="uji_checker"), application=application)
    application_award(actor=cast.umkm, application=application)
    application_create(actor=cast.umkm, program=program, enterprise=applied)  # applied only: not served

    client = cast.client(cast.umkm)

    def names(aided_flag):
        response = client.get(reverse("umkm:list"), {"aided": aided_flag})
        return {row["e"].name for row in response.context["rows"]}

    assert names("1") == {aided.name}
    assert names("0") == {applied.name, never.name}
    assert names("") == {aided.name, applied.name, never.name}
