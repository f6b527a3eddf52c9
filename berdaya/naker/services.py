"""Writes to the manpower registry (style.md 3): every change through the audited create/update path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update
from berdaya.lembaga import rules as lembaga_rules

from . import rules
from .models import (
    CardPeriod,
    CardReport,
    FollowUpCall,
    JobFairApplication,
    JobFairBooth,
    JobSeeker,
    Occupation,
    Placement,
    Skill,
    Vacancy,
    YearFigure,
)
from .normalise import Vocabulary, normalise

JOB_SEEKER_FIELDS = (
    "card_number",
    "registered_on",
    "marital_status",
    "religion",
    "education",
    "major",
    "school",
    "graduation_year",
    "non_formal",
    "skills_text",
    "unmatched_skills",
    "experience_years",
    "experience",
    "languages",
    "disability",
    "preferred_kecamatan",
    "willing_abroad",
    "expected_wage",
    "photo",
    "valid_from",
    "valid_until",
    "next_report_due",
    "closed_on",
    "closed_reason",
)
EDITABLE_FIELDS = (
    "marital_status",
    "religion",
    "education",
    "major",
    "school",
    "graduation_year",
    "non_formal",
    "experience_years",
    "experience",
    "languages",
    "disability",
    "preferred_kecamatan",
    "willing_abroad",
    "expected_wage",
    "photo",
)
VACANCY_FIELDS = (
    "company",
    "title",
    "occupation",
    "count",
    "education",
    "majors",
    "experience_years",
    "kecamatan",
    "abroad",
    "wage_min",
    "wage_max",
    "contract",
    "hours",
    "social_security",
    "conditions",
    "closing_date",
)
PLACEMENT_FIELDS = (
    "bkk",
    "company",
    "position",
    "occupation",
    "channel",
    "destination",
    "start_date",
    "vacancy",
    "note",
)
FOLLOW_UP_DAYS = (30, 60)
CARD_PREFIX = "6371"


def skill_vocabulary() -> Vocabulary:
    return Vocabulary.build(Skill.objects.values_list("pk", "name", "synonyms"))


def occupation_vocabulary() -> Vocabulary:
    return Vocabulary.build(Occupation.objects.values_list("pk", "name", "synonyms"))


def next_card_numbers(year: int, count: int = 1) -> list[str]:
    """AK/1 numbers ``6371-YYYY-NNNNNN``: the city's code, the year of issue, a serial within the year."""
    prefix = f"{CARD_PREFIX}-{year}-"
    last = (
        JobSeeker.objects.filter(card_number__startswith=prefix)
        .order_by("-card_number")
        .values_list("card_number", flat=True)
        .first()
    )
    start = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return [f"{prefix}{n:06d}" for n in range(start, start + count)]


def _refresh_current(job_seeker: JobSeeker, period: CardPeriod, today: dt.date) -> dict:
    """The current period's dates as JobSeeker keeps them (valid_until, next report due)."""
    reports = list(period.reports.values_list("reported_on", flat=True)) if period.pk else []
    state = rules.card_state(
        today=today, valid_from=period.valid_from, reports=reports, closed_on=period.closed_on
    )
    return {
        "valid_from": period.valid_from,
        "valid_until": state.valid_until,
        "next_report_due": state.next_due,
        "closed_on": period.closed_on,
    }


def current_period(job_seeker: JobSeeker) -> CardPeriod:
    return job_seeker.periods.order_by("-number").first()


def jobseeker_register(
    *,
    actor,
    person,
    data: dict,
    occupations: Iterable[Occupation] = (),
    registered_on: dt.date | None = None,
) -> JobSeeker:
    """R37: one AK/1 per person (NIK and domicile needed); the card number is issued and the first
    two-year period starts."""
    registered_on = registered_on or timezone.localdate()
    with transaction.atomic():
        if JobSeeker.objects.filter(person=person).exists():
            raise ValidationError(_("%(name)s sudah memiliki kartu AK/1.") % {"name": person.name})
        if person.kelurahan_id is None:
            raise ValidationError(
                _("Domisili (kelurahan) orang ini belum diisi: lengkapi data orangnya dulu.")
            )
        skill_ids, unknown = normalise(data.get("skills_text", ""), skill_vocabulary())
        job_seeker = JobSeeker(
            person=person,
            card_number=next_card_numbers(registered_on.year)[0],
            registered_on=registered_on,
            valid_from=registered_on,
            valid_until=rules.valid_until(registered_on),
            next_report_due=rules.box_dues(registered_on)[0],
            unmatched_skills=", ".join(unknown)[:500],
            **{k: v for k, v in data.items() if k in EDITABLE_FIELDS or k == "skills_text"},
        )
        audited_create(actor=actor, obj=job_seeker, fields=JOB_SEEKER_FIELDS, person_id=person.pk)
        job_seeker.occupations.set(occupations)
        job_seeker.skills.set(skill_ids)
        audited_create(
            actor=actor,
            obj=CardPeriod(
                job_seeker=job_seeker, number=1, valid_from=registered_on, valid_until=job_seeker.valid_until
            ),
            fields=("number", "valid_from", "valid_until"),
            person_id=person.pk,
        )
    return job_seeker


def jobseeker_update(
    *, actor, job_seeker: JobSeeker, data: dict, occupations: Iterable[Occupation] | None = None
) -> JobSeeker:
    with transaction.atomic():
        job_seeker = JobSeeker.objects.select_for_update().get(pk=job_seeker.pk)
        changes = {k: v for k, v in data.items() if k in EDITABLE_FIELDS}
        if "skills_text" in data:
            skill_ids, unknown = normalise(data["skills_text"], skill_vocabulary())
            changes |= {"skills_text": data["skills_text"], "unmatched_skills": ", ".join(unknown)[:500]}
            job_seeker.skills.set(skill_ids)
        audited_update(
            actor=actor,
            obj=job_seeker,
            data=changes,
            fields=JOB_SEEKER_FIELDS,
            person_id=job_seeker.person_id,
        )
        if occupations is not None:
            job_seeker.occupations.set(occupations)
    return job_seeker


def card_report_record(
    *,
    actor,
    job_seeker: JobSeeker,
    reported_on: dt.date,
    channel: str = CardReport.Channel.COUNTER,
    note: str = "",
) -> CardReport:
    """R37: a six-monthly report while unemployed, into the current period's next box."""
    with transaction.atomic():
        job_seeker = JobSeeker.objects.select_for_update().get(pk=job_seeker.pk)
        period = current_period(job_seeker)
        state = rules.card_state(
            today=reported_on,
            valid_from=period.valid_from,
            reports=period.reports.values_list("reported_on", flat=True),
            closed_on=period.closed_on,
        )
        if reported_on < period.valid_from:
            raise ValidationError(_("Tanggal lapor sebelum masa berlaku kartu."))
        if reported_on > timezone.localdate():
            raise ValidationError(_("Tanggal lapor tidak boleh di masa depan."))
        if state.status == rules.CardStatus.CLOSED:
            raise ValidationError(_("Kartu sudah ditutup karena sudah bekerja."))
        if state.status == rules.CardStatus.EXPIRED:
            raise ValidationError(_("Masa berlaku kartu sudah habis: perpanjang kartu dulu."))
        if state.next_due is None:
            raise ValidationError(_("Keempat kotak lapor pada kartu ini sudah terisi."))
        report = audited_create(
            actor=actor,
            obj=CardReport(period=period, reported_on=reported_on, channel=channel, note=note),
            fields=("reported_on", "channel", "note"),
            person_id=job_seeker.person_id,
        )
        audited_update(
            actor=actor,
            obj=job_seeker,
            data=_refresh_current(job_seeker, period, reported_on),
            fields=JOB_SEEKER_FIELDS,
            person_id=job_seeker.person_id,
        )
    return report


def card_renew(*, actor, job_seeker: JobSeeker, on: dt.date | None = None) -> CardPeriod:
    """R37: after expiry (or an inactive or closed card when the person seeks work again) a new two-year
    period starts; the earlier periods and their reports stay as history."""
    on = on or timezone.localdate()
    with transaction.atomic():
        job_seeker = JobSeeker.objects.select_for_update().get(pk=job_seeker.pk)
        period = current_period(job_seeker)
        state = rules.card_state(
            today=on,
            valid_from=period.valid_from,
            reports=period.reports.values_list("reported_on", flat=True),
            closed_on=period.closed_on,
        )
        if state.status == rules.CardStatus.ACTIVE:
            raise ValidationError(_("Kartu masih aktif sampai %(day)s.") % {"day": state.valid_until})
        if on <= period.valid_from:
            raise ValidationError(_("Perpanjangan harus setelah awal masa berlaku sebelumnya."))
        if period.valid_until >= on:
            audited_update(
                actor=actor,
                obj=period,
                data={"valid_until": on - dt.timedelta(days=1), "closed_on": period.closed_on},
                fields=("valid_until", "closed_on"),
                note=_("diganti perpanjangan"),
                person_id=job_seeker.person_id,
            )
        new = audited_create(
            actor=actor,
            obj=CardPeriod(
                job_seeker=job_seeker,
                number=period.number + 1,
                valid_from=on,
                valid_until=rules.valid_until(on),
            ),
            fields=("number", "valid_from", "valid_until"),
            note=_("perpanjangan"),
            person_id=job_seeker.person_id,
        )
        audited_update(
            actor=actor,
            obj=job_seeker,
            data=_refresh_current(job_seeker, new, on) | {"closed_reason": ""},
            fields=JOB_SEEKER_FIELDS,
            person_id=job_seeker.person_id,
        )
    return new


def _close_card(*, actor, job_seeker: JobSeeker, on: dt.date, reason: str) -> None:
    period = current_period(job_seeker)
    if period.closed_on is not None:
        return
    audited_update(
        actor=actor, obj=period, data={"closed_on": on}, fields=("closed_on",), person_id=job_seeker.person_id
    )
    audited_update(
        actor=actor,
        obj=job_seeker,
        data={"closed_on": on, "closed_reason": reason[:200]},
        fields=JOB_SEEKER_FIELDS,
        person_id=job_seeker.person_id,
    )


# --- Vacancies: maker-checker (R36) ---------------------------------------------------------------------


def _check_vacancy(data: dict) -> None:
    low, high = data.get("wage_min"), data.get("wage_max")
    if low is not None and high is not None and high < low:
        raise ValidationError({"wage_max": _("Upah sampai harus sama atau lebih dari upah dari.")})


def vacancy_post(
    *, actor, data: dict, must_skills: Iterable[Skill] = (), nice_skills: Iterable[Skill] = ()
) -> Vacancy:
    """A vacancy a company posts through the office: waits for verification by another officer."""
    _check_vacancy(data)
    with transaction.atomic():
        vacancy = audited_create(actor=actor, obj=Vacancy(**data), fields=VACANCY_FIELDS + ("state",))
        vacancy.must_skills.set(must_skills)
        vacancy.nice_skills.set(set(nice_skills) - set(must_skills))
    return vacancy


def vacancy_update(
    *, actor, vacancy: Vacancy, data: dict, must_skills: Iterable[Skill], nice_skills: Iterable[Skill]
) -> Vacancy:
    """A change to a verified vacancy sends it back for verification (what the public sees was checked)."""
    _check_vacancy(data)
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        changes = audited_update(actor=actor, obj=vacancy, data=data, fields=VACANCY_FIELDS)
        before = (set(vacancy.must_skills.all()), set(vacancy.nice_skills.all()))
        vacancy.must_skills.set(must_skills)
        vacancy.nice_skills.set(set(nice_skills) - set(must_skills))
        after = (set(vacancy.must_skills.all()), set(vacancy.nice_skills.all()))
        if (changes or before != after) and vacancy.state != Vacancy.State.DRAFT:
            audited_update(
                actor=actor,
                obj=vacancy,
                data={"state": Vacancy.State.DRAFT, "verified_by": None, "verified_at": None},
                fields=("state", "verified_by", "verified_at"),
                note=_("diubah: perlu verifikasi ulang"),
            )
    return vacancy


def vacancy_verify(*, actor, vacancy: Vacancy) -> Vacancy:
    """R36: whoever entered (or last changed) a vacancy cannot verify it."""
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if vacancy.state == Vacancy.State.VERIFIED:
            raise ValidationError(_("Lowongan ini sudah diverifikasi."))
        if actor.pk in {vacancy.created_by_id, vacancy.updated_by_id}:
            raise ValidationError(_("Lowongan harus diverifikasi oleh petugas lain dari yang memasukkannya."))
        if vacancy.closing_date < timezone.localdate():
            raise ValidationError(_("Batas lamaran sudah lewat: ubah tanggalnya dulu."))
        audited_update(
            actor=actor,
            obj=vacancy,
            data={"state": Vacancy.State.VERIFIED, "verified_by": actor, "verified_at": timezone.now()},
            fields=("state", "verified_by", "verified_at"),
            clean=False,
        )
    return vacancy


def vacancy_reject(*, actor, vacancy: Vacancy, reason: str) -> Vacancy:
    with transaction.atomic():
        vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if actor.pk == vacancy.created_by_id:
            raise ValidationError(_("Lowongan harus diperiksa oleh petugas lain dari yang memasukkannya."))
        audited_update(
            actor=actor,
            obj=vacancy,
            data={"state": Vacancy.State.REJECTED, "rejection_reason": reason[:255]},
            fields=("state", "rejection_reason"),
        )
    return vacancy


# --- Placements (R38a) ----------------------------------------------------------------------------------


def placement_record(*, actor, job_seeker: JobSeeker, data: dict) -> Placement:
    """A placement from any channel; unconfirmed until verified, with calls due at 30 and 60 days."""
    with transaction.atomic():
        abroad = int(data.get("destination") == Placement.Destination.AKAN)
        if data.get("channel") == Placement.Channel.BKK and lembaga_rules.abroad_refused(abroad):
            raise ValidationError(_("BKK tidak boleh menempatkan ke luar negeri (R39)."))  # one rule, R39a
        if data.get("bkk") is not None and data.get("channel") != Placement.Channel.BKK:
            raise ValidationError({"bkk": _("BKK hanya diisi untuk penempatan melalui jalur BKK.")})
        placement = audited_create(
            actor=actor,
            obj=Placement(job_seeker=job_seeker, **data),
            fields=PLACEMENT_FIELDS + ("state",),
            person_id=job_seeker.person_id,
        )
        for day in FOLLOW_UP_DAYS:
            audited_create(
                actor=actor,
                obj=FollowUpCall(
                    placement=placement, day=day, due_on=placement.start_date + dt.timedelta(days=day)
                ),
                fields=("day", "due_on"),
                person_id=job_seeker.person_id,
            )
    return placement


def placement_for_person(
    *, actor, person, data: dict, registered_on: dt.date
) -> tuple[Placement, bool, bool]:
    """A placement known from outside the placement desk (a BLK graduate's follow-up, R51): the person's
    AK/1 card is registered on the spot (R37, registered on ``registered_on``) when they have none, so the
    placement counts (R38a), with the person's education; a person without a kelurahan or an education
    is refused. The same company
    and start date again (the 6-month follow-up repeating the 3-month answer) returns the placement
    already recorded. Returns (placement, placement created, card registered)."""
    with transaction.atomic():
        job_seeker = JobSeeker.objects.select_for_update().filter(person=person).first()
        card_registered = job_seeker is None
        if job_seeker is None:
            if person.kelurahan_id is not None and not person.education:  # no kelurahan: refused below
                raise ValidationError(
                    _(
                        "Pendidikan terakhir %(name)s belum diisi: lengkapi data orangnya dulu agar kartu "
                        "AK/1-nya dapat didaftarkan."
                    )
                    % {"name": person.name}
                )
            job_seeker = jobseeker_register(
                actor=actor, person=person, data={"education": person.education}, registered_on=registered_on
            )
        existing = Placement.objects.filter(
            job_seeker=job_seeker, company=data.get("company"), start_date=data["start_date"]
        ).first()
        if existing is not None:
            return existing, False, card_registered
        return placement_record(actor=actor, job_seeker=job_seeker, data=data), True, card_registered


def placement_verify(
    *, actor, placement: Placement, method: str, verified_on: dt.date | None = None
) -> Placement:
    """R38a: verified by the company, a document or a call; it then counts in its start date's year and
    closes the AK/1 (R37: recording employment closes it)."""
    verified_on = verified_on or timezone.localdate()
    with transaction.atomic():
        placement = (
            Placement.objects.select_for_update().select_related("job_seeker", "company").get(pk=placement.pk)
        )
        if placement.state == Placement.State.VERIFIED:
            raise ValidationError(_("Penempatan ini sudah terverifikasi."))
        if method not in Placement.Method.values:
            raise ValidationError(_("Pilih cara verifikasi."))
        audited_update(
            actor=actor,
            obj=placement,
            data={
                "state": Placement.State.VERIFIED,
                "method": method,
                "verified_by": actor,
                "verified_on": verified_on,
            },
            fields=("state", "method", "verified_by", "verified_on"),
            person_id=placement.job_seeker.person_id,
            clean=False,
        )
        _close_card(
            actor=actor,
            job_seeker=placement.job_seeker,
            on=placement.start_date,
            reason=_("Bekerja di %(employer)s") % {"employer": placement.company.name},
        )
    return placement


def placement_reject(*, actor, placement: Placement, note: str = "") -> Placement:
    with transaction.atomic():
        placement = Placement.objects.select_for_update().get(pk=placement.pk)
        if placement.state == Placement.State.VERIFIED:
            raise ValidationError(_("Penempatan yang sudah terverifikasi tidak dapat ditolak."))
        audited_update(
            actor=actor,
            obj=placement,
            data={"state": Placement.State.REJECTED, "note": note[:255] or placement.note},
            fields=("state", "note"),
        )
    return placement


def followup_record(
    *, actor, call: FollowUpCall, outcome: str, done_on: dt.date | None = None
) -> FollowUpCall:
    """A follow-up call's outcome; "still working" verifies the placement by call."""
    done_on = done_on or timezone.localdate()
    with transaction.atomic():
        call = (
            FollowUpCall.objects.select_for_update().select_related("placement__job_seeker").get(pk=call.pk)
        )
        audited_update(
            actor=actor,
            obj=call,
            data={"outcome": outcome, "done_on": done_on},
            fields=("outcome", "done_on"),
            person_id=call.placement.job_seeker.person_id,
        )
        if outcome == FollowUpCall.Outcome.WORKING and call.placement.state == Placement.State.PENDING:
            placement_verify(
                actor=actor, placement=call.placement, method=Placement.Method.CALL, verified_on=done_on
            )
        if outcome == FollowUpCall.Outcome.NEVER and call.placement.state == Placement.State.PENDING:
            placement_reject(actor=actor, placement=call.placement, note=_("Tidak jadi bekerja (panggilan)"))
    return call


# --- Job fair (R38b): an event of the one event model (training.Event, kind job_fair) ----------------


def _job_fair(event) -> None:
    if event.kind != "job_fair":
        raise ValidationError(_("Kegiatan ini bukan bursa kerja."))


def fair_booth_add(*, actor, event, company, booth: str = "") -> JobFairBooth:
    """A company takes part in the fair, at a booth (one booth per company per fair)."""
    _job_fair(event)
    with transaction.atomic():
        if JobFairBooth.objects.filter(event=event, company=company).exists():
            raise ValidationError(_("%(company)s sudah terdaftar di bursa ini.") % {"company": company.name})
        return audited_create(
            actor=actor,
            obj=JobFairBooth(event=event, company=company, booth=booth.strip()[:20]),
            fields=("event", "company", "booth"),
        )


def fair_register(*, actor, event, job_seeker: JobSeeker, source: str = "staff"):
    """A job seeker registers for the fair (at the counter; the portal later): a participant of the event
    through the events module, found at the door by the QR or number of the AK/1 card."""
    from berdaya.training import services as training

    _job_fair(event)
    return training.participant_register(
        actor=actor, event=event, person=job_seeker.person, role="pencari_kerja", source=source
    )


def fair_participant_for_card(*, actor, event, code: str):
    """The check-in hook of the events module for job fairs (``training.services.register_code_resolver``):
    the QR or number of an AK/1 card -> the card holder's place at the fair, registered on the spot (a
    walk-in) when the holder had not registered. ``None`` when no card matches."""
    from berdaya.training import services as training
    from berdaya.training.models import Participant, Source, Status

    from . import selectors

    job_seeker = selectors.card_by_code(code)
    if job_seeker is None:
        return None
    place = Participant.objects.select_related("event").filter(event=event, person=job_seeker.person).first()
    if place is not None and place.status != Status.CANCELLED:
        return place
    return training.participant_register(
        actor=actor, event=event, person=job_seeker.person, role="pencari_kerja", source=Source.WALK_IN
    )


def fair_apply(*, actor, event, job_seeker: JobSeeker, vacancy: Vacancy) -> JobFairApplication:
    """R38b: at the fair, a checked-in job seeker whose card is not closed applies once per vacancy of a
    participating company; the vacancy is verified (R36) and still open on the fair's first day."""
    from berdaya.training.models import TOOK_PART, Participant

    _job_fair(event)
    with transaction.atomic():
        booth = JobFairBooth.objects.filter(event=event, company_id=vacancy.company_id).first()
        if booth is None:
            raise ValidationError({"vacancy": _("Perusahaan lowongan ini tidak ikut bursa kerja ini.")})
        if vacancy.state != Vacancy.State.VERIFIED:
            raise ValidationError({"vacancy": _("Lowongan belum diverifikasi: belum bisa dilamar (R36).")})
        if vacancy.closing_date < event.starts_on:
            raise ValidationError({"vacancy": _("Lowongan sudah ditutup sebelum bursa kerja dimulai.")})
        closed_on = JobSeeker.objects.filter(pk=job_seeker.pk).values_list("closed_on", flat=True).get()
        if closed_on is not None and closed_on <= event.ends_on:
            raise ValidationError(
                {
                    "card": _("Kartu AK/1 %(card)s sudah ditutup (sudah bekerja).")
                    % {"card": job_seeker.card_number}
                }
            )
        if not Participant.objects.filter(
            event=event, person_id=job_seeker.person_id, status__in=TOOK_PART
        ).exists():
            raise ValidationError(
                {
                    "card": _(
                        "%(name)s belum tercatat hadir di bursa kerja: presensi dulu dengan kartu AK/1."
                    )
                    % {"name": job_seeker.person.name}
                }
            )
        if JobFairApplication.objects.filter(event=event, vacancy=vacancy, job_seeker=job_seeker).exists():
            raise ValidationError({"vacancy": _("Pencari kerja ini sudah melamar lowongan ini.")})
        return audited_create(
            actor=actor,
            obj=JobFairApplication(
                event=event, booth=booth, vacancy=vacancy, job_seeker=job_seeker, applied_at=timezone.now()
            ),
            fields=("vacancy", "state", "applied_at"),
            person_id=job_seeker.person_id,
            clean=False,
        )


INTERVIEW_RESULTS = {
    "": JobFairApplication.State.INTERVIEWED,
    "lolos": JobFairApplication.State.PASSED,
    "tidak_lolos": JobFairApplication.State.FAILED,
}


def fair_interview(
    *, actor, application: JobFairApplication, result: str = "", note: str = "", on: dt.date | None = None
) -> JobFairApplication:
    """The interview's result: interviewed (result to follow), passed or not. A hire cannot go back."""
    if result not in INTERVIEW_RESULTS:
        raise ValidationError(_("Hasil wawancara tidak dikenal."))
    with transaction.atomic():
        application = JobFairApplication.objects.select_for_update().get(pk=application.pk)
        if application.state == JobFairApplication.State.HIRED:
            raise ValidationError(_("Pelamar sudah diterima bekerja: hasil wawancara tidak dapat diubah."))
        audited_update(
            actor=actor,
            obj=application,
            data={
                "state": INTERVIEW_RESULTS[result],
                "interviewed_on": on or timezone.localdate(),
                "interview_note": note[:255],
            },
            fields=("state", "interviewed_on", "interview_note"),
            person_id=application.job_seeker.person_id,
            clean=False,
        )
    return application


def fair_hire(
    *,
    actor,
    application: JobFairApplication,
    start_date: dt.date,
    confirmed: bool = True,
    on: dt.date | None = None,
) -> Placement:
    """R38b: a hire at the fair is a placement with channel job fair (``placement_record``); when the
    company confirms it at the booth it is verified at once (R38a) and closes the card (R37). Only after an
    interview that was not failed, and never beyond the vacancy's count."""
    with transaction.atomic():
        application = (
            JobFairApplication.objects.select_for_update()
            .select_related("vacancy__company", "job_seeker__person", "event")
            .get(pk=application.pk)
        )
        state = application.state
        if state == JobFairApplication.State.HIRED:
            raise ValidationError(_("Pelamar ini sudah tercatat diterima."))
        if state == JobFairApplication.State.FAILED:
            raise ValidationError(_("Pelamar tidak lolos wawancara: tidak dapat diterima."))
        if state == JobFairApplication.State.APPLIED:
            raise ValidationError(_("Catat hasil wawancara dulu sebelum menerima pelamar."))
        vacancy = Vacancy.objects.select_for_update().get(pk=application.vacancy_id)
        hired = JobFairApplication.objects.filter(
            vacancy=vacancy, state=JobFairApplication.State.HIRED
        ).count()
        if hired >= vacancy.count:
            raise ValidationError(
                _("Lowongan %(title)s sudah terisi (%(n)s orang).")
                % {"title": vacancy.title, "n": vacancy.count}
            )
        if start_date < application.event.starts_on:
            raise ValidationError({"start_date": _("Tanggal mulai kerja tidak boleh sebelum bursa kerja.")})
        placement = placement_record(
            actor=actor,
            job_seeker=application.job_seeker,
            data={
                "company": vacancy.company,
                "position": vacancy.title,
                "occupation": vacancy.occupation,
                "channel": Placement.Channel.JOB_FAIR,
                "destination": Placement.Destination.AKAN if vacancy.abroad else Placement.Destination.AKL,
                "start_date": start_date,
                "vacancy": vacancy,
            },
        )
        audited_update(
            actor=actor, obj=placement, data={"event": application.event}, fields=("event",), clean=False
        )
        audited_update(
            actor=actor,
            obj=application,
            data={"state": JobFairApplication.State.HIRED, "placement": placement},
            fields=("state", "placement"),
            person_id=application.job_seeker.person_id,
            clean=False,
        )
        if confirmed:
            placement = placement_verify(
                actor=actor, placement=placement, method=Placement.Method.COMPANY, verified_on=on
            )
    return placement


# --- History before the registry (seed 003 Table 1.4) ---------------------------------------------------


@dataclass(frozen=True)
class HistoryRow:
    year: int
    registered: int
    placed: int


def parse_history(text: str) -> list[HistoryRow]:
    """Rows of "Tahun  Terdaftar  Ditempatkan  Rasio" as printed ("2018\t6.156\t1.300\t21,11"); other lines
    are ignored. The printed ratio is not stored: R38 recomputes it."""
    rows = []
    for line in text.splitlines():
        parts = line.replace("\t", " ").split()
        if len(parts) < 3 or not (parts[0].isdigit() and len(parts[0]) == 4):
            continue
        try:
            registered, placed = (int(p.replace(".", "").replace(",", "")) for p in parts[1:3])
        except ValueError:
            continue
        rows.append(HistoryRow(int(parts[0]), registered, placed))
    return rows


def history_import(*, actor, rows: Sequence[HistoryRow], source: str) -> int:
    with transaction.atomic():
        for row in rows:
            existing = YearFigure.objects.filter(year=row.year).first()
            data = {"registered": row.registered, "placed": row.placed, "source": source[:200]}
            if existing is None:
                audited_create(
                    actor=actor,
                    obj=YearFigure(year=row.year, **data),
                    fields=("year", "registered", "placed", "source"),
                )
            else:
                audited_update(
                    actor=actor, obj=existing, data=data, fields=("registered", "placed", "source")
                )
    return len(rows)


def occupation_add(*, actor, data: dict, related: Iterable[Occupation] = ()) -> Occupation:
    """The office extends its occupation list (a KBJI 2014 code, its name and synonyms)."""
    with transaction.atomic():
        if Occupation.objects.filter(name__iexact=data["name"].strip()).exists():
            raise ValidationError({"name": _("Jabatan dengan nama ini sudah ada.")})
        occupation = audited_create(
            actor=actor, obj=Occupation(**data), fields=("kbji_code", "name", "synonyms")
        )
        occupation.related.set(related)
    return occupation


def jobseeker_record_view(*, actor, job_seeker: JobSeeker) -> None:
    """R46: every read of a job seeker's full (unmasked) record is logged."""
    audit_log(actor=actor, action=Action.VIEW, obj=job_seeker, person_id=job_seeker.person_id)


def record_export(*, actor, model, count: int, note: str) -> None:
    """R46: every export is logged (one row, with the filter used)."""
    audit_log(
        actor=actor,
        action=Action.EXPORT,
        obj=model,
        object_repr=f"{count} {model._meta.verbose_name_plural}",
        note=note,
    )
