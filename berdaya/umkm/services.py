"""Writes to the micro-enterprise registry (style.md 3): database rules, computed fields, audit rows.

Every function is keyword-only, runs in one transaction and writes one audit row per record changed,
with ``person_id`` = the owner's pk so the owner's history shows it (domain.md R46). ``data`` is cleaned
form (or import) data: E.164 phones, NIB digits, Decimals, dates.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_delete, audited_update

from .models import (
    Enterprise,
    Observation,
    OnlineAccount,
    Permit,
    Product,
    Sector,
    Status,
    WubAssessment,
    WubCohort,
)
from .selectors import normalize_search
from .sizing import classify_observation

# The editable fields of each record, also the fields the audit trail records.
ENTERPRISE_FIELDS = (
    "owner",
    "name",
    "brand",
    "sector",
    "kbli",
    "main_activity",
    "products",
    "legal_form",
    "address",
    "rt",
    "rw",
    "kelurahan",
    "latitude",
    "longitude",
    "phone",
    "founded_year",
    "start_month",
    "founding_capital",
    "nib",
    "nib_date",
    "workers_male",
    "workers_female",
    "workers_paid",
    "workers_unpaid",
    "workers_disabled",
    "registered_on",
    "photo",
    "is_wub",
    "wub_cohort",
    "source",
    "source_id",
)
STATUS_FIELDS = ("status", "status_date", "status_reason")
OBSERVATION_FIELDS = ("observed_on", "capital", "assets_excl_land_buildings", "annual_sales", "source")
OBSERVATION_COMPUTED = ("size_class", "size_reason", "criteria")
PERMIT_FIELDS = ("kind", "name", "number", "issuer", "issued_on", "expires_on")
ONLINE_ACCOUNT_FIELDS = ("platform", "url", "handle", "last_active_on")
PRODUCT_FIELDS = ("name", "description", "price", "photo")
COHORT_FIELDS = ("name", "year", "training_reference", "started_on", "ended_on")
ASSESSMENT_FIELDS = (
    "year",
    "still_producing",
    "has_turnover",
    "operating_in_city",
    "mandiri",
    "visited_on",
    "officer",
    "notes",
)


def _assign(obj, data: dict, allowed: tuple[str, ...]) -> None:
    for name, value in data.items():
        if name not in allowed:
            raise ValueError(f"{name} is not an editable field of {type(obj).__name__}")
        setattr(obj, name, value)


def _record(*, actor, obj, new: bool, data: dict, fields, audited=None, prepare=None, person_id=None):
    """Create (``new``) or correct one record with its audit row; ``fields`` are the editable ones,
    ``audited`` (default ``fields``) also the computed ones ``prepare(obj)`` sets after the input."""
    audited = tuple(audited or fields)
    if new:
        _assign(obj, data, fields)
        if prepare is not None:
            prepare(obj)
        audited_create(actor=actor, obj=obj, fields=audited, person_id=person_id, clean=False)
    else:
        _assign(obj.__class__(), data, fields)  # refuses a name that is not editable, changing nothing
        audited_update(
            actor=actor, obj=obj, data=data, fields=audited, person_id=person_id, clean=False, prepare=prepare
        )
    return obj


def _search_text(enterprise: Enterprise) -> str:
    owner = enterprise.owner
    return normalize_search(" ".join(filter(None, [enterprise.name, enterprise.brand, owner.name])))


def owners_renamed(person_ids: list[int]) -> None:
    """Keep search_text (which holds the owner's name) current when owners are renamed in the people
    registry; registered in people.services.RENAME_FOLLOWERS by UmkmConfig.ready()."""
    stale = []
    for enterprise in Enterprise.all_objects.filter(owner_id__in=person_ids).select_related("owner"):
        text = _search_text(enterprise)
        if text != enterprise.search_text:
            enterprise.search_text = text
            stale.append(enterprise)
    Enterprise.all_objects.bulk_update(stale, ["search_text"], batch_size=1000)


def _check_enterprise(enterprise: Enterprise) -> None:
    """Rules that need the database, with messages a form can show (the constraints back them up)."""
    errors = {}
    if enterprise.nib:
        if not (enterprise.nib.isdigit() and len(enterprise.nib) == 13):
            errors["nib"] = _("NIB harus 13 digit angka.")  # domain.md R9
        else:
            # One NIB per business actor (R9): the owner's other enterprises may share it, nobody else's.
            other = (
                Enterprise.objects.filter(nib=enterprise.nib)
                .exclude(pk=enterprise.pk)
                .exclude(owner_id=enterprise.owner_id)
                .first()
            )
            if other is not None:
                errors["nib"] = _("NIB ini sudah dipakai oleh usaha %(name)s milik pelaku usaha lain.") % {
                    "name": other.name
                }
    if enterprise.source_id:
        # all_objects: a merged record keeps its source ID, and the constraint counts it.
        taken = Enterprise.all_objects.filter(source=enterprise.source, source_id=enterprise.source_id)
        if taken.exclude(pk=enterprise.pk).exists():
            errors["source_id"] = _("Baris sumber ini sudah pernah dimasukkan.")
    if enterprise.wub_cohort_id and not enterprise.is_wub:
        errors["wub_cohort"] = _("Angkatan WUB hanya untuk wirausaha baru.")
    if errors:
        raise ValidationError(errors)


def enterprise_register(*, actor, data: dict) -> Enterprise:
    """Register an enterprise. ``registered_on`` defaults to today."""
    with transaction.atomic():
        enterprise = Enterprise()
        _assign(enterprise, data, ENTERPRISE_FIELDS)
        if enterprise.registered_on is None:
            enterprise.registered_on = timezone.localdate()
        _prepare_enterprise(enterprise)
        audited_create(
            actor=actor,
            obj=enterprise,
            fields=ENTERPRISE_FIELDS + STATUS_FIELDS,
            person_id=enterprise.owner_id,
            clean=False,
        )
    return enterprise


def _prepare_enterprise(enterprise: Enterprise) -> None:
    _check_enterprise(enterprise)
    enterprise.search_text = _search_text(enterprise)


def enterprise_update(*, actor, enterprise: Enterprise, data: dict) -> Enterprise:
    """Change an enterprise's details (not its status: see ``enterprise_status_change``)."""
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        previous_owner = enterprise.owner_id
        changes = audited_update(
            actor=actor,
            obj=enterprise,
            data=data,
            fields=ENTERPRISE_FIELDS,
            person_id=getattr(data.get("owner"), "pk", enterprise.owner_id),
            clean=False,
            prepare=_prepare_enterprise,
        )
        if changes:
            if previous_owner != enterprise.owner_id:  # the former owner's history shows the hand-over too
                audit_log(
                    actor=actor,
                    action=Action.UPDATE,
                    obj=enterprise,
                    changes=changes,
                    person_id=previous_owner,
                )
    return enterprise


def enterprise_status_change(
    *, actor, enterprise: Enterprise, status: str, on: dt.date, reason: str = ""
) -> Enterprise:
    """Active / closed / moved away, with the date and the reason (a closure needs a reason)."""
    if status not in Status.values:
        raise ValueError(f"unknown status {status!r}")
    if status != Status.AKTIF and not reason.strip():
        raise ValidationError({"status_reason": _("Sebutkan alasan usaha tutup atau pindah.")})
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        if on < enterprise.registered_on:
            raise ValidationError({"status_date": _("Tanggal status tidak boleh sebelum tanggal terdaftar.")})
        audited_update(
            actor=actor,
            obj=enterprise,
            data={"status": status, "status_date": on, "status_reason": reason.strip()},
            fields=STATUS_FIELDS,
            person_id=enterprise.owner_id,
            clean=False,
        )
    return enterprise


def _refresh_current_size_class(enterprise: Enterprise) -> None:
    """The denormalised class for list filters: the latest observation's (by date)."""
    latest = enterprise.observations.order_by("-observed_on").values_list("size_class", flat=True).first()
    current = latest or ""
    if enterprise.current_size_class != current:
        enterprise.current_size_class = current
        Enterprise.objects.filter(pk=enterprise.pk).update(current_size_class=current)


def observation_record(
    *, actor, enterprise: Enterprise, data: dict, observation: Observation | None = None
) -> Observation:
    """Record (or correct) the yearly figures of an enterprise. The size class is computed from the
    criteria in force on ``observed_on`` (domain.md R14-R16) and stored with its reason; the enterprise's
    ``current_size_class`` follows the latest observation."""
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
        new = observation is None
        if new:
            observation = Observation(enterprise=enterprise)
        else:
            observation = Observation.objects.select_for_update().get(
                pk=observation.pk, enterprise=enterprise
            )

        def prepare(observation: Observation) -> None:
            clash = Observation.objects.filter(enterprise=enterprise, observed_on=observation.observed_on)
            if clash.exclude(pk=observation.pk).exists():
                raise ValidationError({"observed_on": _("Data usaha pada tanggal ini sudah ada.")})
            result = classify_observation(observation)
            observation.size_class, observation.size_reason = result.size_class, result.reason[:255]
            observation.criteria = result.criteria

        _record(
            actor=actor,
            obj=observation,
            new=new,
            data=data,
            fields=OBSERVATION_FIELDS,
            audited=OBSERVATION_FIELDS + OBSERVATION_COMPUTED,
            prepare=prepare,
            person_id=enterprise.owner_id,
        )
        _refresh_current_size_class(enterprise)
    return observation


def observation_delete(*, actor, observation: Observation) -> None:
    with transaction.atomic():
        enterprise = Enterprise.objects.select_for_update().get(pk=observation.enterprise_id)
        audited_delete(
            actor=actor,
            obj=observation,
            fields=OBSERVATION_FIELDS + OBSERVATION_COMPUTED,
            person_id=enterprise.owner_id,
        )
        _refresh_current_size_class(enterprise)


def _child_record(*, actor, enterprise, model, fields, data, obj=None, extra_check=None):
    """Create or update one child record of an enterprise with its audit row."""
    with transaction.atomic():
        new = obj is None
        obj = (
            model(enterprise=enterprise)
            if new
            else model.objects.select_for_update().get(pk=obj.pk, enterprise=enterprise)
        )
        return _record(
            actor=actor,
            obj=obj,
            new=new,
            data=data,
            fields=fields,
            prepare=extra_check,
            person_id=enterprise.owner_id,
        )


def _check_permit(permit: Permit) -> None:
    if permit.issued_on and permit.expires_on and permit.expires_on < permit.issued_on:
        raise ValidationError({"expires_on": _("Tanggal berlaku tidak boleh sebelum tanggal terbit.")})


def permit_record(*, actor, enterprise: Enterprise, data: dict, permit: Permit | None = None) -> Permit:
    """A permit or certificate (halal, IPR, PIRT, BPOM, SNI, other). The NIB is Enterprise.nib."""
    return _child_record(
        actor=actor,
        enterprise=enterprise,
        model=Permit,
        fields=PERMIT_FIELDS,
        data=data,
        obj=permit,
        extra_check=_check_permit,
    )


def online_account_record(
    *, actor, enterprise: Enterprise, data: dict, account: OnlineAccount | None = None
) -> OnlineAccount:
    def check(account: OnlineAccount) -> None:
        if not account.url and not account.handle:
            raise ValidationError(_("Isi alamat (URL) atau nama akun."))
        if account.url:
            same = OnlineAccount.objects.filter(
                enterprise=enterprise, platform=account.platform, url=account.url
            )
            if same.exclude(pk=account.pk).exists():
                raise ValidationError({"url": _("Akun ini sudah tercatat.")})

    return _child_record(
        actor=actor,
        enterprise=enterprise,
        model=OnlineAccount,
        fields=ONLINE_ACCOUNT_FIELDS,
        data=data,
        obj=account,
        extra_check=check,
    )


def product_record(*, actor, enterprise: Enterprise, data: dict, product: Product | None = None) -> Product:
    return _child_record(
        actor=actor, enterprise=enterprise, model=Product, fields=PRODUCT_FIELDS, data=data, obj=product
    )


def wub_cohort_record(*, actor, data: dict, cohort: WubCohort | None = None) -> WubCohort:
    with transaction.atomic():
        return _record(
            actor=actor, obj=cohort or WubCohort(), new=cohort is None, data=data, fields=COHORT_FIELDS
        )


def wub_assessment_record(
    *,
    actor,
    enterprise: Enterprise,
    year: int,
    still_producing: bool,
    has_turnover: bool,
    operating_in_city: bool,
    visited_on: dt.date,
    officer=None,
    notes: str = "",
) -> WubAssessment:
    """The yearly "mandiri" assessment of a new entrepreneur from a field visit: mandiri = still producing
    and has turnover and operating in the city (sakip.md S4, first key indicator). One per year: recording
    the same year again corrects it."""
    if not enterprise.is_wub:
        raise ValidationError(_("Penilaian mandiri hanya untuk wirausaha baru (WUB)."))
    if visited_on.year != year:
        raise ValidationError({"visited_on": _("Tanggal kunjungan harus pada tahun penilaian.")})
    data = {
        "still_producing": bool(still_producing),
        "has_turnover": bool(has_turnover),
        "operating_in_city": bool(operating_in_city),
        "visited_on": visited_on,
        "officer": officer if officer is not None else actor,
        "notes": notes,
    }
    data["mandiri"] = WubAssessment.is_mandiri(
        still_producing=data["still_producing"],
        has_turnover=data["has_turnover"],
        operating_in_city=data["operating_in_city"],
    )
    with transaction.atomic():
        existing = WubAssessment.objects.select_for_update().filter(enterprise=enterprise, year=year).first()
        return _child_record(
            actor=actor,
            enterprise=enterprise,
            model=WubAssessment,
            fields=ASSESSMENT_FIELDS,
            data=data if existing else {"year": year, **data},
            obj=existing,
        )


def sector_add(*, actor, code: str, name: str, parent: Sector | None = None, kbli: str = "") -> Sector:
    """The office extends its local sector list (e.g. a new kriya sub-sector)."""
    with transaction.atomic():
        if Sector.objects.filter(code=code).exists():
            raise ValidationError({"code": _("Kode sektor ini sudah ada.")})
        order = (parent.order + 1) if parent else 80
        sector = audited_create(
            actor=actor,
            obj=Sector(code=code, name=name, parent=parent, kbli=kbli, order=order),
            fields=("code", "name", "parent", "kbli"),
            clean=False,
        )
    return sector
