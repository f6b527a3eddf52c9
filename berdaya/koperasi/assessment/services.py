"""Writes for health assessments (R23-R25) and ratings (R26) (style.md 3).

Each function is keyword-only, runs in one transaction, computes the result from the rubric in force on the
assessment date, writes one audit row for the assessment (with the cooperative as ``object_repr``) and
refreshes the cooperative's summary fields from its latest assessment or rating.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, diff, snapshot

from ..models import Cooperative
from ..selectors import rat_held_for
from . import health, rating
from .models import HealthAssessment, Rating, Rubric, RubricKind

SAVINGS_AND_LOAN = "simpan_pinjam"
HEALTH_FIELDS = ("assessed_on", "assessor", "rubric", "score", "category", "notes")
RATING_FIELDS = (
    "rated_on",
    "fiscal_year",
    "rater",
    "certificate_number",
    "rubric",
    "total",
    "letter",
    "predicate",
    "quality",
    "notes",
)


def _rat_held_for(cooperative, fiscal_year: int) -> bool:
    return rat_held_for(cooperative, fiscal_year)  # the registry's own rule for "a RAT held" (R25)


def health_refusal(cooperative, fiscal_year: int, on: dt.date) -> str | None:
    """Why ``cooperative`` cannot be health-assessed for ``fiscal_year`` on ``on`` (R23, R25), or None."""
    if cooperative.kind != SAVINGS_AND_LOAN:
        return _("Penilaian kesehatan hanya untuk koperasi simpan pinjam.")
    if on <= dt.date(fiscal_year, 12, 31):
        return _(
            "Tahun buku %(year)s belum ditutup: penilaian kesehatan baru dapat dilakukan setelahnya."
        ) % {"year": fiscal_year}
    if not _rat_held_for(cooperative, fiscal_year):
        return _("Belum ada RAT tercatat untuk tahun buku %(year)s: catat RAT terlebih dahulu.") % {
            "year": fiscal_year
        }
    return None


def _rubric(kind: str, on: dt.date, field: str) -> Rubric:
    rubric = Rubric.in_force(kind, on)
    if rubric is None:
        raise ValidationError({field: _("Belum ada rubrik yang berlaku pada tanggal ini.")})
    return rubric


def _save_summary(cooperative, values: dict, *, actor, note: str) -> None:
    """Store the summary fields on the locked row and on the caller's instance; audit them on the
    cooperative too, so its own history shows when its health or rating changed."""
    locked = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
    before = snapshot(locked, values)
    for name, value in values.items():
        setattr(locked, name, value)
        setattr(cooperative, name, value)
    changes = diff(before, snapshot(locked, values))
    if changes:
        locked.save(update_fields=[*values, "updated_at"])
        audit_log(actor=actor, action=Action.UPDATE, obj=locked, changes=changes, note=note)


def _refresh_health_summary(cooperative, actor) -> None:
    latest = HealthAssessment.objects.filter(cooperative=cooperative).order_by(
        *HealthAssessment._meta.ordering
    )
    latest = latest.first()
    _save_summary(
        cooperative,
        {
            "health_category": latest.category if latest else "",
            "health_year": latest.fiscal_year if latest else None,
        },
        actor=actor,
        note=_("Kesehatan terakhir diperbarui"),
    )


def _refresh_rating_summary(cooperative, actor) -> None:
    latest = Rating.objects.filter(cooperative=cooperative).order_by(*Rating._meta.ordering).first()
    _save_summary(
        cooperative,
        {
            "rating_predicate": latest.predicate if latest else "",
            "rating_quality": bool(latest and latest.quality),
            "rated_on": latest.rated_on if latest else None,
        },
        actor=actor,
        note=_("Pemeringkatan terakhir diperbarui"),
    )


def existing_health_assessment(cooperative, fiscal_year: int, method: str) -> HealthAssessment | None:
    return HealthAssessment.objects.filter(
        cooperative=cooperative, fiscal_year=fiscal_year, method=method
    ).first()


def health_assess(
    *,
    actor,
    cooperative,
    fiscal_year: int,
    method: str,
    answers: dict,
    assessed_on: dt.date,
    assessor: str = "",
    notes: str = "",
    replace: bool = False,
) -> HealthAssessment:
    """Record (or correct) the health of ``cooperative`` for ``fiscal_year`` by ``method``.

    ``answers``: 2016 {aspect code: score}; 2020 {indicator code: [indexes of the items met]}. A year that
    already has an assessment by this method is refused unless ``replace`` (a correction, said so on the
    form): never replaced silently. The audit row keeps the old values.
    """
    refusal = health_refusal(cooperative, fiscal_year, assessed_on)
    if refusal:
        raise ValidationError(refusal)
    if not replace:
        existing = existing_health_assessment(cooperative, fiscal_year, method)
        if existing is not None:
            raise ValidationError(
                _(
                    "Tahun buku %(year)s sudah dinilai pada %(date)s (%(category)s). Buka penilaian itu, "
                    "atau centang “Ganti penilaian yang ada” untuk memperbaikinya."
                )
                % {
                    "year": fiscal_year,
                    "date": date_format(existing.assessed_on),
                    "category": existing.get_category_display(),
                },
                code="exists",
            )
    rubric = _rubric(health.RUBRIC_KIND[health.Method(method)], assessed_on, "assessed_on")
    try:
        result = health.assess(method, rubric.data, answers)
    except health.AnswerError as error:
        raise ValidationError(_("Jawaban tidak sesuai rubrik: %(error)s") % {"error": error}) from None
    with transaction.atomic():
        assessment = (
            HealthAssessment.objects.select_for_update()
            .filter(cooperative=cooperative, fiscal_year=fiscal_year, method=method)
            .first()
        )
        before = snapshot(assessment, HEALTH_FIELDS) if assessment else {}
        if assessment is None:
            assessment = HealthAssessment(
                cooperative=cooperative, fiscal_year=fiscal_year, method=method, created_by=actor
            )
        assessment.rubric = rubric
        assessment.assessed_on = assessed_on
        assessment.assessor = assessor
        assessment.notes = notes
        assessment.answers = answers
        assessment.score = result.score
        assessment.category = result.category
        assessment.updated_by = actor
        assessment.save()
        audit_log(
            actor=actor,
            action=Action.UPDATE if before else Action.CREATE,
            obj=assessment,
            changes=diff(before, snapshot(assessment, HEALTH_FIELDS)),
            note=_("Penilaian kesehatan %(year)s") % {"year": fiscal_year},
        )
        _refresh_health_summary(cooperative, actor)
    return assessment


def rating_refusal(cooperative, fiscal_year: int, on: dt.date) -> str | None:
    """Why ``cooperative`` cannot be rated on its ``fiscal_year`` books on ``on``, or None.

    Rating is done on cooperatives that have held their RAT (seed 003: "dapat dilaksanakan pada koperasi
    yang telah melaksanakan RAT"), for a closed fiscal year.
    """
    if on <= dt.date(fiscal_year, 12, 31):
        return _("Tahun buku %(year)s belum ditutup pada tanggal pemeringkatan.") % {"year": fiscal_year}
    if not _rat_held_for(cooperative, fiscal_year):
        return _("Belum ada RAT tercatat untuk tahun buku %(year)s: catat RAT terlebih dahulu.") % {
            "year": fiscal_year
        }
    return None


def cooperative_rate(
    *,
    actor,
    cooperative,
    rater: str,
    rated_on: dt.date,
    scores: dict,
    fiscal_year: int | None = None,
    certificate_number: str = "",
    notes: str = "",
) -> Rating:
    """Record a rating of ``cooperative`` (R26) on ``rated_on`` by ``rater`` (an independent body).

    ``scores`` = {indicator code: value}; ``fiscal_year`` (the books rated) defaults to the year before.
    A second rating on the same date replaces the first (the audit row keeps the old values).
    """
    fiscal_year = fiscal_year or rated_on.year - 1
    refusal = rating_refusal(cooperative, fiscal_year, rated_on)
    if refusal:
        raise ValidationError(refusal)
    if not rater.strip():
        raise ValidationError({"rater": _("Isi lembaga pemeringkat.")})
    rubric = _rubric(RubricKind.RATING, rated_on, "rated_on")
    try:
        result = rating.rate(rubric.data, scores)
    except health.AnswerError as error:
        raise ValidationError(_("Nilai tidak sesuai rubrik: %(error)s") % {"error": error}) from None
    with transaction.atomic():
        record = Rating.objects.select_for_update().filter(cooperative=cooperative, rated_on=rated_on).first()
        before = snapshot(record, RATING_FIELDS) if record else {}
        if record is None:
            record = Rating(cooperative=cooperative, rated_on=rated_on, created_by=actor)
        record.rubric = rubric
        record.fiscal_year = fiscal_year
        record.rater = rater.strip()
        record.certificate_number = certificate_number
        record.notes = notes
        record.scores = {code: str(value) for code, value in result.scores.items()}
        record.total = result.total
        record.band = result.band
        record.letter = result.letter
        record.predicate = result.predicate
        record.quality = result.quality
        record.updated_by = actor
        record.save()
        audit_log(
            actor=actor,
            action=Action.UPDATE if before else Action.CREATE,
            obj=record,
            changes=diff(before, snapshot(record, RATING_FIELDS)),
            note=_("Pemeringkatan koperasi"),
        )
        _refresh_rating_summary(cooperative, actor)
    return record


def _delete(*, actor, record, fields, refresh, note: str) -> None:
    with transaction.atomic():
        cooperative = record.cooperative
        audit_log(
            actor=actor,
            action=Action.DELETE,
            obj=record,
            changes={
                name: [value, None] for name, value in snapshot(record, fields).items() if value is not None
            },
            note=note,
        )
        record.delete()
        refresh(cooperative, actor)


def health_assessment_delete(*, actor, assessment: HealthAssessment) -> None:
    """Remove an assessment recorded by mistake (the audit row keeps its values); the summary follows."""
    _delete(
        actor=actor,
        record=assessment,
        fields=("fiscal_year", "method", *HEALTH_FIELDS),
        refresh=_refresh_health_summary,
        note=_("Penilaian kesehatan dihapus"),
    )


def rating_delete(*, actor, rating: Rating) -> None:
    """Remove a rating recorded by mistake (the audit row keeps its values); the summary follows."""
    _delete(
        actor=actor,
        record=rating,
        fields=RATING_FIELDS,
        refresh=_refresh_rating_summary,
        note=_("Pemeringkatan dihapus"),
    )
