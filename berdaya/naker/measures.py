"""Measures the manpower registry offers to performance indicators (kinerja, sakip.md S1-S4).

- ``naker.registered`` = ``figures.registered_seekers``: AK/1 cards issued in the period (R37).
- ``naker.placed`` = ``figures.placed_seekers``: job seekers with a verified placement starting in the
  period (R38a); filter ``destination`` = domestic / abroad (AKL+AKAD / AKAN).

They replace the manual measures of the same keys (seed 003 typed them): the indicators keep their
definition (R38 = naker.placed / naker.registered × 100). For a year without records the imported history
(Table 1.4) gives the value, and the drill-down shows that history row.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures
from .models import YearFigure


def _history_only(period) -> bool:
    return (
        period.quarter is None
        and figures.history_of(period.year) is not None
        and not figures.year_has_records(period.year)
    )


def _registered_records(period, filters):
    if _history_only(period):
        return YearFigure.objects.filter(year=period.year)
    return figures.registered_seekers(period.start, period.end)


def _registered_value(period, filters):
    if _history_only(period):
        return figures.history_of(period.year).registered
    return figures.registered_seekers(period.start, period.end).count()


def _placed_records(period, filters):
    if _history_only(period):
        return YearFigure.objects.filter(year=period.year)
    return figures.placed_seekers(period.start, period.end, filters.get("destination"))


def _placed_value(period, filters):
    if _history_only(period):
        return figures.history_of(period.year).placed
    return figures.placed_seekers(period.start, period.end, filters.get("destination")).count()


register(
    Measure(
        key="naker.registered",
        label=_("Pencari kerja terdaftar"),
        description=_("Kartu AK/1 yang diterbitkan (daftar baru atau perpanjangan) dalam periode (R37)."),
        unit="orang",
        value=_registered_value,
        records=_registered_records,
    )
)
register(
    Measure(
        key="naker.placed",
        label=_("Pencari kerja ditempatkan"),
        description=_(
            "Pencari kerja yang penempatannya terverifikasi dengan tanggal mulai kerja dalam periode (R38a)."
        ),
        unit="orang",
        value=_placed_value,
        records=_placed_records,
        filters={"destination": _("tujuan (domestic = AKL/AKAD, abroad = AKAN)")},
    )
)


def _counted(records):
    return lambda period, filters: records(period, filters).count()


for key, label, description, unit, records in (
    (
        "naker.blk_trained",
        _("Lulus pelatihan BLK"),
        _("Peserta yang lulus pelatihan berbasis kompetensi di BLK, angkatan yang selesai dalam periode."),
        "orang",
        lambda p, f: figures.took_part("blk", p.start, p.end, completed_only=True),
    ),
    (
        "naker.apprentices",
        _("Peserta pemagangan"),
        _("Peserta pemagangan yang mulai dalam periode."),
        "orang",
        lambda p, f: figures.took_part("magang", p.start, p.end, by="starts_on"),
    ),
    (
        "naker.jobfair_participants",
        _("Peserta bursa kerja"),
        _("Pencari kerja yang hadir di bursa kerja (job fair) dalam periode."),
        "orang",
        lambda p, f: figures.took_part("job_fair", p.start, p.end),
    ),
    (
        "naker.jobfair_hires",
        _("Diterima bekerja lewat bursa kerja"),
        _("Penempatan terverifikasi dari jalur bursa kerja yang mulai dalam periode."),
        "orang",
        lambda p, f: figures.jobfair_hires(p.start, p.end),
    ),
    (
        "naker.career_guidance_students",
        _("Siswa mendapat bimbingan jabatan"),
        _("Siswa yang mengikuti penyuluhan dan bimbingan jabatan dari dinas dalam periode."),
        "orang",
        lambda p, f: figures.career_guidance_students(p.start, p.end),
    ),
):
    register(
        Measure(
            key=key, label=label, description=description, unit=unit, value=_counted(records), records=records
        )
    )
