"""The report's data for a year from the performance module: ``lakip_data(year) -> LakipData``.

Indicator values come from ``selectors.year_results``: a closed year's snapshot when there is one (so the
report is reproducible, S3), live otherwise; earlier years for the trend the same way. Achievement and
categories are computed by ``data``/``formulas`` from those values and the bands in force at the year's end.
The document is Indonesian whatever the user's language: only the error shown on screen is translated.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.kinerja import budget, evaluation, selectors
from berdaya.kinerja.measures import Period
from berdaya.kinerja.models import Agreement as AgreementModel
from berdaya.kinerja.models import BudgetItem, YearTarget
from berdaya.kinerja.models import Indicator as IndicatorModel
from berdaya.kinerja.models import Unit as UnitChoice

from .data import (
    Agreement,
    AgreementRow,
    BudgetLevel,
    BudgetRow,
    DivisionRow,
    DivisionTable,
    Goal,
    Indicator,
    IndicatorResult,
    LakipData,
    Office,
    PlacementYear,
    ProgramBudget,
    Renstra,
    Signatory,
    StrategicTarget,
    Unit,
    YearValue,
)

TREND_YEARS = 6  # earlier years shown in the trend tables and charts
# Tabel 1.4 of seed 003 (job seekers registered vs placed) when those measures exist
PLACEMENT_MEASURES = ("naker.registered", "naker.placed")
LEVELS = {
    BudgetItem.Level.PROGRAM: BudgetLevel.PROGRAM,
    BudgetItem.Level.ACTIVITY: BudgetLevel.ACTIVITY,
    BudgetItem.Level.SUB_ACTIVITY: BudgetLevel.SUB_ACTIVITY,
}


class NoPlan(ValueError):
    """There is no current strategic plan covering the year: nothing to report on."""


def _indicator(model: IndicatorModel, year: int) -> Indicator:
    return Indicator(
        code=model.code,
        name=model.name,
        unit=model.unit,
        level=model.level,
        is_iku=model.is_iku,
        goal=model.goal.name if model.goal else (model.target.goal.name if model.target else ""),
        target_name=model.target.name if model.target else "",
        formula=model.formula_text,
        data_source=model.data_source,
        responsible_unit=model.get_responsible_unit_display(),
        higher_is_better=model.higher_is_better,
        lower_formula=model.lower_formula,
        floor_zero=model.floor_zero,
        cap=evaluation.cap_at(Period(year).end),  # S6: the one cap rule (evaluation.achievement_of)
    )


def _ratio_parts(result: selectors.Result) -> tuple[Decimal | None, Decimal | None]:
    """Numerator and denominator of a ratio indicator, as frozen in the snapshot or read live."""
    if result.indicator.kind != IndicatorModel.Kind.RATIO:
        return None, None
    if result.closed:
        inputs = result.snapshot.inputs

        def value(name):
            raw = (inputs.get(name) or {}).get("value")
            return None if raw is None else Decimal(raw)

        return value("numerator"), value("denominator")
    inputs = result.live.inputs
    return inputs["numerator"].value, inputs["denominator"].value


def _history(model: IndicatorModel, year: int, bands) -> list[YearValue]:
    history = []
    for earlier in range(year - TREND_YEARS, year):
        result = selectors.result(model, Period(earlier), bands)
        if result.value is not None:
            history.append(YearValue(earlier, result.target, result.value))
    return history


def _results(year: int, bands) -> tuple[list[IndicatorResult], bool]:
    results, all_closed = [], True
    for result in selectors.year_results(year):
        model = result.indicator
        if model.level == IndicatorModel.Level.PROGRAM:
            continue  # program indicators go in the division tables
        all_closed &= result.closed
        numerator, denominator = _ratio_parts(result)
        end = YearTarget.objects.filter(indicator=model, year=model.renstra.end_year).first()
        results.append(
            IndicatorResult(
                indicator=_indicator(model, year),
                target=result.target,
                realisation=result.value,
                numerator=numerator,
                denominator=denominator,
                history=_history(model, year, bands),
                renstra_end_target=end.value if end else None,
            )
        )
    results.sort(key=lambda r: r.indicator.is_iku)  # goal-level indicators first, then the IKU (stable)
    # The plan's codes are keys ("iku-wub"); the report numbers indicators as the office prints them.
    counters = {True: 0, False: 0}
    for r in results:
        counters[r.indicator.is_iku] += 1
        r.indicator.number = f"{'IKU' if r.indicator.is_iku else 'Tujuan'} {counters[r.indicator.is_iku]}"
    return results, all_closed


def _latest_agreements(year: int) -> list[AgreementModel]:
    latest: dict[tuple[str, str], AgreementModel] = {}
    for agreement in AgreementModel.objects.filter(year=year).order_by("version"):
        latest[(agreement.unit, agreement.section)] = agreement
    return list(latest.values())


def _agreement(year: int, agreements: list[AgreementModel]) -> Agreement:
    head = next((a for a in agreements if a.unit == UnitChoice.DINAS and not a.section), None)
    if head is None:
        return Agreement(title=f"Perjanjian Kinerja Tahun {year}", rows=[])
    return staffed(agreement_data(head, parties=split_party), head_of_office=True)


def staffed(agreement: Agreement, *, head_of_office: bool) -> Agreement:
    """Both parties' blocks completed from the staff records; the first party of the head of office's PK
    is the head of office (their record by role when the PK names only the post)."""
    agreement.first_party = with_staff_record(
        agreement.first_party, role=Role.KEPALA_DINAS if head_of_office else None
    )
    agreement.second_party = with_staff_record(agreement.second_party)
    return agreement


POSITIONS = ("Kepala", "Wali Kota", "Walikota", "Bupati", "Sekretaris", "Plt", "Pj")  # texts naming a post
SEPARATORS = ("\n", " — ", " | ", ";")  # "name — position" in the parties' free text


def split_party(text: str) -> Signatory:
    """The stored "name and position" text as a signatory: "H. Ibnu Sina — Wali Kota Banjarmasin" splits at
    the separator; a text that is only a post ("Kepala Bidang Koperasi") leaves the name to write by hand."""
    text = text.strip()
    for separator in SEPARATORS:
        if separator in text:
            name, position = (part.strip() for part in text.split(separator, 1))
            return Signatory(name=name, title=position)
    if text.startswith(POSITIONS):
        return Signatory(name="", title=text)
    return Signatory(name=text, title="")


def agreement_data(model: AgreementModel, parties=lambda text: Signatory(name=text, title="")) -> Agreement:
    """One signed PK version as the documents show it; a revision (version > 1) is a "Perubahan".
    ``parties`` turns the stored "name and position" text into a ``Signatory``."""
    revised = model.version > 1
    title = f"Perjanjian Kinerja {'Perubahan ' if revised else ''}Tahun {model.year}"
    rows = [
        AgreementRow(
            t.indicator.target.name if t.indicator.target else "", t.indicator.name, t.value, t.indicator.unit
        )
        for t in model.targets.select_related("indicator__target")
    ]
    revision = f"versi {model.version}" + (f": {model.reason}" if model.reason else "")
    return Agreement(
        title=title,
        rows=rows,
        first_party=parties(model.first_party),
        second_party=parties(model.second_party),
        revision=revision if revised else "",
    )


def _division_tables(year: int, agreements: list[AgreementModel], bands) -> list[DivisionTable]:
    """Each unit's (and section's) signed targets against the realisation of the indicator."""
    tables = []
    period = Period(year)
    cap = evaluation.cap_at(period.end)
    for agreement in sorted(agreements, key=lambda a: (a.echelon, a.unit, a.section)):
        if agreement.unit == UnitChoice.DINAS and not agreement.section:
            continue
        rows = []
        for target in agreement.targets.select_related("indicator__target"):
            ind = target.indicator
            value = selectors.result(ind, period, bands).value
            rows.append(
                DivisionRow(
                    target_name=ind.target.name if ind.target else "",
                    program=agreement.section,
                    indicator=ind.name,
                    unit=ind.unit,
                    target=target.value,
                    realisation=value,
                    higher_is_better=ind.higher_is_better,
                    lower_formula=ind.lower_formula,
                    floor_zero=ind.floor_zero,
                    cap=cap,
                )
            )
        name = agreement.get_unit_display() + (f" – {agreement.section}" if agreement.section else "")
        tables.append(DivisionTable(name, rows))
    return tables


def _budget(year: int, bands) -> list[BudgetRow]:
    rows = []
    for root in budget.tree(year, bands):
        for _depth, node in root.walk():
            item = node.item
            rows.append(
                BudgetRow(
                    level=LEVELS[item.level],
                    code=item.code,
                    name=item.name,
                    pagu=node.pagu,
                    realisation=node.financial,
                    physical=node.physical,
                    typed_category=item.reported_category,
                )
            )
    return rows


def _placement(year: int) -> list[PlacementYear]:
    history = []
    for earlier in range(year - TREND_YEARS, year + 1):
        registered, placed = (evaluation.reading(key, Period(earlier)).value for key in PLACEMENT_MEASURES)
        if registered is not None and placed is not None:
            history.append(PlacementYear(earlier, int(registered), int(placed)))
    return history


def with_staff_record(person: Signatory | None, *, role: str | None = None) -> Signatory:
    """A signature block completed from the staff records (accounts.User: NIP, rank, position): the member
    of staff the block names (titles and degrees aside), else the one holding the position it names, else
    (``role``) the one with that role. What the block already says is kept."""
    from berdaya.imports.parsers import normalize_name

    person = person or Signatory(name="", title="")
    staff = User.objects.filter(is_active=True).order_by("pk")
    match = None
    if person.name:
        wanted = normalize_name(person.name)
        match = next((u for u in staff if normalize_name(u.get_full_name()) == wanted), None)
    if match is None and person.title:
        match = staff.filter(position__iexact=person.title.strip()).first()
    if match is None and role and not person.name:
        match = staff.filter(role=role).first()
    if match is None:
        return person
    return Signatory(
        name=person.name or match.get_full_name(),
        title=person.title or match.position,
        rank=person.rank or match.rank,
        nip=person.nip or format_nip(match.nip),
    )


def format_nip(nip: str) -> str:
    """An 18-digit NIP as printed: birth date, appointment, sex, serial ("19680111 199303 1 006")."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


def _head_of_office(agreement: Agreement) -> Signatory:
    head = with_staff_record(agreement.first_party, role=Role.KEPALA_DINAS)
    title = head.title or f"Kepala {settings.BERDAYA_OFFICE_NAME}"
    return Signatory(name=head.name, title=title, rank=head.rank, nip=head.nip)


def jurisdiction_name() -> str:
    """The jurisdiction's name as the regions table holds it, e.g. "KOTA BANJARMASIN"."""
    from berdaya.regions.models import Region

    region = Region.objects.filter(code=settings.BERDAYA_JURISDICTION).first()
    return region.name if region else ""


def _place() -> str:
    """Where the foreword is signed: the jurisdiction's name without "Kota"/"Kabupaten"."""
    name = jurisdiction_name()
    for prefix in ("KOTA ", "KABUPATEN ", "Kota ", "Kabupaten "):
        name = name.removeprefix(prefix)
    return name.title()


def lakip_data(year: int) -> LakipData:
    """Everything the year's report shows, from the current plan; raises ``NoPlan`` without one."""
    plan = selectors.current_renstra(year)
    if plan is None:
        raise NoPlan(_("Belum ada Renstra yang berlaku untuk tahun %(year)s.") % {"year": year})
    with translation.override(settings.LANGUAGE_CODE):  # the document is Indonesian (unit names, ...)
        return _lakip_data(year, plan)


def _lakip_data(year: int, plan) -> LakipData:
    bands = evaluation.bands_at(Period(year).end)
    results, closed = _results(year, bands)
    agreements = _latest_agreements(year)
    agreement = _agreement(year, agreements)
    programs = BudgetItem.objects.filter(year=year, level=BudgetItem.Level.PROGRAM)
    tree = _budget(year, bands)
    pagu = {row.name: row.pagu for row in tree if row.level == BudgetLevel.PROGRAM}
    return LakipData(
        year=year,
        office=Office(
            name=settings.BERDAYA_OFFICE_NAME,
            city="",
            place=_place(),
            head=_head_of_office(agreement),
            emblem=selectors.document_emblem_png(),
        ),
        bands=bands,
        renstra=Renstra(
            start_year=plan.start_year,
            end_year=plan.end_year,
            goals=[
                Goal(
                    goal.name,
                    [
                        StrategicTarget(
                            t.name,
                            [t.strategy] if t.strategy else [],
                            [t.policy] if t.policy else [],
                        )
                        for t in goal.targets.all()
                    ],
                )
                for goal in plan.goals.prefetch_related("targets")
            ],
        ),
        results=results,
        agreement=agreement,
        priority_programs=[ProgramBudget(p.name, pagu.get(p.name, p.pagu)) for p in programs],
        division_tables=_division_tables(year, agreements, bands),
        budget=tree,
        units=[Unit(str(label), "") for value, label in UnitChoice.choices if value != UnitChoice.SEKSI],
        placement_history=_placement(year),
        signed_on=None,
        source="snapshot tahun tertutup" if closed and results else "nilai berjalan (tahun belum ditutup)",
    )
