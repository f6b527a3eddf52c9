"""Writes of the portal: catalogue consent (R44), what citizens submit (R52) and how staff handle it."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update

from . import tracking
from .models import OPEN_STATUSES, Kind, Listing, Submission, SubmissionStatus

# Due dates per kind of submission, dated (valid_from, {kind: (working days | hours)}).
# R47: personal-data requests within 72 hours. Complaints: 5 working days to follow up (PermenPANRB
# 62/2018 on SP4N-LAPOR). Event registrations: confirmed within 3 working days. Portal applications:
# verified within 10 working days (the office's service
# standard, to confirm). Working days come from the office calendar (workdays, R43b: weekends, national
# holidays and cuti bersama); the due time keeps the hour the submission arrived.
DUE_RULES = [
    (
        dt.date(2026, 1, 1),
        {
            Kind.APPLICATION: ("days", 10),
            Kind.REGISTRATION: ("days", 3),
            Kind.COMPLAINT: ("days", 5),
            Kind.DATA_REQUEST: ("hours", 72),
            # AK/1 pre-registration: the card is made at the counter within 5 working days (the office's
            # service standard for the card, to confirm), the same clock as a complaint.
            Kind.JOB_SEEKER: ("days", 5),
        },
    ),
]
LISTING_FIELDS = (
    "enterprise",
    "cooperative",
    "display_name",
    "description",
    "public_phone",
    "whatsapp",
    "marketplace_links",
)
SUBMISSION_AUDIT = ("code", "kind", "status", "program", "event", "request_kind", "kecamatan")


def _add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    from berdaya.workdays.calendar import add_working_days

    local = timezone.localtime(start)
    day = add_working_days(local.date(), days).value
    return local.replace(year=day.year, month=day.month, day=day.day)


def due_at(kind: str, received: dt.datetime) -> dt.datetime:
    rules = [rule for since, rule in DUE_RULES if since <= received.date()] or [DUE_RULES[0][1]]
    unit, amount = rules[-1][kind]
    if unit == "hours":
        return received + dt.timedelta(hours=amount)
    return _add_working_days(received, amount)


# --- Catalogue consent (privacy.Consent, R44) ----------------------------------------------------------


def _subject(listing_or_business) -> dict:
    from berdaya.koperasi.models import Cooperative

    business = getattr(listing_or_business, "business", listing_or_business)
    return {"cooperative": business} if isinstance(business, Cooperative) else {"enterprise": business}


@transaction.atomic
def listing_publish(
    *,
    actor,
    enterprise=None,
    cooperative=None,
    channel: str,
    giver_name: str = "",
    photos: bool = True,
    display_name: str = "",
    description: str = "",
    public_phone: str = "",
    whatsapp: bool = True,
    marketplace_links: list | None = None,
    at: dt.datetime | None = None,
) -> Listing:
    """The owner agreed (R44): record the catalogue consent (and the photos consent) with privacy, and keep
    what they chose to publish. The business shows in the catalogue from now on (R53)."""
    from berdaya.privacy.models import Purpose
    from berdaya.privacy.services import consent_give

    if (enterprise is None) == (cooperative is None):
        raise ValidationError(_("Pilih satu usaha atau satu koperasi."))
    business = enterprise or cooperative
    subject = {"enterprise": enterprise} if enterprise is not None else {"cooperative": cooperative}
    consent_give(
        actor=actor, purpose=Purpose.CATALOGUE, channel=channel, giver_name=giver_name, given_at=at, **subject
    )
    if photos:
        consent_give(
            actor=actor,
            purpose=Purpose.PHOTOS,
            channel=channel,
            giver_name=giver_name,
            given_at=at,
            **subject,
        )
    data = {
        "display_name": display_name or business.name,
        "description": description,
        "public_phone": public_phone,
        "whatsapp": whatsapp,
        "marketplace_links": marketplace_links or [],
    }
    listing = Listing.objects.select_for_update().filter(**subject).first()
    person_id = enterprise.owner_id if enterprise is not None else None
    if listing is None:
        return audited_create(
            actor=actor, obj=Listing(**subject, **data), fields=LISTING_FIELDS, person_id=person_id
        )
    audited_update(actor=actor, obj=listing, data=data, fields=LISTING_FIELDS, person_id=person_id)
    return listing


@transaction.atomic
def listing_withdraw(*, actor, listing: Listing, channel: str, at: dt.datetime | None = None) -> int:
    """The owner withdrew: privacy stamps the consents; every public page stops showing the business at once
    (R53). Returns how many consents were withdrawn (0 when none was active)."""
    from berdaya.privacy.models import Purpose
    from berdaya.privacy.services import consent_withdraw

    subject = _subject(listing)
    count = consent_withdraw(actor=actor, purpose=Purpose.CATALOGUE, channel=channel, at=at, **subject)
    count += consent_withdraw(actor=actor, purpose=Purpose.PHOTOS, channel=channel, at=at, **subject)
    if not count:
        raise ValidationError(_("Persetujuan ini sudah dicabut."))
    return count


# --- Submissions from the portal (R52) ----------------------------------------------------------------


@transaction.atomic
def submission_create(
    *, kind: str, data: dict, program=None, event=None, answers: dict | None = None
) -> Submission:
    """Store what a citizen sent, with a fresh tracking code and its due date. Decides nothing (R52)."""
    now = timezone.now()
    fields = {
        name: data.get(name, "")
        for name in ("name", "nik", "phone", "business_name", "message", "request_kind")
    }
    for _attempt in range(5):
        submission = Submission(
            code=tracking.new_code(kind),
            kind=kind,
            program=program,
            event=event,
            kecamatan=data.get("kecamatan"),
            answers=answers or {},
            due_at=due_at(kind, now),
            **fields,
        )
        try:
            with transaction.atomic():
                return audited_create(
                    actor=None, obj=submission, fields=SUBMISSION_AUDIT, note=_("Dikirim dari portal publik")
                )
        except IntegrityError:  # a tracking code already taken (about 1 in 10^12): draw again
            continue
    raise RuntimeError("no free tracking code")


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().get(pk=submission.pk)


def _close_fields(status: str) -> dict:
    closed = status in (SubmissionStatus.FORWARDED, SubmissionStatus.ANSWERED, SubmissionStatus.REJECTED)
    return {"closed_at": timezone.now() if closed else None}


@transaction.atomic
def submission_answer(*, actor, submission: Submission, status: str, public_answer: str = "") -> Submission:
    """Staff take, answer or refuse a submission; ``public_answer`` is what its status page shows."""
    submission = _locked(submission)
    if status not in SubmissionStatus.values or status == SubmissionStatus.FORWARDED:
        raise ValidationError(_("Status tidak dapat dipilih di sini."))
    if status in (SubmissionStatus.ANSWERED, SubmissionStatus.REJECTED) and not public_answer.strip():
        raise ValidationError({"public_answer": _("Tulis jawaban untuk pemohon.")})
    audited_update(
        actor=actor,
        obj=submission,
        data={"status": status, "public_answer": public_answer.strip(), "handled_by": actor}
        | _close_fields(status),
        fields=(*SUBMISSION_AUDIT, "public_answer", "handled_by", "closed_at"),
    )
    return submission


@transaction.atomic
def submission_forward(*, actor, submission: Submission, enterprise=None):
    """Staff checked the applicant's KTP (R52): register or find the person by NIK and create the program
    application on their behalf, marked as from the portal; the programs module verifies and decides."""
    from berdaya.people.services import person_get_or_register
    from berdaya.programs import services as programs
    from berdaya.programs.models import Target

    from .eligibility import declarations

    submission = _locked(submission)
    if submission.kind != Kind.APPLICATION or submission.status not in (
        SubmissionStatus.RECEIVED,
        SubmissionStatus.IN_PROGRESS,
    ):
        raise ValidationError(_("Kiriman ini tidak dapat diteruskan."))
    person, _new = person_get_or_register(
        actor=actor, nik=submission.nik, name=submission.name, phone=submission.phone
    )
    if enterprise is not None and enterprise.owner_id != person.pk:
        raise ValidationError(_("Usaha yang dipilih bukan milik pemohon ini."))
    if enterprise is None and submission.program.target == Target.ENTERPRISE:
        from berdaya.umkm.models import Enterprise, Status

        owned = list(Enterprise.objects.filter(owner=person, status=Status.AKTIF)[:2])
        if len(owned) != 1:
            raise ValidationError(
                _(
                    "Program ini untuk usaha: daftarkan atau pilih usaha pemohon dulu "
                    "(pemohon punya %(n)s usaha aktif)."
                )
                % {"n": len(owned)}
            )
        enterprise = owned[0]
    application = programs.application_create(
        actor=actor,
        program=submission.program,
        enterprise=enterprise,
        person=person,
        declarations=declarations(submission.answers) | {"dari_portal": submission.code},
    )
    try:
        with transaction.atomic():
            application = programs.application_submit(
                actor=actor,
                application=application,
                reason=_("Dari portal, kode %(code)s") % {"code": submission.code},
            )
    except ValidationError:
        pass  # documents still missing: the application stays a draft for the clerk to complete
    audited_update(
        actor=actor,
        obj=submission,
        data={"status": SubmissionStatus.FORWARDED, "application": application, "handled_by": actor}
        | _close_fields(SubmissionStatus.FORWARDED),
        fields=(*SUBMISSION_AUDIT, "application", "handled_by", "closed_at"),
        person_id=person.pk,
    )
    return application


@transaction.atomic
def submission_register(*, actor, submission: Submission):
    """Staff checked the KTP (R52): register the person for the event through training's service, from the
    portal; over capacity or quota the participant goes to the waiting list there."""
    from berdaya.training.models import Source
    from berdaya.training.services import participant_register

    submission = _locked(submission)
    if submission.kind != Kind.REGISTRATION or submission.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiriman ini tidak dapat diteruskan."))
    participant = participant_register(
        actor=actor,
        event=submission.event,
        nik=submission.nik,
        name=submission.name,
        phone=submission.phone,
        source=Source.PORTAL,
        reason=_("Dari portal, kode %(code)s") % {"code": submission.code},
    )
    audited_update(
        actor=actor,
        obj=submission,
        data={"status": SubmissionStatus.FORWARDED, "participant": participant, "handled_by": actor}
        | _close_fields(SubmissionStatus.FORWARDED),
        fields=(*SUBMISSION_AUDIT, "participant", "handled_by", "closed_at"),
        person_id=participant.person_id,
    )
    return participant


@transaction.atomic
def submission_register_job_seeker(*, actor, submission: Submission, kelurahan=None):
    """Staff checked the KTP (and the diploma) at the counter (R52): register or find the person by NIK and
    make the AK/1 card through naker's own service, from the fields pre-registered on the portal. The
    card's number, period and reporting dates are naker's (R37); nothing here decides them."""
    from berdaya.naker.services import jobseeker_register
    from berdaya.people.services import person_get_or_register
    from berdaya.regions.models import Region

    submission = _locked(submission)
    if submission.kind != Kind.JOB_SEEKER or submission.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiriman ini tidak dapat diteruskan."))
    person, _new = person_get_or_register(
        actor=actor, nik=submission.nik, name=submission.name, phone=submission.phone, kelurahan=kelurahan
    )
    answers = submission.answers or {}
    preferred = answers.get("preferred_kecamatan") or ""
    data = {
        "education": answers.get("education", ""),
        "major": answers.get("major", ""),
        "skills_text": answers.get("skills_text", ""),
        "preferred_kecamatan": Region.objects.filter(code=preferred, level=3).first() if preferred else None,
    }
    job_seeker = jobseeker_register(actor=actor, person=person, data=data)
    audited_update(
        actor=actor,
        obj=submission,
        data={"status": SubmissionStatus.FORWARDED, "job_seeker": job_seeker, "handled_by": actor}
        | _close_fields(SubmissionStatus.FORWARDED),
        fields=(*SUBMISSION_AUDIT, "job_seeker", "handled_by", "closed_at"),
        person_id=person.pk,
    )
    return job_seeker


def privacy_tickets_available() -> bool:
    """Whether berdaya.privacy offers R47 tickets (``data_request_register``) to hand requests on to."""
    from berdaya.privacy import services as privacy

    return hasattr(privacy, "data_request_register")


@transaction.atomic
def submission_forward_data_request(*, actor, submission: Submission):
    """Staff made sure who is asking (R47, R52) and open privacy's ticket for the request, from the portal;
    the ticket's own due date and escalation apply from there."""
    from berdaya.privacy.models import Channel
    from berdaya.privacy.services import data_request_register

    submission = _locked(submission)
    if submission.kind != Kind.DATA_REQUEST or submission.status not in OPEN_STATUSES:
        raise ValidationError(_("Kiriman ini tidak dapat diteruskan."))
    ticket = data_request_register(
        actor=actor,
        kind=submission.request_kind,
        channel=Channel.PORTAL,
        requester_name=submission.name,
        requester_contact=submission.phone,
        description=_("Dari portal, kode %(code)s. NIK yang disebut: %(nik)s. %(message)s")
        % {"code": submission.code, "nik": submission.nik, "message": submission.message},
        received_at=submission.created_at,
    )
    audited_update(
        actor=actor,
        obj=submission,
        data={
            "status": SubmissionStatus.FORWARDED,
            "answers": submission.answers | {"privacy_ticket": ticket.pk},
            "handled_by": actor,
        }
        | _close_fields(SubmissionStatus.FORWARDED),
        fields=(*SUBMISSION_AUDIT, "answers", "handled_by", "closed_at"),
    )
    return ticket


def submission_record_view(*, actor, submission: Submission) -> None:
    """R46: staff opening a submission (with NIK and phone) is a read of personal data."""
    audit_log(actor=actor, action=Action.VIEW, obj=submission)


# --- The owner's own consent on the portal (R44), after a one-time link proved who they are (R46) ------


@transaction.atomic
def listing_consent_by_owner(*, enterprise, photos: bool = False) -> Listing:
    """The owner agreed on the portal: privacy records the consent as given by the person themselves
    (channel portal, no staff recorder). The listing shows only what the registry already holds (the
    business name) or what staff reviewed before: nothing typed on the portal is published unreviewed."""
    from berdaya.privacy.models import Channel, Purpose
    from berdaya.privacy.services import consent_give

    subject = {"enterprise": enterprise}
    giver = enterprise.owner.name
    consent_give(
        actor=None,
        purpose=Purpose.CATALOGUE,
        channel=Channel.PORTAL,
        giver_name=giver,
        self_given=True,
        **subject,
    )
    if photos:
        consent_give(
            actor=None,
            purpose=Purpose.PHOTOS,
            channel=Channel.PORTAL,
            giver_name=giver,
            self_given=True,
            **subject,
        )
    listing = Listing.objects.select_for_update().filter(**subject).first()
    if listing is not None:
        return listing
    return audited_create(
        actor=None,
        obj=Listing(enterprise=enterprise, display_name=enterprise.name),
        fields=LISTING_FIELDS,
        person_id=enterprise.owner_id,
        note=_("Persetujuan diberikan sendiri lewat portal"),
    )


@transaction.atomic
def listing_withdraw_by_owner(*, enterprise) -> int:
    """The owner withdrew on the portal (R44): every active catalogue and photos consent is stamped, and
    the public pages stop showing the business at once (R53). Returns how many were withdrawn."""
    from berdaya.privacy.models import Channel, Purpose
    from berdaya.privacy.services import consent_withdraw

    count = 0
    for purpose in (Purpose.CATALOGUE, Purpose.PHOTOS):
        count += consent_withdraw(
            actor=None,
            purpose=purpose,
            channel=Channel.PORTAL,
            enterprise=enterprise,
            self_given=True,
            note=_("Ditarik sendiri oleh pemilik lewat portal"),
        )
    return count
