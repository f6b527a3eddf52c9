"""Deciding likely duplicates (style.md 3): merge two enterprises, undo a merge, or mark "not a duplicate".

A merge keeps both rows. The merged one gets ``merged_into`` and so leaves ``Enterprise.objects`` (lists,
figures, look-ups) while its history stays; its children (observations, permits, online accounts,
products, WUB assessments) move to the kept one, except those that would break a unique constraint (an
observation on the same date, an assessment of the same year, the same shop URL), which stay and are
listed. Blank fields of the kept record are filled from the merged one. The ``EnterpriseMerge`` row
stores exactly what moved and what was filled, so ``enterprise_unmerge`` puts it all back.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, diff, snapshot

from .models import (
    DuplicatePair,
    Enterprise,
    EnterpriseMerge,
    Observation,
    OnlineAccount,
    PairStatus,
    Permit,
    Product,
    WubAssessment,
)
from .services import ENTERPRISE_FIELDS, _search_text

# Child kind (the key in EnterpriseMerge.moved) -> model.
CHILDREN = {
    "observation": Observation,
    "permit": Permit,
    "online_account": OnlineAccount,
    "product": Product,
    "wub_assessment": WubAssessment,
}
# Fields of the kept record filled from the merged one when blank. Not the name, owner, sector or dates
# that every record has, nor the source ID (unique per source: it stays with its own row).
FILLABLE = (
    "brand",
    "kbli",
    "main_activity",
    "products",
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
    "photo",
    "is_wub",  # a new entrepreneur in either record is one
    "wub_cohort",
)


def _conflict_key(kind: str, child):
    """What a child must not share with a sibling (the unique constraints), or None."""
    if kind == "observation":
        return child.observed_on
    if kind == "wub_assessment":
        return child.year
    if kind == "online_account" and child.url:
        return (child.platform, child.url)
    return None


def _blank(value) -> bool:
    return value is None or value == "" or value is False or (hasattr(value, "name") and not value)


def _lock(*pks: int) -> dict[int, Enterprise]:
    rows = Enterprise.all_objects.select_for_update().filter(pk__in=sorted(pks)).order_by("pk")
    return {e.pk: e for e in rows}


def _refresh_size_class(enterprise: Enterprise) -> None:
    latest = enterprise.observations.order_by("-observed_on").values_list("size_class", flat=True).first()
    enterprise.current_size_class = latest or ""
    Enterprise.all_objects.filter(pk=enterprise.pk).update(current_size_class=enterprise.current_size_class)


def _pair_of(keep: Enterprise, merge: Enterprise) -> DuplicatePair | None:
    a, b = sorted((keep.pk, merge.pk))
    return DuplicatePair.objects.select_for_update().filter(a_id=a, b_id=b).first()


def enterprise_merge(*, actor, keep: Enterprise, merge: Enterprise) -> EnterpriseMerge:
    """Merge ``merge`` into ``keep`` (see the module docstring). Both must be current records."""
    if keep.pk == merge.pk:
        raise ValidationError(_("Usaha tidak dapat digabung dengan dirinya sendiri."))
    with transaction.atomic():
        locked = _lock(keep.pk, merge.pk)
        keep, merge = locked[keep.pk], locked[merge.pk]
        if keep.merged_into_id or merge.merged_into_id:
            raise ValidationError(_("Salah satu usaha sudah digabung ke usaha lain."))
        moved: dict = {"skipped": {}}
        child_audits = []
        for kind, model in CHILDREN.items():
            taken = {_conflict_key(kind, c) for c in model.objects.filter(enterprise=keep)} - {None}
            moving, skipped = [], []
            for child in model.objects.filter(enterprise=merge).order_by("pk"):
                key = _conflict_key(kind, child)
                if key is not None and key in taken:
                    skipped.append(child.pk)
                else:
                    moving.append(child.pk)
                    child_audits.append(child)
            model.objects.filter(pk__in=moving).update(enterprise=keep, updated_by=actor)
            moved[kind] = moving
            if skipped:
                moved["skipped"][kind] = skipped

        before = snapshot(keep, ENTERPRISE_FIELDS)
        filled = {}
        for name in FILLABLE:
            field = Enterprise._meta.get_field(name)
            if name == "wub_cohort" and not keep.is_wub:
                continue  # the constraint: a cohort only for a new entrepreneur (is_wub comes first)
            old, new = getattr(keep, field.attname), getattr(merge, field.attname)
            if _blank(old) and not _blank(new):
                filled[field.attname] = [
                    old if not hasattr(old, "name") else "",
                    field.value_to_string(merge),
                ]
                setattr(keep, field.attname, new.name if hasattr(new, "name") else new)
        if filled:
            keep.search_text = _search_text(keep)
        keep.updated_by = actor
        keep.save()
        merge.merged_into = keep
        merge.updated_by = actor
        merge.save(update_fields=["merged_into", "updated_by", "updated_at"])
        _refresh_size_class(keep)
        _refresh_size_class(merge)

        pair = _pair_of(keep, merge)
        if pair is not None:
            moved["pair"] = {
                "id": pair.pk,
                "status": pair.status,
                "decided_by": pair.decided_by_id,
                "decided_at": pair.decided_at.isoformat() if pair.decided_at else None,
            }
            pair.status, pair.decided_by, pair.decided_at = PairStatus.MERGED, actor, timezone.now()
            pair.save(update_fields=["status", "decided_by", "decided_at"])

        record = EnterpriseMerge.objects.create(
            keep=keep, merged=merge, moved=moved, filled=filled, actor=actor
        )
        note = _("Penggabungan #%(id)s: %(merged)s (#%(merged_pk)s) ke %(keep)s (#%(keep_pk)s)") % {
            "id": record.pk,
            "merged": merge.name,
            "merged_pk": merge.pk,
            "keep": keep.name,
            "keep_pk": keep.pk,
        }
        audit_log(
            actor=actor,
            action=Action.MERGE,
            obj=keep,
            changes=diff(before, snapshot(keep, ENTERPRISE_FIELDS)),
            person_id=keep.owner_id,
            note=note,
        )
        audit_log(
            actor=actor,
            action=Action.MERGE,
            obj=merge,
            changes={"merged_into": [None, f"{keep} (#{keep.pk})"]},
            person_id=merge.owner_id,
            note=note,
        )
        _audit_moved(child_audits, actor=actor, source=merge, target=keep, note=note)
    return record


def _audit_moved(children, *, actor, source: Enterprise, target: Enterprise, note: str) -> None:
    """One audit row per child record that moved from ``source`` to ``target`` (merge or undo)."""
    for child in children:
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=child,
            changes={"enterprise": [f"{source} (#{source.pk})", f"{target} (#{target.pk})"]},
            person_id=target.owner_id,
            note=note,
        )


def enterprise_unmerge(*, actor, merge_record: EnterpriseMerge) -> EnterpriseMerge:
    """Undo a merge: the children that moved go back, the filled fields are blank again (unless someone
    changed them since), the merged record is current again and its pair open again."""
    with transaction.atomic():
        record = EnterpriseMerge.objects.select_for_update().get(pk=merge_record.pk)
        if record.undone_at is not None:
            raise ValidationError(_("Penggabungan ini sudah dibatalkan."))
        locked = _lock(record.keep_id, record.merged_id)
        keep, merge = locked[record.keep_id], locked[record.merged_id]
        if merge.merged_into_id != keep.pk:
            raise ValidationError(_("Usaha yang digabung sudah tidak tercatat di usaha ini."))
        if keep.merged_into_id:
            raise ValidationError(
                _("Usaha %(name)s sudah digabung lagi ke usaha lain: batalkan penggabungan itu dahulu.")
                % {"name": keep.name}
            )
        note = _("Pembatalan penggabungan #%(id)s") % {"id": record.pk}
        child_audits = []
        try:
            for kind, model in CHILDREN.items():
                children = list(model.objects.filter(pk__in=record.moved.get(kind, []), enterprise=keep))
                model.objects.filter(pk__in=[c.pk for c in children]).update(
                    enterprise=merge, updated_by=actor
                )
                child_audits += children
        except IntegrityError:
            raise ValidationError(
                _("Data yang dipindah sudah diubah sehingga bentrok dengan data usaha asal; perbaiki dahulu.")
            ) from None

        before = snapshot(keep, ENTERPRISE_FIELDS)
        kept_changes = []
        for attname, (old, new) in sorted(record.filled.items(), key=lambda item: item[0] == "is_wub"):
            field = next(f for f in Enterprise._meta.concrete_fields if f.attname == attname)
            if field.value_to_string(keep) != new:
                kept_changes.append(attname)  # changed since the merge: the newer value stays
                continue
            setattr(keep, attname, old)
        if not keep.is_wub and keep.wub_cohort_id:
            keep.is_wub = True  # the cohort was changed since: keep the record valid
        keep.search_text = _search_text(keep)
        keep.updated_by = actor
        keep.save()
        merge.merged_into = None
        merge.updated_by = actor
        merge.save(update_fields=["merged_into", "updated_by", "updated_at"])
        _refresh_size_class(keep)
        _refresh_size_class(merge)

        pair_state = record.moved.get("pair")
        if pair_state:
            pair = DuplicatePair.objects.select_for_update().filter(pk=pair_state["id"]).first()
            if pair is not None:
                pair.status = pair_state["status"]
                pair.decided_by_id = pair_state["decided_by"]
                pair.decided_at = (
                    parse_datetime(pair_state["decided_at"]) if pair_state["decided_at"] else None
                )
                pair.save(update_fields=["status", "decided_by", "decided_at"])

        record.undone_at, record.undone_by = timezone.now(), actor
        record.save(update_fields=["undone_at", "undone_by"])
        if kept_changes:
            note += " · " + _("isian yang sudah diubah sejak itu tetap: %(fields)s") % {
                "fields": ", ".join(kept_changes)
            }
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=keep,
            changes=diff(before, snapshot(keep, ENTERPRISE_FIELDS)),
            person_id=keep.owner_id,
            note=note,
        )
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=merge,
            changes={"merged_into": [f"{keep} (#{keep.pk})", None]},
            person_id=merge.owner_id,
            note=note,
        )
        _audit_moved(child_audits, actor=actor, source=keep, target=merge, note=note)
    return record


def pair_mark_not_duplicate(*, actor, pair: DuplicatePair) -> DuplicatePair:
    """Two look-alike records are two businesses: remembered, so later scans do not bring them back."""
    with transaction.atomic():
        pair = DuplicatePair.objects.select_for_update().get(pk=pair.pk)
        if pair.status == PairStatus.MERGED:
            raise ValidationError(_("Pasangan ini sudah digabung; batalkan penggabungannya dahulu."))
        before = snapshot(pair, ("status",))
        pair.status, pair.decided_by, pair.decided_at = PairStatus.NOT_DUPLICATE, actor, timezone.now()
        pair.save(update_fields=["status", "decided_by", "decided_at"])
        audit_log(
            actor=actor,
            action=Action.UPDATE,
            obj=pair,
            changes=diff(before, snapshot(pair, ("status",))),
            note=_("%(a)s (#%(a_pk)s) dan %(b)s (#%(b_pk)s) bukan duplikat")
            % {"a": pair.a.name, "a_pk": pair.a_id, "b": pair.b.name, "b_pk": pair.b_id},
        )
    return pair
