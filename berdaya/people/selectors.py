"""Reads of the people registry that views share. Callers pass an already scoped queryset."""

import re

from django.db.models import Q, QuerySet

from berdaya.regions.models import Region

SORTS = {"name": "name", "-name": "-name", "created": "created_at", "-created": "-created_at"}


def person_search(queryset: QuerySet, q: str) -> QuerySet:
    """By name (every word), NIK (full or prefix) or phone (any format: 0812.., +62812.., 62812..)."""
    q = q.strip()
    if not q:
        return queryset
    digits = re.sub(r"[\s.\-+()]", "", q)
    if digits.isdigit() and len(digits) >= 4:
        national = digits[1:] if digits.startswith("0") else digits[2:] if digits.startswith("62") else digits
        return queryset.filter(Q(nik__startswith=digits) | Q(phone__contains=national))
    condition = Q()
    for word in q.split():
        condition &= Q(name__icontains=word)
    return queryset.filter(condition)


def person_filter(queryset: QuerySet, data: dict) -> QuerySet:
    """Apply cleaned PersonFilterForm data."""
    queryset = person_search(queryset, data.get("q") or "")
    if data.get("kecamatan"):
        # A literal list of the kecamatan's kelurahan codes lets the database use the kelurahan index.
        codes = list(Region.objects.filter(parent_id=data["kecamatan"]).values_list("code", flat=True))
        queryset = queryset.filter(kelurahan_id__in=codes)
    if data.get("sex"):
        queryset = queryset.filter(sex=data["sex"])
    status = data.get("needs_review")
    if status in {"0", "1"}:
        queryset = queryset.filter(needs_review=status == "1")
    elif status == "lengkapi":  # the records to complete: imported without a (valid) NIK
        queryset = queryset.exclude(nik_issue="")
    elif status:
        queryset = queryset.filter(nik_issue=status)
    return queryset


def person_sort(queryset: QuerySet, sort: str | None) -> QuerySet:
    order = SORTS.get(sort or "", "name")
    return queryset.order_by(order, "-id" if order.startswith("-") else "id")  # one index serves both
