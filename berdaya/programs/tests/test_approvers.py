"""Issue 15: the program form offered approver roles that could never approve (Kepala Dinas, Inspektorat,
Mitra); criteria showed as "classes=['mikro']" and factors as their keys."""

import pytest
from django.urls import reverse

from berdaya.accounts.roles import Role
from berdaya.programs.forms import ProgramForm
from berdaya.programs.models import State
from berdaya.programs.services import (
    APPROVER_ROLES,
    application_create,
    application_submit,
    application_verify,
)
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db


def verified_application(cast, program):
    enterprise = make_enterprise(actor=cast.umkm)
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    return application_verify(actor=cast.petugas, application=app)


def test_the_form_offers_only_roles_that_can_approve(cast):  # R36
    offered = {value for value, _label in ProgramForm().fields["approver_role"].choices}
    assert offered == {Role.USAHA_MIKRO, Role.KEPALA_DINAS} == set(APPROVER_ROLES)
    assert Role.INSPEKTORAT not in offered and Role.MITRA not in offered


def test_the_head_of_office_approves_through_the_approval_permission(cast):  # R36
    program = make_program(actor=cast.umkm, approver_role=Role.KEPALA_DINAS)
    app = verified_application(cast, program)
    client = cast.client(cast.kepala)
    page = client.get(reverse("programs:application", args=[app.pk]))
    assert "approve" in page.context["actions"] and "reject" not in page.context["actions"]
    response = client.post(reverse("programs:transition", args=[app.pk, "approve"]), {"reason": ""})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.state == State.APPROVED
    # The permission is to approve, not to edit: other steps stay refused.
    assert client.post(reverse("programs:transition", args=[app.pk, "withdraw"])).status_code == 403


def test_the_head_of_office_cannot_approve_a_program_approved_by_the_division(cast):
    program = make_program(actor=cast.umkm, approver_role=Role.USAHA_MIKRO)
    app = verified_application(cast, program)
    response = cast.client(cast.kepala).post(reverse("programs:transition", args=[app.pk, "approve"]))
    assert response.status_code == 403


def test_criteria_and_factors_read_as_users_know_them(cast):
    program = make_program(
        actor=cast.umkm, rules=[("size_class", {"classes": ["mikro"]})], need_weights={"female_owner": 2}
    )
    page = cast.client(cast.umkm).get(reverse("programs:detail", args=[program.pk]))
    html = page.content.decode()
    assert "classes=" not in html and "[&#x27;mikro&#x27;]" not in html
    assert "Kelas usaha: Mikro" in html
    form = ProgramForm(instance=program, rules=[("size_class", {"classes": ["mikro"]})])
    assert "female_owner" not in str(form.fields["need_weights"].help_text)
    assert form.initial["need_weights"] == "Pemilik perempuan=2"
    assert form.fields["p_size_class_classes"].label.endswith(": Kelas usaha")


def test_a_waitlist_move_with_free_places_needs_its_true_reason(cast):
    # "Kuota/anggaran habis" was recorded while 10 of 10 places were free.
    from django.core.exceptions import ValidationError

    from berdaya.programs.services import application_waitlist

    program = make_program(actor=cast.umkm, quota=10)
    app = verified_application(cast, program)
    with pytest.raises(ValidationError, match="masih tersedia"):
        application_waitlist(actor=cast.admin, application=app)
    app = application_waitlist(actor=cast.admin, application=app, reason="Menunggu SKU")
    assert app.transitions.last().reason == "Menunggu SKU"


def test_a_full_quota_is_the_recorded_reason(cast):
    from berdaya.programs.services import application_approve, application_waitlist

    program = make_program(actor=cast.umkm, quota=1)
    application_approve(actor=cast.admin, application=verified_application(cast, program))
    app = application_waitlist(actor=cast.admin, application=verified_application(cast, program))
    assert app.transitions.last().reason == "Kuota habis"
