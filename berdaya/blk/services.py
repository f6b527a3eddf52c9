"""Writes of the training centre, each audited (berdaya.audit.services). Cohorts, check-ins, certificates
and follow-ups go through ``training.services`` (the one event model); placements through
``naker.services``; new businesses through training's follow-up (which registers them in ``umkm``)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.services import audited_create, audited_update
from berdaya.training import services as training
from berdaya.training.models import Event, FollowUp, Kind, Participant, Session, Status, Target, TargetGroup

from . import rules
from .models import ApprenticeOutcome, Apprenticeship, Cohort, CompetencyUnit, Outcome, Programme, UnitResult

PROGRAMME_FIELDS = ("code", "title", "vocation", "jp_hours", "requirements", "description", "active")
UNIT_FIELDS = ("code", "title", "jp_hours", "order")
# The cohort's own fields; the rest lives on its training.Event.
COHORT_EVENT_FIELDS = ("title", "starts_on", "ends_on", "venue", "kelurahan", "capacity", "partner")
APPRENTICESHIP_FIELDS = ("host", "mentor", "mentor_position", "field", "agreement_number")
# R51 for a BLK cohort: a follow-up 3 and 6 months after the end (working? self-employed? where?).
COHORT_FOLLOW_UP_MONTHS = [3, 6]


# --- Programmes and units (R40) -------------------------------------------------------------------------


@transaction.atomic
def programme_create(*, actor, data: dict) -> Programme:
    programme = Programme(**{k: v for k, v in data.items() if k in PROGRAMME_FIELDS})
    return audited_create(actor=actor, obj=programme, fields=PROGRAMME_FIELDS)


@transaction.atomic
def programme_update(*, actor, programme: Programme, data: dict) -> dict:
    return audited_update(actor=actor, obj=programme, data=data, fields=PROGRAMME_FIELDS)


@transaction.atomic
def unit_add(*, actor, programme: Programme, data: dict) -> CompetencyUnit:
    if CompetencyUnit.objects.filter(programme=programme, code=data.get("code")).exists():
        raise ValidationError({"code": _("Kode unit ini sudah ada di program ini.")})
    values = {k: v for k, v in data.items() if k in UNIT_FIELDS}
    values.setdefault("order", programme.units.count() + 1)
    unit = audited_create(
        actor=actor, obj=CompetencyUnit(programme=programme, **values), fields=("programme",) + UNIT_FIELDS
    )
    _sync_jp(actor=actor, programme=programme)
    return unit


def _sync_jp(*, actor, programme: Programme) -> None:
    """R40: when units carry hours, the programme's JP is their sum."""
    jp = rules.programme_jp(programme.jp_hours, programme.units.values_list("jp_hours", flat=True))
    if jp != programme.jp_hours:
        audited_update(actor=actor, obj=programme, data={"jp_hours": jp}, fields=("jp_hours",))


# --- Cohorts --------------------------------------------------------------------------------------------


def _weekdays(start: dt.date, end: dt.date) -> list[dict]:
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    return [{"date": d} for d in days if d.weekday() < 5] or [{"date": start}]


@transaction.atomic
def cohort_create(*, actor, programme: Programme, data: dict, quotas: dict | None = None) -> Cohort:
    """A cohort of a programme: a training.Event (kind blk, for job seekers, invitation from the people
    registry) with one session per weekday (the attendance sheet's days), the programme's JP (R40) and
    follow-ups at 3 and 6 months (R51)."""
    if not data.get("capacity"):
        raise ValidationError({"capacity": _("Isi kapasitas angkatan.")})
    if not programme.active:
        raise ValidationError(_("Program ini tidak ditawarkan lagi."))
    number = Cohort.objects.filter(programme=programme).count() + 1
    values = {k: v for k, v in data.items() if k in COHORT_EVENT_FIELDS}
    values.setdefault("title", f"{programme.title} angkatan {number}")
    event = training.event_create(
        actor=actor,
        data={
            **values,
            "kind": Kind.BLK,
            "division": "tenaga_kerja",
            "section": "UPTD BLK",
            "jp_hours": programme.jp_hours,
            "target_group": TargetGroup.JOB_SEEKER,
            "target": Target.PERSON,
            "follow_up_months": COHORT_FOLLOW_UP_MONTHS,
            "description": programme.requirements,
        },
        sessions=_weekdays(values["starts_on"], values["ends_on"]),
        quotas=quotas,
    )
    return cohort_link(actor=actor, event=event, programme=programme, instructor=data.get("instructor", ""))


@transaction.atomic
def cohort_link(*, actor, event: Event, programme: Programme, instructor: str = "") -> Cohort:
    """Link an existing BLK event (an earlier cohort) to its programme."""
    if event.kind != Kind.BLK:
        raise ValidationError(_("Hanya kegiatan berjenis pelatihan BLK yang dapat menjadi angkatan."))
    existing = Cohort.objects.filter(event=event).first()
    if existing is not None:
        return existing
    number = Cohort.objects.filter(programme=programme).count() + 1
    return audited_create(
        actor=actor,
        obj=Cohort(event=event, programme=programme, number=number, instructor=instructor),
        fields=("event", "programme", "number", "instructor"),
    )


def cohort_select(*, actor, cohort: Cohort, seed: str = "") -> list[Participant]:
    """Fill the free places by training's fair invitation (R49: never trained first, places spread over
    kecamatan, then a lottery with its seed shown). Not a second selection rule."""
    event = cohort.event
    taken = event.participants.exclude(status__in=[Status.CANCELLED, Status.WAITLISTED]).count()
    places = (event.capacity or 0) - taken
    if places <= 0:
        raise ValidationError(_("Angkatan sudah penuh."))
    return training.invitation_propose(actor=actor, event=event, places=places, seed=seed)


def attendance_mark(*, actor, cohort: Cohort, session: Session, participant: Participant):
    """One tick on the day's attendance sheet, through training's check-in (a sheet tick is a check-in
    typed by staff; its nonce makes a second tap of the same box count once)."""
    if participant.event_id != cohort.event_id:
        raise ValidationError(_("Peserta bukan dari angkatan ini."))
    return training.checkin_record(
        actor=actor,
        event=cohort.event,
        session=session,
        participant=participant,
        nonce=f"blk-sheet-{session.pk}-{participant.pk}",
        device="daftar hadir",
    )


# --- Competency tests and certificates (R40a, R50) ------------------------------------------------------


def results_of(participant: Participant) -> dict[int, str]:
    return dict(UnitResult.objects.filter(participant=participant).values_list("unit_id", "result"))


def unit_ids(cohort: Cohort) -> list[int]:
    return list(cohort.programme.units.order_by("order", "id").values_list("pk", flat=True))


def certificate_gate(participant: Participant) -> str | None:
    """Registered with training for kind ``blk``: the certificate needs every unit "kompeten" (R40a)."""
    cohort = Cohort.objects.select_related("programme").filter(event_id=participant.event_id).first()
    if cohort is None:
        return None  # a BLK event not linked to a programme: R50 alone
    units = unit_ids(cohort)
    if not units:
        return _("Program belum memiliki unit kompetensi: belum ada yang dapat dinyatakan kompeten.")
    if not rules.competent(results_of(participant), units):
        return _("Sertifikat BLK hanya untuk peserta yang kompeten di semua unit (R40a).")
    return None


@transaction.atomic
def result_record(
    *,
    actor,
    participant: Participant,
    unit: CompetencyUnit,
    result: str,
    assessed_on: dt.date | None = None,
    assessor: str = "",
) -> UnitResult:
    """One unit's test result for one participant; a later test of the same unit replaces it (audited)."""
    cohort = Cohort.objects.filter(event_id=participant.event_id).first()
    if cohort is None or unit.programme_id != cohort.programme_id:
        raise ValidationError(_("Unit ini bukan bagian dari program angkatan peserta."))
    if participant.status in (Status.CANCELLED, Status.WAITLISTED, Status.INVITED):
        raise ValidationError(_("Peserta belum mengikuti pelatihan: hasil uji tidak dapat dicatat."))
    assessed_on = assessed_on or timezone.localdate()
    existing = UnitResult.objects.filter(participant=participant, unit=unit).first()
    values = {"result": result, "assessed_on": assessed_on, "assessor": assessor[:150]}
    if existing is not None:
        audited_update(
            actor=actor,
            obj=existing,
            data=values,
            fields=("result", "assessed_on", "assessor"),
            person_id=participant.person_id,
        )
        return existing
    return audited_create(
        actor=actor,
        obj=UnitResult(participant=participant, unit=unit, **values),
        fields=("participant", "unit", "result", "assessed_on", "assessor"),
        person_id=participant.person_id,
    )


@transaction.atomic
def cohort_results_record(
    *, actor, cohort: Cohort, results: dict[tuple[int, int], str], assessed_on=None, assessor: str = ""
) -> int:
    """A whole results sheet: {(participant id, unit id): result}; blank cells are left alone."""
    participants = {p.pk: p for p in cohort.event.participants.all()}
    units = {u.pk: u for u in cohort.programme.units.all()}
    saved = 0
    for (participant_id, unit_id), result in results.items():
        if not result:
            continue
        if participant_id not in participants or unit_id not in units:
            raise ValidationError(_("Lembar hasil memuat peserta atau unit di luar angkatan ini."))
        result_record(
            actor=actor,
            participant=participants[participant_id],
            unit=units[unit_id],
            result=result,
            assessed_on=assessed_on,
            assessor=assessor,
        )
        saved += 1
    return saved


@transaction.atomic
def cohort_certify(*, actor, cohort: Cohort) -> dict:
    """Certificates (training's numbered, QR-verified ones) for those who completed (R50) and are competent
    in every unit (R40a); the others are counted, with no certificate."""
    issued = refused = 0
    for participant in cohort.event.participants.filter(status=Status.COMPLETED).select_related("event"):
        if hasattr(participant, "certificate"):
            continue
        if training.certificate_refusal(participant) is not None:
            refused += 1
            continue
        training.certificate_issue(actor=actor, participant=participant)
        issued += 1
    return {"issued": issued, "refused": refused}


# --- Follow-up of graduates (R51) feeding placements and new businesses --------------------------------


class GraduateOutcome:
    WORKING = "working"
    SELF_EMPLOYED = "self_employed"
    NOT_YET = "not_yet"


@transaction.atomic
def graduate_follow_up_record(
    *,
    actor,
    follow_up: FollowUp,
    outcome: str,
    done_on: dt.date | None = None,
    method: str = "phone",
    company=None,
    position: str = "",
    start_date: dt.date | None = None,
    business_name: str = "",
    sector=None,
    notes: str = "",
) -> dict:
    """A BLK graduate's follow-up at 3 or 6 months. "Working at company X" records a placement (channel
    BLK, unconfirmed, verified later by naker's calls) through naker.placement_for_person: a graduate
    without an AK/1 card gets one registered on the follow-up date (refused, with the whole follow-up,
    when the person has no kelurahan); the 6-month answer repeating the 3-month one records nothing twice
    (``placement`` is then None). "Self-employed" registers the business as a new micro enterprise
    (training's follow-up -> umkm)."""
    done_on = done_on or timezone.localdate()
    data = {"done_on": done_on, "method": method, "notes": notes}
    answer: dict = {"placement": None, "enterprise": None, "card_registered": False}
    if outcome == GraduateOutcome.WORKING:
        if company is None or not position.strip():
            raise ValidationError(_("Isi perusahaan dan jabatan tempat lulusan bekerja."))
        data["hired"] = True
        data["started_business"] = False
    elif outcome == GraduateOutcome.SELF_EMPLOYED:
        if not business_name.strip():
            raise ValidationError({"business_name": _("Isi nama usaha yang dijalankan lulusan.")})
        data["hired"] = False
        data["started_business"] = True
        data["still_running"] = True
    elif outcome == GraduateOutcome.NOT_YET:
        data["hired"] = False
        data["started_business"] = False
    else:
        raise ValidationError(_("Pilih hasil tindak lanjut."))
    follow_up = training.follow_up_record(
        actor=actor, follow_up=follow_up, data=data, business_name=business_name, sector=sector
    )
    answer["enterprise"] = follow_up.enterprise
    if outcome == GraduateOutcome.WORKING:
        answer["placement"], answer["card_registered"] = _placement_from(
            actor=actor,
            participant=follow_up.participant,
            company=company,
            position=position,
            start_date=start_date or done_on,
            done_on=done_on,
        )
    return answer


def _placement_from(
    *, actor, participant: Participant, company, position: str, start_date: dt.date, done_on: dt.date
) -> tuple:
    from berdaya.naker import services as naker
    from berdaya.naker.models import Placement

    placement, created, card_registered = naker.placement_for_person(
        actor=actor,
        person=participant.person,
        registered_on=done_on,
        data={
            "company": company,
            "position": position.strip()[:150],
            "channel": Placement.Channel.BLK,
            "destination": Placement.Destination.AKL,
            "start_date": start_date,
            "note": _("Tindak lanjut lulusan %(event)s") % {"event": participant.event.code},
        },
    )
    return (placement if created else None), card_registered


# --- Apprenticeships ------------------------------------------------------------------------------------


@transaction.atomic
def apprenticeship_create(*, actor, data: dict, event_data: dict) -> Apprenticeship:
    """An apprenticeship: a training.Event of kind magang (dates, capacity, participants) with its host
    company and mentor."""
    if data.get("host") is None:
        raise ValidationError({"host": _("Pilih perusahaan penyelenggara.")})
    values = {k: v for k, v in event_data.items() if k in COHORT_EVENT_FIELDS}
    values.setdefault("title", _("Pemagangan di %(host)s") % {"host": data["host"].name})
    event = training.event_create(
        actor=actor,
        data={
            **values,
            "kind": Kind.MAGANG,
            "division": "tenaga_kerja",
            "section": "Pelatihan dan Produktivitas",
            "partner": data["host"].name[:255],
            "venue": event_data.get("venue") or data["host"].name[:255],
            "target_group": TargetGroup.JOB_SEEKER,
            "target": Target.PERSON,
        },
        sessions=[{"date": event_data["starts_on"]}],
    )
    return apprenticeship_link(actor=actor, event=event, data=data)


@transaction.atomic
def apprenticeship_link(*, actor, event: Event, data: dict) -> Apprenticeship:
    if event.kind != Kind.MAGANG:
        raise ValidationError(_("Hanya kegiatan berjenis pemagangan."))
    existing = Apprenticeship.objects.filter(event=event).first()
    if existing is not None:
        return existing
    values = {k: v for k, v in data.items() if k in APPRENTICESHIP_FIELDS}
    return audited_create(
        actor=actor, obj=Apprenticeship(event=event, **values), fields=("event",) + APPRENTICESHIP_FIELDS
    )


@transaction.atomic
def apprenticeship_update(*, actor, apprenticeship: Apprenticeship, data: dict) -> dict:
    return audited_update(actor=actor, obj=apprenticeship, data=data, fields=APPRENTICESHIP_FIELDS)


@transaction.atomic
def apprentice_outcome_record(
    *, actor, participant: Participant, outcome: str, company=None, noted_on: dt.date | None = None
) -> ApprenticeOutcome:
    """Hired by the host, by another company (named), or not (yet); a later answer replaces it."""
    apprenticeship = Apprenticeship.objects.filter(event_id=participant.event_id).first()
    if apprenticeship is None:
        raise ValidationError(_("Peserta ini bukan peserta pemagangan."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Pilih hasil pemagangan.")})
    if outcome == Outcome.HIRED_OTHER and company is None:
        raise ValidationError({"company": _("Pilih perusahaan tempat peserta bekerja.")})
    if outcome != Outcome.HIRED_OTHER:
        company = None
    values = {"outcome": outcome, "company": company, "noted_on": noted_on or timezone.localdate()}
    existing = ApprenticeOutcome.objects.filter(participant=participant).first()
    if existing is not None:
        audited_update(
            actor=actor,
            obj=existing,
            data=values,
            fields=("outcome", "company", "noted_on"),
            person_id=participant.person_id,
        )
        return existing
    return audited_create(
        actor=actor,
        obj=ApprenticeOutcome(participant=participant, **values),
        fields=("participant", "outcome", "company", "noted_on"),
        person_id=participant.person_id,
    )
