"""Writes of industrial relations (style.md 3): every function keyword-only, in one transaction, audited
through ``berdaya.audit.services``; deadlines through ``workdays.services`` (working days, R43b).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update
from berdaya.workdays import services as workdays
from berdaya.workdays.models import DeadlineStatus

from . import rules
from .compliance import rules_on
from .models import (
    ARBITRABLE,
    AgreementCase,
    AgreementKind,
    AgreementStatus,
    AnswerChoice,
    BodyMember,
    CaseDeadline,
    ComplianceItem,
    Dispute,
    DisputeStatus,
    Hearing,
    HearingKind,
    ItemKind,
    LabourReport,
    LayoffReport,
    Meeting,
    Outcome,
    Party,
    RecommendationAnswer,
    Route,
    StrikeNotice,
    Union,
)

REPORT_FIELDS = (
    "company",
    "year",
    "reported_on",
    "report_number",
    "workers_male",
    "workers_female",
    "workers_pkwt",
    "workers_pkwtt",
    "workers_foreign",
    "workers_disabled",
    "source",
)
ITEM_FIELDS = (
    "company",
    "kind",
    "number",
    "valid_from",
    "valid_to",
    "programmes",
    "evidence",
    "notes",
    "source",
)
DISPUTE_FIELDS = (
    "number",
    "company",
    "dispute_type",
    "worker_party",
    "union",
    "workers_involved",
    "summary",
    "bipartite_minutes",
    "bipartite_ended_on",
    "registered_on",
    "route",
    "mediator",
    "handed_on",
    "status",
    "recommendation_number",
    "recommendation_on",
    "recommendation_text",
    "outcome",
    "closed_on",
)
HEARING_FIELDS = (
    "dispute",
    "kind",
    "held_on",
    "place",
    "employer_present",
    "worker_present",
    "attendees",
    "minutes",
)
CASE_FIELDS = (
    "company",
    "kind",
    "submitted_on",
    "dossier",
    "status",
    "correction_notes",
    "complete_on",
    "decision_number",
    "decision_on",
    "valid_to",
)
LAYOFF_FIELDS = ("company", "reported_on", "effective_on", "workers", "reason", "agreed")
NOTICE_FIELDS = ("company", "kind", "notified_on", "starts_on", "ends_on", "place", "reason", "workers")
MEETING_FIELDS = ("body", "held_on", "place", "agenda", "minutes", "decisions")
MEMBER_FIELDS = ("body", "name", "element", "organisation", "active")
UNION_FIELDS = (
    "name",
    "registration_number",
    "registered_on",
    "company",
    "federation",
    "members_claimed",
    "members_verified",
    "verified_on",
)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- Labour reports and compliance items -------------------------------------------------------------------


def labour_report_record(*, actor, company, data: dict) -> LabourReport:
    """A company's report for a year: created, or updated when the year is already there."""
    with transaction.atomic():
        report = LabourReport.objects.select_for_update().filter(company=company, year=data["year"]).first()
        if report is None:
            report = LabourReport(company=company, **data)
            return audited_create(actor=actor, obj=report, fields=REPORT_FIELDS)
        audited_update(actor=actor, obj=report, data=data, fields=REPORT_FIELDS)
        return report


def pp_max_valid_to(valid_from: dt.date) -> dt.date:
    """R41: a PP lasts at most 2 years (the day before the second anniversary; the dated table's value)."""
    return _add_years(valid_from, rules_on(valid_from).pp_max_years) - dt.timedelta(days=1)


def _check_item(item: ComplianceItem) -> None:
    errors = {}
    if item.kind == ItemKind.PP:
        limit = pp_max_valid_to(item.valid_from)
        if item.valid_to is None:
            item.valid_to = limit
        elif item.valid_to > limit:
            errors["valid_to"] = _("Masa berlaku PP paling lama 2 tahun (sampai %(date)s, R41).") % {
                "date": date_format(limit)
            }
    if item.valid_to and item.valid_to < item.valid_from:
        errors["valid_to"] = _("Tanggal berakhir tidak boleh sebelum tanggal berlaku.")
    if item.kind == ItemKind.BPJS and not item.programmes:
        errors["programmes"] = _("Pilih program BPJS Ketenagakerjaan yang diikuti.")
    if errors:
        raise ValidationError(errors)


def compliance_item_record(*, actor, company, data: dict) -> ComplianceItem:
    with transaction.atomic():
        item = ComplianceItem(company=company, **data)
        _check_item(item)
        return audited_create(actor=actor, obj=item, fields=ITEM_FIELDS)


def compliance_item_update(*, actor, item: ComplianceItem, data: dict) -> ComplianceItem:
    with transaction.atomic():
        probe = ComplianceItem.objects.get(pk=item.pk)
        for name, value in data.items():
            setattr(probe, name, value)
        _check_item(probe)
        audited_update(actor=actor, obj=item, data={**data, "valid_to": probe.valid_to}, fields=ITEM_FIELDS)
    return item


# --- PP approval and PKB registration (R41a) ---------------------------------------------------------------


def _start(*, limit: rules.Limit, start: dt.date, **case) -> CaseDeadline:
    deadline = workdays.deadline_new(
        CaseDeadline,
        kind=limit.kind,
        label=str(limit.label),
        article=limit.article,
        days=limit.days,
        start=start,
        **case,
    )
    deadline.save()
    return deadline


def _open(deadlines, kind: str) -> CaseDeadline | None:
    return deadlines.filter(kind=kind, status__in=[DeadlineStatus.OPEN, DeadlineStatus.PAUSED]).first()


def _meet(deadlines, kind: str, on: dt.date) -> None:
    deadline = _open(deadlines, kind)
    if deadline is not None:
        workdays.deadline_meet(deadline, on=on)
        deadline.save()


def agreement_case_submit(
    *, actor, company, kind: str, submitted_on: dt.date, dossier: dict
) -> AgreementCase:
    with transaction.atomic():
        case = AgreementCase(company=company, kind=kind, submitted_on=submitted_on, dossier=dossier)
        audited_create(actor=actor, obj=case, fields=CASE_FIELDS)
        if not case.missing_documents:
            _complete(actor=actor, case=case, on=submitted_on)
    return case


def _complete(*, actor, case: AgreementCase, on: dt.date) -> None:
    audited_update(
        actor=actor,
        obj=case,
        data={"status": AgreementStatus.COMPLETE, "complete_on": on},
        fields=CASE_FIELDS,
    )
    _start(limit=rules.PP_DECISION, start=on, agreement_case=case)


def agreement_case_review(
    *, actor, case: AgreementCase, dossier: dict, on: dt.date, correction_notes: str = ""
) -> AgreementCase:
    """The dossier checked: complete starts the decision clock; otherwise a correction request."""
    with transaction.atomic():
        case = AgreementCase.objects.select_for_update().get(pk=case.pk)
        if case.status in (AgreementStatus.APPROVED, AgreementStatus.REJECTED):
            raise ValidationError(_("Permohonan ini sudah diputus."))
        audited_update(actor=actor, obj=case, data={"dossier": dossier}, fields=CASE_FIELDS)
        if case.missing_documents:
            if not correction_notes.strip():
                correction_notes = _("Lengkapi: %(docs)s") % {"docs": "; ".join(case.missing_documents)}
            audited_update(
                actor=actor,
                obj=case,
                data={"status": AgreementStatus.CORRECTION, "correction_notes": correction_notes},
                fields=CASE_FIELDS,
                note=_("Permintaan perbaikan"),
            )
        elif case.status != AgreementStatus.COMPLETE:
            _complete(actor=actor, case=case, on=on)
    return case


def _next_number(prefix: str, model, field: str, year: int) -> str:
    existing = model.objects.filter(**{f"{field}__startswith": f"{prefix}/{year}/"}).values_list(
        field, flat=True
    )
    serial = (
        max((int(n.rsplit("/", 1)[-1]) for n in existing if n.rsplit("/", 1)[-1].isdigit()), default=0) + 1
    )
    return f"{prefix}/{year}/{serial:04d}"


def agreement_case_decide(
    *,
    actor,
    case: AgreementCase,
    approve: bool,
    on: dt.date,
    valid_to: dt.date | None = None,
    notes: str = "",
) -> AgreementCase:
    """Approve (numbered decision; the PP or PKB becomes a compliance item valid ≤ 2 years) or reject."""
    with transaction.atomic():
        case = AgreementCase.objects.select_for_update().get(pk=case.pk)
        if case.status != AgreementStatus.COMPLETE:
            raise ValidationError(_("Hanya permohonan dengan berkas lengkap yang dapat diputus."))
        if not approve:
            audited_update(
                actor=actor,
                obj=case,
                data={"status": AgreementStatus.REJECTED, "decision_on": on},
                fields=CASE_FIELDS,
                note=notes,
            )
            _meet(case.deadlines, rules.PP_DECISION.kind, on)
            return case
        prefix = "KEP-PP" if case.kind == AgreementKind.PP else "PKB"
        number = _next_number(prefix, AgreementCase, "decision_number", on.year)
        limit = pp_max_valid_to(on)
        valid_to = min(valid_to or limit, limit)
        item = compliance_item_record(
            actor=actor,
            company=case.company,
            data={
                "kind": case.kind,
                "number": number,
                "valid_from": on,
                "valid_to": valid_to,
                "source": "pengesahan",
            },
        )
        audited_update(
            actor=actor,
            obj=case,
            data={
                "status": AgreementStatus.APPROVED,
                "decision_number": number,
                "decision_on": on,
                "valid_to": valid_to,
            },
            fields=CASE_FIELDS,
        )
        AgreementCase.objects.filter(pk=case.pk).update(item=item)
        case.item = item
        _meet(case.deadlines, rules.PP_DECISION.kind, on)
    return case


# --- Disputes (R43, R43a) ---------------------------------------------------------------------------


def dispute_register(*, actor, data: dict) -> Dispute:
    """Register a dispute: refused without the bipartite minutes (R43). A route may be chosen at once;
    otherwise the 7-working-day route choice clock starts (UU 2/2004 Pasal 4 ayat (4))."""
    if not data.get("bipartite_minutes"):
        raise ValidationError(
            {
                "bipartite_minutes": _(
                    "Perselisihan tidak dapat dicatat tanpa risalah perundingan bipartit (R43)."
                )
            }
        )
    route = data.pop("route", "") or ""
    mediator = data.pop("mediator", None)
    with transaction.atomic():
        registered_on = data.get("registered_on") or timezone.localdate()
        data["registered_on"] = registered_on
        dispute = Dispute(number=_next_number("PHI", Dispute, "number", registered_on.year), **data)
        audited_create(actor=actor, obj=dispute, fields=DISPUTE_FIELDS)
        if route:
            dispute_route(actor=actor, dispute=dispute, route=route, mediator=mediator, on=registered_on)
        else:
            _start(limit=rules.ROUTE_CHOICE, start=registered_on, dispute=dispute)
    return dispute


def bipartite_settlement_record(*, actor, data: dict) -> Dispute:
    """A dispute settled by the parties themselves (bipartite joint agreement) reported to the office."""
    with transaction.atomic():
        closed_on = data.get("closed_on") or data.get("registered_on") or timezone.localdate()
        data = {**data, "registered_on": data.get("registered_on") or closed_on}
        dispute = Dispute(
            number=_next_number("PHI", Dispute, "number", data["registered_on"].year),
            status=DisputeStatus.CLOSED,
            outcome=Outcome.BIPARTITE,
            **{**data, "closed_on": closed_on},
        )
        if not dispute.bipartite_minutes:
            raise ValidationError(
                {"bipartite_minutes": _("Lampirkan perjanjian bersama / risalah bipartit.")}
            )
        return audited_create(actor=actor, obj=dispute, fields=DISPUTE_FIELDS)


def dispute_route(*, actor, dispute: Dispute, route: str, on: dt.date, mediator=None) -> Dispute:
    """The route chosen (R43): arbitration only for interest and inter-union disputes. Mediation needs a
    mediator; its clocks (first hearing 7, total 30 working days) start on hand-over."""
    if route not in Route.values:
        raise ValidationError({"route": _("Pilih cara penyelesaian.")})
    if route == Route.ARBITRATION and dispute.dispute_type not in ARBITRABLE:
        raise ValidationError(
            {"route": _("Arbitrase hanya untuk perselisihan kepentingan dan antar SP/SB (R43).")}
        )
    if route == Route.MEDIATION and mediator is None:
        raise ValidationError({"mediator": _("Tunjuk mediator.")})
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if dispute.route:
            raise ValidationError({"route": _("Cara penyelesaian sudah dipilih.")})
        audited_update(
            actor=actor,
            obj=dispute,
            data={"route": route, "mediator": mediator, "handed_on": on, "status": DisputeStatus.MEDIATION},
            fields=DISPUTE_FIELDS,
        )
        _meet(dispute.deadlines, rules.ROUTE_CHOICE.kind, on)
        if route == Route.MEDIATION:
            _start(limit=rules.FIRST_HEARING, start=on, dispute=dispute)
            _start(limit=rules.MEDIATION_TOTAL, start=on, dispute=dispute)
        elif route == Route.CONCILIATION:
            _start(limit=rules.CONCILIATION, start=on, dispute=dispute)
        else:
            _start(limit=rules.ARBITRATION, start=on, dispute=dispute)
    return dispute


def dispute_arbitration_extend(*, actor, dispute: Dispute, on: dt.date) -> CaseDeadline:
    """R43: the arbitration award is due within 30 working days, extendable once by 14 (UU 2/2004 Pasal 40
    ayat (3)); the extension is recorded on the running deadline and a second one is refused."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        deadline = _open(dispute.deadlines, rules.ARBITRATION.kind)
        if dispute.route != Route.ARBITRATION or deadline is None:
            raise ValidationError(_("Hanya arbitrase yang sedang berjalan yang dapat diperpanjang."))
        if deadline.days > rules.ARBITRATION.days:
            raise ValidationError(
                _("Tenggat arbitrase sudah pernah diperpanjang; perpanjangan hanya sekali.")
            )
        if on > deadline.due_on:
            raise ValidationError(_("Perpanjangan harus diputuskan sebelum tenggat arbitrase lewat."))
        before = deadline.due_on
        deadline.days = rules.ARBITRATION.days + rules.ARBITRATION_EXTENSION
        deadline.label = str(_("Putusan arbitrase (diperpanjang 14 hari kerja)"))
        workdays.deadline_compute(deadline)
        deadline.save()
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=dispute,
            changes={"tenggat arbitrase": [before.isoformat(), deadline.due_on.isoformat()]},
            note=str(_("Perpanjangan sekali 14 hari kerja (UU 2/2004 Pasal 40 ayat (3))")),
        )
    return deadline


def _pause(dispute, kind: str, on: dt.date) -> None:
    deadline = dispute.deadlines.filter(kind=kind, status=DeadlineStatus.OPEN).first()
    if deadline is not None:
        workdays.deadline_pause(deadline, on=on)
        deadline.save()


def _resume(dispute, kind: str, on: dt.date) -> None:
    deadline = dispute.deadlines.filter(kind=kind, status=DeadlineStatus.PAUSED).first()
    if deadline is not None:
        workdays.deadline_resume(deadline, on=on)
        deadline.save()


def dispute_clarification_start(*, actor, dispute: Dispute, on: dt.date) -> Dispute:
    """Clarification before mediation pauses the mediation clock (Permenakertrans 17/2014 Pasal 15(2))."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if dispute.route != Route.MEDIATION or dispute.hearings.filter(kind=HearingKind.MEDIATION).exists():
            raise ValidationError(_("Klarifikasi hanya sebelum sidang mediasi pertama."))
        if dispute.status == DisputeStatus.CLARIFICATION:
            raise ValidationError(_("Klarifikasi sedang berjalan."))
        audited_update(
            actor=actor,
            obj=dispute,
            data={"status": DisputeStatus.CLARIFICATION},
            fields=DISPUTE_FIELDS,
            note=_("Klarifikasi: tenggat mediasi dihentikan sementara"),
        )
        _pause(dispute, rules.MEDIATION_TOTAL.kind, on)
        _pause(dispute, rules.FIRST_HEARING.kind, on)
    return dispute


def dispute_clarification_end(*, actor, dispute: Dispute, on: dt.date) -> Dispute:
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if dispute.status != DisputeStatus.CLARIFICATION:
            raise ValidationError(_("Tidak ada klarifikasi yang berjalan."))
        audited_update(
            actor=actor,
            obj=dispute,
            data={"status": DisputeStatus.MEDIATION},
            fields=DISPUTE_FIELDS,
            note=_("Klarifikasi selesai: tenggat mediasi dilanjutkan"),
        )
        _resume(dispute, rules.MEDIATION_TOTAL.kind, on)
        _resume(dispute, rules.FIRST_HEARING.kind, on)
    return dispute


def hearing_record(*, actor, dispute: Dispute, data: dict) -> Hearing:
    """A hearing with its minutes and attendance. The first mediation hearing meets its deadline and starts
    the 10 working days for the written recommendation (UU 2/2004 Pasal 13 ayat (2) huruf a)."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if not dispute.is_open:
            raise ValidationError(_("Perkara sudah selesai."))
        if not dispute.route:
            raise ValidationError(_("Pilih cara penyelesaian sebelum mencatat sidang."))
        held_on = data["held_on"]
        if held_on < dispute.registered_on:
            raise ValidationError({"held_on": _("Tanggal sidang tidak boleh sebelum perkara dicatat.")})
        first = (
            data["kind"] == HearingKind.MEDIATION
            and not dispute.hearings.filter(kind=HearingKind.MEDIATION).exists()
        )
        hearing = audited_create(actor=actor, obj=Hearing(dispute=dispute, **data), fields=HEARING_FIELDS)
        if (
            data["kind"] == HearingKind.CLARIFICATION
            and dispute.status == DisputeStatus.MEDIATION
            and first is False
        ):
            pass
        if first:
            if dispute.status == DisputeStatus.CLARIFICATION:
                dispute_clarification_end(actor=actor, dispute=dispute, on=held_on)
            _meet(dispute.deadlines, rules.FIRST_HEARING.kind, held_on)
            _start(limit=rules.RECOMMENDATION, start=held_on, dispute=dispute)
    return hearing


def dispute_recommend(*, actor, dispute: Dispute, text: str, on: dt.date) -> Dispute:
    """The mediator's written recommendation (anjuran), numbered; the parties' 10 working days start."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if (
            dispute.route != Route.MEDIATION
            or not dispute.hearings.filter(kind=HearingKind.MEDIATION).exists()
        ):
            raise ValidationError(_("Anjuran diterbitkan setelah sidang mediasi."))
        if dispute.recommendation_number:
            raise ValidationError(_("Anjuran sudah diterbitkan."))
        if not text.strip():
            raise ValidationError({"text": _("Tuliskan isi anjuran.")})
        number = _next_number("ANJ", Dispute, "recommendation_number", on.year)
        audited_update(
            actor=actor,
            obj=dispute,
            data={
                "recommendation_number": number,
                "recommendation_on": on,
                "recommendation_text": text,
                "status": DisputeStatus.RECOMMENDED,
            },
            fields=DISPUTE_FIELDS,
        )
        _meet(dispute.deadlines, rules.RECOMMENDATION.kind, on)
        _start(limit=rules.ANSWERS, start=on, dispute=dispute)
    return dispute


def _decide_from_answers(*, actor, dispute: Dispute, on: dt.date) -> None:
    answers = dict(dispute.answers.values_list("party", "answer"))
    if len(answers) < len(Party.values):
        return
    accepted = all(a == AnswerChoice.ACCEPT for a in answers.values())
    _meet(dispute.deadlines, rules.ANSWERS.kind, on)
    _meet(dispute.deadlines, rules.MEDIATION_TOTAL.kind, on)
    dispute_close(
        actor=actor, dispute=dispute, outcome=Outcome.ACCEPTED if accepted else Outcome.REJECTED, on=on
    )


def answer_record(*, actor, dispute: Dispute, party: str, answer: str, on: dt.date) -> RecommendationAnswer:
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        if dispute.status != DisputeStatus.RECOMMENDED:
            raise ValidationError(_("Belum ada anjuran yang menunggu jawaban."))
        if dispute.answers.filter(party=party).exists():
            raise ValidationError(_("Jawaban pihak ini sudah dicatat."))
        row = audited_create(
            actor=actor,
            obj=RecommendationAnswer(dispute=dispute, party=party, answer=answer, answered_on=on),
            fields=("party", "answer", "answered_on"),
        )
        _decide_from_answers(actor=actor, dispute=dispute, on=on)
    return row


def answers_close_silent(*, actor, dispute: Dispute, today: dt.date) -> Dispute:
    """After the 10 working days, a party that did not answer is taken to reject (Pasal 13 (2) c)."""
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        deadline = _open(dispute.deadlines, rules.ANSWERS.kind)
        if dispute.status != DisputeStatus.RECOMMENDED or deadline is None or deadline.due_on >= today:
            raise ValidationError(_("Batas waktu jawaban belum lewat."))
        have = set(dispute.answers.values_list("party", flat=True))
        for party in Party.values:
            if party not in have:
                audited_create(
                    actor=actor,
                    obj=RecommendationAnswer(
                        dispute=dispute, party=party, answer=AnswerChoice.SILENT, answered_on=deadline.due_on
                    ),
                    fields=("party", "answer", "answered_on"),
                )
        _decide_from_answers(actor=actor, dispute=dispute, on=deadline.due_on)
    dispute.refresh_from_db()
    return dispute


def dispute_close(*, actor, dispute: Dispute, outcome: str, on: dt.date) -> Dispute:
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Pilih hasil penyelesaian.")})
    with transaction.atomic():
        dispute = Dispute.objects.select_for_update().get(pk=dispute.pk)
        audited_update(
            actor=actor,
            obj=dispute,
            data={"outcome": outcome, "closed_on": on, "status": DisputeStatus.CLOSED},
            fields=DISPUTE_FIELDS,
        )
        for deadline in dispute.deadlines.filter(status__in=[DeadlineStatus.OPEN, DeadlineStatus.PAUSED]):
            workdays.deadline_meet(deadline, on=on)
            deadline.save()
    return dispute


# --- PHK reports, strikes, meetings, unions -----------------------------------------------------------


def layoff_report_record(*, actor, data: dict) -> LayoffReport:
    with transaction.atomic():
        return audited_create(actor=actor, obj=LayoffReport(**data), fields=LAYOFF_FIELDS)


def strike_notice_record(*, actor, data: dict) -> StrikeNotice:
    """Recorded even when late: the list shows notices given less than 7 days ahead (UU 13/2003 Pasal 140)."""
    if data["starts_on"] < data["notified_on"]:
        raise ValidationError({"starts_on": _("Tanggal mulai tidak boleh sebelum pemberitahuan.")})
    with transaction.atomic():
        return audited_create(actor=actor, obj=StrikeNotice(**data), fields=NOTICE_FIELDS)


def member_add(*, actor, data: dict) -> BodyMember:
    with transaction.atomic():
        return audited_create(actor=actor, obj=BodyMember(**data), fields=MEMBER_FIELDS)


def meeting_record(*, actor, data: dict, present=()) -> Meeting:
    with transaction.atomic():
        meeting = audited_create(actor=actor, obj=Meeting(**data), fields=MEETING_FIELDS)
        if present:
            meeting.present.set(present)
            audit_log(
                actor=actor,
                action=Action.UPDATE,
                obj=meeting,
                changes={"present": [None, ", ".join(str(m) for m in present)]},
            )
    return meeting


def union_record(*, actor, data: dict) -> Union:
    with transaction.atomic():
        return audited_create(actor=actor, obj=Union(**data), fields=UNION_FIELDS)


def union_verify(*, actor, union: Union, members: int, on: dt.date) -> Union:
    """Membership counted by the office (verification), beside what the union claims."""
    with transaction.atomic():
        union = Union.objects.select_for_update().get(pk=union.pk)
        audited_update(
            actor=actor,
            obj=union,
            data={"members_verified": members, "verified_on": on},
            fields=UNION_FIELDS,
            note=_("Verifikasi keanggotaan"),
        )
    return union


def next_dispute_number(year: int) -> str:
    return _next_number("PHI", Dispute, "number", year)
