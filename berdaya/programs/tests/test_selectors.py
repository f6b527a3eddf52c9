"""programs.selectors and figures: benefit history, served enterprises, outreach, ranking, the report
(domain.md R35)."""

from decimal import Decimal

import pytest

from berdaya.programs.figures import program_report, report_workbook
from berdaya.programs.models import Kind, State
from berdaya.programs.selectors import benefit_history, eligible, outreach, served_enterprise_ids
from berdaya.programs.services import (
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
)
from berdaya.test import make_person
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db


def awarded(cast, checker, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    application_approve(actor=checker, application=app)
    return application_award(actor=cast.umkm, application=app)[0]


def test_served_enterprise_ids_are_those_awarded_anything(cast, checker, program, enterprise):
    other = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm), name="Belum Dibantu")
    application_create(actor=cast.umkm, program=program, enterprise=other)
    assert list(served_enterprise_ids()) == []
    awarded(cast, checker, program, enterprise)
    assert list(served_enterprise_ids()) == [enterprise.pk]


def test_benefit_history_of_a_business_includes_its_owners_other_applications(cast, checker, enterprise):
    second = make_enterprise(actor=cast.umkm, owner=enterprise.owner, name="Usaha Kedua")
    cash = make_program(actor=cast.umkm, code="tunai")
    tools = make_program(actor=cast.umkm, code="alat", name="Hibah Alat", kind=Kind.EQUIPMENT)
    awarded(cast, checker, cash, second)
    application_create(actor=cast.umkm, program=tools, enterprise=enterprise)
    assert {a.program.code for a in benefit_history(enterprise=enterprise)} == {"tunai", "alat"}
    assert {a.program.code for a in benefit_history(person=enterprise.owner)} == {"tunai", "alat"}
    assert list(benefit_history()) == []


def test_outreach_keeps_the_unknown_and_drops_the_applied(cast, enterprise):
    program = make_program(actor=cast.umkm, rules=[("size_class", {"classes": ["mikro"]})])
    assert list(eligible(program)) == []  # no yearly figures yet: not known to be micro
    assert list(outreach(program)) == [enterprise]
    application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    assert list(outreach(program)) == []


def test_the_report_counts_each_stage_budget_and_breakdowns(cast, checker, enterprise):
    program = make_program(actor=cast.umkm, budget=Decimal("10000000"))
    awarded(cast, checker, program, enterprise)
    woman = make_person(actor=cast.umkm, name="Siti", sex="P")
    application_create(
        actor=cast.umkm, program=program, enterprise=make_enterprise(actor=cast.umkm, owner=woman)
    )
    report = program_report(program)
    assert (report["applicants"], report["approved"], report["awarded"], report["delivered"]) == (1, 1, 1, 0)
    assert report["eligible"] == 2
    assert report["budget_used"] == Decimal("1200000")
    assert report["by_sex"] == {
        "Laki-laki": {"applicants": 1, "approved": 1, "awarded": 1},
        "Perempuan": {"applicants": 0, "approved": 0, "awarded": 0},
    }
    assert report["by_kecamatan"]["Banjarmasin Selatan"]["applicants"] == 1
    assert report_workbook(report)["Ringkasan"]["B3"].value == 1


# domain.md R35
def test_the_never_served_rank_first_whatever_their_need_score(cast, checker):
    from berdaya.programs.selectors import ranking

    old = make_program(actor=cast.umkm, code="lama")
    program = make_program(actor=cast.umkm, need_weights={"female_owner": 9})
    served_owner = make_person(actor=cast.umkm, name="Siti", sex="P")
    served = make_enterprise(actor=cast.umkm, owner=served_owner)
    awarded(cast, checker, old, served)
    new = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm), name="Baru")
    apps = []
    for e in (served, new):
        app = application_create(actor=cast.umkm, program=program, enterprise=e)
        application_submit(actor=cast.umkm, application=app)
        apps.append(application_verify(actor=cast.petugas, application=app))
    order = list(ranking(program, apps[0].year))
    assert [a.enterprise for a in order] == [new, served]
    assert [a.served_before for a in order] == [False, True]
    assert order[1].need_score == 9
    assert order[1].state == State.VERIFIED
