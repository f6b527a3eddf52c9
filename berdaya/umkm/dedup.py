"""Likely duplicate enterprises, on the database side: `lib.dedup` does the matching, this module feeds it.

- `enterprise_records()` streams every current enterprise as a `dedup.Record` (values(), iterator()).
- `scan()` runs the whole-registry scan and stores the pairs (`DuplicatePair`): new pairs open, open pairs
  rescored, pairs already decided (merged, not a duplicate) left alone, open pairs no longer found removed.
  Used by the background job (kind "umkm_dedup_scan") and by `berdaya dedup umkm`.
- `candidates_for_entry()` is the on-entry (and import preview) check: a few indexed look-ups by NIK,
  phone and kelurahan + name words, then `match_one` on those only.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.jobs.registry import one_per_kind, register
from berdaya.lib.dedup import (
    BUSINESS_GENERIC,
    BUSINESS_LEGAL_FORMS,
    DEFAULT_THRESHOLD,
    Candidate,
    Explanation,
    Record,
    explain,
    match_one,
    normalize_nik,
    normalize_phone_or_blank,
    scan_records,
)

from .models import DuplicatePair, Enterprise, PairStatus
from .selectors import normalize_words

JOB_KIND = "umkm_dedup_scan"
BATCH = 2000
# On entry, at most this many enterprises are scored (a common name in a big kelurahan stays cheap).
ENTRY_LIMIT = 300
# Name words shorter than this say too little to fetch candidates by ("m", "h", "ny").
MIN_WORD = 3
EXPORT_COLUMNS = [
    "source_id_a", "source_id_b", "id_a", "id_b", "name_a", "name_b", "owner_a", "owner_b",
    "score", "reasons",
]  # fmt: skip

_VALUES = (
    "pk",
    "name",
    "phone",
    "address",
    "kelurahan_id",
    "owner__nik",
    "owner__name",
    "owner__phone",
    "owner__address",
    "owner__birth_date",
)

Progress = Callable[..., None]


def _record(row: dict) -> Record:
    # The business's own phone and address when known, else the owner's: both are what a clerk typed.
    return Record(
        id=str(row["pk"]),
        nik=row["owner__nik"] or "",
        owner_name=row["owner__name"] or "",
        business_name=row["name"] or "",
        phone=row["phone"] or row["owner__phone"] or "",
        address=row["address"] or row["owner__address"] or "",
        kelurahan=row["kelurahan_id"] or "",
        birth_date=row["owner__birth_date"],
    )


def enterprise_records(queryset: QuerySet | None = None) -> Iterator[Record]:
    """Every current (not merged) enterprise of ``queryset`` as a Record, streamed in batches."""
    queryset = Enterprise.objects.all() if queryset is None else queryset
    rows = queryset.order_by().values(*_VALUES).iterator(chunk_size=BATCH)
    return (_record(row) for row in rows)


# --- Whole-registry scan ------------------------------------------------------------------------------------


@dataclass
class ScanResult:
    checked: int = 0
    found: int = 0  # pairs at or above the threshold
    new: int = 0
    updated: int = 0  # open pairs rescored
    decided: int = 0  # found again but already merged / marked not a duplicate: left alone
    removed: int = 0  # open pairs no longer found
    open_pairs: list[DuplicatePair] = field(default_factory=list)  # the found pairs still open

    def as_dict(self) -> dict:
        return {
            _("Usaha diperiksa"): self.checked,
            _("Pasangan mirip"): self.found,
            _("Pasangan baru"): self.new,
            _("Pasangan diperbarui"): self.updated,
            _("Sudah diputuskan"): self.decided,
            _("Tidak mirip lagi"): self.removed,
        }


def _counting(records: Iterable[Record], progress: Progress | None, total: int) -> Iterator[Record]:
    for done, record in enumerate(records, 1):
        if progress and done % BATCH == 0:
            progress(done, total, _("Membaca data usaha"))
        yield record


def scan(*, threshold: int = DEFAULT_THRESHOLD, progress: Progress | None = None) -> ScanResult:
    """Scan the whole registry and store the pairs (see the module docstring)."""
    total = Enterprise.objects.count()
    if progress:
        progress(0, total, _("Membaca data usaha"))
    records = list(_counting(enterprise_records(), progress, total))
    if progress:
        progress(len(records), total, _("Mencocokkan"))
    candidates = scan_records(records, threshold=threshold).candidates
    result = ScanResult(checked=len(records), found=len(candidates))
    del records
    if progress:
        progress(total, total, _("Menyimpan pasangan"))
    result.open_pairs = _store(candidates, result)
    return result


def _ordered(candidate: Candidate) -> tuple[int, int]:
    a, b = int(candidate.a_id), int(candidate.b_id)
    return (a, b) if a < b else (b, a)


def _store(candidates: list[Candidate], result: ScanResult) -> list[DuplicatePair]:
    with transaction.atomic():
        existing = {(p.a_id, p.b_id): p for p in DuplicatePair.objects.all().iterator(chunk_size=BATCH)}
        found_keys = set()
        new, changed, still_open = [], [], []
        for candidate in candidates:
            key = _ordered(candidate)
            found_keys.add(key)
            pair = existing.get(key)
            if pair is None:
                pair = DuplicatePair(
                    a_id=key[0], b_id=key[1], score=candidate.score, reasons=candidate.reasons
                )
                new.append(pair)
            elif pair.status != PairStatus.OPEN:
                result.decided += 1
                continue
            elif pair.score != candidate.score or pair.reasons != candidate.reasons:
                pair.score, pair.reasons = candidate.score, candidate.reasons
                changed.append(pair)
            still_open.append(pair)
        DuplicatePair.objects.bulk_create(new, batch_size=500)
        DuplicatePair.objects.bulk_update(changed, ["score", "reasons"], batch_size=500)
        # Open pairs not found again: an edit made the two differ. Pairs with a merged record were not
        # scanned and stay (undoing the merge brings them back).
        merged = set(Enterprise.all_objects.filter(merged_into__isnull=False).values_list("pk", flat=True))
        stale = [
            pair.pk
            for key, pair in existing.items()
            if pair.status == PairStatus.OPEN
            and key not in found_keys
            and key[0] not in merged
            and key[1] not in merged
        ]
        for start in range(0, len(stale), 500):
            DuplicatePair.objects.filter(pk__in=stale[start : start + 500]).delete()
        result.new, result.updated, result.removed = len(new), len(changed), len(stale)
    return still_open


def explain_pairs(pairs: Iterable[DuplicatePair]) -> dict[int, Explanation]:
    """Each pair's score broken down into the weight of each comparison (`lib.dedup.explain`), by pair
    pk, for the duplicates page. Computed with the default weights on the records as they are now."""
    pairs = list(pairs)
    ids = {pk for pair in pairs for pk in (pair.a_id, pair.b_id)}
    records = {int(r.id): r for r in enterprise_records(Enterprise.objects.filter(pk__in=ids))}
    return {
        pair.pk: explain(records[pair.a_id], records[pair.b_id])
        for pair in pairs
        if pair.a_id in records and pair.b_id in records
    }


def export_csv(pairs: Iterable[DuplicatePair], out) -> int:
    """Write pairs as CSV with both records' source IDs; returns the number of rows."""
    pairs = list(pairs)
    ids = {pk for p in pairs for pk in (p.a_id, p.b_id)}
    info = {}
    for start in range(0, len(ids), 1000):
        chunk = sorted(ids)[start : start + 1000]
        rows = Enterprise.all_objects.filter(pk__in=chunk).values(
            "pk", "name", "source", "source_id", "owner__name"
        )
        info.update({row["pk"]: row for row in rows})
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for p in sorted(pairs, key=lambda p: (-p.score, p.a_id, p.b_id)):
        a, b = info[p.a_id], info[p.b_id]
        writer.writerow(
            [
                _source_id(a),
                _source_id(b),
                p.a_id,
                p.b_id,
                a["name"],
                b["name"],
                a["owner__name"],
                b["owner__name"],
                p.score,
                "; ".join(p.reasons),
            ]  # fmt: skip
        )
    return len(pairs)


def _source_id(row: dict) -> str:
    return f"{row['source']}:{row['source_id']}" if row["source_id"] else ""


@register(JOB_KIND, heavy=True, once=one_per_kind)
def scan_job(job, progress) -> dict:
    """The background scan: progress while it reads and matches, the pairs as a CSV file at the end."""
    threshold = int(job.params.get("threshold", DEFAULT_THRESHOLD))
    result = scan(threshold=threshold, progress=progress)
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read UTF-8
    export_csv(result.open_pairs, buffer)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    job.result_file.save(f"duplikat-usaha-{stamp}.csv", ContentFile(buffer.getvalue().encode()), save=False)
    return result.as_dict()


# --- On entry -----------------------------------------------------------------------------------------------


@dataclass
class EntryMatch:
    enterprise: Enterprise
    score: int
    reasons: list[str]


def _value(data: dict, *names: str):
    for name in names:
        value = data.get(name)
        if value not in (None, ""):
            return value
    return None


def entry_record(data: dict) -> Record:
    """A Record from form or import data: owner_nik/nik, owner_name, name, phone, address, kelurahan
    (a Region or its code), owner_birth_date/birth_date; an ``owner`` Person fills what is missing."""
    owner = data.get("owner")
    kelurahan = _value(data, "kelurahan")
    return Record(
        id="",
        nik=str(_value(data, "owner_nik", "nik") or getattr(owner, "nik", "") or ""),
        owner_name=str(_value(data, "owner_name") or getattr(owner, "name", "") or ""),
        business_name=str(_value(data, "name", "business_name") or ""),
        phone=str(_value(data, "phone") or getattr(owner, "phone", "") or ""),
        address=str(_value(data, "address") or getattr(owner, "address", "") or ""),
        kelurahan=str(getattr(kelurahan, "pk", kelurahan) or ""),
        birth_date=_value(data, "owner_birth_date", "birth_date") or getattr(owner, "birth_date", None),
    )


def _name_words(record: Record) -> set[str]:
    words = set(normalize_words(record.owner_name)) | set(normalize_words(record.business_name))
    return {
        w for w in words if len(w) >= MIN_WORD and w not in BUSINESS_GENERIC and w not in BUSINESS_LEGAL_FORMS
    }


def candidates_for_entry(
    data: dict,
    *,
    exclude_pk: int | None = None,
    queryset: QuerySet | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> list[EntryMatch]:
    """Likely duplicates of the enterprise being entered, best first.

    ``data``: see `entry_record`. ``queryset``: the enterprises to look in (pass the user's scoped
    queryset); ``exclude_pk``: the record being edited.
    """
    record = entry_record(data)
    queryset = Enterprise.objects.all() if queryset is None else queryset
    wanted = Q(pk__in=[])
    keys = 0
    nik = normalize_nik(record.nik)
    if nik:
        wanted |= Q(owner__nik=nik)
        keys += 1
    phone = normalize_phone_or_blank(record.phone)
    if phone:
        wanted |= Q(phone=phone) | Q(owner__phone=phone)
        keys += 1
    words = _name_words(record)
    if record.kelurahan and words:
        by_word = Q(pk__in=[])
        for word in words:
            by_word |= Q(search_text__contains=word)
        wanted |= Q(kelurahan_id=record.kelurahan) & by_word
        keys += 1
    if not keys:
        return []
    found = queryset.filter(wanted)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    rows = list(found.order_by().values(*_VALUES)[:ENTRY_LIMIT])
    matches = match_one(record, [_record(row) for row in rows], threshold=threshold)
    if not matches:
        return []
    enterprises = Enterprise.objects.select_related("owner", "kelurahan").in_bulk(
        [int(m.b_id) for m in matches]
    )
    return [
        EntryMatch(enterprises[int(m.b_id)], m.score, m.reasons)
        for m in matches
        if int(m.b_id) in enterprises
    ]
