import datetime as dt

from berdaya.blk import services
from berdaya.blk.models import Outcome, Result
from berdaya.companies.services import company_register
from berdaya.kinerja import measures
from berdaya.kinerja.measures import Period
from berdaya.test import make_person
from berdaya.training import services as training

from .conftest import enrol


def test_competent_graduates_count_by_certificate_year(blk_staff, cohort):  # domain.md R40a
    passed, failed = enrol(cohort, blk_staff, 2)
    units = list(cohort.programme.units.all())
    results = {(p.pk, u.pk): Result.KOMPETEN for p in (passed, failed) for u in units}
    results[(failed.pk, units[0].pk)] = Result.BELUM
    services.cohort_results_record(actor=blk_staff, cohort=cohort, results=results)
    training.event_complete(actor=blk_staff, event=cohort.event)
    services.cohort_certify(actor=blk_staff, cohort=cohort)
    measure = measures.get("blk.competent")
    assert measure.value(Period(2022), {}) == 1
    assert list(measure.records(Period(2022), {})) == [passed.person]
    assert measure.value(Period(2021), {}) == 0


def test_apprentices_hired_count_host_and_other_not_the_unhired(blk_staff, cast):
    host = company_register(actor=cast.p3k, data={"name": "Hotel Palm", "source": "test"})
    apprenticeship = services.apprenticeship_create(
        actor=blk_staff,
        data={"host": host, "mentor": "Bu Rina"},
        event_data={"starts_on": dt.date(2022, 8, 1), "ends_on": dt.date(2022, 10, 31), "capacity": 10},
    )
    for outcome in (Outcome.HIRED_HOST, Outcome.NOT_HIRED):
        participant = training.participant_register(
            actor=blk_staff, event=apprenticeship.event, person=make_person(actor=blk_staff)
        )
        services.apprentice_outcome_record(
            actor=blk_staff, participant=participant, outcome=outcome, noted_on=dt.date(2022, 11, 30)
        )
    assert measures.get("blk.apprentices_hired").value(Period(2022), {}) == 1
