"""Query parameters every list and figures page reads the same way.

``year_param(request)``: the ``tahun`` parameter (query string, or the posted form) as a year; anything
else (missing, not a number, outside ``first``..``last``) gives ``default`` (this year unless said).
"""

from __future__ import annotations

from django.utils import timezone

FIRST_YEAR = 2000
LAST_YEAR = 2100


def parse_year(value, *, default: int | None = None, first: int = FIRST_YEAR, last: int = LAST_YEAR) -> int:
    """``value`` (a string from a request) as a year in [first, last], else ``default`` (this year)."""
    fallback = default if default is not None else timezone.localdate().year
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return fallback
    return year if first <= year <= last else fallback


def year_param(
    request,
    *,
    default: int | None = None,
    first: int = FIRST_YEAR,
    last: int | None = None,
    name: str = "tahun",
) -> int:
    """The year a page shows: ``?tahun=`` (or the posted ``tahun``); ``last`` defaults to 2100."""
    value = request.GET.get(name) or request.POST.get(name)
    return parse_year(value, default=default, first=first, last=LAST_YEAR if last is None else last)
