"""health_assess: R25 refusals, the computed category, corrections, audit and the summary fields."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import AuditEntry
from berdaya.koperasi.assessment.health import Category, Method
from berdaya.koperasi.assessment.models import HealthAssessment
from berdaya.koperasi.assessment.services import health_assess
from berdaya.koperasi.models import Kind

from .assessing import answers_2016, answers_2020, hold_rat
from .conftest import make_cooperative

pytestmark = pytest.mark.django_db
ON = dt.date(2025, 5, 2)


def assess(cooperative, actor, *, year=2024, method=Method.M2020, answers=None, on=ON):
    answers = (
        answers if answers is not None else (answers_2020() if method == Method.M2020 else answers_2016())
    )
    return health_assess(
        actor=actor,
        cooperative=cooperative,
        fiscal_year=year,
        method=method,
        answers=answers,
        assessed_on=on,
        assessor="Tim Pengawas",
        replace=True,  # re-running replaces on purpose
    )


def test_it_records_the_2020_category_and_updates_the_cooperative(cast, cooperative):
    # domain.md R24, R25
    hold_rat(cooperative, cast.koperasi, 2024)
    assessment = assess(cooperative, cast.koperasi)
    assert assessment.category == Category.SEHAT
    assert assessment.score == Decimal("100.00")
    assert assessment.rubric.kind == "health_2020"
    cooperative.refresh_from_db()
    assert (cooperative.health_category, cooperative.health_year) == (Category.SEHAT, 2024)
    entry = AuditEntry.objects.get(object_type="koperasi.healthassessment", object_id=str(assessment.pk))
    assert entry.action == "create"
    assert entry.changes["category"] == [None, "Sehat"]
    on_cooperative = AuditEntry.objects.filter(
        object_type="koperasi.cooperative", object_id=str(cooperative.pk)
    )
    assert on_cooperative.latest("pk").changes["health_category"] == [None, "Sehat"]  # shown by its label


def test_it_records_the_2016_score_as_the_sum_of_the_aspects(cast, cooperative):
    # domain.md R23
    hold_rat(cooperative, cast.koperasi, 2024)
    assessment = assess(cooperative, cast.koperasi, method=Method.M2016, answers=answers_2016("10"))
    assert assessment.score == Decimal(sum(Decimal(v) for v in answers_2016("10").values()))
    assert assessment.category == Category.CUKUP_SEHAT  # 10+10+10+10+10+10+10 = 70


def test_it_refuses_a_year_without_a_rat(cast, cooperative):
    # domain.md R25: a RAT held for the fiscal year
    with pytest.raises(ValidationError, match="RAT"):
        assess(cooperative, cast.koperasi)
    assert not HealthAssessment.objects.exists()


def test_it_refuses_a_fiscal_year_not_yet_closed(cast, cooperative):
    # domain.md R25: a closed fiscal year (31 December is still inside it)
    hold_rat(cooperative, cast.koperasi, 2024)
    with pytest.raises(ValidationError, match="belum ditutup"):
        assess(cooperative, cast.koperasi, on=dt.date(2024, 12, 31))
    assert assess(cooperative, cast.koperasi, on=dt.date(2025, 1, 1)).fiscal_year == 2024


def test_it_refuses_a_cooperative_that_is_not_savings_and_loan(cast):
    # domain.md R23: health of savings-and-loan cooperatives
    consumer = make_cooperative(actor=cast.koperasi, kind=Kind.KONSUMEN)
    hold_rat(consumer, cast.koperasi, 2024)
    with pytest.raises(ValidationError, match="simpan pinjam"):
        assess(consumer, cast.koperasi)


def test_answers_that_do_not_fit_the_rubric_are_refused(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2024)
    with pytest.raises(ValidationError, match="rubrik"):
        assess(cooperative, cast.koperasi, method=Method.M2016, answers={"permodalan": "99"})


def test_a_second_assessment_of_the_same_year_and_method_corrects_the_first(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2024)
    first = assess(cooperative, cast.koperasi)
    second = assess(cooperative, cast.koperasi, answers=answers_2020(all_met=False))
    assert first.pk == second.pk
    assert HealthAssessment.objects.get().category == Category.DALAM_PENGAWASAN_KHUSUS
    entry = AuditEntry.objects.filter(object_type="koperasi.healthassessment").latest("pk")
    assert entry.action == "update"
    assert entry.changes["category"] == ["Sehat", "Dalam Pengawasan Khusus"]
    cooperative.refresh_from_db()
    assert cooperative.health_category == Category.DALAM_PENGAWASAN_KHUSUS


def test_the_summary_follows_the_latest_fiscal_year_not_the_latest_entry(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2023)
    hold_rat(cooperative, cast.koperasi, 2024)
    assess(cooperative, cast.koperasi, year=2024)
    assess(cooperative, cast.koperasi, year=2023, answers=answers_2020(all_met=False))
    cooperative.refresh_from_db()
    assert (cooperative.health_category, cooperative.health_year) == (Category.SEHAT, 2024)
    history = list(cooperative.health_assessments.values_list("fiscal_year", flat=True))
    assert history == [2024, 2023]
