"""Reads of the company registry that views, exports and other apps share (docs/interfaces.md).

Functions that take a ``queryset`` expect it already scoped (``berdaya.accounts.access.scoped``).
"""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet

from berdaya.umkm.selectors import normalize_search, normalize_words

from .models import Company

SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "workers": ("workers_total_sort", "name"),
    "-workers": ("-workers_total_sort", "name"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
}


def search_text(company: Company) -> str:
    return normalize_search(" ".join(filter(None, [company.name, company.main_activity])))


def company_search(queryset: QuerySet, q: str) -> QuerySet:
    """By name or activity (every word; case, accents and legal forms forgiven), or NIB (full or prefix)."""
    q = (q or "").strip()
    if not q:
        return queryset
    digits = re.sub(r"[\s.\-]", "", q)
    if digits.isdigit() and len(digits) >= 4:
        return queryset.filter(Q(nib__startswith=digits) | Q(kbli__startswith=digits))
    words = [w for w in normalize_words(q) if w not in {"pt", "cv", "ud", "tbk"}]
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def company_filter(
    queryset: QuerySet,
    *,
    kecamatan: str = "",
    kelurahan: str = "",
    section: str = "",
    status: str = "",
    branch: str = "",
) -> QuerySet:
    if kelurahan:
        queryset = queryset.filter(kelurahan_id=kelurahan)
    elif kecamatan:
        queryset = queryset.filter(kelurahan_id__startswith=f"{kecamatan}.")
    if section:
        queryset = queryset.filter(kbli_section=section)
    if status:
        queryset = queryset.filter(status=status)
    if branch == "1":
        queryset = queryset.filter(head_office__isnull=False)
    elif branch == "0":
        queryset = queryset.filter(head_office__isnull=True)
    return queryset


def by_nib(nib: str) -> Company | None:
    """The current company holding this NIB (R9: one per NIB), or None."""
    nib = "".join((nib or "").split())
    if not nib:
        return None
    return Company.objects.filter(nib=nib).first()


def by_source(source: str, source_id: str) -> Company | None:
    if not source_id:
        return None
    return Company.all_objects.filter(source=source, source_id=source_id).first()
