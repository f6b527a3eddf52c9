"""Writes of the LPK and BKK registries, each audited (berdaya.audit.services)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from berdaya.audit.services import audited_create, audited_update
from berdaya.lib.phone import normalize_phone

from . import rules
from .models import Bkk, BkkReport, Coaching, Lpk

COMMON_FIELDS = ("name", "address", "kelurahan", "contact_name", "phone", "active")
LPK_FIELDS = COMMON_FIELDS + (
    "permit_number",
    "permit_date",
    "permit_until",
    "accreditation",
    "accredited_on",
    "programmes",
)
BKK_FIELDS = (
    ("school", "npsn")
    + COMMON_FIELDS
    + (
        "decree_number",
        "decree_date",
        "registration_mark",
        "registered_on",
    )
)
REPORT_FIELDS = ("year", "alumni", "registered", "placed", "placed_female", "reported_on")
COACHING_FIELDS = ("kind", "held_on", "topic", "officer", "notes")


def _clean_phone(data: dict) -> dict:
    if data.get("phone"):
        try:
            data = {**data, "phone": normalize_phone(data["phone"])}
        except ValueError as error:
            raise ValidationError({"phone": str(error)}) from None
    return data


def _unique(model, field: str, value, message: str, exclude_pk=None) -> None:
    if value and model.objects.filter(**{field: value}).exclude(pk=exclude_pk).exists():
        raise ValidationError({field: message})


@transaction.atomic
def lpk_register(*, actor, data: dict) -> Lpk:
    _unique(
        Lpk, "permit_number", data.get("permit_number"), _("Nomor izin ini sudah terdaftar untuk LPK lain.")
    )
    values = {k: v for k, v in _clean_phone(data).items() if k in LPK_FIELDS}
    return audited_create(actor=actor, obj=Lpk(**values), fields=LPK_FIELDS)


@transaction.atomic
def lpk_update(*, actor, lpk: Lpk, data: dict) -> dict:
    _unique(
        Lpk,
        "permit_number",
        data.get("permit_number"),
        _("Nomor izin ini sudah terdaftar untuk LPK lain."),
        lpk.pk,
    )
    return audited_update(actor=actor, obj=lpk, data=_clean_phone(data), fields=LPK_FIELDS)


@transaction.atomic
def bkk_register(*, actor, data: dict) -> Bkk:
    _unique(
        Bkk,
        "registration_mark",
        data.get("registration_mark"),
        _("Nomor tanda pendaftaran ini sudah dipakai."),
    )
    values = {k: v for k, v in _clean_phone(data).items() if k in BKK_FIELDS}
    return audited_create(actor=actor, obj=Bkk(**values), fields=BKK_FIELDS)


@transaction.atomic
def bkk_update(*, actor, bkk: Bkk, data: dict) -> dict:
    mark = data.get("registration_mark")
    _unique(Bkk, "registration_mark", mark, _("Nomor tanda pendaftaran ini sudah dipakai."), bkk.pk)
    return audited_update(actor=actor, obj=bkk, data=_clean_phone(data), fields=BKK_FIELDS)


@transaction.atomic
def bkk_report_record(*, actor, bkk: Bkk, data: dict, placed_abroad: int = 0) -> BkkReport:
    """A BKK's yearly report of its own alumni placed (R39a keeps its mark valid). Placements abroad are
    refused (R39), the same rule naker's placement service applies to a BKK placement."""
    if rules.abroad_refused(placed_abroad):
        raise ValidationError({"placed_abroad": _("BKK tidak boleh menempatkan ke luar negeri (R39).")})
    if data.get("year") and data["year"] < bkk.registered_on.year:
        raise ValidationError({"year": _("Tahun laporan sebelum BKK terdaftar.")})
    values = {k: v for k, v in data.items() if k in REPORT_FIELDS}
    if not values.get("year"):
        raise ValidationError({"year": _("Isi tahun laporan.")})
    existing = BkkReport.objects.filter(bkk=bkk, year=int(values["year"])).first()
    if existing is not None:
        audited_update(actor=actor, obj=existing, data=values, fields=REPORT_FIELDS)
        return existing
    return audited_create(actor=actor, obj=BkkReport(bkk=bkk, **values), fields=("bkk",) + REPORT_FIELDS)


@transaction.atomic
def coaching_record(*, actor, data: dict, lpk: Lpk | None = None, bkk: Bkk | None = None) -> Coaching:
    """Coaching given to one LPK or one BKK, dated."""
    if (lpk is None) == (bkk is None):
        raise ValidationError(_("Pembinaan dicatat untuk satu lembaga: satu LPK atau satu BKK."))
    values = {k: v for k, v in data.items() if k in COACHING_FIELDS}
    return audited_create(
        actor=actor, obj=Coaching(lpk=lpk, bkk=bkk, **values), fields=("lpk", "bkk") + COACHING_FIELDS
    )
