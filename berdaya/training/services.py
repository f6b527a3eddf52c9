"""Writes of the events module (style.md 3): events and sessions, registration with capacity, kecamatan
quotas and a waiting list promoted on cancel, check-in with nonces (10.4), completion (R50),
certificates (R50), follow-ups (R51) and the fair invitation list (R49). Every participation that took
place is written to the one benefit history (berdaya.benefits)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update
from berdaya.benefits import services as benefits
from berdaya.lib.nik import validate_nik
from berdaya.people.models import Person
from berdaya.people.services import person_get_or_register

from . import rules
from .models import (
    PLACE_STATUSES,
    TOOK_PART,
    Certificate,
    CheckIn,
    Document,
    Event,
    EventStatus,
    FollowUp,
    FollowUpState,
    Participant,
    Quota,
    Session,
    Source,
    Status,
)

EVENT_FIELDS = (
    "code",
    "title",
    "kind",
    "division",
    "section",
    "budget_item",
    "starts_on",
    "ends_on",
    "venue",
    "kelurahan",
    "capacity",
    "jp_hours",
    "partner",
    "target_group",
    "target",
    "criteria",
    "completion_percent",
    "follow_up_months",
    "status",
    "description",
    "invitation_seed",
)
PARTICIPANT_FIELDS = ("event", "person", "enterprise", "cooperative", "role", "status", "source", "kelurahan")
# No 0/O, 1/I/L: read aloud or typed at the door.
TOKEN_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # noqa: S105
CERTIFICATE_FORMAT = "{seq:04d}/SERT/DKUMP/{year}"


def new_token(length: int = 10) -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _i in range(length))


def normalize_token(text: str) -> str:
    """What a scanner or a typist gives -> the stored code (QR payloads may carry a URL or a prefix)."""
    text = (text or "").strip().upper()
    if "/" in text:
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return "".join(c for c in text.replace("O", "0") if c.isalnum())[:16]


# --- Events ---------------------------------------------------------------------------------------------


def _next_code(year: int) -> str:
    prefix = f"KEG-{year}-"
    last = (
        Event.objects.filter(code__startswith=prefix).order_by("-code").values_list("code", flat=True).first()
    )
    seq = int(last.rsplit("-", 1)[-1]) + 1 if last and last.rsplit("-", 1)[-1].isdigit() else 1
    return f"{prefix}{seq:03d}"


def _check_criteria(event: Event) -> None:
    from berdaya.programs import criteria as lib

    for item in event.criteria or []:
        key = item[0] if isinstance(item, list | tuple) else item.get("key")
        criterion = lib.LIBRARY.get(key)
        if criterion is None:
            raise ValidationError({"criteria": _("Kriteria tidak dikenal: %(key)s") % {"key": key}})
        if event.target not in criterion.targets:
            raise ValidationError(
                {
                    "criteria": _("Kriteria %(label)s tidak berlaku untuk sasaran ini.")
                    % {"label": criterion.label}
                }
            )


@transaction.atomic
def event_create(
    *, actor, data: dict, sessions: list[dict] | None = None, quotas: dict | None = None
) -> Event:
    """Plan an event. Without ``sessions``, one session per day from start to end."""
    data = {k: v for k, v in data.items() if k in EVENT_FIELDS}
    if not data.get("code"):
        data["code"] = _next_code(data["starts_on"].year)
    event = Event(**data)
    _check_criteria(event)
    audited_create(actor=actor, obj=event, fields=EVENT_FIELDS)
    if sessions is None:
        days = (event.ends_on - event.starts_on).days + 1
        sessions = [{"date": event.starts_on + dt.timedelta(days=i)} for i in range(max(days, 1))]
    for number, row in enumerate(sessions, start=1):
        session_add(actor=actor, event=event, data={"number": number, **row})
    for kecamatan, places in (quotas or {}).items():
        quota_set(actor=actor, event=event, kecamatan=kecamatan, places=places)
    return event


@transaction.atomic
def event_update(*, actor, event: Event, data: dict) -> dict:
    fields = tuple(f for f in EVENT_FIELDS if f != "code")
    changes = audited_update(
        actor=actor, obj=event, data={k: v for k, v in data.items() if k in fields}, fields=fields
    )
    _check_criteria(event)  # raising rolls the change back
    return changes


@transaction.atomic
def session_add(*, actor, event: Event, data: dict) -> Session:
    if data.get("date") and not (event.starts_on <= data["date"] <= event.ends_on):
        raise ValidationError({"date": _("Tanggal sesi di luar tanggal kegiatan.")})
    number = data.get("number") or (event.sessions.count() + 1)
    session = Session(event=event, **{k: v for k, v in data.items() if k != "number"}, number=number)
    return audited_create(actor=actor, obj=session, fields=("event", "number", "title", "date"))


@transaction.atomic
def quota_set(*, actor, event: Event, kecamatan, places: int) -> Quota:
    quota = Quota.objects.filter(event=event, kecamatan=kecamatan).first()
    if quota is None:
        return audited_create(
            actor=actor,
            obj=Quota(event=event, kecamatan=kecamatan, places=places),
            fields=("event", "kecamatan", "places"),
        )
    audited_update(actor=actor, obj=quota, data={"places": places}, fields=("places",))
    return quota


# --- Registration --------------------------------------------------------------------------------------


def _kecamatan_of(kelurahan):
    return kelurahan.parent if kelurahan is not None else None


def has_place(event: Event, kecamatan, *, exclude_pk: int | None = None) -> str | None:
    """None when a new participant from ``kecamatan`` fits; otherwise why not (capacity or quota)."""
    holding = Participant.objects.filter(event=event, status__in=PLACE_STATUSES).exclude(pk=exclude_pk)
    if event.capacity is not None and holding.count() >= event.capacity:
        return _("Kapasitas kegiatan penuh")
    if kecamatan is not None:
        quota = Quota.objects.filter(event=event, kecamatan=kecamatan).first()
        if quota is not None and holding.filter(kecamatan=kecamatan).count() >= quota.places:
            return _("Kuota kecamatan %(name)s penuh") % {"name": kecamatan.name}
    return None


def _locked_event(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def participant_register(
    *,
    actor,
    event: Event,
    nik: str = "",
    name: str = "",
    person: Person | None = None,
    enterprise=None,
    cooperative=None,
    role: str = "umum",
    source: str = Source.STAFF,
    status: str | None = None,
    reason: str = "",
    rank: int | None = None,
    phone: str = "",
) -> Participant:
    """One place per person per event by NIK (a new NIK registers the person, R2/R3). Over capacity or
    over the kecamatan's quota the participant goes to the waiting list."""
    event = _locked_event(event)
    if event.status in (EventStatus.DONE, EventStatus.CANCELLED):
        raise ValidationError(_("Kegiatan sudah selesai atau dibatalkan: pendaftaran ditutup."))
    if person is None:
        try:
            nik = validate_nik(nik or "")
        except ValidationError as error:
            message = _("NIK tidak valid: %(error)s") % {"error": " ".join(error.messages)}
            raise ValidationError({"nik": message}) from None
        try:
            person, _new = person_get_or_register(actor=actor, nik=nik, name=name, phone=phone)
        except ValidationError as error:
            raise ValidationError({"name": error.messages}) from None
    if enterprise is not None and enterprise.owner_id != person.pk:
        raise ValidationError({"enterprise": _("Usaha ini bukan milik peserta.")})
    # Where the business or cooperative is (coverage by kelurahan), else where the person lives.
    kelurahan = (
        getattr(enterprise, "kelurahan", None) or getattr(cooperative, "kelurahan", None) or person.kelurahan
    )
    kecamatan = _kecamatan_of(kelurahan)
    existing = Participant.objects.filter(event=event, person=person).first()
    if existing is not None and existing.status != Status.CANCELLED:
        raise ValidationError(
            {
                "nik": _("%(name)s sudah terdaftar di kegiatan ini (satu tempat per NIK).")
                % {"name": person.name}
            }
        )
    full = has_place(event, kecamatan, exclude_pk=existing.pk if existing else None)
    wanted = status or Status.REGISTERED
    if full and wanted in PLACE_STATUSES:
        wanted = Status.WAITLISTED
        reason = f"{reason}; {full}" if reason else full
    values = {
        "enterprise": enterprise,
        "cooperative": cooperative,
        "role": role,
        "status": wanted,
        "source": source,
        "kelurahan": kelurahan,
        "kecamatan": kecamatan,
        "reason": reason[:255],
        "rank": rank,
        "registered_at": timezone.now(),
    }
    if existing is not None:
        audited_update(
            actor=actor,
            obj=existing,
            data=values,
            fields=(*values.keys(),),
            note=_("Mendaftar ulang"),
            person_id=person.pk,
        )
        return existing
    participant = Participant(event=event, person=person, token=new_token(), **values)
    # Checked here (NIK, person, place); no full_clean: it would query every foreign key again.
    return audited_create(
        actor=actor, obj=participant, fields=PARTICIPANT_FIELDS, person_id=person.pk, clean=False
    )


def _set_status(participant: Participant, status: str, *, actor, note: str = "") -> None:
    before = participant.status
    if before == status:
        return
    participant.status = status
    participant.updated_by = actor if getattr(actor, "pk", None) else None
    participant.save(update_fields=["status", "updated_by", "updated_at"])
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=participant,
        person_id=participant.person_id,
        changes={"status": [str(Status(before).label), str(Status(status).label)]},
        note=note,
    )
    _benefit_sync(participant, before, actor=actor)


def _benefit_sync(participant: Participant, before: str, *, actor) -> None:
    """The benefit history holds one row per participation that took place (R49 "served")."""
    if participant.status in TOOK_PART and before not in TOOK_PART:
        event = participant.event
        benefits.benefit_record(
            actor=actor,
            ref=participant,
            source="event",
            kind=event.kind,
            title=event.title,
            received_on=event.starts_on,
            person=participant.person,
            enterprise=participant.enterprise,
            cooperative=participant.cooperative,
            kelurahan=participant.kelurahan,
        )
    elif before in TOOK_PART and participant.status not in TOOK_PART:
        benefits.benefit_withdraw(actor=actor, ref=participant)


def _promote(event: Event, *, actor) -> Participant | None:
    """The first on the waiting list who fits (capacity and their kecamatan's quota) gets the place."""
    for candidate in (
        Participant.objects.filter(event=event, status=Status.WAITLISTED)
        .select_related("kecamatan", "person")
        .order_by("registered_at", "id")
    ):
        if has_place(event, candidate.kecamatan) is None:
            _set_status(candidate, Status.REGISTERED, actor=actor, note=_("Naik dari daftar tunggu"))
            return candidate
    return None


@transaction.atomic
def participant_cancel(*, actor, participant: Participant, reason: str = "") -> Participant | None:
    """Cancel a place; the waiting list moves up automatically. Returns who was promoted, if anyone."""
    event = _locked_event(participant.event)
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.status in TOOK_PART:
        raise ValidationError(_("Peserta sudah hadir: tidak dapat dibatalkan."))
    held_place = participant.status in PLACE_STATUSES
    _set_status(participant, Status.CANCELLED, actor=actor, note=reason)
    return _promote(event, actor=actor) if held_place else None


@transaction.atomic
def participant_confirm(*, actor, participant: Participant) -> Participant:
    """An invited person confirms: the invitation becomes a registration."""
    if participant.status != Status.INVITED:
        raise ValidationError(_("Hanya undangan yang dapat dikonfirmasi."))
    _set_status(participant, Status.REGISTERED, actor=actor, note=_("Konfirmasi undangan"))
    return participant


# --- Check-in ------------------------------------------------------------------------------------------


# Codes other apps' cards carry, per event kind: a job fair's door also takes the AK/1 card's QR or number
# (naker registers its resolver in AppConfig.ready()). A resolver gets (actor=, event=, code=) and returns the
# card holder's Participant of the event (registering a walk-in if need be) or None.
CODE_RESOLVERS: dict[str, Callable[..., Participant | None]] = {}


def register_code_resolver(kind: str, resolver: Callable[..., Participant | None]) -> None:
    CODE_RESOLVERS[kind] = resolver


def _participant_for_code(*, actor, event: Event, code: str) -> Participant | None:
    participant = Participant.objects.select_related("event").filter(token=normalize_token(code)).first()
    resolver = CODE_RESOLVERS.get(event.kind)
    if participant is None and resolver is not None:
        participant = resolver(actor=actor, event=event, code=code)
    return participant


def _refusal(participant: Participant | None, event: Event) -> str | None:
    if participant is None:
        return _("Kode tidak terdaftar")
    if participant.event_id != event.pk:
        return _("Terdaftar di kegiatan lain: %(event)s") % {"event": participant.event.title}
    if participant.status == Status.CANCELLED:
        return _("Pendaftaran dibatalkan")
    if participant.status == Status.WAITLISTED:
        return _("Masih di daftar tunggu")
    return None


@transaction.atomic
def checkin_record(
    *,
    actor,
    event: Event,
    session: Session | None,
    nonce: str,
    code: str = "",
    participant: Participant | None = None,
    scanned_at: dt.datetime | None = None,
    device: str = "",
) -> tuple[CheckIn, bool]:
    """Record one scan. Returns (check-in, new): a nonce already seen returns the stored check-in and
    ``False`` (an upload replayed after a dropped connection counts once). Refused scans are kept with
    their reason; a second scan of someone already present is kept as refused ("sudah hadir")."""
    nonce = (nonce or "").strip()[:64]
    if not nonce:
        raise ValidationError(_("Pemindaian tanpa nonce."))
    seen = CheckIn.objects.filter(nonce=nonce).first()
    if seen is not None:
        return seen, False
    if session is not None and session.event_id != event.pk:
        raise ValidationError(_("Sesi bukan milik kegiatan ini."))
    if participant is None and code:
        participant = _participant_for_code(actor=actor, event=event, code=code)
    reason = _refusal(participant, event)
    if reason is None and session is not None:
        if CheckIn.objects.filter(session=session, participant=participant, accepted=True).exists():
            reason = _("Sudah tercatat hadir di sesi ini")
    checkin = CheckIn(
        event=event,
        session=session,
        participant=participant if participant is not None and participant.event_id == event.pk else None,
        code=(code or (participant.token if participant else ""))[:64],
        nonce=nonce,
        device=device[:64],
        scanned_at=scanned_at or timezone.now(),
        accepted=reason is None,
        reason=reason or "",
        by=actor if getattr(actor, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            checkin.save()
    except IntegrityError:  # the same nonce from another phone at the same moment
        return CheckIn.objects.get(nonce=nonce), False
    if checkin.accepted and participant.status in (Status.INVITED, Status.REGISTERED, Status.NO_SHOW):
        _set_status(participant, Status.ATTENDED, actor=actor, note=_("Presensi"))
    return checkin, True


@transaction.atomic
def walk_in_register(
    *, actor, event: Event, session: Session | None, nik: str, name: str, role: str = "umum", nonce: str
) -> tuple[Participant, CheckIn]:
    """Someone who came without registering: NIK checked, registered on the spot and checked in."""
    participant = participant_register(
        actor=actor, event=event, nik=nik, name=name, role=role, source=Source.WALK_IN
    )
    if participant.status == Status.WAITLISTED:
        raise ValidationError(_("Kegiatan penuh: peserta masuk daftar tunggu."))
    checkin, _new = checkin_record(
        actor=actor, event=event, session=session, participant=participant, nonce=nonce
    )
    return participant, checkin


def attendance(event: Event) -> dict[int, int]:
    """Participant id -> number of sessions attended (accepted check-ins, one per session)."""
    rows = (
        CheckIn.objects.filter(event=event, accepted=True, participant__isnull=False)
        .values("participant_id")
        .annotate(n=Count("session", distinct=True))
    )
    return {row["participant_id"]: row["n"] for row in rows}


@transaction.atomic
def event_complete(*, actor, event: Event, on: dt.date | None = None) -> dict:
    """Close the event: the completion rule (R50) marks who completed, who did not come is a no-show, and
    follow-ups are scheduled per kind (R51)."""
    event = _locked_event(event)
    sessions = event.sessions.count()
    counts = attendance(event)
    result = {"completed": 0, "attended": 0, "no_show": 0, "follow_ups": 0}
    for participant in event.participants.select_related("person", "event").filter(
        status__in=[Status.INVITED, Status.REGISTERED, Status.ATTENDED, Status.COMPLETED, Status.NO_SHOW]
    ):
        attended = counts.get(participant.pk, 0)
        if rules.completed(attended, sessions, event.completion_percent):
            _set_status(participant, Status.COMPLETED, actor=actor, note=_("Memenuhi syarat kelulusan"))
            result["completed"] += 1
            result["follow_ups"] += len(follow_ups_schedule(actor=actor, participant=participant))
        elif attended:
            _set_status(participant, Status.ATTENDED, actor=actor)
            result["attended"] += 1
        else:
            _set_status(participant, Status.NO_SHOW, actor=actor)
            result["no_show"] += 1
    if event.status != EventStatus.DONE:
        audited_update(actor=actor, obj=event, data={"status": EventStatus.DONE}, fields=("status",))
    return result


# --- Follow-ups (R51) ----------------------------------------------------------------------------------


def follow_ups_schedule(*, actor, participant: Participant, officer=None) -> list[FollowUp]:
    event = participant.event
    made = []
    for months in event.follow_ups():
        if FollowUp.objects.filter(participant=participant, months=months).exists():
            continue
        follow_up = FollowUp(
            participant=participant,
            months=months,
            due_on=rules.add_months(event.ends_on, months),
            officer=officer,
        )
        made.append(
            audited_create(
                actor=actor,
                obj=follow_up,
                fields=("participant", "months", "due_on", "officer"),
                person_id=participant.person_id,
                clean=False,
            )
        )
    return made


# --- Certificates (R50) --------------------------------------------------------------------------------

# Event kind -> a check another app adds to R50 for its events (the BLK: competent in every unit, R40a).
# The check returns the reason a certificate is refused, or None. Registered in that app's ready().
CERTIFICATE_GATES: dict[str, Callable[[Participant], str | None]] = {}


def certificate_gate_register(kind: str, gate: Callable[[Participant], str | None]) -> None:
    CERTIFICATE_GATES[kind] = gate


def certificate_refusal(participant: Participant) -> str | None:
    """Why this participant may not get a certificate (R50 and the event kind's own rule), or None."""
    if participant.status != Status.COMPLETED:
        return _("Sertifikat hanya untuk peserta yang memenuhi syarat kelulusan (R50).")
    gate = CERTIFICATE_GATES.get(participant.event.kind)
    return gate(participant) if gate is not None else None


@transaction.atomic
def certificate_issue(*, actor, participant: Participant, on: dt.date | None = None) -> Certificate:
    """A numbered certificate for a participant who met the completion rule (R50)."""
    participant = Participant.objects.select_related("event", "person").get(pk=participant.pk)
    existing = Certificate.objects.filter(participant=participant).first()
    if existing is not None:
        return existing
    refusal = certificate_refusal(participant)
    if refusal is not None:
        raise ValidationError(refusal)
    on = on or participant.event.ends_on
    year = on.year
    last = Certificate.objects.select_for_update().filter(year=year).order_by("-seq").first()
    seq = (last.seq if last else 0) + 1
    certificate = Certificate(
        participant=participant,
        person=participant.person,
        year=year,
        seq=seq,
        number=CERTIFICATE_FORMAT.format(seq=seq, year=year),
        code=new_token(12),
        issued_on=on,
    )
    return audited_create(
        actor=actor,
        obj=certificate,
        fields=("participant", "number", "issued_on"),
        person_id=participant.person_id,
        clean=False,
    )


@transaction.atomic
def certificate_revoke(*, actor, certificate: Certificate, reason: str) -> Certificate:
    if not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan pencabutan.")})
    if certificate.revoked_at is not None:
        raise ValidationError(_("Sertifikat sudah dicabut."))
    audited_update(
        actor=actor,
        obj=certificate,
        data={"revoked_at": timezone.now(), "revoked_reason": reason.strip()[:255]},
        fields=("revoked_at", "revoked_reason"),
        person_id=certificate.person_id,
    )
    return certificate


def places_taken(event: Event) -> dict:
    rows = Participant.objects.filter(event=event).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}


# --- Fair invitation (R49) -----------------------------------------------------------------------------


@transaction.atomic
def invitation_propose(*, actor, event: Event, places: int, seed: str = "") -> list[Participant]:
    """Invite ``places`` people chosen by the fair rule (R49); the seed is kept on the event and shown."""
    from . import selectors
    from .models import Target

    if places <= 0:
        raise ValidationError({"places": _("Jumlah undangan harus lebih dari nol.")})
    seed = (seed or secrets.token_hex(4)).strip()[:32]
    choices = selectors.proposal(event, places, seed)
    made = []
    enterprises = {}
    if event.target == Target.ENTERPRISE:
        from berdaya.umkm.models import Enterprise

        enterprises = Enterprise.objects.select_related("owner").in_bulk([c.candidate.id for c in choices])
    for choice in choices:
        kwargs = {}
        if event.target == Target.ENTERPRISE:
            enterprise = enterprises[choice.candidate.id]
            kwargs = {"person": enterprise.owner, "enterprise": enterprise, "role": "pemilik"}
        elif event.target == Target.PERSON:
            kwargs = {"person": Person.objects.get(pk=choice.candidate.id)}
        else:
            from berdaya.koperasi.models import Cooperative

            contact = selectors.coop_contact(choice.candidate.id)
            if contact is None:
                continue
            kwargs = {
                "person": Person.objects.get(pk=contact),
                "cooperative": Cooperative.objects.get(pk=choice.candidate.id),
                "role": "pengurus",
            }
        if (
            Participant.objects.filter(event=event, person=kwargs["person"])
            .exclude(status=Status.CANCELLED)
            .exists()
        ):
            continue  # one place per person, even with two businesses
        made.append(
            participant_register(
                actor=actor,
                event=event,
                status=Status.INVITED,
                source=Source.INVITATION,
                reason=choice.reason,
                rank=choice.rank,
                **kwargs,
            )
        )
    audited_update(actor=actor, obj=event, data={"invitation_seed": seed}, fields=("invitation_seed",))
    audit_log(
        actor=actor,
        action=Action.UPDATE,
        obj=event,
        changes={"invitations": [None, len(made)]},
        note=_("Daftar undangan adil (R49), benih %(seed)s") % {"seed": seed},
    )
    return made


FOLLOW_UP_FIELDS = (
    "state",
    "done_on",
    "method",
    "started_business",
    "still_running",
    "turnover",
    "online_shop_active",
    "online_shop_last_active",
    "hired",
    "notes",
    "enterprise",
)


@transaction.atomic
def follow_up_assign(*, actor, follow_up: FollowUp, officer) -> FollowUp:
    audited_update(
        actor=actor,
        obj=follow_up,
        data={"officer": officer},
        fields=("officer",),
        person_id=follow_up.participant.person_id,
    )
    return follow_up


@transaction.atomic
def follow_up_skip(*, actor, follow_up: FollowUp, reason: str) -> FollowUp:
    if follow_up.state == FollowUpState.DONE:
        raise ValidationError(_("Tindak lanjut sudah selesai."))
    audited_update(
        actor=actor,
        obj=follow_up,
        data={"state": FollowUpState.SKIPPED, "notes": reason},
        fields=("state", "notes"),
        person_id=follow_up.participant.person_id,
    )
    return follow_up


def _wub_cohort(*, actor, event: Event):
    from berdaya.umkm.models import WubCohort
    from berdaya.umkm.services import wub_cohort_record

    existing = WubCohort.objects.filter(training_reference=event.code).first()
    if existing is not None:
        return existing
    return wub_cohort_record(
        actor=actor,
        data={
            "name": event.title[:150],
            "year": event.starts_on.year,
            "training_reference": event.code,
            "started_on": event.starts_on,
            "ended_on": event.ends_on,
        },
    )


@transaction.atomic
def follow_up_record(
    *, actor, follow_up: FollowUp, data: dict, business_name: str = "", sector=None
) -> FollowUp:
    """The outcome of a follow-up (R51). The registries follow: a participant who started a business
    becomes a micro enterprise with the event's WUB cohort (umkm.services); an online shop's last-active
    date is written to the business's online accounts."""
    from berdaya.umkm import services as umkm

    follow_up = (
        FollowUp.objects.select_for_update()
        .select_related("participant__event", "participant__person")
        .get(pk=follow_up.pk)
    )
    if follow_up.state in (FollowUpState.DONE, FollowUpState.SKIPPED):
        raise ValidationError(_("Tindak lanjut ini sudah dicatat."))
    participant = follow_up.participant
    values = {k: v for k, v in data.items() if k in FOLLOW_UP_FIELDS}
    values["state"] = FollowUpState.DONE
    values.setdefault("done_on", timezone.localdate())
    enterprise = participant.enterprise
    if business_name.strip() and data.get("started_business"):
        from berdaya.umkm.models import Sector

        enterprise = umkm.enterprise_register(
            actor=actor,
            data={
                "owner": participant.person,
                "name": business_name.strip()[:150],
                "sector": sector or Sector.objects.filter(parent=None).order_by("code").first(),
                "kelurahan": participant.person.kelurahan,
                "registered_on": values["done_on"],
                "is_wub": True,
                "wub_cohort": _wub_cohort(actor=actor, event=participant.event),
                "source": "training",
                "source_id": participant.token,
            },
        )
        values["enterprise"] = enterprise
        audited_update(
            actor=actor,
            obj=participant,
            data={"enterprise": enterprise},
            fields=("enterprise",),
            person_id=participant.person_id,
        )
    if enterprise is not None and values.get("online_shop_last_active"):
        for account in enterprise.online_accounts.all():
            if account.last_active_on is None or account.last_active_on < values["online_shop_last_active"]:
                umkm.online_account_record(
                    actor=actor,
                    enterprise=enterprise,
                    account=account,
                    data={"last_active_on": values["online_shop_last_active"]},
                )
    audited_update(
        actor=actor, obj=follow_up, data=values, fields=FOLLOW_UP_FIELDS, person_id=participant.person_id
    )
    return follow_up


@transaction.atomic
def follow_ups_mark_overdue(*, actor, on: dt.date | None = None) -> int:
    """Scheduled follow-ups past their due date become overdue (R51), for the officers' lists."""
    on = on or timezone.localdate()
    return FollowUp.objects.filter(state=FollowUpState.SCHEDULED, due_on__lt=on).update(
        state=FollowUpState.OVERDUE, updated_at=timezone.now()
    )


@transaction.atomic
def document_add(*, actor, event: Event, kind: str, name: str, file) -> Document:
    """A terms of reference, report or photo of the event (the event report DOCX prints the photos)."""
    document = Document(event=event, kind=kind, name=(name or getattr(file, "name", ""))[:255], file=file)
    return audited_create(actor=actor, obj=document, fields=("event", "kind", "name", "file"))
