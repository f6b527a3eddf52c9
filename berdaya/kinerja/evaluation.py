"""Indicator values from measures, achievement and category (sakip.md S1-S8), live or from a snapshot.

- ``reading(key, period, filters)``: a measure's value in a period: computed by the registry that
  registered ``key``, else the manual value entered for it (with evidence), else None.
- ``evaluate(indicator, period)``: inputs, realisation, target, achievement and band of an indicator.
- ``bands_at(date)``: the category bands in force on a date (S7).
- ``cap_at(date)``: the one achievement cap in force on a date (S6, ``AchievementCap``), for every indicator;
  ``achievement_of(indicator, value, target, on)`` is the one place achievement is computed with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from . import formulas, measures
from .formulas import BandSpec
from .measures import Period
from .models import AchievementCap, AgreementTarget, Band, CheckRule, Indicator, ManualValue, YearTarget

RECORD_LIMIT = 50_000  # ids kept in a snapshot per input; more is not drill-down but a dump


@dataclass
class Reading:
    key: str
    period: Period
    value: Decimal | None
    source: str  # "computed", "manual" or "missing"
    label: str = ""
    evidence: str = ""  # URL of the manual value's evidence file
    records: QuerySet | None = None

    def record_ids(self) -> list:
        if self.records is None:
            return []
        return list(self.records.order_by("pk").values_list("pk", flat=True)[:RECORD_LIMIT])


def reading(key: str, period: Period, filters: dict | None = None) -> Reading:
    measure = measures.get(key)
    if measure is not None:
        value = measure.value(period, filters or {})
        records = measure.records(period, filters or {}) if measure.records else None
        return Reading(key, period, Decimal(value), "computed", str(measure.label), records=records)
    manual = (
        ManualValue.objects.filter(measure__key=key, year=period.year, quarter=period.quarter or 0)
        .select_related("measure")
        .first()
    )
    if manual is None:
        return Reading(key, period, None, "missing")
    evidence = manual.evidence.url if manual.evidence else ""
    return Reading(key, period, manual.value, "manual", manual.measure.label, evidence=evidence)


def bands_at(date: dt.date | None = None) -> list[BandSpec]:
    date = date or timezone.localdate()
    latest = Band.objects.filter(effective_from__lte=date).order_by("-effective_from").first()
    if latest is None:
        return []
    return [
        BandSpec(b.label, b.colour, b.lower, b.lower_closed, b.upper, b.upper_closed)
        for b in Band.objects.filter(effective_from=latest.effective_from)
    ]


def cap_at(date: dt.date | None = None) -> Decimal | None:
    """S6: the achievement cap in force on ``date`` (None: no cap), the same for every indicator."""
    date = date or timezone.localdate()
    rule = AchievementCap.objects.filter(effective_from__lte=date).order_by("-effective_from").first()
    return None if rule is None else rule.cap


def achievement_of(indicator, value, target, on: dt.date) -> Decimal | None:
    """Achievement (S6) of ``value`` against ``target`` with the indicator's polarity and the cap in force
    on ``on``: the pages, the checks and the report all compute it here."""
    return formulas.achievement(
        value,
        target,
        higher_is_better=indicator.higher_is_better,
        lower_formula=indicator.lower_formula,
        floor_zero=indicator.floor_zero,
        cap=cap_at(on),
    )


def check_rule_at(date: dt.date | None = None) -> CheckRule:
    date = date or timezone.localdate()
    return CheckRule.objects.filter(effective_from__lte=date).order_by("-effective_from").first()


def target_of(indicator: Indicator, year: int) -> Decimal | None:
    """The year's target: the latest PK version's target of the head of office if signed, else Renstra's."""
    signed = (
        AgreementTarget.objects.filter(indicator=indicator, agreement__year=year, agreement__unit="dinas")
        .order_by("-agreement__version")
        .values_list("value", flat=True)
        .first()
    )
    if signed is not None:
        return signed
    return YearTarget.objects.filter(indicator=indicator, year=year).values_list("value", flat=True).first()


@dataclass
class Evaluation:
    indicator: Indicator
    period: Period
    inputs: dict[str, Reading] = field(default_factory=dict)
    value: Decimal | None = None
    target: Decimal | None = None
    achievement: Decimal | None = None
    band: BandSpec | None = None

    @property
    def category(self) -> str:
        return self.band.label if self.band else ""

    @property
    def colour(self) -> str:
        return self.band.colour if self.band else "none"

    @property
    def source(self) -> str:
        sources = {r.source for r in self.inputs.values()}
        return "missing" if "missing" in sources else "manual" if "manual" in sources else "computed"

    def frozen_inputs(self) -> dict:
        return {
            name: {"key": r.key, "period": str(r.period), "value": _json(r.value), "source": r.source}
            for name, r in self.inputs.items()
        }


def _json(value):
    return None if value is None else format(value, "f")


def inputs_of(indicator: Indicator, period: Period) -> dict[str, Reading]:
    inputs = {"numerator": reading(indicator.numerator_key, period, indicator.numerator_filters)}
    if indicator.kind == Indicator.Kind.RATIO:
        inputs["denominator"] = reading(
            indicator.denominator_key,
            period.shifted(indicator.denominator_offset),
            indicator.denominator_filters,
        )
    elif indicator.kind == Indicator.Kind.GROWTH:
        inputs["previous"] = reading(indicator.numerator_key, period.shifted(-1), indicator.numerator_filters)
    return inputs


def evaluate(indicator: Indicator, period: Period, *, target=None, bands=None) -> Evaluation:
    inputs = inputs_of(indicator, period)
    value = formulas.indicator_value(
        indicator.kind,
        inputs["numerator"].value,
        inputs["denominator"].value if "denominator" in inputs else None,
        inputs["previous"].value if "previous" in inputs else None,
        indicator.factor,
    )
    if target is None:
        target = target_of(indicator, period.year)
    achieved = achievement_of(indicator, value, target, period.end)
    band = formulas.band_for(achieved, bands if bands is not None else bands_at(period.end))
    return Evaluation(indicator, period, inputs, value, target, achieved, band)
