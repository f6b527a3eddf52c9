"""cooperative_rate: the computed band and quality, refusals, corrections, audit and summary fields."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import AuditEntry
from berdaya.koperasi.assessment.models import Rating
from berdaya.koperasi.assessment.services import cooperative_rate

from .assessing import hold_rat, rating_scores

pytestmark = pytest.mark.django_db
LIPK = "LIPK PT. Naynau Jasa Utama"


def rate(cooperative, actor, *, fraction=1.0, on=dt.date(2025, 9, 15), **extra):
    return cooperative_rate(
        actor=actor, cooperative=cooperative, rater=LIPK, rated_on=on, scores=rating_scores(fraction), **extra
    )


def test_a_rating_stores_band_letter_predicate_and_quality(cast, cooperative):
    # domain.md R26
    hold_rat(cooperative, cast.koperasi, 2024)
    record = rate(cooperative, cast.koperasi, fraction=0.6)
    assert (record.band, record.letter, record.quality) == ("cukup_berkualitas", "C", True)
    assert record.fiscal_year == 2024  # the year before the rating by default
    cooperative.refresh_from_db()
    assert cooperative.rating_predicate == "Cukup Berkualitas"
    assert cooperative.rating_quality is True
    assert cooperative.rated_on == dt.date(2025, 9, 15)
    entry = AuditEntry.objects.get(object_type="koperasi.rating", object_id=str(record.pk))
    assert entry.changes["predicate"] == [None, "Cukup Berkualitas"]


def test_a_total_above_100_is_stored(cast, cooperative):
    # domain.md R26: totals may exceed 100
    hold_rat(cooperative, cast.koperasi, 2024)
    assert rate(cooperative, cast.koperasi).total > 100


def test_below_the_quality_band_is_not_quality(cast, cooperative):
    # domain.md R26: quality = Cukup Berkualitas and up by default
    hold_rat(cooperative, cast.koperasi, 2024)
    record = rate(cooperative, cast.koperasi, fraction=0.45)
    assert record.band == "kurang_berkualitas"
    assert record.quality is False
    cooperative.refresh_from_db()
    assert cooperative.rating_quality is False


def test_the_latest_rating_decides_the_summary(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2023)
    hold_rat(cooperative, cast.koperasi, 2024)
    rate(cooperative, cast.koperasi, fraction=0.9, on=dt.date(2025, 9, 1))
    rate(cooperative, cast.koperasi, fraction=0.3, on=dt.date(2024, 9, 1), fiscal_year=2023)
    cooperative.refresh_from_db()
    assert (cooperative.rated_on, cooperative.rating_quality) == (dt.date(2025, 9, 1), True)


def test_a_second_rating_on_the_same_day_corrects_the_first(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2024)
    rate(cooperative, cast.koperasi, fraction=0.9)
    rate(cooperative, cast.koperasi, fraction=0.3)
    assert Rating.objects.get().quality is False
    assert AuditEntry.objects.filter(object_type="koperasi.rating", action="update").count() == 1


def test_a_rating_needs_the_rat_of_the_rated_year(cast, cooperative):
    # seed 003: rating is done on cooperatives that have held their RAT
    with pytest.raises(ValidationError, match="RAT"):
        rate(cooperative, cast.koperasi)


def test_a_rating_needs_a_rater_and_valid_scores(cast, cooperative):
    hold_rat(cooperative, cast.koperasi, 2024)
    with pytest.raises(ValidationError):
        cooperative_rate(
            actor=cast.koperasi,
            cooperative=cooperative,
            rater=" ",
            rated_on=dt.date(2025, 9, 1),
            scores=rating_scores(),
        )
    with pytest.raises(ValidationError, match="rubrik"):
        cooperative_rate(
            actor=cast.koperasi, cooperative=cooperative, rater=LIPK, rated_on=dt.date(2025, 9, 1), scores={}
        )
