"""Writes of the programs module (style.md 3): programs and their criteria, the application state machine
(every move recorded with who, when, why, and audited), maker-checker (R36), quotas and budget (R35),
entitlements, vouchers (R33) and visits (R34).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.accounts.roles import Role
from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log, audit_log_many, audited_update, diff, snapshot
from berdaya.benefits import services as benefits
from berdaya.lib.retry import retry_on_deadlock

from . import criteria as lib
from . import vouchers
from .models import (
    PLACE_STATES,
    RECEIVED_STATES,
    Application,
    Claim,
    Criterion,
    Document,
    Entitlement,
    Kind,
    Program,
    RedemptionAttempt,
    State,
    Target,
    Transition,
    Visit,
    VisitPurpose,
    Voucher,
    VoucherStatus,
)

PROGRAM_FIELDS = (
    "code",
    "name",
    "kind",
    "target",
    "proposer",
    "description",
    "starts_on",
    "ends_on",
    "is_open",
    "budget",
    "amount",
    "quota",
    "required_documents",
    "verification_steps",
    "monitoring_days",
    "need_weights",
    "approver_role",
    "flag_same_contact",
    "voucher_valid_days",
)

# The state machine: from -> the states it may move to.
ALLOWED = {
    State.DRAFT: {State.SUBMITTED, State.WITHDRAWN},
    State.SUBMITTED: {State.VERIFIED, State.REJECTED, State.WITHDRAWN},
    State.VERIFIED: {State.APPROVED, State.WAITLISTED, State.REJECTED, State.WITHDRAWN},
    State.WAITLISTED: {State.APPROVED, State.REJECTED, State.WITHDRAWN},
    State.APPROVED: {State.AWARDED, State.WITHDRAWN},
    State.AWARDED: {State.DISBURSED, State.REDEEMED, State.MONITORED, State.CLOSED},
    State.DISBURSED: {State.MONITORED, State.CLOSED},
    State.REDEEMED: {State.MONITORED, State.CLOSED},
    State.MONITORED: {State.CLOSED},
}
# Letter number of a fee waiver (R31): sequence per year.
LETTER_FORMAT = "500/{seq:03d}/DKUMP-UM/{year}"


# --- Programs and criteria ------------------------------------------------------------------------------


def _validate_rules(program: Program, rules) -> list[tuple[str, dict]]:
    checked = []
    for key, params in rules:
        criterion = lib.LIBRARY.get(key)
        if criterion is None:
            raise ValidationError(_("Kriteria tidak dikenal: %(key)s") % {"key": key})
        if program.target not in criterion.targets:
            raise ValidationError(
                _("Kriteria %(label)s tidak berlaku untuk sasaran ini.") % {"label": criterion.label}
            )
        checked.append((key, dict(params or {})))
    return checked


@transaction.atomic
def program_create(*, actor, data: dict, rules=()) -> Program:
    program = Program(
        **{k: v for k, v in data.items() if k in PROGRAM_FIELDS}, created_by=actor, updated_by=actor
    )
    program.full_clean()
    program.save()
    checked = _validate_rules(program, rules)
    Criterion.objects.bulk_create(
        Criterion(program=program, version=1, key=key, params=params, order=i)
        for i, (key, params) in enumerate(checked)
    )
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=program,
        changes=diff({}, snapshot(program, PROGRAM_FIELDS)) | {"criteria": [None, [k for k, _p in checked]]},
    )
    return program


@transaction.atomic
def program_update(*, actor, program: Program, data: dict) -> Program:
    audited_update(
        actor=actor,
        obj=program,
        data={k: v for k, v in data.items() if k in PROGRAM_FIELDS},
        fields=PROGRAM_FIELDS,
        clean=False,
        prepare=lambda program: program.full_clean(),
    )
    return program


@transaction.atomic
def program_set_criteria(*, actor, program: Program, rules) -> Program:
    """A new version of the program's criteria; applications keep the version they were judged by."""
    program = Program.objects.select_for_update().get(pk=program.pk)
    checked = _validate_rules(program, rules)
    before = [c.key for c in program.current_criteria()]
    program.criteria_version += 1
    program.save(update_fields=["criteria_version", "updated_at"])
    Criterion.objects.bulk_create(
        Criterion(program=program, version=program.criteria_version, key=key, params=params, order=i)
        for i, (key, params) in enumerate(checked)
    )
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=program,
        changes={"criteria": [before, [k for k, _p in checked]]},
        note=_("Versi kriteria %(v)s") % {"v": program.criteria_version},
    )
    return program


def program_rules(program: Program, version: int | None = None) -> list[tuple[str, dict]]:
    rows = program.criteria.filter(version=version or program.criteria_version)
    return [(c.key, c.params) for c in rows]


# --- Eligibility of one application ---------------------------------------------------------------------


def subject_of(application: Application) -> lib.Subject:
    names = frozenset(d.name.lower() for d in application.documents.all()) if application.pk else frozenset()
    return lib.Subject(
        person=application.person,
        enterprise=application.enterprise,
        cooperative=application.cooperative,
        application=application,
        documents=names,
    )


def _evaluate(application: Application) -> None:
    program = application.program
    subject = subject_of(application)
    verdicts = lib.explain(program_rules(program, application.criteria_version), subject)
    application.eligibility = [v.as_dict() for v in verdicts]
    application.eligible = lib.overall(verdicts)
    application.need_score, application.need_reasons = lib.need_score(program.need_weights, subject)


@transaction.atomic
def application_create(
    *,
    actor,
    program: Program,
    enterprise=None,
    person=None,
    cooperative=None,
    declarations: dict | None = None,
    year: int | None = None,
) -> Application:
    """A draft application, usually taken by staff on the owner's (or the cooperative's) behalf."""
    if not program.is_open:
        raise ValidationError(_("Program ini tidak sedang menerima pengajuan."))
    if program.target == Target.ENTERPRISE and enterprise is None:
        raise ValidationError(_("Program ini untuk usaha: pilih usaha pemohon."))
    if (program.target == Target.COOPERATIVE) != (cooperative is not None):
        raise ValidationError(_("Program untuk koperasi hanya menerima pengajuan dari koperasi."))
    person = enterprise.owner if enterprise is not None else person
    if person is None and cooperative is None:
        raise ValidationError(_("Pilih penerima."))
    year = year or timezone.localdate().year
    who = {"cooperative": cooperative} if cooperative is not None else {"person": person}
    live = Application.objects.filter(program=program, year=year, **who).exclude(
        state__in=[State.WITHDRAWN, State.REJECTED]
    )
    if live.exists():
        raise ValidationError(
            _("Penerima ini sudah memiliki pengajuan program ini pada %(year)s.") % {"year": year}
        )
    application = Application(
        program=program,
        enterprise=enterprise,
        person=None if cooperative is not None else person,
        cooperative=cooperative,
        kelurahan_id=(enterprise or cooperative or person).kelurahan_id
        or (person.kelurahan_id if person else None),
        year=year,
        criteria_version=program.criteria_version,
        declarations=declarations or {},
        amount=program.amount,
        proposed_by=actor,
        created_by=actor,
        updated_by=actor,
    )
    _evaluate(application)
    application.save()
    Transition.objects.create(application=application, from_state="", to_state=State.DRAFT, actor=actor)
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=application,
        person_id=application.person_id,
        changes={"state": [None, str(State.DRAFT.label)], "eligible": [None, application.eligible]},
    )
    return application


@transaction.atomic
def application_reevaluate(
    *, actor, application: Application, declarations: dict | None = None
) -> Application:
    before = dict(application.declarations)
    if declarations is not None:
        application.declarations = application.declarations | declarations
    _evaluate(application)
    application.updated_by = actor
    application.save()
    if application.declarations != before:
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=application,
            person_id=application.person_id,
            changes={
                "declarations": [before, application.declarations],
                "eligible": [None, application.eligible],
            },
        )
    return application


@transaction.atomic
def document_add(*, actor, application: Application, name: str, file) -> Document:
    document = Document.objects.create(
        application=application, name=name, file=file, created_by=actor, updated_by=actor
    )
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=document,
        person_id=application.person_id,
        changes={"name": [None, name]},
    )
    application_reevaluate(actor=actor, application=application)
    return document


# --- The state machine ---------------------------------------------------------------------------------


def _move(application: Application, to: State, *, actor, reason: str = "", **fields) -> Application:
    if to not in ALLOWED.get(application.state, set()):
        raise ValidationError(
            _("Pengajuan berstatus %(from)s tidak dapat menjadi %(to)s.")
            % {"from": application.get_state_display(), "to": State(to).label}
        )
    before = application.state
    application.state = to
    for name, value in fields.items():
        setattr(application, name, value)
    application.updated_by = actor
    application.save()
    Transition.objects.create(
        application=application, from_state=before, to_state=to, actor=actor, reason=reason
    )
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=application,
        person_id=application.person_id,
        changes={"state": [str(State(before).label), str(State(to).label)]},
        note=reason,
    )
    _benefit_sync(application, before, actor=actor)
    return application


def _benefit_sync(application: Application, before: str, *, actor) -> None:
    """The benefit history (R35) holds one row per application in a received state."""
    if application.state in RECEIVED_STATES and before not in RECEIVED_STATES:
        benefits.benefit_record(
            actor=actor,
            ref=application,
            source="program",
            kind=application.program.kind,
            title=application.program.name,
            received_on=application.awarded_on or timezone.localdate(),
            person=application.person,
            enterprise=application.enterprise,
            cooperative=application.cooperative,
            kelurahan=application.kelurahan,
        )
    elif before in RECEIVED_STATES and application.state not in RECEIVED_STATES:
        benefits.benefit_withdraw(actor=actor, ref=application)


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("program", "person", "enterprise", "cooperative")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_submit(*, actor, application: Application, reason: str = "") -> Application:
    application = _locked(application)
    _evaluate(application)
    missing = [
        d
        for d in application.program.required_documents
        if d.lower() not in subject_of(application).documents
    ]
    if missing:
        raise ValidationError(_("Dokumen wajib belum diunggah: %(docs)s") % {"docs": ", ".join(missing)})
    return _move(application, State.SUBMITTED, actor=actor, reason=reason, submitted_at=timezone.now())


@transaction.atomic
def application_verify(*, actor, application: Application, reason: str = "") -> Application:
    application = _locked(application)
    _evaluate(application)
    if application.eligible is False:
        raise ValidationError(_("Pemohon tidak memenuhi syarat: tolak pengajuan dengan alasannya."))
    return _move(application, State.VERIFIED, actor=actor, reason=reason, verified_by=actor)


# Roles a program may name as its approver: the division that runs programs, and the head of office, who
# approves through this permission (approving is not editing: the head of office edits no record). Other
# roles (inspectorate, partners, other divisions) can never approve, so the program form does not offer them.
APPROVER_ROLES = (Role.USAHA_MIKRO, Role.KEPALA_DINAS)


def may_approve_program(user, program: Program) -> bool:
    """Does ``user`` hold the approval permission of ``program`` (R36 still applies per application)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.role == Role.ADMIN or (user.role in APPROVER_ROLES and user.role == program.approver_role)


def _may_approve(actor, application: Application) -> str | None:
    """Why ``actor`` may not approve (R36), or None."""
    if actor.role not in (application.program.approver_role, Role.ADMIN):
        return _("Persetujuan program ini oleh peran %(role)s.") % {
            "role": Role(application.program.approver_role).label
        }
    if actor.pk in (application.proposed_by_id, application.verified_by_id):
        return _("Pengusul atau pemverifikasi tidak boleh menyetujui pengajuan yang sama (R36).")
    return None


def places_left(program: Program, year: int) -> tuple[int | None, Decimal | None]:
    """(places, budget) still free in ``year``; None where the program sets no limit."""
    held = Application.objects.filter(program=program, year=year, state__in=PLACE_STATES)
    places = None if program.quota is None else program.quota - held.count()
    budget = None
    if program.budget is not None:
        budget = program.budget - (held.aggregate(total=Sum("amount"))["total"] or Decimal(0))
    return places, budget


def _fits(places, budget, amount) -> bool:
    return (places is None or places > 0) and (budget is None or amount is None or budget >= amount)


def full_reason(places, budget, amount) -> str | None:
    """Why an application does not fit (the true one: quota or budget), or None when it fits."""
    if places is not None and places <= 0:
        return _("Kuota habis")
    if budget is not None and amount is not None and budget < amount:
        return _("Sisa anggaran (%(left)s) tidak cukup untuk nilai bantuan (%(amount)s)") % {
            "left": f"Rp{budget:,.0f}".replace(",", "."),
            "amount": f"Rp{amount:,.0f}".replace(",", "."),
        }
    return None


@retry_on_deadlock
@transaction.atomic
def application_approve(*, actor, application: Application, reason: str = "") -> Application:
    # One lock order everywhere (the program, then its applications by id), as bulk approval takes them:
    # the other order deadlocked 15 of 30 racing approvals on PostgreSQL.
    Program.objects.select_for_update().get(pk=application.program_id)  # quota checks one at a time
    application = _locked(application)
    refusal = _may_approve(actor, application)
    if refusal:
        raise ValidationError(refusal)
    places, budget = places_left(application.program, application.year)
    if not _fits(places, budget, application.amount):
        raise ValidationError(
            _("Kuota atau anggaran program tahun ini sudah habis: masukkan ke daftar tunggu.")
        )
    return _move(
        application, State.APPROVED, actor=actor, reason=reason, decided_by=actor, decided_at=timezone.now()
    )


@retry_on_deadlock
@transaction.atomic
def applications_approve(*, actor, program: Program, ids, year: int, reason: str = "") -> dict:
    """Bulk approval (R35, R36) in one transaction: the selected verified or waitlisted applications in
    ranking order (never served first, then need score) up to the places and budget left; the rest go to
    the waiting list. Applications this actor proposed or verified are skipped. A fixed number of queries
    whatever the count (tested at 5,000, bench/programs_bench.py)."""
    from .selectors import ranking

    program = Program.objects.select_for_update().get(pk=program.pk)
    if actor.role not in (program.approver_role, Role.ADMIN):
        raise ValidationError(
            _("Persetujuan program ini oleh peran %(role)s.") % {"role": Role(program.approver_role).label}
        )
    ids = list(ids)
    # The applications next, in id order (the lock order of every approval path).
    list(
        Application.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True)
    )
    candidates = ranking(program, year).filter(pk__in=ids)
    places, budget = places_left(program, year)
    approve, skipped = [], []
    waitlist: dict[str, list[int]] = {}  # the true reason -> applications
    for app_id, proposed_by, verified_by, amount, state in candidates.values_list(
        "pk", "proposed_by_id", "verified_by_id", "amount", "state"
    ):
        if actor.pk in (proposed_by, verified_by):
            skipped.append(app_id)
        elif _fits(places, budget, amount):
            approve.append(app_id)
            places = None if places is None else places - 1
            budget = None if budget is None or amount is None else budget - amount
        elif state != State.WAITLISTED:
            waitlist.setdefault(full_reason(places, budget, amount) or _("Kuota habis"), []).append(app_id)
    now = timezone.now()
    _bulk_move(approve, State.APPROVED, actor=actor, reason=reason, now=now, decided_by=actor, decided_at=now)
    for why, ids in waitlist.items():
        _bulk_move(ids, State.WAITLISTED, actor=actor, reason=why, now=now)
    return {
        "approved": len(approve),
        "waitlisted": sum(len(ids) for ids in waitlist.values()),
        "skipped": len(skipped),
    }


def _bulk_move(ids: list[int], to: State, *, actor, reason: str, now, **fields) -> None:
    if not ids:
        return
    rows = list(Application.objects.filter(pk__in=ids).values_list("pk", "state", "person_id"))
    for start in range(0, len(ids), 900):  # SQLite's variable limit
        Application.objects.filter(pk__in=ids[start : start + 900]).update(
            state=to, updated_by=actor, updated_at=now, **fields
        )
    Transition.objects.bulk_create(
        [
            Transition(application_id=pk, from_state=state, to_state=to, actor=actor, reason=reason)
            for pk, state, _p in rows
        ],
        batch_size=1000,
    )
    audit_log_many(
        actor=actor,
        action=Action.UPDATE,
        model=Application,
        entries=[
            Entry(pk, f"#{pk}", {"state": [str(State(state).label), str(State(to).label)]}, person_id)
            for pk, state, person_id in rows
        ],
        note=reason,
    )


@transaction.atomic
def application_waitlist(*, actor, application: Application, reason: str = "") -> Application:
    """Put an application on the waiting list with the true reason: the quota or budget when they are
    used up; otherwise the user's own reason is required ("Kuota/anggaran habis" was recorded
    while 10 of 10 places were free)."""
    application = _locked(application)
    places, budget = places_left(application.program, application.year)
    full = full_reason(places, budget, application.amount)
    if not reason.strip():
        if full is None:
            raise ValidationError(
                _("Kuota dan anggaran masih tersedia: tuliskan alasan memasukkan ke daftar tunggu.")
            )
        reason = full
    elif full is not None and full not in reason:
        reason = f"{reason} ({full})"
    return _move(application, State.WAITLISTED, actor=actor, reason=reason)


@transaction.atomic
def application_reject(*, actor, application: Application, reason: str) -> Application:
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan penolakan."))
    application = _locked(application)
    return _move(
        application, State.REJECTED, actor=actor, reason=reason, decided_by=actor, decided_at=timezone.now()
    )


@transaction.atomic
def application_withdraw(*, actor, application: Application, reason: str) -> Application:
    if not reason.strip():
        raise ValidationError(_("Tuliskan alasan pembatalan."))
    return _move(_locked(application), State.WITHDRAWN, actor=actor, reason=reason)


@transaction.atomic
def application_close(*, actor, application: Application, reason: str = "") -> Application:
    return _move(_locked(application), State.CLOSED, actor=actor, reason=reason)


# --- Award and entitlements ------------------------------------------------------------------------------


def _schedule_monitoring(application: Application, awarded_on: dt.date, *, actor) -> None:
    verifier = application.visits.filter(purpose=VisitPurpose.VERIFICATION).exclude(officer=None).first()
    Visit.objects.bulk_create(
        Visit(
            application=application,
            purpose=VisitPurpose.MONITORING,
            officer=verifier.officer if verifier else None,
            due_on=awarded_on + dt.timedelta(days=int(days)),
            created_by=actor,
            updated_by=actor,
        )
        for days in application.program.monitoring_days
    )


@transaction.atomic
def application_award(
    *, actor, application: Application, data: dict | None = None, awarded_on: dt.date | None = None
):
    """Hands the benefit over: creates the entitlement (a numbered letter for a fee waiver, R31; a voucher
    for a voucher program, R33) and schedules the monitoring visits (R34). Returns (application, voucher
    code or None): a voucher's code exists only in this return value, to print on the card."""
    application = _locked(application)
    data = dict(data or {})
    awarded_on = awarded_on or timezone.localdate()
    entitlement = Entitlement(
        application=application, created_by=actor, updated_by=actor, amount=application.amount
    )
    for name in ("amount", "items", "handover_photo", "channel", "reference", "paid_on", "mark"):
        if data.get(name) not in (None, ""):
            setattr(entitlement, name, data[name])
    if application.program.kind == Kind.FEE_WAIVER:
        if not entitlement.mark.strip():
            raise ValidationError(_("Tulis merek yang didaftarkan: satu surat untuk satu merek (R31)."))
        year = awarded_on.year
        last = (
            Entitlement.objects.select_for_update().filter(letter_year=year).order_by("-letter_seq").first()
        )
        entitlement.letter_year = year
        entitlement.letter_seq = (last.letter_seq if last else 0) + 1
        entitlement.letter_number = LETTER_FORMAT.format(seq=entitlement.letter_seq, year=year)
    entitlement.save()
    _move(application, State.AWARDED, actor=actor, reason=data.get("reason", ""), awarded_on=awarded_on)
    _schedule_monitoring(application, awarded_on, actor=actor)
    code = None
    if application.program.kind == Kind.VOUCHER:
        _voucher, code = _voucher_issue(actor=actor, application=application, on=awarded_on)
    return application, code


@transaction.atomic
def entitlement_disburse(
    *, actor, application: Application, amount, paid_on: dt.date, channel: str, reference: str
):
    """Cash paid out: amount, date, channel and reference recorded, the application is disbursed."""
    application = _locked(application)
    entitlement = Entitlement.objects.select_for_update().get(application=application)
    audited_update(
        actor=actor,
        obj=entitlement,
        data={"amount": amount, "paid_on": paid_on, "channel": channel, "reference": reference},
        fields=("amount", "paid_on", "channel", "reference"),
        person_id=application.person_id,
        clean=False,
        prepare=lambda entitlement: entitlement.full_clean(exclude=["application"]),
    )
    return _move(application, State.DISBURSED, actor=actor, reason=reference)


# --- Vouchers (R33) ------------------------------------------------------------------------------------


def _voucher_issue(*, actor, application: Application, on: dt.date) -> tuple[Voucher, str]:
    code = vouchers.new_code()
    voucher = Voucher.objects.create(
        application=application,
        code_hash=vouchers.code_hash(vouchers.normalize(code)),
        value=application.amount,
        expires_on=on + dt.timedelta(days=application.program.voucher_valid_days),
        created_by=actor,
        updated_by=actor,
    )
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=voucher,
        person_id=application.person_id,
        changes={"status": [None, "issued"]},
    )
    return voucher, code


@transaction.atomic
def voucher_reissue(*, actor, voucher: Voucher, reason: str) -> tuple[Voucher, str]:
    """A lost card: the old code is cancelled and a new one issued to the same recipient."""
    voucher = (
        Voucher.objects.select_for_update(of=("self",))
        .select_related("application__program")
        .get(pk=voucher.pk)
    )
    if voucher.status != VoucherStatus.ISSUED:
        raise ValidationError(_("Hanya voucher yang masih berlaku dapat diterbitkan ulang."))
    voucher_cancel(actor=actor, voucher=voucher, reason=reason)
    return _voucher_issue(actor=actor, application=voucher.application, on=timezone.localdate())


@transaction.atomic
def voucher_cancel(*, actor, voucher: Voucher, reason: str) -> Voucher:
    voucher = Voucher.objects.select_for_update().get(pk=voucher.pk)
    if voucher.status != VoucherStatus.ISSUED:
        raise ValidationError(_("Voucher ini sudah tidak berlaku."))
    voucher.status = VoucherStatus.CANCELLED
    voucher.updated_by = actor
    voucher.save()
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=voucher,
        changes={"status": ["issued", "cancelled"]},
        note=reason,
    )
    return voucher


def voucher_lookup(code: str) -> Voucher:
    """The voucher of a typed code, for the partner's check step (masked name shown), or ValidationError."""
    normalized = vouchers.normalize(code)
    if normalized is None:
        raise ValidationError(_("Kode voucher salah ketik: periksa kembali."))
    voucher = (
        Voucher.objects.select_related("application__person", "application__program")
        .filter(code_hash=vouchers.code_hash(normalized))
        .first()
    )
    if voucher is None:
        raise ValidationError(_("Kode voucher tidak dikenal."))
    return voucher


@transaction.atomic
def voucher_otp_issue(*, actor, voucher: Voucher) -> str:
    """A fresh one-time code for the recipient (sent by SMS/WhatsApp or shown on their phone)."""
    otp = vouchers.new_otp()
    Voucher.objects.filter(pk=voucher.pk).update(otp_hash=vouchers.code_hash(f"otp:{voucher.pk}:{otp}"))
    return otp


def _refusal(voucher: Voucher, check: str, today: dt.date) -> str | None:
    if voucher.status == VoucherStatus.REDEEMED:
        return _("Voucher sudah ditukarkan pada %(at)s.") % {
            "at": date_format(timezone.localtime(voucher.redeemed_at), "DATETIME_FORMAT")
        }
    if voucher.status == VoucherStatus.CANCELLED:
        return _("Voucher sudah dibatalkan.")
    if voucher.expires_on < today:
        return _("Voucher kedaluwarsa sejak %(date)s.") % {"date": date_format(voucher.expires_on)}
    if voucher_locked(voucher):
        return _(
            "Voucher dikunci setelah %(n)d kali pemeriksaan penerima gagal. Penerima perlu meminta petugas "
            "dinas menerbitkan ulang kartunya."
        ) % {"n": vouchers.MAX_FAILED_CHECKS}
    check = "".join(ch for ch in (check or "") if ch.isdigit())
    person = voucher.application.person
    if voucher.otp_hash:
        # A one-time code was sent to the recipient: only it proves them (it cannot be guessed in 3 tries,
        # 4 NIK digits nearly can), so the NIK digits no longer count.
        if len(check) == 6 and voucher.otp_hash == vouchers.code_hash(f"otp:{voucher.pk}:{check}"):
            return None
        return _("Penerima tidak cocok: kode sekali pakai salah.")
    if len(check) == 4 and person is not None and (person.nik or "").endswith(check):
        return None
    return _("Penerima tidak cocok: 4 digit terakhir NIK atau kode sekali pakai salah.")


def voucher_locked(voucher: Voucher) -> bool:
    """R33: a voucher whose recipient check failed MAX_FAILED_CHECKS times is locked (staff re-issue it)."""
    return voucher.attempts.filter(ok=False).count() >= vouchers.MAX_FAILED_CHECKS


def _partner_throttled(partner) -> bool:
    """R33: a partner with PARTNER_FAILED_PER_HOUR failed checks in the last hour is refused for a while,
    whatever the voucher: trying endings over many codes is guessing too."""
    since = timezone.now() - dt.timedelta(minutes=vouchers.PARTNER_WINDOW_MINUTES)
    failed = RedemptionAttempt.objects.filter(partner=partner, ok=False, at__gte=since)
    return failed.count() >= vouchers.PARTNER_FAILED_PER_HOUR


def voucher_redeem(*, partner, code: str, check: str) -> Voucher:
    """Redeems a voucher once (R33), under a row lock: of two partners redeeming the same code at the same
    moment exactly one succeeds. Refused (ValidationError with the reason) when already redeemed,
    cancelled, expired or the recipient check fails. Every attempt is recorded for the flags."""
    voucher = voucher_lookup(code)
    if _partner_throttled(partner):
        raise ValidationError(
            _(
                "Terlalu banyak pemeriksaan penerima yang gagal dari akun ini dalam satu jam terakhir. "
                "Coba lagi nanti atau hubungi dinas."
            )
        )
    with transaction.atomic():
        voucher = (
            Voucher.objects.select_for_update(of=("self",))
            .select_related("application__person", "application__program")
            .get(pk=voucher.pk)
        )
        refusal = _refusal(voucher, check, timezone.localdate())
        if refusal is None:
            voucher.status = VoucherStatus.REDEEMED
            voucher.redeemed_at = timezone.now()
            voucher.redeemed_by = partner
            voucher.otp_hash = ""
            voucher.save()
            audit_log(
                actor=partner,
                action=Action.UPDATE,
                obj=voucher,
                person_id=voucher.application.person_id,
                changes={"status": ["issued", "redeemed"]},
            )
            application = _locked(voucher.application)
            if application.state == State.AWARDED:
                _move(application, State.REDEEMED, actor=partner, reason=_("Voucher ditukarkan"))
            voucher.application = application
        RedemptionAttempt.objects.create(
            voucher=voucher, partner=partner, ok=refusal is None, reason=(refusal or "")[:200]
        )
        if refusal and voucher_locked(voucher) and voucher.status == VoucherStatus.ISSUED:
            # Flagged for review: on the program's page, and in the audit trail of the recipient.
            audit_log(
                actor=partner,
                action=Action.UPDATE,
                obj=voucher,
                person_id=voucher.application.person_id,
                note="dikunci: pemeriksaan penerima gagal berulang",
            )
    if refusal:
        raise ValidationError(refusal)
    return voucher


@transaction.atomic
def claim_create(*, partner, voucher_ids) -> Claim:
    """A reimbursement claim over this partner's redeemed, not yet claimed vouchers (R33)."""
    rows = Voucher.objects.select_for_update().filter(
        pk__in=list(voucher_ids), redeemed_by=partner, status=VoucherStatus.REDEEMED, claim__isnull=True
    )
    found = list(rows)
    if not found or len(found) != len(set(voucher_ids)):
        raise ValidationError(
            _("Hanya voucher yang sudah Anda tukarkan dan belum diklaim yang dapat diklaim.")
        )
    claim = Claim.objects.create(partner=partner, total=sum((v.value or Decimal(0)) for v in found))
    Voucher.objects.filter(pk__in=[v.pk for v in found]).update(claim=claim)
    audit_log(actor=partner, action=Action.CREATE, obj=claim, changes={"total": [None, str(claim.total)]})
    return claim


# --- Visits (verification, monitoring R34) --------------------------------------------------------------

VISIT_OUTCOME_FIELDS = (
    "done_on",
    "findings",
    "photo",
    "passed",
    "still_running",
    "equipment_in_use",
    "turnover_change",
    "online_active",
)


@transaction.atomic
def visit_assign(
    *, actor, application: Application, officer, due_on: dt.date, purpose=VisitPurpose.VERIFICATION
) -> Visit:
    if officer is not None and officer.role != Role.PETUGAS_LAPANGAN:
        raise ValidationError(_("Kunjungan ditugaskan kepada petugas lapangan."))
    visit = Visit.objects.create(
        application=application,
        purpose=purpose,
        officer=officer,
        due_on=due_on,
        created_by=actor,
        updated_by=actor,
    )
    audit_log(
        actor=actor,
        action=Action.CREATE,
        obj=visit,
        person_id=application.person_id,
        changes={"due_on": [None, str(due_on)]},
    )
    return visit


@transaction.atomic
def visit_record(*, actor, visit: Visit, data: dict) -> Visit:
    """The officer's findings. A passed verification visit verifies the application (the officer is its
    verifier, so cannot approve it, R36); the monitoring visits move it to monitored, then closed."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    application = _locked(visit.application)

    def done_today_unless_said(visit: Visit) -> None:
        visit.done_on = visit.done_on or timezone.localdate()

    audited_update(
        actor=actor,
        obj=visit,
        data={name: data[name] for name in VISIT_OUTCOME_FIELDS if name in data},
        fields=VISIT_OUTCOME_FIELDS,
        person_id=application.person_id,
        clean=False,
        prepare=done_today_unless_said,
    )
    if visit.purpose == VisitPurpose.VERIFICATION and visit.passed and application.state == State.SUBMITTED:
        application_verify(actor=actor, application=application, reason=_("Kunjungan verifikasi lolos"))
    elif visit.purpose == VisitPurpose.MONITORING:
        pending = application.visits.filter(purpose=VisitPurpose.MONITORING, done_on__isnull=True).exists()
        if application.state in (State.AWARDED, State.DISBURSED, State.REDEEMED):
            _move(application, State.MONITORED, actor=actor, reason=_("Kunjungan monitoring"))
        if not pending and application.state == State.MONITORED:
            _move(application, State.CLOSED, actor=actor, reason=_("Monitoring selesai"))
    return visit
