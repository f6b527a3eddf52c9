"""programs.services: the application state machine, maker-checker (R36), quotas, budget and ranking (R35),
entitlements (R31, R34) and criteria versions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from berdaya.accounts.roles import Role
from berdaya.audit.models import AuditEntry
from berdaya.programs import services
from berdaya.programs.models import Kind, State, Transition, VisitPurpose
from berdaya.programs.services import (
    ALLOWED,
    _move,
    application_approve,
    application_award,
    application_create,
    application_reject,
    application_submit,
    application_verify,
    application_withdraw,
    applications_approve,
    program_set_criteria,
)
from berdaya.test import make_person, make_staff
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db


def verified(cast, program, enterprise=None, *, verifier=None):
    enterprise = enterprise or make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm))
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    return application_verify(actor=verifier or cast.petugas, application=app)


def test_every_transition_is_recorded_with_who_when_and_why_and_audited(cast, checker, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app, reason="diantar pemilik")
    app = application_verify(actor=cast.petugas, application=app)
    app = application_approve(actor=checker, application=app, reason="layak")
    moves = list(
        Transition.objects.filter(application=app).values_list("from_state", "to_state", "actor", "reason")
    )
    assert moves == [
        ("", State.DRAFT, cast.umkm.pk, ""),
        (State.DRAFT, State.SUBMITTED, cast.umkm.pk, "diantar pemilik"),
        (State.SUBMITTED, State.VERIFIED, cast.petugas.pk, ""),
        (State.VERIFIED, State.APPROVED, checker.pk, "layak"),
    ]
    states = [e.changes["state"] for e in AuditEntry.objects.for_object(app).order_by("id")]
    assert states[-1] == ["Terverifikasi", "Disetujui"]
    assert app.decided_by == checker


@pytest.mark.parametrize("start", [s for s in State.values])
def test_each_state_moves_only_where_the_machine_allows(cast, program, enterprise, start):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    app.state = start
    app.save()
    for target in State.values:
        allowed = target in ALLOWED.get(start, set())
        app.state = start
        if allowed:
            assert _move(app, target, actor=cast.admin).state == target
        else:
            with pytest.raises(ValidationError):
                _move(app, target, actor=cast.admin)


def test_a_terminal_state_refuses_every_move(cast, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_withdraw(actor=cast.umkm, application=app, reason="pemilik pindah")
    with pytest.raises(ValidationError, match="tidak dapat menjadi"):
        application_submit(actor=cast.umkm, application=app)


def test_withdrawing_and_rejecting_need_a_reason(cast, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    with pytest.raises(ValidationError, match="alasan"):
        application_withdraw(actor=cast.umkm, application=app, reason=" ")
    application_submit(actor=cast.umkm, application=app)
    with pytest.raises(ValidationError, match="alasan"):
        application_reject(actor=cast.umkm, application=app, reason="")


# domain.md R36
def test_the_proposer_cannot_approve(cast, program):
    app = verified(cast, program)
    with pytest.raises(ValidationError, match="R36"):
        application_approve(actor=cast.umkm, application=app)


# domain.md R36
def test_the_verifier_cannot_approve(cast, program):
    verifier = make_staff(Role.USAHA_MIKRO, username="uji_verifikator")
    app = verified(cast, program, verifier=verifier)
    with pytest.raises(ValidationError, match="R36"):
        application_approve(actor=verifier, application=app)


def test_only_the_programs_approver_role_approves(cast, program):
    app = verified(cast, program)
    with pytest.raises(ValidationError, match="peran"):
        application_approve(actor=cast.p3k, application=app)
    assert application_approve(actor=cast.admin, application=app).state == State.APPROVED


def test_a_submission_without_the_required_documents_is_refused(cast, enterprise):
    program = make_program(actor=cast.umkm, code="bahuma", required_documents=["KTP", "SKU"])
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    with pytest.raises(ValidationError, match="KTP, SKU"):
        application_submit(actor=cast.umkm, application=app)


def test_an_ineligible_applicant_cannot_be_verified(cast, enterprise):
    program = make_program(actor=cast.umkm, code="nib-only", rules=[("has_nib", {})])
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    assert app.eligible is False
    assert app.eligibility[0]["reason"] == "Belum memiliki NIB"
    application_submit(actor=cast.umkm, application=app)
    with pytest.raises(ValidationError, match="tidak memenuhi syarat"):
        application_verify(actor=cast.petugas, application=app)


def test_one_live_application_per_program_and_year(cast, program, enterprise):
    application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    with pytest.raises(ValidationError, match="sudah memiliki pengajuan"):
        application_create(actor=cast.umkm, program=program, enterprise=enterprise)


# domain.md R35: approval cannot exceed the quota
def test_approval_stops_at_the_quota(cast, checker):
    program = make_program(actor=cast.umkm, quota=1)
    application_approve(actor=checker, application=verified(cast, program))
    with pytest.raises(ValidationError, match="Kuota"):
        application_approve(actor=checker, application=verified(cast, program))


def test_approval_stops_at_the_budget(cast, checker):
    program = make_program(actor=cast.umkm, budget=Decimal("2000000"), amount=Decimal("1200000"))
    application_approve(actor=checker, application=verified(cast, program))
    with pytest.raises(ValidationError, match="anggaran"):
        application_approve(actor=checker, application=verified(cast, program))


# domain.md R35: never served first, then need score; the rest wait
def test_bulk_approval_ranks_the_never_served_first_then_by_need_and_waitlists_the_rest(cast, checker):
    other = make_program(actor=cast.umkm, code="lama", name="Program Lama")
    program = make_program(actor=cast.umkm, quota=2, need_weights={"female_owner": 2})
    served = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm, name="Pernah Dibantu"))
    old = application_create(actor=cast.umkm, program=other, enterprise=served, year=2024)
    for state in (State.SUBMITTED, State.VERIFIED, State.APPROVED, State.AWARDED):
        _move(old, state, actor=cast.admin)
    a_served = verified(cast, program, served)
    a_plain = verified(cast, program)
    a_needy = verified(
        cast, program, make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm, sex="P"))
    )
    assert a_needy.need_score == 2
    result = applications_approve(
        actor=checker, program=program, ids=[a_served.pk, a_plain.pk, a_needy.pk], year=a_plain.year
    )
    assert result == {"approved": 2, "waitlisted": 1, "skipped": 0}
    for app, state in ((a_needy, State.APPROVED), (a_plain, State.APPROVED), (a_served, State.WAITLISTED)):
        app.refresh_from_db()
        assert app.state == state
    assert Transition.objects.filter(application=a_served, to_state=State.WAITLISTED).exists()
    assert (
        AuditEntry.objects.for_object(a_needy).filter(changes__state=["Terverifikasi", "Disetujui"]).exists()
    )


# domain.md R36 in bulk
def test_bulk_approval_skips_what_the_actor_proposed_or_verified(cast, program):
    app = verified(cast, program)
    assert applications_approve(actor=cast.umkm, program=program, ids=[app.pk], year=app.year)["skipped"] == 1
    app.refresh_from_db()
    assert app.state == State.VERIFIED


def test_bulk_approval_takes_a_fixed_number_of_queries(cast, checker, program, django_assert_max_num_queries):
    apps = [verified(cast, program) for _ in range(30)]
    with django_assert_max_num_queries(14):
        result = applications_approve(
            actor=checker, program=program, ids=[a.pk for a in apps], year=apps[0].year
        )
    assert result["approved"] == 30


# domain.md R34
def test_award_schedules_the_monitoring_visits_of_the_program(cast, checker):
    program = make_program(actor=cast.umkm, kind=Kind.EQUIPMENT, monitoring_days=[30, 365])
    app = application_approve(actor=checker, application=verified(cast, program))
    app, code = application_award(
        actor=cast.umkm,
        application=app,
        data={"items": [{"name": "Oven", "serial": "OV-1"}]},
        awarded_on=dt.date(2026, 3, 1),
    )
    assert code is None
    assert [v.due_on for v in app.visits.filter(purpose=VisitPurpose.MONITORING)] == [
        dt.date(2026, 3, 31),
        dt.date(2027, 3, 1),
    ]
    assert app.entitlement.items == [{"name": "Oven", "serial": "OV-1"}]


# domain.md R31
def test_fee_waiver_letters_are_numbered_per_year(cast, checker):
    program = make_program(actor=cast.umkm, code="hki", kind=Kind.FEE_WAIVER, quota=15, amount=None)
    numbers = []
    for round_ in range(2):
        app = application_approve(actor=checker, application=verified(cast, program))
        with pytest.raises(ValidationError, match="satu surat untuk satu merek"):
            application_award(actor=cast.umkm, application=app, awarded_on=dt.date(2026, 5, 2))
        app, _code = application_award(
            actor=cast.umkm,
            application=app,
            data={"mark": f"SASIRANGAN {round_}"},
            awarded_on=dt.date(2026, 5, 2),
        )
        numbers.append(app.entitlement.letter_number)
    assert numbers == ["500/001/DKUMP-UM/2026", "500/002/DKUMP-UM/2026"]


def test_cash_is_disbursed_with_amount_date_channel_and_reference(cast, checker, program):
    app = application_approve(actor=checker, application=verified(cast, program))
    application_award(actor=cast.umkm, application=app)
    app = services.entitlement_disburse(
        actor=cast.umkm,
        application=app,
        amount=Decimal("1200000"),
        paid_on=dt.date(2026, 4, 1),
        channel="bank",
        reference="TRX-1",
    )
    assert app.state == State.DISBURSED
    assert app.entitlement.reference == "TRX-1"


def test_new_criteria_are_a_new_version_and_old_applications_keep_theirs(cast, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    program = program_set_criteria(actor=cast.umkm, program=program, rules=[("has_nib", {})])
    assert program.criteria_version == 2
    assert app.criteria_version == 1
    services.application_reevaluate(actor=cast.umkm, application=app)
    assert app.eligible is True
    with pytest.raises(ValidationError, match="tidak dikenal"):
        program_set_criteria(actor=cast.umkm, program=program, rules=[("made_up", {})])


def test_a_criterion_for_businesses_is_refused_on_a_program_for_people(cast):
    with pytest.raises(ValidationError, match="tidak berlaku"):
        make_program(actor=cast.umkm, target="person", rules=[("has_nib", {})])
