"""Everything the yearly report (LAKIP, sakip.md "The yearly report") shows, as plain data.

The builders (``build.py``) read only these dataclasses, so the report does not depend on how the plan,
the indicators or the budget are stored: ``assemble.py`` fills them from the database (or a closed year's
snapshot), the tests fill them by hand from seed 003.

Numbers are Decimals in full precision; achievement (S6), categories (S7) and budget percentages are
computed here from their inputs with the module's own arithmetic (``berdaya.kinerja.formulas``), never
carried as typed values (S8). A category typed in an import is kept only to show where it disagrees with the
computed one. The category bands are data (the ``Band`` rows in force for the year), not constants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from berdaya.kinerja import formulas
from berdaya.kinerja.formulas import BandSpec, LowerFormula

HUNDRED = Decimal(100)


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return Decimal(part) / Decimal(whole) * HUNDRED


def category(value: Decimal | None, bands: list[BandSpec]) -> str:
    """The label of the band (S7) a percentage falls in; empty when there is no value."""
    band = formulas.band_for(value, bands)
    return band.label if band else ""


# --- Front matter and chapter I -----------------------------------------------------------------------------


@dataclass
class Signatory:
    name: str
    title: str  # e.g. "Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja Kota Banjarmasin"
    rank: str = ""  # pangkat, e.g. "Pembina Tk. I"
    nip: str = ""


@dataclass
class Office:
    name: str  # "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"
    city: str  # "Kota Banjarmasin"
    place: str  # where the foreword is signed: "Banjarmasin"
    head: Signatory
    address: str = ""
    emblem: bytes = b""  # PNG of the regional emblem (empty: the placeholder)


@dataclass
class Unit:
    """A unit of the organisation with its duties (Bab I, position, duties and functions)."""

    name: str
    duties: str


@dataclass
class CountRow:
    label: str
    count: int


@dataclass
class StaffTable:
    """Staff counted by one attribute (education, rank or position), Bab I tables 1.1-1.3."""

    title: str
    rows: list[CountRow]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass
class PlacementYear:
    """Job seekers registered vs placed in a year (seed 003 table 1.4); the ratio is computed."""

    year: int
    registered: int
    placed: int

    @property
    def ratio(self) -> Decimal | None:
        return percent(Decimal(self.placed), Decimal(self.registered))


# --- Chapter II: plan, indicators, agreement ----------------------------------------------------------------


@dataclass
class StrategicTarget:
    """A sasaran strategis with its strategies and policy directions."""

    name: str
    strategies: list[str] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)


@dataclass
class Goal:
    """A tujuan of the Renstra and the targets under it."""

    name: str
    targets: list[StrategicTarget] = field(default_factory=list)


@dataclass
class Renstra:
    start_year: int
    end_year: int
    duties: str = ""  # tugas
    functions: list[str] = field(default_factory=list)  # fungsi
    goals: list[Goal] = field(default_factory=list)

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


@dataclass
class Indicator:
    """An indicator as defined in the plan (the IKU table of the appendix)."""

    @property
    def shown(self) -> str:
        return self.number or self.code

    code: str  # the key staff texts are kept under; never printed (a slug such as "iku-wub" in the plan)
    name: str
    unit: str  # "%", "orang", "koperasi", "nilai"
    number: str = ""  # what the report prints: "IKU 1", "Tujuan 1" (empty: the code, as seed 003 writes it)
    level: str = "sasaran"  # "tujuan" (goal), "sasaran" (strategic target) or "program"
    goal: str = ""
    target_name: str = ""  # the sasaran strategis it measures
    definition: str = ""  # penjelasan
    formula: str = ""  # perhitungan
    data_source: str = ""
    responsible_unit: str = ""
    is_iku: bool = True
    higher_is_better: bool = True
    lower_formula: str = LowerFormula.TWO_TARGET
    floor_zero: bool = False
    cap: Decimal | None = None

    def achievement(self, target: Decimal | None, realisation: Decimal | None) -> Decimal | None:
        """Achievement (S6) of a realisation against a target, with this indicator's polarity."""
        return formulas.achievement(
            realisation,
            target,
            higher_is_better=self.higher_is_better,
            lower_formula=self.lower_formula,
            floor_zero=self.floor_zero,
            cap=self.cap,
        )


@dataclass
class YearValue:
    year: int
    target: Decimal | None
    realisation: Decimal | None


@dataclass
class Narrative:
    """Bab III items (5)-(7) and the indicator's analysis: drafted from the data, edited by staff.
    Empty fields are drafted when the report is built (``narrative.py``)."""

    analysis: str = ""  # what moved vs last year and vs target
    causes: str = ""  # (5) causes of success/failure and solutions
    efficiency: str = ""  # (6) efficiency of resources
    programs: str = ""  # (7) programs that supported it


@dataclass
class IndicatorResult:
    """One indicator in the report year: target, realisation and everything compared against (Bab III A)."""

    indicator: Indicator
    target: Decimal | None
    realisation: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    history: list[YearValue] = field(default_factory=list)  # earlier years, oldest first
    renstra_end_target: Decimal | None = None
    national_standard: str = ""  # (4) vs national standards, where any
    programs: list[str] = field(default_factory=list)  # programs that carried it
    narrative: Narrative = field(default_factory=Narrative)

    @property
    def achievement(self) -> Decimal | None:
        return self.indicator.achievement(self.target, self.realisation)

    @property
    def previous(self) -> YearValue | None:
        return self.history[-1] if self.history else None

    @property
    def vs_end_target(self) -> Decimal | None:
        """Realisation as a percentage of the Renstra end target (Bab III A (3))."""
        return self.indicator.achievement(self.renstra_end_target, self.realisation)


@dataclass
class AgreementRow:
    """A line of the year's performance agreement (PK)."""

    target_name: str
    indicator: str
    target: Decimal | None
    unit: str


@dataclass
class Agreement:
    title: str  # "Perjanjian Kinerja Perubahan Tahun 2022"
    rows: list[AgreementRow]
    first_party: Signatory | None = None  # the head of office
    second_party: Signatory | None = None  # the mayor
    revision: str = ""  # e.g. "Perubahan 1, 2022-08-01"


@dataclass
class ProgramBudget:
    """A priority program with its budget (Bab II table 2.3)."""

    name: str
    amount: Decimal


# --- Chapter III: divisions, budget, revenue ----------------------------------------------------------------


@dataclass
class DivisionRow:
    target_name: str
    program: str  # the program or sub-activity carrying it
    indicator: str
    unit: str
    target: Decimal | None
    realisation: Decimal | None
    higher_is_better: bool = True
    lower_formula: str = LowerFormula.TWO_TARGET
    floor_zero: bool = False
    cap: Decimal | None = None  # S6: the one cap in force (evaluation.cap_at), as for the IKU

    @property
    def achievement(self) -> Decimal | None:
        return formulas.achievement(
            self.realisation,
            self.target,
            higher_is_better=self.higher_is_better,
            lower_formula=self.lower_formula,
            floor_zero=self.floor_zero,
            cap=self.cap,
        )


@dataclass
class DivisionTable:
    """Indicators of one division or section (Bab III A, per-division tables)."""

    division: str
    rows: list[DivisionRow]


class BudgetLevel(StrEnum):
    PROGRAM = "program"
    ACTIVITY = "activity"  # kegiatan
    SUB_ACTIVITY = "sub_activity"  # sub kegiatan


@dataclass
class BudgetRow:
    """One node of the budget tree in tree order (program, its activities, their sub-activities)."""

    level: BudgetLevel
    code: str
    name: str
    pagu: Decimal
    realisation: Decimal
    physical: Decimal | None = None  # physical realisation, percent
    typed_category: str = ""  # category as imported, only to flag disagreements (S8, S11)

    @property
    def absorption(self) -> Decimal | None:
        return percent(self.realisation, self.pagu)


@dataclass
class RevenueRow:
    name: str
    target: Decimal
    realisation: Decimal

    @property
    def absorption(self) -> Decimal | None:
        return percent(self.realisation, self.target)


# --- The whole report ---------------------------------------------------------------------------------------


@dataclass
class LakipData:
    year: int
    office: Office
    bands: list[BandSpec]  # the S7 table in force for the year
    renstra: Renstra
    results: list[IndicatorResult]  # goal-level indicators and IKU, in plan order
    agreement: Agreement
    priority_programs: list[ProgramBudget] = field(default_factory=list)
    division_tables: list[DivisionTable] = field(default_factory=list)
    budget: list[BudgetRow] = field(default_factory=list)
    revenue: list[RevenueRow] = field(default_factory=list)
    # chapter I
    background: str = ""
    units: list[Unit] = field(default_factory=list)
    staff_tables: list[StaffTable] = field(default_factory=list)
    facilities: list[str] = field(default_factory=list)
    strategic_issues: list[str] = field(default_factory=list)
    placement_history: list[PlacementYear] = field(default_factory=list)
    # front matter and chapter IV: empty ones are drafted from the data
    foreword: str = ""
    reviewed_statement: str = ""
    executive_summary: str = ""
    conclusions: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    signed_on: dt.date | None = None
    source: str = ""  # where the figures come from: "snapshot <date>", "live", "contoh"

    def category(self, value: Decimal | None) -> str:
        return category(value, self.bands)

    @property
    def bands_high_first(self) -> list[BandSpec]:
        return sorted(self.bands, key=lambda b: (b.lower is None, -(b.lower or 0)))

    @property
    def iku(self) -> list[IndicatorResult]:
        return [r for r in self.results if r.indicator.is_iku]

    @property
    def goal_results(self) -> list[IndicatorResult]:
        return [r for r in self.results if not r.indicator.is_iku]

    @property
    def office_name(self) -> str:
        return f"{self.office.name} {self.office.city}".strip()

    @property
    def budget_programs(self) -> list[BudgetRow]:
        return [row for row in self.budget if row.level == BudgetLevel.PROGRAM]

    @property
    def budget_total(self) -> tuple[Decimal, Decimal]:
        programs = self.budget_programs
        return sum((r.pagu for r in programs), Decimal(0)), sum((r.realisation for r in programs), Decimal(0))
