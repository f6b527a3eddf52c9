"""Figures of the programs module (issue 5.10), callable by the accountability module (kinerja).

``program_report(program, year=None)`` returns a dict:
    applicants, eligible, approved, awarded, delivered (disbursed or redeemed), budget_used (Decimal: the
    amounts of applications holding a place), budget, quota, and breakdowns
    by_kecamatan / by_sector / by_sex: {key: {"applicants", "approved", "awarded"}}.
Counts are over every application of the program (``year`` narrows to one program year); "approved"
counts everything approved or later, "awarded" everything awarded or later.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, Substr
from openpyxl import Workbook

from berdaya.regions.selectors import kecamatan_names
from berdaya.umkm.models import Sector

from .models import PLACE_STATES, RECEIVED_STATES, Application, Program, State

DELIVERED_STATES = (State.DISBURSED, State.REDEEMED, State.MONITORED, State.CLOSED)
LIVE = ~Q(state=State.WITHDRAWN)
GROUPS = {
    "by_kecamatan": Substr("kelurahan_id", 1, 8),
    "by_sector": Coalesce("enterprise__sector__parent__code", "enterprise__sector__code"),
    "by_sex": F("person__sex"),
}


def _applications(program: Program, year: int | None) -> QuerySet:
    queryset = Application.objects.filter(program=program)
    return queryset if year is None else queryset.filter(year=year)


def _counts() -> dict:
    return {
        "applicants": Count("pk", filter=LIVE & ~Q(state=State.DRAFT)),
        "eligible": Count("pk", filter=LIVE & Q(eligible=True)),
        "approved": Count("pk", filter=Q(state__in=PLACE_STATES)),
        "awarded": Count("pk", filter=Q(state__in=RECEIVED_STATES)),
        "delivered": Count("pk", filter=Q(state__in=DELIVERED_STATES)),
    }


def program_report(program: Program, *, year: int | None = None) -> dict:
    base = _applications(program, year)
    report = base.aggregate(**_counts(), budget_used=Sum("amount", filter=Q(state__in=PLACE_STATES)))
    report["budget_used"] = report["budget_used"] or Decimal(0)
    report.update(budget=program.budget, quota=program.quota, program=program.name, year=year)
    names = {
        "by_kecamatan": kecamatan_names(),
        "by_sector": dict(Sector.objects.filter(parent=None).values_list("code", "name")),
        "by_sex": {"L": "Laki-laki", "P": "Perempuan"},
    }
    for key, expression in GROUPS.items():
        rows = base.order_by().annotate(group=expression).values("group").annotate(**_counts())
        report[key] = {
            names[key].get(row["group"], row["group"] or "—"): {
                k: row[k] for k in ("applicants", "approved", "awarded")
            }
            for row in rows
        }
    return report


def report_workbook(report: dict) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ringkasan"
    sheet.append(["Program", report["program"]])
    sheet.append(["Tahun", report["year"] or "semua"])
    for label, key in (
        ("Pemohon", "applicants"),
        ("Memenuhi syarat", "eligible"),
        ("Disetujui", "approved"),
        ("Diberikan", "awarded"),
        ("Dicairkan/ditukarkan", "delivered"),
        ("Anggaran terpakai", "budget_used"),
        ("Anggaran", "budget"),
        ("Kuota", "quota"),
    ):
        sheet.append([label, report[key]])
    for key, title in (("by_kecamatan", "Kecamatan"), ("by_sector", "Sektor"), ("by_sex", "Jenis kelamin")):
        part = workbook.create_sheet(title)
        part.append([title, "Pemohon", "Disetujui", "Diberikan"])
        for name, row in sorted(report[key].items()):
            part.append([name, row["applicants"], row["approved"], row["awarded"]])
    return workbook


def state_counts(*, program_ids, year: int | None = None) -> dict[int, dict[str, int]]:
    """{program id: {state: count}} for the program list and page."""
    queryset = Application.objects.filter(program_id__in=program_ids)
    if year is not None:
        queryset = queryset.filter(year=year)
    counts: dict[int, dict[str, int]] = {}
    for program_id, state, n in (
        queryset.order_by().values_list("program_id", "state").annotate(n=Count("pk"))
    ):
        counts.setdefault(program_id, {})[state] = n
    return counts


def outreach_by_kelurahan(queryset: QuerySet) -> list[tuple[str, int]]:
    """(kelurahan name, count) of an outreach list, most first (R35: so no district is left out)."""
    rows = queryset.order_by().values("kelurahan__name").annotate(n=Count("pk")).order_by("-n")[:50]
    return [(row["kelurahan__name"] or "—", row["n"]) for row in rows]
