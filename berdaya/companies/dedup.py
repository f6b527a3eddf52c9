"""Likely duplicate companies, fed to ``berdaya.lib.dedup`` the way ``umkm.dedup`` feeds it: each company
a ``Record`` (name as the business name, the contact as the owner, phone, address, kelurahan). Companies
that share a NIB cannot exist (R9), so the pairs are the ones typed without one or with a typo."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from berdaya.lib.dedup import DEFAULT_THRESHOLD, Record, find_duplicates, match_one

from .models import Company


def _record(row: dict) -> Record:
    return Record(
        id=str(row["pk"]),
        owner_name=row["contact_name"] or "",
        business_name=row["name"] or "",
        phone=row["phone"] or "",
        address=row["address"] or "",
        kelurahan=row["kelurahan_id"] or "",
    )


def company_records(queryset: QuerySet) -> Iterator[Record]:
    rows = queryset.order_by().values("pk", "name", "contact_name", "phone", "address", "kelurahan_id")
    return (_record(row) for row in rows.iterator(chunk_size=2000))


@dataclass
class Pair:
    a: Company
    b: Company
    score: int
    reasons: list[str]


def likely_duplicates(
    queryset: QuerySet, *, threshold: int = DEFAULT_THRESHOLD, limit: int = 200
) -> list[Pair]:
    """Pairs among ``queryset`` (already scoped) scoring at or above the threshold, strongest first."""
    candidates = find_duplicates(company_records(queryset), threshold=threshold)[:limit]
    ids = {int(pk) for c in candidates for pk in (c.a_id, c.b_id)}
    companies = Company.objects.in_bulk(ids)
    return [
        Pair(companies[int(c.a_id)], companies[int(c.b_id)], c.score, c.reasons)
        for c in candidates
        if int(c.a_id) in companies and int(c.b_id) in companies
    ]


def candidates_for_entry(data: dict, queryset: QuerySet, *, exclude_pk: int | None = None) -> list[Pair]:
    """Companies that look like the one being entered (same kelurahan or a shared name word)."""
    words = [
        w for w in (data.get("name") or "").split() if len(w) >= 4 and w.lower() not in {"mandiri", "jaya"}
    ]
    kelurahan = data.get("kelurahan")
    pool = queryset.none()
    if kelurahan is not None:
        pool = queryset.filter(kelurahan=kelurahan)
    for word in words[:3]:
        pool = pool | queryset.filter(name__icontains=word)
    if exclude_pk:
        pool = pool.exclude(pk=exclude_pk)
    record = _record(
        {
            "pk": "",
            "name": data.get("name"),
            "contact_name": data.get("contact_name"),
            "phone": data.get("phone"),
            "address": data.get("address"),
            "kelurahan_id": getattr(kelurahan, "pk", kelurahan),
        }
    )
    found = match_one(record, company_records(pool.distinct()[:300]))
    companies = Company.objects.in_bulk([int(c.b_id) for c in found])
    return [Pair(None, companies[int(c.b_id)], c.score, c.reasons) for c in found if int(c.b_id) in companies]
