"""Writes to the holiday table and to deadlines (R43b). Every change to the table is a new calendar
version; open deadlines of every registered deadline model are recomputed and say so.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.audit.services import audited_create, audited_delete, audited_update

from . import calendar
from .models import CalendarRevision, Category, DeadlineStatus, Holiday, HolidayYear, Source

HOLIDAY_FIELDS = ("date", "name", "category", "estimated", "source")
YEAR_FIELDS = ("year", "legal_basis", "confirmed")

# Concrete Deadline models ("app_label.Model"), registered by the apps that own them (AppConfig.ready).
DEADLINE_MODELS: list[str] = []


def register_deadline_model(label: str) -> None:
    if label not in DEADLINE_MODELS:
        DEADLINE_MODELS.append(label)


# --- Deadlines -----------------------------------------------------------------------------------------


def _fill(deadline, answer: calendar.Answer) -> None:
    deadline.due_on = answer.value
    deadline.calendar_version = answer.version
    deadline.missing_years = list(answer.missing_years)
    deadline.estimated = answer.estimated


def deadline_compute(deadline, *, cal: calendar.Calendar | None = None) -> None:
    """Set ``due_on`` (and what it rests on) from the anchor and the days still to run; not saved."""
    _fill(deadline, calendar.add_working_days(deadline.anchor, deadline.remaining_days, calendar=cal))


def deadline_new(model, *, kind: str, label: str, article: str, days: int, start: dt.date, **fields):
    """An unsaved deadline of ``model`` counted from ``start``; the caller saves it in its service."""
    deadline = model(kind=kind, label=label, legal_article=article, days=days, started_on=start, **fields)
    deadline_compute(deadline)
    return deadline


def deadline_pause(deadline, *, on: dt.date) -> None:
    """Stop the clock (e.g. Permenakertrans 17/2014 art. 15(2): clarification before mediation)."""
    if deadline.status != DeadlineStatus.OPEN:
        raise ValidationError(_("Hanya tenggat yang berjalan yang bisa dihentikan sementara."))
    used = calendar.working_days_between(deadline.anchor, on).value
    deadline.used_before_pause = min(deadline.used_before_pause + max(used, 0), deadline.days)
    deadline.paused_on = on
    deadline.status = DeadlineStatus.PAUSED


def deadline_resume(deadline, *, on: dt.date) -> None:
    if deadline.status != DeadlineStatus.PAUSED:
        raise ValidationError(_("Tenggat ini tidak sedang dihentikan."))
    if on < deadline.paused_on:
        raise ValidationError(_("Tanggal dilanjutkan tidak boleh sebelum tanggal dihentikan."))
    deadline.resumed_on = on
    deadline.status = DeadlineStatus.OPEN
    deadline_compute(deadline)


def deadline_meet(deadline, *, on: dt.date) -> None:
    deadline.met_on = on
    deadline.status = DeadlineStatus.MET


def _recompute_open(revision: CalendarRevision) -> int:
    from django.apps import apps

    cal = calendar.current()
    count = 0
    for label in DEADLINE_MODELS:
        model = apps.get_model(label)
        stale = []
        for deadline in model.objects.filter(status=DeadlineStatus.OPEN).exclude(
            calendar_version=cal.version
        ):
            before = deadline.due_on
            deadline_compute(deadline, cal=cal)
            if deadline.due_on != before:
                deadline.recompute_note = _(
                    "Dihitung ulang dengan kalender versi %(v)s (%(note)s): %(old)s → %(new)s"
                ) % {
                    "v": cal.version,
                    "note": revision.note[:120],
                    "old": date_format(before),
                    "new": date_format(deadline.due_on),
                }
                count += 1
            stale.append(deadline)
        model.objects.bulk_update(
            stale,
            ["due_on", "calendar_version", "missing_years", "estimated", "recompute_note"],
            batch_size=500,
        )
    return count


def _revise(*, actor, note: str, dates: list[dt.date]) -> CalendarRevision:
    revision = CalendarRevision.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
        dates=[d.isoformat() for d in dates],
    )
    revision.deadlines_recomputed = _recompute_open(revision)
    revision.save(update_fields=["deadlines_recomputed"])
    return revision


# --- The holiday table ------------------------------------------------------------------------------------


def holiday_year_add(*, actor, year: int, legal_basis: str) -> HolidayYear:
    if HolidayYear.objects.filter(year=year).exists():
        raise ValidationError({"year": _("Tahun ini sudah ada dalam kalender.")})
    with transaction.atomic():
        obj = audited_create(
            actor=actor, obj=HolidayYear(year=year, legal_basis=legal_basis), fields=YEAR_FIELDS
        )
        _revise(actor=actor, note=_("Tahun %(y)s ditambahkan") % {"y": year}, dates=[])
    return obj


def holiday_year_confirm(*, actor, holiday_year: HolidayYear, legal_basis: str) -> HolidayYear:
    """Staff checked the year's list against the decree: its estimated dates become confirmed."""
    with transaction.atomic():
        holiday_year = HolidayYear.objects.select_for_update().get(pk=holiday_year.pk)
        audited_update(
            actor=actor,
            obj=holiday_year,
            data={"legal_basis": legal_basis, "confirmed": True},
            fields=YEAR_FIELDS,
            note=_("Dicocokkan dengan SKB"),
        )
        HolidayYear.objects.filter(pk=holiday_year.pk).update(confirmed_by=actor, confirmed_at=timezone.now())
        estimated = list(holiday_year.holidays.filter(estimated=True).values_list("date", flat=True))
        holiday_year.holidays.filter(estimated=True).update(estimated=False)
        _revise(
            actor=actor,
            note=_("Tahun %(y)s dikonfirmasi: %(basis)s") % {"y": holiday_year.year, "basis": legal_basis},
            dates=estimated,
        )
    holiday_year.refresh_from_db()
    return holiday_year


def _year_of(day: dt.date) -> HolidayYear:
    holiday_year = HolidayYear.objects.filter(year=day.year).first()
    if holiday_year is None:
        raise ValidationError(
            {"date": _("Tahun %(y)s belum ada dalam kalender; tambahkan dulu.") % {"y": day.year}}
        )
    return holiday_year


def holiday_add(
    *, actor, date: dt.date, name: str, category: str, estimated: bool = False, basis: str = ""
) -> Holiday:
    """A holiday or collective leave day added (a decree, a presidential decision)."""
    if category not in Category.values:
        raise ValueError(category)
    if Holiday.objects.filter(date=date).exists():
        raise ValidationError({"date": _("Tanggal ini sudah tercatat sebagai hari libur.")})
    with transaction.atomic():
        holiday = Holiday(
            year=_year_of(date),
            date=date,
            name=name,
            category=category,
            estimated=estimated,
            source=Source.STAFF,
        )
        audited_create(actor=actor, obj=holiday, fields=HOLIDAY_FIELDS, note=basis)
        _revise(actor=actor, note=basis or _("%(name)s ditambahkan") % {"name": name}, dates=[date])
    return holiday


def holiday_move(*, actor, holiday: Holiday, to: dt.date, basis: str) -> Holiday:
    """A decree moves a day (e.g. a cuti bersama): open deadlines are recomputed and say so."""
    if Holiday.objects.filter(date=to).exclude(pk=holiday.pk).exists():
        raise ValidationError({"date": _("Tanggal ini sudah tercatat sebagai hari libur.")})
    if not basis.strip():
        raise ValidationError({"basis": _("Sebutkan dasar hukum perubahan.")})
    with transaction.atomic():
        holiday = Holiday.objects.select_for_update().get(pk=holiday.pk)
        old = holiday.date
        if to.year != old.year:
            holiday.year = _year_of(to)
        audited_update(
            actor=actor, obj=holiday, data={"date": to, "estimated": False}, fields=HOLIDAY_FIELDS, note=basis
        )
        _revise(actor=actor, note=basis, dates=[old, to])
    return holiday


def holiday_remove(*, actor, holiday: Holiday, basis: str) -> None:
    if not basis.strip():
        raise ValidationError({"basis": _("Sebutkan dasar hukum perubahan.")})
    with transaction.atomic():
        day = holiday.date
        audited_delete(actor=actor, obj=holiday, fields=HOLIDAY_FIELDS, note=basis)
        _revise(actor=actor, note=basis, dates=[day])
