"""Reads of the people registry that views share. Callers pass an already scoped queryset."""

import re

from django.db.models import Q, QuerySet

from berdaya.regions.models import Region

SORTS = {"name": "name", "-name": "-name", "created": "created_at", "-created": "-created_at"}


NIK_LENGTH = 16


def number_query(q: str) -> str:
    """The digits of a search that looks for a NIK or phone number ("" when it is a name search)."""
    digits = re.sub(r"[\s.\-+()]", "", q or "")
    return digits if digits.isdigit() and len(digits) >= 4 else ""


def person_search(queryset: QuerySet, q: str, *, exact_nik: bool = False) -> QuerySet:
    """By name (every word), NIK (full or prefix) or phone (any format: 0812.., +62812.., 62812..).

    ``exact_nik`` (roles that see NIKs masked, R45): a number finds only the person with exactly that NIK:
    a prefix or phone search would confirm a masked NIK or phone digit by digit."""
    q = q.strip()
    if not q:
        return queryset
    digits = number_query(q)
    if digits and exact_nik:
        return queryset.filter(nik=digits) if len(digits) == NIK_LENGTH else queryset.none()
    if digits:
        national = digits[1:] if digits.startswith("0") else digits[2:] if digits.startswith("62") else digits
        return queryset.filter(Q(nik__startswith=digits) | Q(phone__contains=national))
    condition = Q()
    for word in q.split():
        condition &= Q(name__icontains=word)
    return queryset.filter(condition)


def person_filter(queryset: QuerySet, data: dict, *, exact_nik: bool = False) -> QuerySet:
    """Apply cleaned PersonFilterForm data (``exact_nik``: see person_search)."""
    queryset = person_search(queryset, data.get("q") or "", exact_nik=exact_nik)
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
