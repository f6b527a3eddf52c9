"""Decent-work governance of one company on a date (R41, R42): a pure function, tested at its boundaries.

Which items are required follows the company's size on the date, from the dated ``Threshold`` row in
force: a PP at ≥ ``pp_min_workers`` unless a valid PKB exists (R41), an LKS Bipartit at ≥
``lks_min_workers``, a wage structure and scale and BPJS Ketenagakerjaan membership (with the required
programmes) for every employer (R42). The answer says *layak* or *belum layak*, what is missing and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

# The four items of R42 and the record kinds that satisfy each.
ITEM_KEYS = {
    "pp_pkb": ("pp", "pkb"),
    "lks": ("lks",),
    "wage_structure": ("wage_structure",),
    "bpjs": ("bpjs",),
}


@dataclass(frozen=True)
class Rules:
    pp_min_workers: int = 10
    lks_min_workers: int = 50
    bpjs_programmes: tuple[str, ...] = ("jkk", "jkm", "jht")
    legal_basis: str = ""
    pp_max_years: int = 2
    pp_renewal_days: int = 60


@dataclass(frozen=True)
class Item:
    kind: str  # pp, pkb, lks, wage_structure, bpjs
    valid_from: dt.date
    valid_to: dt.date | None = None
    programmes: tuple[str, ...] = ()
    number: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)


@dataclass
class Requirement:
    key: str  # pp_pkb, lks, wage_structure, bpjs
    label: str
    reason: str  # why it is required
    met: bool
    detail: str = ""  # what is there, or what is missing


@dataclass
class Assessment:
    on: dt.date
    workers: int
    requirements: list[Requirement] = field(default_factory=list)
    present: dict[str, bool] = field(default_factory=dict)  # item key -> valid on the date, required or not

    @property
    def layak(self) -> bool:
        return all(r.met for r in self.requirements)

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.met]

    def met(self, key: str) -> bool:
        return any(r.key == key and r.met for r in self.requirements)


def _valid(items, kind: str, on: dt.date) -> list[Item]:
    return [item for item in items if item.kind == kind and item.valid_on(on)]


def _expired(items, kind: str, on: dt.date) -> Item | None:
    past = [item for item in items if item.kind == kind and item.valid_to and item.valid_to < on]
    return max(past, key=lambda item: item.valid_to) if past else None


def _missing_detail(items, kind: str, on: dt.date) -> str:
    expired = _expired(items, kind, on)
    if expired:
        return _("berakhir %(date)s") % {"date": date_format(expired.valid_to)}
    future = [item for item in items if item.kind == kind and item.valid_from > on]
    if future:
        return _("baru berlaku %(date)s") % {"date": date_format(min(i.valid_from for i in future))}
    return _("belum ada")


def assess(*, workers: int, items, on: dt.date, rules: Rules) -> Assessment:
    """R41/R42 on ``on`` for a company with ``workers`` workers and these compliance items."""
    items = list(items)
    result = Assessment(on=on, workers=workers)
    result.present = {
        key: any(i.kind in kinds and i.valid_on(on) for i in items) for key, kinds in ITEM_KEYS.items()
    }
    # PP or PKB (R41): PP required from pp_min_workers; a valid PKB replaces it (and counts at any size).
    pkb = _valid(items, "pkb", on)
    pp = _valid(items, "pp", on)
    if workers >= rules.pp_min_workers:
        reason = _("%(n)s pekerja ≥ %(min)s: wajib PP, kecuali sudah ada PKB (R41)") % {
            "n": workers,
            "min": rules.pp_min_workers,
        }
        if pkb:
            detail = _("PKB %(number)s berlaku") % {"number": pkb[0].number}
        elif pp:
            detail = _("PP %(number)s berlaku sampai %(date)s") % {
                "number": pp[0].number,
                "date": date_format(pp[0].valid_to) if pp[0].valid_to else "-",
            }
        else:
            detail = _("PP/PKB %(state)s") % {"state": _missing_detail(items, "pp", on)}
        result.requirements.append(Requirement("pp_pkb", _("PP atau PKB"), reason, bool(pkb or pp), detail))
    # LKS Bipartit (R41) from lks_min_workers.
    if workers >= rules.lks_min_workers:
        lks = _valid(items, "lks", on)
        reason = _("%(n)s pekerja ≥ %(min)s: wajib LKS Bipartit (R41)") % {
            "n": workers,
            "min": rules.lks_min_workers,
        }
        detail = (
            _("tercatat")
            if lks
            else _("LKS Bipartit %(state)s") % {"state": _missing_detail(items, "lks", on)}
        )
        result.requirements.append(Requirement("lks", _("LKS Bipartit"), reason, bool(lks), detail))
    # Wage structure and scale: every employer (R42; PP 36/2021 Pasal 21).
    wage = _valid(items, "wage_structure", on)
    result.requirements.append(
        Requirement(
            "wage_structure",
            _("Struktur dan skala upah"),
            _("wajib bagi setiap pengusaha (R42)"),
            bool(wage),
            _("ada")
            if wage
            else _("struktur skala upah %(state)s") % {"state": _missing_detail(items, "wage_structure", on)},
        )
    )
    # BPJS Ketenagakerjaan with the required programmes (R42).
    memberships = _valid(items, "bpjs", on)
    have = set().union(*(set(item.programmes) for item in memberships)) if memberships else set()
    lacking = [code for code in rules.bpjs_programmes if code not in have]
    if not memberships:
        detail = _("kepesertaan %(state)s") % {"state": _missing_detail(items, "bpjs", on)}
    elif lacking:
        detail = _("belum ikut %(programmes)s") % {"programmes": ", ".join(c.upper() for c in lacking)}
    else:
        detail = ", ".join(sorted(c.upper() for c in have))
    result.requirements.append(
        Requirement(
            "bpjs",
            _("BPJS Ketenagakerjaan"),
            _("wajib program %(programmes)s (R42)")
            % {"programmes": ", ".join(c.upper() for c in rules.bpjs_programmes)},
            bool(memberships) and not lacking,
            detail,
        )
    )
    return result


# --- Reading the database --------------------------------------------------------------------------------


def rules_on(on: dt.date) -> Rules:
    from .models import Threshold

    row = Threshold.objects.filter(valid_from__lte=on).order_by("-valid_from").first()
    if row is None:
        return Rules()
    programmes = tuple(code.strip() for code in row.bpjs_programmes.split(",") if code.strip())
    return Rules(
        row.pp_min_workers,
        row.lks_min_workers,
        programmes,
        row.legal_basis,
        row.pp_max_years,
        row.pp_renewal_days,
    )


def item_facts(queryset) -> dict[int, list[Item]]:
    """company pk -> its items as pure facts, in one query."""
    facts: dict[int, list[Item]] = {}
    rows = queryset.values_list("company_id", "kind", "valid_from", "valid_to", "programmes", "number")
    for company_id, kind, valid_from, valid_to, programmes, number in rows.iterator(chunk_size=5000):
        facts.setdefault(company_id, []).append(
            Item(kind, valid_from, valid_to, tuple(programmes or ()), number)
        )
    return facts


def company_assessment(company, on: dt.date) -> Assessment:
    """The company on ``on``: workers from its labour report of that year (else its current headcount)."""
    from .models import ComplianceItem, LabourReport

    report = LabourReport.objects.filter(company=company, year__lte=on.year).order_by("-year").first()
    workers = report.workers_total if report else company.workers_total
    items = item_facts(ComplianceItem.objects.filter(company=company)).get(company.pk, [])
    return assess(workers=workers, items=items, on=on, rules=rules_on(on))
