"""Measures the micro-enterprise registry offers to performance indicators (kinerja, sakip.md S1-S4).

Counts are taken at the period's end (31 December, or the quarter's last day). Filters: ``since`` (first
WUB cohort year counted, e.g. 2016 for the first key indicator) and ``size_class`` (mikro, kecil...).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures
from .models import Enterprise, WubAssessment
from .selectors import scaled_up_events


def _registered(period, filters):
    return figures._registered(period.end, None, filters.get("size_class"))


def _active(period, filters):
    return figures._active(period.end, None, filters.get("size_class"))


def _scaled_up(period, filters):
    ids = {event.enterprise_id for event in scaled_up_events(period.year)}
    return Enterprise.objects.filter(pk__in=ids)


def _wub_trained(period, filters):
    wub = figures._wub(None).filter(wub_year__lte=period.year)
    return wub.filter(wub_year__gte=filters["since"]) if filters.get("since") else wub


def _wub_mandiri(period, filters):
    mandiri = WubAssessment.objects.filter(year=period.year, mandiri=True).values("enterprise")
    return _wub_trained(period, filters).filter(pk__in=mandiri)


def _counted(records):
    return lambda period, filters: records(period, filters).count()


for key, label, description, records in (
    (
        "umkm.registered",
        _("Usaha mikro terdaftar"),
        _("Usaha yang tercatat di registri pada akhir periode."),
        _registered,
    ),
    (
        "umkm.active",
        _("Usaha mikro aktif"),
        _("Usaha terdaftar yang belum tutup atau pindah pada akhir periode."),
        _active,
    ),
    (
        "umkm.scaled_up",
        _("Usaha mikro naik kelas"),
        _("Usaha yang naik dari mikro ke kelas lebih tinggi dalam tahun itu (R18)."),
        _scaled_up,
    ),
    (
        "umkm.wub_trained",
        _("Wirausaha baru (WUB) dibina"),
        _("WUB yang dilatih dan dibina sampai tahun itu (saringan: sejak tahun angkatan)."),
        _wub_trained,
    ),
    (
        "umkm.wub_mandiri",
        _("WUB mandiri"),
        _("WUB yang dinilai mandiri pada tahun itu: masih berproduksi, beromzet, beroperasi di kota."),
        _wub_mandiri,
    ),
):
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="usaha",
            value=_counted(records),
            records=records,
            filters={"since": _("sejak tahun angkatan"), "size_class": _("kelas usaha")},
        )
    )
