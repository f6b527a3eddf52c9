"""The holiday table Berdaya ships: the official lists (official.py) with the ``holidays`` package's
Indonesian names, and the package's own list for the provisional years (its Islamic dates past its
confirmed years flagged as estimates). Used by the data migration and by tests; idempotent."""

from __future__ import annotations

import datetime as dt

import holidays

from .official import OFFICIAL, PROVISIONAL_YEARS, official_dates

NATIONAL, CUTI_BERSAMA = "national", "cuti_bersama"


def _package(year: int) -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    """(public, government) holidays of the package for a year, Indonesian names."""
    public = holidays.Indonesia(years=year, categories=(holidays.PUBLIC,), language="id")
    government = holidays.Indonesia(years=year, categories=(holidays.GOVERNMENT,), language="id")
    return dict(public.items()), dict(government.items())


def _clean(name: str) -> tuple[str, bool]:
    """The name without the package's "(perkiraan)" mark, and whether it was there."""
    estimated = "perkiraan" in name
    return name.replace(" (perkiraan)", "").replace("(perkiraan)", "").strip(), estimated


def rows_for(year: int) -> tuple[str, bool, list[tuple[dt.date, str, str, bool, str]]]:
    """(legal basis, confirmed, [(date, name, category, estimated, source)]) for a shipped year."""
    public, government = _package(year)
    if year in OFFICIAL:
        basis = OFFICIAL[year][0]
        national, leave = official_dates(year)
        rows = []
        for day in sorted(national):
            name, _est = _clean(public.get(day, "") or government.get(day, "") or "Hari libur nasional")
            rows.append((day, name, NATIONAL, False, "official"))
        for day in sorted(leave):
            name, _est = _clean(government.get(day, "") or "Cuti bersama")
            rows.append((day, name, CUTI_BERSAMA, False, "official"))
        return basis, True, rows
    rows = []
    for day, raw in sorted(public.items()):
        for part in raw.split("; "):
            name, estimated = _clean(part)
            rows.append((day, name, NATIONAL, estimated, "package"))
            break
    for day, raw in sorted(government.items()):
        if day not in public:
            name, estimated = _clean(raw)
            rows.append((day, name, CUTI_BERSAMA, estimated, "package"))
    return f"Paket holidays {holidays.__version__} (belum dicocokkan dengan SKB)", False, rows


SHIPPED_YEARS = tuple(sorted(set(OFFICIAL) | set(PROVISIONAL_YEARS)))


def populate(apps=None) -> int:
    """Create the shipped years that are not in the table yet; returns how many were added. Years staff
    already have are left alone (their edits win)."""
    if apps is None:
        from django.apps import apps
    HolidayYear = apps.get_model("workdays", "HolidayYear")
    Holiday = apps.get_model("workdays", "Holiday")
    CalendarRevision = apps.get_model("workdays", "CalendarRevision")
    have = set(HolidayYear.objects.values_list("year", flat=True))
    added = []
    for year in SHIPPED_YEARS:
        if year in have:
            continue
        basis, confirmed, rows = rows_for(year)
        holiday_year = HolidayYear.objects.create(year=year, legal_basis=basis, confirmed=confirmed)
        Holiday.objects.bulk_create(
            Holiday(year=holiday_year, date=d, name=n[:150], category=c, estimated=e, source=s)
            for d, n, c, e, s in rows
        )
        added.append(year)
    if added:
        CalendarRevision.objects.create(note=f"Daftar libur bawaan: {', '.join(map(str, added))}", dates=[])
    return len(added)
