"""Writes of the performance module (style.md 3): each in one transaction with its audit row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update, diff, snapshot

from . import budget, checks, evaluation
from .measures import Period
from .models import (
    ActionPlan,
    Agreement,
    AgreementTarget,
    BudgetItem,
    BudgetQuarter,
    DocumentSetting,
    Goal,
    Indicator,
    ManualMeasure,
    ManualValue,
    Renstra,
    Snapshot,
    StrategicTarget,
    SwotItem,
    SwotStrategy,
    YearTarget,
)

BUDGET_FIELDS = ("code", "name", "pagu", "responsible", "justification")
# What each form edits and each audit row records (the forms take their field lists from here).
GOAL_FIELDS = ("code", "name")
STRATEGIC_TARGET_FIELDS = ("goal", "code", "name", "strategy", "policy")
INDICATOR_FIELDS = (
    "code",
    "name",
    "goal",
    "target",
    "level",
    "is_iku",
    "unit",
    "kind",
    "numerator_key",
    "numerator_filters",
    "denominator_key",
    "denominator_filters",
    "denominator_offset",
    "factor",
    "higher_is_better",
    "lower_formula",
    "floor_zero",
    "bounded",
    "formula_text",
    "data_source",
    "responsible_unit",
    "baseline",
    "baseline_year",
    "order",
)
MANUAL_MEASURE_FIELDS = ("key", "label", "unit", "description")
ACTION_PLAN_FIELDS = ("unit", "indicator", "action", "q1", "q2", "q3", "q4")
SWOT_ITEM_FIELDS = ("quadrant", "text", "indicator", "finding")
SWOT_STRATEGY_FIELDS = ("kind", "text")  # and the programs (many-to-many, ``related``)


def _only(data: dict, fields) -> dict:
    return {name: data[name] for name in fields if name in data}


def _create_checked(*, actor, obj, fields):
    """Validate against the database (unique codes within the plan) before the audited save: the forms
    cannot, because the plan is set here."""
    obj.full_clean()
    return audited_create(actor=actor, obj=obj, fields=fields, clean=False)


@transaction.atomic
def goal_create(*, actor, renstra: Renstra, data: dict) -> Goal:
    return _create_checked(
        actor=actor, obj=Goal(renstra=renstra, **_only(data, GOAL_FIELDS)), fields=GOAL_FIELDS
    )


@transaction.atomic
def strategic_target_create(*, actor, data: dict) -> StrategicTarget:
    target = StrategicTarget(**_only(data, STRATEGIC_TARGET_FIELDS))
    return _create_checked(actor=actor, obj=target, fields=STRATEGIC_TARGET_FIELDS)


@transaction.atomic
def indicator_create(*, actor, renstra: Renstra, data: dict) -> Indicator:
    """A new indicator of ``renstra``; its numerator and denominator keys are in the audit row."""
    indicator = Indicator(renstra=renstra, **_only(data, INDICATOR_FIELDS))
    return _create_checked(actor=actor, obj=indicator, fields=INDICATOR_FIELDS)


@transaction.atomic
def indicator_update(*, actor, indicator: Indicator, data: dict) -> dict:
    """Change an indicator's definition; the audit row keeps old -> new of every field that changed (a
    formula's keys and filters too). Returns the changes."""
    indicator.refresh_from_db()  # a bound ModelForm has already copied its input onto the instance
    return audited_update(
        actor=actor, obj=indicator, data=_only(data, INDICATOR_FIELDS), fields=INDICATOR_FIELDS
    )


@transaction.atomic
def manual_measure_create(*, actor, data: dict) -> ManualMeasure:
    measure = ManualMeasure(**_only(data, MANUAL_MEASURE_FIELDS))
    return _create_checked(actor=actor, obj=measure, fields=MANUAL_MEASURE_FIELDS)


@transaction.atomic
def action_plan_create(*, actor, year: int, data: dict) -> ActionPlan:
    plan = ActionPlan(year=year, **_only(data, ACTION_PLAN_FIELDS))
    return _create_checked(actor=actor, obj=plan, fields=("year", *ACTION_PLAN_FIELDS))


@transaction.atomic
def swot_item_create(*, actor, year: int, data: dict) -> SwotItem:
    item = SwotItem(year=year, **_only(data, SWOT_ITEM_FIELDS))
    return _create_checked(actor=actor, obj=item, fields=("year", *SWOT_ITEM_FIELDS))


@transaction.atomic
def swot_strategy_create(*, actor, year: int, data: dict) -> SwotStrategy:
    """A strategy and the programs that carry it out (the programs are listed in the same audit row)."""
    strategy = SwotStrategy(year=year, **_only(data, SWOT_STRATEGY_FIELDS))
    strategy.full_clean()
    return audited_create(
        actor=actor,
        obj=strategy,
        fields=("year", *SWOT_STRATEGY_FIELDS),
        clean=False,
        related={"programs": data.get("programs") or []},
    )


@transaction.atomic
def budget_import(*, actor, year: int, rows, replace: bool = False) -> list[BudgetItem]:
    """Load a realisation table shaped like seed 003's Tabel 3.3 as the year's budget tree (the year's
    realisation goes to quarter IV). Parents are inferred from the order: a program, then its activities,
    each followed by its sub-activities. Raises ValidationError for unreadable rows or an existing tree."""
    labels = [band.label for band in evaluation.bands_at(dt.date(year, 12, 31))]
    parsed, errors = budget.read_rows(rows, labels)
    if errors:
        raise ValidationError(errors)
    if not parsed:
        raise ValidationError(_("Tidak ada baris anggaran yang terbaca."))
    existing = BudgetItem.objects.filter(year=year)
    if existing.exists():
        if not replace:
            raise ValidationError(_("Anggaran tahun %(year)s sudah ada.") % {"year": year})
        existing.filter(parent__isnull=True).delete()
    created: list[BudgetItem] = []
    parents: dict[int, BudgetItem] = {}
    for order, row in enumerate(parsed):
        parent = None
        for level in range(row.level - 1, 0, -1):
            if level in parents:
                parent = parents[level]
                break
        item = BudgetItem.objects.create(
            year=year,
            parent=parent,
            level=row.level,
            code=row.code,
            name=row.name[:400],
            pagu=row.pagu,
            order=order,
            reported_percent=row.percent,
            reported_category=row.category[:40],
            created_by=actor,
            updated_by=actor,
        )
        physical = row.percent if row.level == BudgetItem.Level.SUB_ACTIVITY else None
        BudgetQuarter.objects.create(item=item, quarter=4, financial=row.financial, physical=physical)
        parents[row.level] = item
        for deeper in [lv for lv in parents if lv > row.level]:
            del parents[deeper]
        created.append(item)
    audit_log(
        actor=actor, action=Action.CREATE, obj=BudgetItem, note=f"impor anggaran {year}: {len(created)} baris"
    )
    return created


@transaction.atomic
def budget_item_update(*, actor, item: BudgetItem, data: dict, quarters: dict) -> list[checks.Finding]:
    """Change an item and its quarterly realisation ({quarter: (financial, physical)}); returns the
    findings on it and its ancestors (checks run on save, S9-S10)."""
    before = snapshot(item, BUDGET_FIELDS)
    for name in BUDGET_FIELDS:
        if name in data:
            setattr(item, name, data[name])
    item.updated_by = actor
    item.save()
    changes = diff(before, snapshot(item, BUDGET_FIELDS))
    for quarter, (financial, physical) in quarters.items():
        row, _created = BudgetQuarter.objects.get_or_create(item=item, quarter=quarter)
        old = (row.financial, row.physical)
        row.financial, row.physical = financial or Decimal(0), physical
        row.save()
        if old != (row.financial, row.physical):
            changes[f"TW{quarter}"] = [f"{old[0]} / {old[1]}", f"{row.financial} / {row.physical}"]
    audit_log(actor=actor, action=Action.UPDATE, obj=item, changes=changes)
    related, node = {item.pk}, item
    while node.parent_id:
        node = node.parent
        related.add(node.pk)
    return checks.budget_findings(item.year, item_ids=related)


@transaction.atomic
def manual_value_record(
    *, actor, measure: ManualMeasure, year: int, quarter: int, value, evidence=None, note: str = ""
) -> ManualValue:
    """Enter (or correct) a manual measure's value for a period, with its evidence file (S1)."""
    row = ManualValue.objects.filter(measure=measure, year=year, quarter=quarter).first()
    old = None if row is None else format(row.value, "f")
    if row is None:
        row = ManualValue(measure=measure, year=year, quarter=quarter, created_by=actor)
    row.value, row.note, row.updated_by = value, note, actor
    if evidence:
        row.evidence = evidence
    row.save()
    audit_log(
        actor=actor,
        action=Action.CREATE if old is None else Action.UPDATE,
        obj=row,
        changes={"nilai": [old, format(row.value, "f")]},
        object_repr=f"{measure.label} {year}/{quarter}",
    )
    return row


@transaction.atomic
def indicator_targets_set(*, actor, indicator: Indicator, targets: dict[int, Decimal | None]) -> None:
    """The Renstra's yearly targets of an indicator; None removes a year's target."""
    changes = {}
    for year, value in targets.items():
        current = YearTarget.objects.filter(indicator=indicator, year=year).first()
        old = None if current is None else format(current.value, "f")
        if value is None:
            if current:
                current.delete()
        elif current is None:
            YearTarget.objects.create(indicator=indicator, year=year, value=value, created_by=actor)
        else:
            current.value = value
            current.save()
        new = None if value is None else format(value, "f")
        if old != new:
            changes[str(year)] = [old, new]
    if changes:
        audit_log(actor=actor, action=Action.UPDATE, obj=indicator, changes=changes, note="target tahunan")


@transaction.atomic
def agreement_sign(
    *,
    actor,
    data: dict,
    targets: dict[Indicator, Decimal],
    revises: Agreement | None = None,
    reason: str = "",
) -> Agreement:
    """A new PK, or a revision of ``revises`` (a new version; the old one is kept)."""
    if revises is not None:
        if not reason:
            raise ValidationError(_("Revisi perjanjian kinerja wajib menyebut alasannya."))
        data = {
            f: getattr(revises, f)
            for f in ("year", "unit", "section", "echelon", "first_party", "second_party")
        } | data
        data["version"] = revises.version + 1
    else:
        latest = Agreement.objects.filter(
            year=data["year"], unit=data["unit"], section=data.get("section", "")
        )
        if latest.exists():
            raise ValidationError(_("Perjanjian kinerja unit ini untuk tahun itu sudah ada: buat revisinya."))
    agreement = Agreement.objects.create(**data, reason=reason, created_by=actor, updated_by=actor)
    AgreementTarget.objects.bulk_create(
        AgreementTarget(agreement=agreement, indicator=indicator, value=value)
        for indicator, value in targets.items()
    )
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=agreement,
        changes={i.code: [None, format(v, "f")] for i, v in targets.items()},
        note=reason,
    )
    return agreement


def period_indicators(year: int):
    return Indicator.objects.filter(
        renstra__in=Renstra.objects.filter(is_current=True, start_year__lte=year, end_year__gte=year)
    ).select_related("renstra")


@transaction.atomic
def period_close(*, actor, year: int, quarter: int = 0) -> list[Snapshot]:
    """Freeze the period's indicators (S3): inputs, value, target, achievement, category, record ids."""
    if Snapshot.objects.filter(year=year, quarter=quarter).exists():
        raise ValidationError(_("Periode ini sudah ditutup."))
    period = Period(year, quarter or None)
    if period.end >= timezone.localdate():  # S3: a period still running has no final values to freeze
        raise ValidationError(
            _("Periode ini belum berakhir (sampai %(end)s): nilainya masih berjalan.")
            % {"end": date_format(period.end)}
        )
    bands = evaluation.bands_at(period.end)
    snapshots = []
    for indicator in period_indicators(year):
        result = evaluation.evaluate(indicator, period, bands=bands)
        snapshots.append(
            Snapshot.objects.create(
                indicator=indicator,
                year=year,
                quarter=quarter,
                closed_by=actor,
                inputs=result.frozen_inputs(),
                value=result.value,
                target=result.target,
                achievement=result.achievement,
                category=result.category,
                records={name: r.record_ids() for name, r in result.inputs.items()},
            )
        )
    audit_log(
        actor=actor, action=Action.CREATE, obj=Snapshot, note=f"tutup periode {period}: {len(snapshots)}"
    )
    return snapshots


@transaction.atomic
def renstra_create(*, actor, data: dict) -> Renstra:
    if Renstra.objects.filter(start_year=data["start_year"], version=1).exists():
        raise ValidationError({"start_year": _("Renstra dengan tahun awal ini sudah ada: buat revisinya.")})
    Renstra.objects.filter(is_current=True, start_year=data["start_year"]).update(is_current=False)
    renstra = Renstra.objects.create(**data, created_by=actor, updated_by=actor)
    audit_log(actor=actor, action=Action.CREATE, obj=renstra)
    return renstra


@transaction.atomic
def renstra_revise(*, actor, renstra: Renstra, note: str) -> Renstra:
    """A revised plan: a new version with a copy of the goals, targets, indicators and yearly targets;
    the old version stays readable and stops being current (its snapshots keep pointing at it)."""
    if not note:
        raise ValidationError(_("Revisi renstra wajib menyebut alasannya."))
    latest = Renstra.objects.filter(start_year=renstra.start_year).order_by("-version").first()
    revised = Renstra.objects.create(
        name=renstra.name,
        start_year=renstra.start_year,
        end_year=renstra.end_year,
        version=latest.version + 1,
        revises=renstra,
        note=note,
        created_by=actor,
        updated_by=actor,
    )
    goals, targets = {}, {}
    for goal in renstra.goals.all():
        goals[goal.pk] = Goal.objects.create(
            renstra=revised, code=goal.code, name=goal.name, created_by=actor
        )
        for target in goal.targets.all():
            targets[target.pk] = StrategicTarget.objects.create(
                goal=goals[goal.pk],
                code=target.code,
                name=target.name,
                strategy=target.strategy,
                policy=target.policy,
                created_by=actor,
            )
    for indicator in renstra.indicators.prefetch_related("year_targets"):
        yearly = list(indicator.year_targets.all())
        indicator.pk, indicator.id, indicator._state.adding = None, None, True
        indicator.renstra = revised
        indicator.goal = goals.get(indicator.goal_id)
        indicator.target = targets.get(indicator.target_id)
        indicator.created_by = actor
        indicator.save()
        YearTarget.objects.bulk_create(
            YearTarget(indicator=indicator, year=t.year, value=t.value, created_by=actor) for t in yearly
        )
    Renstra.objects.filter(start_year=renstra.start_year).exclude(pk=revised.pk).update(is_current=False)
    audit_log(actor=actor, action=Action.CREATE, obj=revised, note=note)
    return revised


def document_emblem_set(*, actor, emblem) -> DocumentSetting:
    """Upload (or, with ``emblem=None``, remove) the regional emblem the LAKIP and PK print."""
    with transaction.atomic():
        setting = DocumentSetting.objects.select_for_update().order_by("pk").first()
        if setting is None:
            setting = DocumentSetting(emblem=emblem or "")
            audited_create(actor=actor, obj=setting, fields=["emblem"])
        else:
            audited_update(actor=actor, obj=setting, data={"emblem": emblem or ""}, fields=["emblem"])
    return setting
