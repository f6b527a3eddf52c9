"""The division's figures for a year, computed from records (R42): who reported, who is decent-work, per
item, and disputes. ``measures.py`` offers them to kinerja; the company and division pages show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from berdaya.companies.models import Company

from .compliance import Assessment, assess, item_facts, rules_on
from .models import SETTLED, ComplianceItem, Dispute, LabourReport, Outcome

ITEM_KEYS = {
    "pp_pkb": ("pp", "pkb"),
    "lks": ("lks",),
    "wage_structure": ("wage_structure",),
    "bpjs": ("bpjs",),
}


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def reporting(year: int) -> QuerySet:
    """Companies that reported (WLKP) for the year."""
    return Company.all_objects.filter(labour_reports__year=year).distinct()


@dataclass
class YearAssessment:
    year: int
    by_company: dict[int, Assessment]

    def decent(self) -> list[int]:
        return [pk for pk, a in self.by_company.items() if a.layak]

    def with_item(self, key: str) -> list[int]:
        return [pk for pk, a in self.by_company.items() if a.present.get(key)]


def assess_year(year: int, queryset: QuerySet | None = None) -> YearAssessment:
    """Every reporting company assessed at the year end with its reported workers (R42)."""
    on = year_end(year)
    rules = rules_on(on)
    reports = LabourReport.objects.filter(year=year)
    if queryset is not None:
        reports = reports.filter(company__in=queryset)
    workers = {
        company_id: max(male + female, pkwt + pkwtt)
        for company_id, male, female, pkwt, pkwtt in reports.values_list(
            "company_id", "workers_male", "workers_female", "workers_pkwt", "workers_pkwtt"
        ).iterator(chunk_size=5000)
    }
    facts = item_facts(ComplianceItem.objects.filter(company_id__in=reports.values("company_id")))
    result = {}
    for company_id, count in workers.items():
        result[company_id] = assess(workers=count, items=facts.get(company_id, []), on=on, rules=rules)
    return YearAssessment(year, result)


def decent_work(year: int) -> QuerySet:
    return Company.all_objects.filter(pk__in=assess_year(year).decent())


def with_item(year: int, key: str) -> QuerySet:
    return Company.all_objects.filter(pk__in=assess_year(year).with_item(key))


def disputes_registered(start: dt.date, end: dt.date, filters: dict | None = None) -> QuerySet:
    return _filtered(Dispute.objects.filter(registered_on__range=(start, end)), filters)


def disputes_settled(start: dt.date, end: dt.date, filters: dict | None = None) -> QuerySet:
    return _filtered(
        Dispute.objects.filter(closed_on__range=(start, end), outcome__in=sorted(SETTLED)), filters
    )


def settled_bipartite(start: dt.date, end: dt.date) -> QuerySet:
    return Dispute.objects.filter(closed_on__range=(start, end), outcome=Outcome.BIPARTITE)


def _filtered(queryset: QuerySet, filters: dict | None) -> QuerySet:
    filters = filters or {}
    if filters.get("route"):
        queryset = queryset.filter(route=filters["route"])
    if filters.get("dispute_type"):
        queryset = queryset.filter(dispute_type=filters["dispute_type"])
    return queryset
