"""Writes to the cooperative registry (style.md 3): each in one transaction, with its audit row, and each
that changes what the status depends on refreshes the cached status (models.py docstring)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update, diff, snapshot

from . import status as status_rules
from .models import (
    BoardMember,
    Cooperative,
    CooperativeYear,
    Dissolution,
    DissolutionStage,
    DissolutionStep,
    FollowUp,
    Rat,
    RatRule,
    Visit,
    VisitStatus,
    WarningLetter,
)

COOPERATIVE_FIELDS = (
    "name",
    "legal_entity_number",
    "legal_entity_date",
    "nomor_induk_koperasi",
    "kind",
    "group",
    "address",
    "kelurahan",
    "membership_area",
    "phone",
    "email",
    "contact_person",
    "employees",
    "registered_on",
    "source_id",
)
YEAR_FIELDS = (
    "fiscal_year",
    "members_men",
    "members_women",
    "employees",
    "own_capital",
    "external_capital",
    "assets",
    "business_volume",
    "surplus",
)
RAT_FIELDS = (
    "fiscal_year",
    "held_on",
    "attendance",
    "surplus_decided",
    "accountability_report",
    "minutes",
    "note",
)
VISIT_FIELDS = ("officer", "planned_on", "purpose", "status", "visited_on", "findings", "photo")


def _fields_of(obj: Model, names) -> list[str]:
    return [name for name in names if hasattr(obj, name)]


# --- Status ---------------------------------------------------------------------------------------------


def current_rule(on: dt.date | None = None) -> RatRule:
    return status_rules.rule_on(RatRule.objects.all(), on or timezone.localdate())


def evaluate_cooperative(cooperative: Cooperative, *, on: dt.date | None = None, rules=None):
    """status.evaluate fed from the database for one cooperative on ``on`` (default today). Reads through
    the related managers' ``.all()`` so a list can prefetch "rats", "warnings", "dissolutions__steps"."""
    on = on or timezone.localdate()
    rule = status_rules.rule_on(rules if rules is not None else RatRule.objects.all(), on)
    rats = {rat.fiscal_year: rat.held_on for rat in cooperative.rats.all()}
    warned = [letter.issued_on for letter in cooperative.warnings.all() if letter.issued_on <= on]
    return status_rules.evaluate(
        rats=rats,
        on=on,
        rule=rule,
        first_year=cooperative.legal_entity_date.year if cooperative.legal_entity_date else None,
        warned_on=max(warned, default=None),
        dissolution_stage=dissolution_stage_on(cooperative, on),
    )


def dissolution_stage_on(cooperative: Cooperative, on: dt.date) -> str | None:
    """The stage the latest dissolution had reached on ``on``, or None (none, or cancelled)."""
    steps = [step for d in cooperative.dissolutions.all() for step in d.steps.all() if step.on <= on]
    if not steps:
        return None
    stage = max(steps, key=lambda step: (step.on, step.pk)).stage
    return stage if stage != DissolutionStage.CANCELLED else None


def cooperative_refresh_status(cooperative: Cooperative, *, on: dt.date | None = None, rules=None):
    """Recompute and store the cached status; audits a change of status as "sistem" (not the first
    computation, which is part of the record's creation)."""
    evaluation = evaluate_cooperative(cooperative, on=on, rules=rules)
    first_time = cooperative.status_on is None
    values = {
        "status": evaluation.status,
        "status_reason": evaluation.reason[:255],
        "watch_stage": evaluation.stage,
    }
    if any(getattr(cooperative, k) != v for k, v in values.items()) or cooperative.status_on != (
        on or timezone.localdate()
    ):
        before = snapshot(cooperative, ("status", "watch_stage"))
        for name, value in values.items():
            setattr(cooperative, name, value)
        cooperative.status_on = on or timezone.localdate()
        Cooperative.objects.filter(pk=cooperative.pk).update(**values, status_on=cooperative.status_on)
        changes = diff(before, snapshot(cooperative, ("status", "watch_stage")))
        if changes and first_time is False:
            audit_log(
                actor=None, action=Action.UPDATE, obj=cooperative, changes=changes, note=evaluation.reason
            )
    return evaluation


def refresh_all_statuses(*, on: dt.date | None = None, queryset=None, progress=None) -> int:
    """The daily refresh (dates move: a deadline passes with nobody touching the record). Returns how many
    cooperatives changed status or stage. ``progress(done, total)`` is called as it goes (jobs)."""
    rules = list(RatRule.objects.all())
    queryset = (queryset if queryset is not None else Cooperative.objects.all()).prefetch_related(
        "rats", "warnings", "dissolutions__steps"
    )
    total = queryset.count()
    changed = 0
    for done, cooperative in enumerate(queryset.iterator(chunk_size=500), start=1):
        before = (cooperative.status, cooperative.watch_stage)
        with transaction.atomic():
            cooperative_refresh_status(cooperative, on=on, rules=rules)
        changed += before != (cooperative.status, cooperative.watch_stage)
        if progress is not None:
            progress(done, total)
    return changed


# --- The cooperative --------------------------------------------------------------------------------------


def _refuse_duplicate_number(number: str, *, exclude_pk=None) -> None:
    if number and Cooperative.objects.filter(nomor_induk_koperasi=number).exclude(pk=exclude_pk).exists():
        raise ValidationError(
            {"nomor_induk_koperasi": _("Nomor Induk Koperasi ini sudah dipakai koperasi lain.")}
        )


def cooperative_register(*, actor, data: dict) -> Cooperative:
    with transaction.atomic():
        _refuse_duplicate_number(data.get("nomor_induk_koperasi", ""))
        data = {"registered_on": timezone.localdate()} | data
        cooperative = audited_create(
            actor=actor,
            obj=Cooperative(**data),
            fields=(*COOPERATIVE_FIELDS, "status", "status_reason", "watch_stage"),
            then=cooperative_refresh_status,  # the first computation is part of the creation
        )
    return cooperative


def cooperative_update(*, actor, cooperative: Cooperative, data: dict) -> Cooperative:
    with transaction.atomic():
        cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        _refuse_duplicate_number(data.get("nomor_induk_koperasi", ""), exclude_pk=cooperative.pk)
        audited_update(actor=actor, obj=cooperative, data=data, fields=COOPERATIVE_FIELDS, clean=False)
        cooperative_refresh_status(cooperative)  # the legal-entity date decides the first fiscal year
    return cooperative


def board_member_add(*, actor, cooperative: Cooperative, data: dict) -> BoardMember:
    with transaction.atomic():
        member = BoardMember(cooperative=cooperative, **data)
        return audited_create(actor=actor, obj=member, fields=("person", "role", "term_start", "term_end"))


def cooperative_year_record(*, actor, cooperative: Cooperative, data: dict) -> CooperativeYear:
    """A fiscal year's figures: a second entry for the same year corrects the first."""
    with transaction.atomic():
        existing = (
            CooperativeYear.objects.select_for_update()
            .filter(cooperative=cooperative, fiscal_year=data["fiscal_year"])
            .first()
        )
        if existing is not None:
            audited_update(actor=actor, obj=existing, data=data, fields=YEAR_FIELDS, clean=False)
            return existing
        return audited_create(
            actor=actor, obj=CooperativeYear(cooperative=cooperative, **data), fields=YEAR_FIELDS
        )


# --- RAT (R20-R22) ------------------------------------------------------------------------------------------


def rat_record(*, actor, cooperative: Cooperative, data: dict) -> Rat:
    """Record (or correct) the RAT of a fiscal year and refresh the status. A RAT is held after its fiscal
    year closes and not in the future."""
    fiscal_year, held_on = data["fiscal_year"], data["held_on"]
    if held_on <= dt.date(fiscal_year, 12, 31):
        raise ValidationError(
            {
                "held_on": _("RAT tahun buku %(year)d diadakan setelah tahun buku ditutup.")
                % {"year": fiscal_year}
            }
        )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Tanggal RAT tidak boleh di masa depan.")})
    with transaction.atomic():
        cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        existing = Rat.objects.filter(cooperative=cooperative, fiscal_year=fiscal_year).first()
        if existing is not None:
            audited_update(actor=actor, obj=existing, data=data, fields=RAT_FIELDS, clean=False)
            rat = existing
        else:
            rat = audited_create(actor=actor, obj=Rat(cooperative=cooperative, **data), fields=RAT_FIELDS)
        cooperative_refresh_status(cooperative)
    return rat


def warning_letter_issue(*, actor, cooperative: Cooperative, data: dict) -> WarningLetter:
    """R22: the written warning after M consecutive missed RATs."""
    with transaction.atomic():
        cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        letter = audited_create(
            actor=actor,
            obj=WarningLetter(cooperative=cooperative, **data),
            fields=("number", "issued_on", "missed_years", "document"),
        )
        cooperative_refresh_status(cooperative)
    return letter


# --- Field visits (PPKL) ------------------------------------------------------------------------------------


def visit_plan(*, actor, cooperative: Cooperative, data: dict) -> Visit:
    with transaction.atomic():
        data = {"officer": actor} | data
        return audited_create(actor=actor, obj=Visit(cooperative=cooperative, **data), fields=VISIT_FIELDS)


def visit_record(*, actor, visit: Visit, data: dict, follow_ups: Iterable[dict] = ()) -> Visit:
    """The officer's report: visited on, findings, photo; marks the visit done and adds follow-ups."""
    with transaction.atomic():
        visit = Visit.objects.select_for_update().get(pk=visit.pk)
        data = {"status": VisitStatus.DONE} | data
        if data["status"] == VisitStatus.DONE and not data.get("visited_on", visit.visited_on):
            raise ValidationError({"visited_on": _("Isi tanggal kunjungan.")})
        audited_update(actor=actor, obj=visit, data=data, fields=VISIT_FIELDS, clean=False)
        for item in follow_ups:
            follow_up_add(actor=actor, visit=visit, data=item)
    return visit


def follow_up_add(*, actor, visit: Visit, data: dict) -> FollowUp:
    with transaction.atomic():
        return audited_create(
            actor=actor, obj=FollowUp(visit=visit, **data), fields=("action", "owner", "due_on", "done_on")
        )


def follow_up_done(*, actor, follow_up: FollowUp, on: dt.date | None = None) -> FollowUp:
    with transaction.atomic():
        follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
        done = {"done_on": on or timezone.localdate()}
        audited_update(actor=actor, obj=follow_up, data=done, fields=("done_on",), clean=False)
        return follow_up


# --- Dissolution (R27) --------------------------------------------------------------------------------------


def open_dissolution(cooperative: Cooperative) -> Dissolution | None:
    return cooperative.dissolutions.exclude(stage=DissolutionStage.CANCELLED).first()


def next_stages(dissolution: Dissolution) -> list[str]:
    """The steps allowed after the current one: the next in order, or cancelling before the decision."""
    order = status_rules.DISSOLUTION_ORDER
    if dissolution.stage == DissolutionStage.CANCELLED or dissolution.stage == order[-1]:
        return []
    following: list[str] = [order[order.index(dissolution.stage) + 1]]
    if dissolution.stage not in status_rules.DISSOLVED_STAGES:
        following.append(DissolutionStage.CANCELLED)
    return following


def dissolution_start(
    *, actor, cooperative: Cooperative, ground: str, on: dt.date, reference: str = "", note: str = ""
) -> Dissolution:
    """R27's first step, the proposal, with its coded legal ground."""
    with transaction.atomic():
        cooperative = Cooperative.objects.select_for_update().get(pk=cooperative.pk)
        if open_dissolution(cooperative) is not None:
            raise ValidationError(_("Koperasi ini sudah dalam proses pembubaran."))
        dissolution = audited_create(
            actor=actor,
            obj=Dissolution(
                cooperative=cooperative, ground=ground, started_on=on, stage=DissolutionStage.PROPOSAL
            ),
            fields=("ground", "stage", "started_on"),
        )
        audited_create(
            actor=actor,
            obj=DissolutionStep(
                dissolution=dissolution,
                stage=DissolutionStage.PROPOSAL,
                on=on,
                reference=reference,
                note=note,
            ),
            fields=("stage", "on", "reference", "note"),
        )
        cooperative_refresh_status(cooperative)
    return dissolution


def cooperative_dissolve_step(
    *, actor, dissolution: Dissolution, stage: str, on: dt.date, reference: str = "", note: str = ""
) -> Dissolution:
    """R27: move the procedure one step on (dated), or cancel it before the decision. The decision comes
    no earlier than the notice + the objection period of the rule in force."""
    with transaction.atomic():
        dissolution = Dissolution.objects.select_for_update().get(pk=dissolution.pk)
        if stage not in next_stages(dissolution):
            raise ValidationError(
                _("Langkah “%(stage)s” tidak dapat dilakukan setelah “%(current)s”.")
                % {"stage": DissolutionStage(stage).label, "current": dissolution.get_stage_display()}
            )
        last = dissolution.steps.order_by("-on").first()
        if last is not None and on < last.on:
            raise ValidationError(
                {
                    "on": _("Tanggal tidak boleh sebelum langkah sebelumnya (%(day)s).")
                    % {"day": f"{date_format(last.on)}"}
                }
            )
        if stage == DissolutionStage.DECISION:
            notice = dissolution.steps.filter(stage=DissolutionStage.NOTICE).first()
            months = current_rule(on).objection_months
            if notice is not None and on < status_rules.add_months(notice.on, months):
                raise ValidationError(
                    {
                        "on": _(
                            "Masa sanggahan %(months)d bulan sejak pemberitahuan belum berakhir "
                            "(sampai %(day)s)."
                        )
                        % {
                            "months": months,
                            "day": f"{date_format(status_rules.add_months(notice.on, months))}",
                        }
                    }
                )
        audited_create(
            actor=actor,
            obj=DissolutionStep(dissolution=dissolution, stage=stage, on=on, reference=reference, note=note),
            fields=("stage", "on", "reference", "note"),
        )
        audited_update(actor=actor, obj=dissolution, data={"stage": stage}, fields=("stage",), clean=False)
        cooperative_refresh_status(dissolution.cooperative)
    return dissolution
