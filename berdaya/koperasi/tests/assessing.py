"""Helpers shared by the health and rating tests: answers that give a wanted result, RATs recorded."""

import datetime as dt

from berdaya.koperasi.assessment import rubrics
from berdaya.koperasi.assessment.health import Method
from berdaya.koperasi.assessment.services import health_assess
from berdaya.koperasi.services import rat_record


def hold_rat(cooperative, actor, year: int) -> None:
    rat_record(
        actor=actor, cooperative=cooperative, data={"fiscal_year": year, "held_on": dt.date(year + 1, 3, 10)}
    )


def answers_2016(score_each: str = "10") -> dict:
    """Every aspect scored ``score_each`` capped at its maximum."""
    return {
        a["code"]: str(min(float(score_each), float(a["max"])))
        for a in rubrics.read("health_2016")["aspects"]
    }


def answers_2020(all_met: bool = True) -> dict:
    rubric = rubrics.read("health_2020")
    return {
        i["code"]: list(range(len(i["items"]))) if all_met else []
        for a in rubric["aspects"]
        for i in a["indicators"]
    }


def rating_scores(fraction: float = 1.0) -> dict:
    """Every indicator at ``fraction`` of its maximum."""
    rubric = rubrics.read("rating")
    return {
        i["code"]: str(round(float(i["max"]) * fraction, 2))
        for a in rubric["aspects"]
        for i in a["indicators"]
    }


def assessed_2020(cooperative, actor, year: int, *, all_met: bool = True, on: dt.date | None = None):
    """Hold the RAT of ``year`` and assess it with the 2020 method (all met: Sehat; none: Khusus)."""
    hold_rat(cooperative, actor, year)
    return health_assess(
        actor=actor,
        cooperative=cooperative,
        fiscal_year=year,
        method=Method.M2020,
        answers=answers_2020(all_met),
        assessed_on=on or dt.date(year + 1, 5, 1),
        replace=True,  # re-running replaces on purpose
    )
