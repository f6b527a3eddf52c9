"""programs.measures: applicants and beneficiaries offered to performance indicators (6.2)."""

import datetime as dt

import pytest

from berdaya.kinerja import measures
from berdaya.kinerja.measures import Period
from berdaya.programs import figures
from berdaya.programs.models import Kind, Program, State
from berdaya.programs.services import (
    _move,
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
    application_withdraw,
)
from berdaya.test import make_person
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_program

pytestmark = pytest.mark.django_db

YEAR = Period(2026)
FIGURE_OF = {
    "programs.applicants": "applicants",
    "programs.beneficiaries": "awarded",
    "programs.delivered": "delivered",
}


def applied(cast, program, until: State, *, checker=None, awarded_on=None):
    """An application of 2026 taken up to ``until`` through the services (maker-checker, R36)."""
    enterprise = make_enterprise(actor=cast.umkm, owner=make_person(actor=cast.umkm))
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise, year=2026)
    if until == State.WITHDRAWN:
        return application_withdraw(actor=cast.umkm, application=app, reason="batal")
    if until == State.DRAFT:
        return app
    app = application_submit(actor=cast.umkm, application=app)
    if until == State.SUBMITTED:
        return app
    app = application_verify(actor=cast.petugas, application=app)
    app = application_approve(actor=checker, application=app)
    app, _code = application_award(actor=cast.umkm, application=app, awarded_on=awarded_on)
    if until == State.DISBURSED:
        app = _move(app, State.DISBURSED, actor=cast.umkm)
    return app


@pytest.fixture
def applications(cast, checker):
    cash = make_program(actor=cast.umkm)
    tools = make_program(actor=cast.umkm, code="alat", name="Hibah Alat", kind=Kind.EQUIPMENT)
    for program, until, awarded_on in (
        (cash, State.DRAFT, None),
        (cash, State.WITHDRAWN, None),
        (cash, State.SUBMITTED, None),
        (cash, State.AWARDED, dt.date(2026, 2, 10)),
        (cash, State.DISBURSED, dt.date(2026, 5, 5)),
        (tools, State.AWARDED, dt.date(2026, 8, 1)),
    ):
        applied(cast, program, until, checker=checker, awarded_on=awarded_on)
    return cash, tools


def report_total(figure, programs, year=2026):
    return sum(figures.program_report(program, year=year)[figure] for program in programs)


@pytest.mark.parametrize(
    "filters", [{}, {"kind": Kind.CASH}, {"kind": Kind.EQUIPMENT}, {"program": "bpum"}, {"program": "x"}]
)
def test_each_value_is_the_programs_figure_and_its_records_match_the_count(applications, filters):
    # the same definitions as the program report, summed over the programs the filters keep
    programs = Program.objects.all()
    if "kind" in filters:
        programs = programs.filter(kind=filters["kind"])
    if "program" in filters:
        programs = programs.filter(code=filters["program"])
    for key, figure in FIGURE_OF.items():
        measure = measures.get(key)
        expected = report_total(figure, programs)
        assert measure.value(Period(2026), filters) == expected, key
        assert measure.records(Period(2026), filters).count() == expected, key


def test_the_counts_and_records_on_the_small_registry(applications):
    cash, _tools = applications

    def states(key, period=YEAR, filters=None):
        return sorted(measures.get(key).records(period, filters or {}).values_list("state", flat=True))

    assert states("programs.applicants") == sorted(
        [State.SUBMITTED, State.AWARDED, State.DISBURSED, State.AWARDED]
    )  # neither the draft nor the withdrawn one
    assert states("programs.beneficiaries") == sorted([State.AWARDED, State.DISBURSED, State.AWARDED])
    assert states("programs.delivered") == [State.DISBURSED]
    assert states("programs.beneficiaries", filters={"program": cash.code}) == [
        State.AWARDED,
        State.DISBURSED,
    ]
    assert measures.get("programs.beneficiaries").value(Period(2025), {}) == 0  # another program year


def test_a_quarter_counts_the_aid_handed_over_by_its_last_day(applications):
    beneficiaries = measures.get("programs.beneficiaries")
    assert [beneficiaries.value(Period(2026, q), {}) for q in (1, 2, 3, 4)] == [1, 2, 3, 3]
    assert measures.get("programs.applicants").value(Period(2026, 1), {}) == 4


def test_the_program_measures_are_registered_with_labels():
    for key in FIGURE_OF:
        measure = measures.get(key)
        assert str(measure.label) and str(measure.description) and set(measure.filters) == {"kind", "program"}
