"""Demo programs (./dev up): the seeds' aid, with applications in every state, all through the services
(so transitions and audit rows are real). Idempotent: nothing is added once the programs exist.

- BPUM 2021 (seed 000, Rp 1.2 jt) and KUR (seed 002): past benefits, so "never served" and "never had KUR"
  mean something;
- KUR interest subsidy (R29), equipment grant (R34, seed 004), free-shipping vouchers (R33, seed 002),
  IPR fee waivers with a quota of 15 (R31) and the city's Bahuma program (seed 003): this year's;
- a capital grant for active, RAT-compliant savings-and-loan cooperatives (R20, R21), with a few
  applications from the demo cooperatives (added on its own, also to a database demoed before it existed).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.umkm.models import Enterprise

from . import services
from .models import Channel, Kind, Program, State, Target
from .selectors import outreach

JT = Decimal(10) ** 6
R28 = [("domicile", {}), ("occupation_not_in", {}), ("valid_nik", {}), ("no_active_loan", {})]
Y2021 = {"starts_on": dt.date(2021, 1, 1)}
CRAFTS = ["kriya-sasirangan", "kriya-purun", "kriya-rajut", "fashion"]
PROGRAMS = [
    # code, name, kind, extra fields, rules
    ("bpum-2021", "Banpres Produktif Usaha Mikro (BPUM) 2021", Kind.CASH,
     Y2021 | {"amount": Decimal("1.2") * JT, "ends_on": dt.date(2021, 12, 31)}, R28),
    ("kur", "Kredit Usaha Rakyat (KUR)", Kind.CREDIT, Y2021 | {"proposer": "bank"}, []),
    ("subsidi-kur", "Subsidi Bunga KUR", Kind.CREDIT_SUBSIDY, {"quota": 50},
     [("domicile", {}), ("never_received_program", {"program": "kur"})]),
    ("hibah-alat", "Hibah Peralatan Usaha", Kind.EQUIPMENT,
     {"quota": 20, "budget": 100 * JT, "amount": 5 * JT, "required_documents": ["Proposal"],
      "verification_steps": ["Kunjungan lokasi"], "monitoring_days": [30, 365, 730],
      "need_weights": {"female_owner": 1, "wub": 2, "disability": 2}},
     [("domicile", {}), ("size_class", {"classes": ["mikro"]}),
      ("not_received_recently", {"program": "hibah-alat", "years": 2})]),
    ("gratis-ongkir", "Voucher Gratis Ongkir Kerajinan", Kind.VOUCHER,
     {"quota": 100, "amount": Decimal("50000"), "voucher_valid_days": 60},
     [("domicile", {}), ("sector", {"sectors": CRAFTS})]),
    ("hki", "Surat Keterangan Pembebasan Biaya Merek (HKI)", Kind.FEE_WAIVER, {"quota": 15},
     [("domicile", {}), ("size_class", {"classes": ["mikro", "kecil"]}), ("has_nib", {})]),
    ("bahuma", "Program Bahuma Kota Banjarmasin", Kind.CASH,
     {"quota": 143, "amount": 2 * JT, "budget": 286 * JT, "need_weights": {"female_owner": 1, "no_nib": 1}},
     R28),
]  # fmt: skip
COOP_PROGRAM = (
    "modal-ksp", "Hibah Modal Koperasi Simpan Pinjam", Kind.CASH,
    {"target": Target.COOPERATIVE, "quota": 10, "amount": 25 * JT, "budget": 250 * JT},
    [("domicile", {}), ("coop_kind", {"kinds": ["simpan_pinjam"]}), ("coop_active", {}),
     ("coop_rat_held", {}), ("never_received_program", {"program": "modal-ksp"})],
)  # fmt: skip
COOP_PATH = [State.DRAFT, State.SUBMITTED, State.VERIFIED, State.APPROVED, State.AWARDED, State.DISBURSED]
# How far each demo application of this year's programs goes.
PATH = [
    State.DRAFT, State.SUBMITTED, State.VERIFIED, State.WAITLISTED, State.APPROVED, State.REJECTED,
    State.AWARDED, State.DISBURSED, State.MONITORED, State.CLOSED, State.WITHDRAWN,
]  # fmt: skip


def _staff(role, fallback):
    return User.objects.filter(role=role, is_active=True).order_by("pk").first() or fallback


def _actors(actor):
    """(maker, verifier, checker): three different people where the demo staff allow (R36)."""
    maker = _staff(Role.USAHA_MIKRO, actor)
    verifier = _staff(Role.PETUGAS_LAPANGAN, actor)
    checker = actor if actor.pk not in (maker.pk, verifier.pk) else _staff(Role.ADMIN, actor)
    return maker, verifier, checker


def _advance(app, target, *, maker, verifier, checker, today, partner=None):
    """Moves a draft along the ordinary path to ``target`` through the services."""
    code = None
    order = [State.SUBMITTED, State.VERIFIED, State.APPROVED, State.AWARDED, State.DISBURSED, State.MONITORED]
    if target == State.WITHDRAWN:
        return services.application_withdraw(actor=maker, application=app, reason="Pemilik membatalkan")
    for step in order:
        if target == State.DRAFT:
            return app
        if step == State.SUBMITTED:
            app = services.application_submit(actor=maker, application=app)
        elif step == State.VERIFIED:
            if target == State.REJECTED:
                return services.application_reject(
                    actor=checker, application=app, reason="Usaha tidak ditemukan"
                )
            app = services.application_verify(actor=verifier, application=app, reason="Kunjungan lokasi")
        elif step == State.APPROVED:
            if target == State.WAITLISTED:
                # The true reason: places are free in the demo, so it is not the quota.
                return services.application_waitlist(
                    actor=checker, application=app, reason="Menunggu surat keterangan usaha dari kelurahan"
                )
            app = services.application_approve(actor=checker, application=app)
        elif step == State.AWARDED:
            mark = {"mark": app.subject.name.upper()} if app.program.kind == Kind.FEE_WAIVER else None
            app, code = services.application_award(actor=maker, application=app, data=mark, awarded_on=today)
        elif step == State.DISBURSED and code and partner is not None:
            services.voucher_redeem(partner=partner, code=code, check=app.person.nik[-4:])
            app.refresh_from_db()
        elif step == State.DISBURSED and app.program.kind in (Kind.CASH, Kind.CREDIT, Kind.CREDIT_SUBSIDY):
            app = services.entitlement_disburse(
                actor=maker, application=app, amount=app.amount or Decimal(0), paid_on=today,
                channel=Channel.BANK, reference=f"TRX-{app.pk:06d}",
            )  # fmt: skip
        elif step == State.MONITORED:
            for visit in app.visits.filter(purpose="monitoring", done_on__isnull=True).order_by("due_on")[:1]:
                services.visit_record(
                    actor=verifier, visit=visit, data={"still_running": True, "findings": "Usaha berjalan"}
                )
        if step == target or (target == State.CLOSED and step == State.MONITORED):
            break
    if target == State.CLOSED and app.state != State.CLOSED:
        app.refresh_from_db()
        app = services.application_close(actor=maker, application=app, reason="Selesai")
    return app


def _one_per_owner(enterprises, count: int) -> list:
    """Up to ``count`` enterprises with different owners (a person applies once a year per program)."""
    chosen, owners = [], set()
    for enterprise in enterprises.iterator(chunk_size=200):
        if enterprise.owner_id not in owners:
            owners.add(enterprise.owner_id)
            chosen.append(enterprise)
            if len(chosen) == count:
                break
    return chosen


def populate(*, actor, seed: int) -> int:
    return populate_enterprise_programs(actor=actor, seed=seed) + populate_cooperative_program(
        actor=actor, seed=seed
    )


@transaction.atomic
def populate_cooperative_program(*, actor, seed: int) -> int:
    """The capital grant for savings-and-loan cooperatives and an application per state of COOP_PATH, from
    the cooperatives eligible (or not yet decidable) in the koperasi registry. Once only."""
    code, name, kind, extra, rules = COOP_PROGRAM
    if Program.objects.filter(code=code).exists():
        return 0
    maker, verifier, checker = _actors(actor)
    today = timezone.localdate()
    program = services.program_create(
        actor=maker,
        data={"code": code, "name": name, "kind": kind, "starts_on": dt.date(today.year, 1, 1)} | extra,
        rules=rules,
    )
    added = 1
    candidates = list(outreach(program, year=today.year).order_by("name", "pk")[: len(COOP_PATH)])
    for target, cooperative in zip(COOP_PATH, candidates, strict=False):
        app = services.application_create(actor=maker, program=program, cooperative=cooperative)
        try:
            _advance(app, target, maker=maker, verifier=verifier, checker=checker, today=today)
        except ValidationError:  # not eligible: the demo application stays where it stopped
            pass
        added += 1
    return added


@transaction.atomic
def populate_enterprise_programs(*, actor, seed: int) -> int:
    if Program.objects.filter(code="bpum-2021").exists():
        return 0
    if Enterprise.objects.count() < 60:
        return 0
    maker, verifier, checker = _actors(actor)
    today = timezone.localdate()
    programs = {
        code: services.program_create(
            actor=maker,
            data={"code": code, "name": name, "kind": kind, "starts_on": dt.date(today.year, 1, 1)} | extra,
            rules=rules,
        )
        for code, name, kind, extra, rules in PROGRAMS
    }
    added = len(programs)
    # Past benefits (2021): a few BPUM and KUR recipients, closed.
    for code in ("bpum-2021", "kur"):
        for enterprise in _one_per_owner(outreach(programs[code], year=2021).order_by("?"), 12):
            app = services.application_create(
                actor=maker, program=programs[code], enterprise=enterprise, year=2021,
                declarations={"active_loan": False},
            )  # fmt: skip
            _advance(
                app, State.CLOSED, maker=maker, verifier=verifier, checker=checker, today=dt.date(2021, 9, 1)
            )
            added += 1
    Program.objects.filter(code__in=["bpum-2021", "kur"]).update(is_open=False)
    # This year's programs: one application per state, from those eligible (or not yet decidable).
    partner = User.objects.filter(role=Role.MITRA, is_active=True).order_by("pk").first()
    for code in ("subsidi-kur", "hibah-alat", "gratis-ongkir", "hki", "bahuma"):
        candidates = _one_per_owner(outreach(programs[code], year=today.year), len(PATH))
        for target, enterprise in zip(PATH, candidates, strict=False):
            app = services.application_create(
                actor=maker,
                program=programs[code],
                enterprise=enterprise,
                declarations={"active_loan": False},
            )
            if target != State.DRAFT:
                for name in app.program.required_documents:
                    demo_file = ContentFile(b"%PDF-1.4 demo", name=f"{name.lower()}.pdf")
                    services.document_add(actor=maker, application=app, name=name, file=demo_file)
            if code == "hibah-alat":
                services.visit_assign(
                    actor=maker,
                    application=app,
                    officer=verifier if verifier.role == Role.PETUGAS_LAPANGAN else None,
                    due_on=today,
                )
            try:
                _advance(
                    app, target, maker=maker, verifier=verifier, checker=checker, today=today, partner=partner
                )
            except (
                ValidationError
            ):  # a quota or a missing document: the demo application stays where it stopped
                pass
            added += 1
    return added
