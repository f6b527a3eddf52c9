"""Applying from the portal (R52): a tracking code and a status page; staff verify before anything else."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from berdaya.lib.masking import mask_nik
from berdaya.portal import services
from berdaya.portal.models import Kind, Submission, SubmissionStatus
from berdaya.programs import services as programs
from berdaya.programs.models import Application, State
from berdaya.programs.models import Kind as ProgramKind

from .conftest import OWNER


@pytest.fixture
def program(cast):
    return programs.program_create(
        actor=cast.umkm,
        data={"code": "bahuma", "name": "Program Bahuma", "kind": ProgramKind.CASH,
              "starts_on": dt.date(2024, 1, 1), "amount": Decimal("2000000")},
        rules=[("domicile", {}), ("occupation_not_in", {}), ("valid_nik", {}), ("no_active_loan", {})],
    )  # fmt: skip


def _apply(client, program, **extra):
    data = {
        "name": OWNER["name"],
        "nik": OWNER["nik"],
        "phone": "0813-5111-2233",
        "kecamatan": "63.71.01",
        "agree": "on",
        "loan": "tidak",
        "mulai": _stamp(),
    } | extra
    return client.post(reverse("portal:apply", args=[program.code]), data)


def _stamp():
    from berdaya.portal.abuse import form_stamp

    return form_stamp()


def test_the_program_page_lists_plain_conditions_and_checks_per_criterion(client, program):
    page = client.get(reverse("portal:program", args=[program.code])).text
    assert "Bukan ASN, TNI, Polri" in page and "Cek kelayakan" in page
    result = client.post(
        reverse("portal:program", args=[program.code]),
        {"kecamatan": "63.71.01", "occupation": "ya", "loan": "tidak"},
    ).text
    assert "Pekerjaan Anda tidak boleh menerima" in result
    assert "Ajukan sekarang" not in result  # a criterion not met: no apply button


def test_applying_returns_a_tracking_code_and_a_status_page(client, program):
    response = _apply(client, program)
    submission = Submission.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "portal:status", args=[submission.code]
    )
    page = client.get(response["Location"]).text
    assert submission.code in page and "menunggu diperiksa petugas" in page
    assert submission.phone == "+6281351112233" and submission.answers["loan"] == "tidak"


def test_an_application_decides_nothing_until_staff_forward_it(client, cast, program, owner, shop):
    # R52: no programs.Application (and no decision) from self-declared data alone.
    _apply(client, program)
    assert not Application.objects.exists()
    submission = Submission.objects.get()
    application = services.submission_forward(actor=cast.umkm, submission=submission)
    assert (
        application.person == owner
        and application.enterprise == shop
        and application.declarations["dari_portal"] == submission.code
    )
    assert application.declarations["active_loan"] is False
    assert application.state == State.SUBMITTED
    assert application.transitions.filter(reason__contains="Dari portal").exists()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.FORWARDED
    assert "Diajukan" in client.get(reverse("portal:status", args=[submission.code])).text


def test_an_enterprise_program_needs_the_applicants_business(cast, program, owner):
    from django.core.exceptions import ValidationError

    submission = services.submission_create(
        kind=Kind.APPLICATION,
        data={"name": owner.name, "nik": owner.nik, "phone": owner.phone},
        program=program,
    )
    with pytest.raises(ValidationError, match="daftarkan atau pilih usaha"):
        services.submission_forward(actor=cast.umkm, submission=submission)


def test_forwarding_registers_a_new_person_from_the_checked_ktp(cast, program):
    from berdaya.people.models import Person

    programs.program_update(actor=cast.umkm, program=program, data={"target": "person"})
    submission = services.submission_create(
        kind=Kind.APPLICATION,
        data={"name": "Aluh Sari", "nik": "6371015203900002", "phone": "+6285248887777"},
        program=program,
    )
    services.submission_forward(actor=cast.umkm, submission=submission)
    assert Person.objects.get(nik="6371015203900002").name == "Aluh Sari"


def test_a_wrong_nik_is_explained_and_nothing_is_lost(client, program):
    response = _apply(client, program, nik="1234")
    assert response.status_code == 200 and not Submission.objects.exists()
    assert OWNER["name"] in response.text  # what was typed stays in the form


def test_cooperative_programs_cannot_be_applied_for_by_citizens(client, cast):
    program = programs.program_create(
        actor=cast.umkm,
        data={"code": "modal-ksp", "name": "Modal KSP", "kind": ProgramKind.CASH,
              "starts_on": dt.date(2024, 1, 1), "target": "cooperative"},
    )  # fmt: skip
    assert "lewat Bidang Koperasi" in client.get(reverse("portal:program", args=[program.code])).text
    assert _apply(client, program).status_code == 404


def test_a_closed_program_is_not_on_the_portal(client, cast, program):
    programs.program_update(actor=cast.umkm, program=program, data={"is_open": False})
    assert client.get(reverse("portal:program", args=[program.code])).status_code == 404
    assert "Program Bahuma" not in client.get(reverse("portal:programs")).text


def test_staff_see_portal_applications_in_their_queue_marked_from_the_portal(client, cast, program):
    _apply(client, program)
    page = cast.client(cast.umkm).get(reverse("portal_staff:queue")).text
    assert "dari portal" in page and Submission.objects.get().code in page


def test_the_inspector_reads_the_queue_but_cannot_forward(cast, program, client):
    _apply(client, program)
    submission = Submission.objects.get()
    inspector = cast.client(cast.inspektur)
    assert inspector.get(reverse("portal_staff:detail", args=[submission.pk])).status_code == 200
    assert inspector.post(reverse("portal_staff:forward", args=[submission.pk])).status_code == 403


def test_staff_detail_masks_nik_for_roles_that_do_not_work_with_identities(cast, program, client):
    # R45: the head of office sees the NIK masked.
    _apply(client, program)
    submission = Submission.objects.get()
    page = cast.client(cast.kepala).get(reverse("portal_staff:detail", args=[submission.pk])).text
    assert OWNER["nik"] not in page and mask_nik(OWNER["nik"]) in page
