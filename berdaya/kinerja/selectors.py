"""Reads shared by the pages, the dashboard and the report: a year's results (snapshot if the period is
closed, live otherwise, with restatements, S3), trends, and the quarter's action-plan monitoring."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from . import evaluation
from .evaluation import Evaluation
from .measures import Period
from .models import ActionPlan, Indicator, Renstra, Snapshot


@dataclass
class Result:
    indicator: Indicator
    period: Period
    live: Evaluation
    snapshot: Snapshot | None = None

    @property
    def closed(self) -> bool:
        return self.snapshot is not None

    @property
    def value(self):
        return self.snapshot.value if self.closed else self.live.value

    @property
    def target(self):
        return self.snapshot.target if self.closed else self.live.target

    @property
    def achievement(self):
        return self.snapshot.achievement if self.closed else self.live.achievement

    @property
    def category(self) -> str:
        return self.snapshot.category if self.closed else self.live.category

    @property
    def colour(self) -> str:
        if not self.closed:
            return self.live.colour
        bands = evaluation.bands_at(self.period.end)
        return next((b.colour for b in bands if b.label == self.category), "none")

    @property
    def restated(self) -> bool:
        """A closed value the registries no longer agree with (S3): shown, never silently changed."""
        return self.closed and (self.snapshot.value != _q(self.live.value) or self.changed_records())

    def changed_records(self) -> dict[str, tuple[int, int]]:
        """{input: (records added since closing, records removed)} for inputs whose records changed."""
        if not self.closed:
            return {}
        changes = {}
        for name, reading in self.live.inputs.items():
            if reading.records is None:
                continue
            before, now = set(self.snapshot.records.get(name, [])), set(reading.record_ids())
            if before != now:
                changes[name] = (len(now - before), len(before - now))
        return changes


def _q(value):
    field = Snapshot._meta.get_field("value")
    return None if value is None else Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))


def current_renstra(year: int | None = None) -> Renstra | None:
    plans = Renstra.objects.filter(is_current=True)
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return plans.order_by("-start_year", "-version").first()


def indicators_for(year: int, *, iku_only: bool = False):
    indicators = Indicator.objects.filter(
        renstra__is_current=True, renstra__start_year__lte=year, renstra__end_year__gte=year
    ).select_related("goal", "target")
    return indicators.filter(is_iku=True) if iku_only else indicators


def result(indicator: Indicator, period: Period, bands=None) -> Result:
    # A revised plan copies its indicators: a closed period stays closed for the same indicator code.
    snap = (
        Snapshot.objects.filter(
            indicator__code=indicator.code,
            indicator__renstra__start_year=indicator.renstra.start_year,
            year=period.year,
            quarter=period.quarter or 0,
        )
        .order_by("-closed_at")
        .first()
    )
    live = evaluation.evaluate(indicator, period, bands=bands)
    return Result(indicator, period, live, snap)


def year_results(year: int, quarter: int = 0, *, iku_only: bool = False) -> list[Result]:
    period = Period(year, quarter or None)
    bands = evaluation.bands_at(period.end)
    return [result(indicator, period, bands) for indicator in indicators_for(year, iku_only=iku_only)]


def trend(indicator: Indicator, years, bands_by_year: dict | None = None) -> list[Result]:
    """The indicator's results over ``years``; pass ``bands_by_year(years)`` when drawing many trends."""
    bands_by_year = bands_by_year or {}
    return [result(indicator, Period(year), bands_by_year.get(year)) for year in years]


def bands_by_year(years) -> dict:
    return {year: evaluation.bands_at(Period(year).end) for year in years}


def closed_periods() -> list[tuple[int, int]]:
    return list(Snapshot.objects.order_by("year", "quarter").values_list("year", "quarter").distinct())


def closable_quarters(year: int, today: dt.date) -> list[int]:
    """The year's periods (0 = the whole year, 1-4 = quarters) that have ended and are not closed yet (S3)."""
    closed = set(Snapshot.objects.filter(year=year).values_list("quarter", flat=True))
    return [q for q in (0, 1, 2, 3, 4) if q not in closed and Period(year, q or None).end < today]


@dataclass
class PlanStatus:
    plan: ActionPlan
    target: Decimal | None
    live: Evaluation

    @property
    def behind(self) -> bool | None:
        value = self.live.value
        if value is None or self.target is None:
            return None
        if self.plan.indicator.higher_is_better:
            return value < self.target
        return value > self.target


def monitoring(year: int, quarter: int, *, unit: str | None = None) -> list[PlanStatus]:
    """Each unit's action plans against the quarter's (cumulative) target, realisation live."""
    plans = ActionPlan.objects.filter(year=year).select_related("indicator")
    if unit:
        plans = plans.filter(unit=unit)
    period = Period(year, quarter)
    bands = evaluation.bands_at(period.end)
    rows = []
    for plan in plans:
        target = plan.quarter_target(quarter)
        rows.append(
            PlanStatus(plan, target, evaluation.evaluate(plan.indicator, period, target=target, bands=bands))
        )
    return rows


def current_quarter(today: dt.date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


def latest_agreed_year(today: dt.date | None = None) -> int | None:
    """The latest year, up to this one, whose head-of-office PK is signed: the year the office watches."""
    from .models import Agreement

    today = today or timezone.localdate()
    return (
        Agreement.objects.filter(unit="dinas", year__lte=today.year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )


IKU_BELOW_CACHE_SECONDS = 600


def iku_below_target(year: int, *, fresh: bool = False) -> int:
    """IKU of ``year`` whose achievement is under 100% or not computable (home-page card).

    Evaluating every IKU reads whole registries (the decent-work indicator assesses every company), so the
    home page shows the count computed at most ``IKU_BELOW_CACHE_SECONDS`` ago; the performance pages
    always evaluate live. ``fresh`` recomputes (and refreshes the cached count)."""
    from django.core.cache import cache

    key = f"kinerja:iku-below:{year}"
    if not fresh:
        cached = cache.get(key)
        if cached is not None:
            return cached
    count = sum(1 for r in year_results(year, iku_only=True) if r.achievement is None or r.achievement < 100)
    cache.set(key, count, IKU_BELOW_CACHE_SECONDS)
    return count


EMBLEM_PLACEHOLDER = Path(__file__).parent / "report" / "emblem_placeholder.png"


def document_emblem():
    """The uploaded regional emblem (a FieldFile), or None."""
    from .models import DocumentSetting

    setting = DocumentSetting.objects.order_by("pk").first()
    return setting.emblem if setting and setting.emblem else None


def document_emblem_png() -> bytes:
    """The emblem the documents print: the uploaded one (as PNG), else the neutral placeholder shipped."""
    emblem = document_emblem()
    if emblem is not None:
        try:
            from PIL import Image

            with emblem.open("rb") as handle, Image.open(handle) as image:
                out = io.BytesIO()
                image.convert("RGBA").save(out, format="PNG")
                return out.getvalue()
        except (OSError, ValueError):
            pass  # an unreadable upload prints the placeholder rather than failing the report
    return EMBLEM_PLACEHOLDER.read_bytes()
