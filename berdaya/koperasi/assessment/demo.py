"""Demo health assessments and ratings (./dev up), called by the registry's ``demo.populate``
(which passes its mark, so this module does not import it back).

Among the demo cooperatives that held their RATs: savings-and-loan ones get a 2020-method assessment for
each of their last two fiscal years with a RAT (one in five, and all before 2020, by the 2016 method), at
four levels so every category appears among a few hundred; one cooperative in six with a RAT gets a rating
the September after its last RAT year, spread over the bands (most Cukup Berkualitas, as in seed 003).
Everything goes through the services (audit rows, summary fields). Idempotent: a cooperative-year already
assessed, or a cooperative already rated on that date, is skipped.
"""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from ..models import Cooperative, Rat
from . import rubrics
from .health import Method
from .models import HealthAssessment, Rating, Rubric
from .services import cooperative_rate, health_assess

DEMO_RATER = "LIPK PT. Naynau Jasa Utama"
RATED_SHARE = 6  # one cooperative in six
# fraction of checklist items met / of rating points: Sehat ... Dalam Pengawasan Khusus, A ... E
HEALTH_LEVELS = (0.95, 0.8, 0.6, 0.35)
RATING_LEVELS = (0.9, 0.75, 0.6, 0.6, 0.6, 0.45, 0.3)


def _checklist(rubric: dict, level: float, rng: random.Random) -> dict:
    return {
        i["code"]: sorted(rng.sample(range(len(i["items"])), round(len(i["items"]) * level)))
        for a in rubric["aspects"]
        for i in a["indicators"]
    }


def _aspect_scores(rubric: dict, level: float) -> dict:
    return {a["code"]: str(round(float(a["max"]) * level, 2)) for a in rubric["aspects"]}


def _rating_scores(rubric: dict, level: float, rng: random.Random) -> dict:
    return {
        i["code"]: str(round(min(float(i["max"]), float(i["max"]) * level * rng.uniform(0.9, 1.1)), 2))
        for a in rubric["aspects"]
        for i in a["indicators"]
    }


def _assess(cooperative, years: list[int], *, actor, rng, today) -> int:
    added = 0
    for year in years:
        on = dt.date(year + 1, 6, 15)
        if on > today or HealthAssessment.objects.filter(cooperative=cooperative, fiscal_year=year).exists():
            continue
        level = rng.choice(HEALTH_LEVELS)
        if Rubric.in_force("health_2016", on) is None:
            continue  # before the first method
        if rng.random() < 0.2 or Rubric.in_force("health_2020", on) is None:
            method, answers = Method.M2016, _aspect_scores(rubrics.read("health_2016"), level)
        else:
            method, answers = Method.M2020, _checklist(rubrics.read("health_2020"), level, rng)
        health_assess(
            actor=actor,
            cooperative=cooperative,
            fiscal_year=year,
            method=method,
            answers=answers,
            assessed_on=on,
            assessor="Tim Pengawas Koperasi",
            replace=True,  # re-running replaces on purpose
        )
        added += 1
    return added


def _rate(cooperative, year: int, *, actor, rng, today) -> int:
    on = dt.date(year + 1, 9, 15)
    if on > today or Rating.objects.filter(cooperative=cooperative, rated_on=on).exists():
        return 0
    if Rubric.in_force("rating", on) is None:
        return 0
    cooperative_rate(
        actor=actor,
        cooperative=cooperative,
        rater=DEMO_RATER,
        rated_on=on,
        fiscal_year=year,
        scores=_rating_scores(rubrics.read("rating"), rng.choice(RATING_LEVELS), rng),
        certificate_number=f"LIPK/{on.year}/{cooperative.pk:04d}",
    )
    return 1


def populate_assessments(*, actor, seed: int, source: str) -> int:
    """Assess and rate some of the demo cooperatives (``source``: the registry demo's mark); return the
    number of assessments and ratings added."""
    today = timezone.localdate()
    added = 0
    for cooperative in Cooperative.objects.filter(source=source).order_by("pk"):
        rng = random.Random(f"{seed}-{cooperative.pk}")
        years = sorted(Rat.objects.filter(cooperative=cooperative).values_list("fiscal_year", flat=True))
        if not years:
            continue
        if cooperative.kind == "simpan_pinjam":
            added += _assess(cooperative, years[-2:], actor=actor, rng=rng, today=today)
        if cooperative.pk % RATED_SHARE == 0:
            added += _rate(cooperative, years[-1], actor=actor, rng=rng, today=today)
    return added
