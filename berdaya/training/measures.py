"""Measures the events module offers to performance indicators (kinerja). Keys are stable
(docs/interfaces.md). A participation counts in the period its event starts in; "took part" means
attended or completed. Each measure gives the records behind its number (drill-down to the people).

- ``training.participants``: participations (filters: kind, division, sex, kecamatan code, role).
- ``training.coop_staff_trained``: cooperative board, supervisors, members and staff (persons, once each)
  who took part in a training (seed 003: 210 in 2022).
- ``training.first_time_share``: percent of participations by people with nothing in the benefit history
  before the event (R49 "never served").
- ``training.kelurahan_covered``: kelurahan with at least one participant.
- ``training.wub_running_6m``: WUB participants whose 6-month follow-up found the business still running.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from berdaya.benefits.models import Benefit
from berdaya.kinerja.measures import Measure, register
from berdaya.regions.models import Region

from .models import COOP_ROLES, TOOK_PART, FollowUp, Kind, Participant, Role

FILTERS = {
    "kind": _("jenis kegiatan"),
    "division": _("bidang"),
    "sex": _("jenis kelamin (L/P)"),
    "kecamatan": _("kode kecamatan"),
    "role": _("peran peserta"),
}
# Seed 003 counts cooperative people "mengikuti pendidikan dan pelatihan": trainings, not bimtek.
COOP_TRAINING_KINDS = (Kind.PELATIHAN,)


def took_part(period, filters=None):
    filters = filters or {}
    rows = Participant.objects.filter(
        status__in=TOOK_PART, event__starts_on__gte=period.start, event__starts_on__lte=period.end
    )
    if filters.get("kind"):
        rows = rows.filter(event__kind=filters["kind"])
    if filters.get("division"):
        rows = rows.filter(event__division=filters["division"])
    if filters.get("sex"):
        rows = rows.filter(person__sex=filters["sex"])
    if filters.get("kecamatan"):
        rows = rows.filter(kecamatan__code=filters["kecamatan"])
    if filters.get("role"):
        rows = rows.filter(role=filters["role"])
    return rows.select_related("person", "event")


def coop_staff(period, filters=None):
    return took_part(period, filters).filter(role__in=COOP_ROLES, event__kind__in=COOP_TRAINING_KINDS)


def first_timers(period, filters=None):
    earlier = Benefit.objects.filter(
        person_id=OuterRef("person_id"), received_on__lt=OuterRef("event__starts_on")
    )
    return took_part(period, filters).filter(~Exists(earlier))


def first_time_share(period, filters=None) -> Decimal:
    total = took_part(period, filters).count()
    if not total:
        return Decimal(0)
    return (Decimal(100) * first_timers(period, filters).count() / total).quantize(Decimal("0.1"))


def kelurahan_covered(period, filters=None):
    codes = took_part(period, filters).exclude(kelurahan=None).values("kelurahan_id")
    return Region.objects.filter(pk__in=codes)


def wub_running(period, filters=None):
    running = FollowUp.objects.filter(participant=OuterRef("pk"), months=6, state="done", still_running=True)
    return took_part(period, filters).filter(role=Role.WUB).filter(Exists(running))


for key, label, description, unit, value, records in (
    (
        "training.participants",
        _("Peserta kegiatan"),
        _("Kehadiran peserta (hadir atau lulus) pada kegiatan yang dimulai dalam periode."),
        "orang",
        lambda p, f: took_part(p, f).count(),
        took_part,
    ),
    (
        "training.coop_staff_trained",
        _("Pengurus/pengelola koperasi yang dilatih"),
        _("Pengurus, pengawas, anggota dan pengelola koperasi (orang) yang mengikuti pelatihan."),
        "orang",
        lambda p, f: coop_staff(p, f).values("person").distinct().count(),
        coop_staff,
    ),
    (
        "training.first_time_share",
        _("Persentase peserta baru"),
        _("Peserta yang belum pernah menerima program atau mengikuti kegiatan Dinas sebelumnya (R49)."),
        "%",
        first_time_share,
        first_timers,
    ),
    (
        "training.kelurahan_covered",
        _("Kelurahan terjangkau kegiatan"),
        _("Kelurahan dengan sedikitnya satu peserta kegiatan dalam periode."),
        "kelurahan",
        lambda p, f: kelurahan_covered(p, f).count(),
        kelurahan_covered,
    ),
    (
        "training.wub_running_6m",
        _("WUB masih berusaha setelah 6 bulan"),
        _("Peserta WUB yang pada tindak lanjut bulan ke-6 usahanya masih berjalan."),
        "orang",
        lambda p, f: wub_running(p, f).count(),
        wub_running,
    ),
):
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit=unit,
            value=value,
            records=records,
            aggregate="average" if unit == "%" else "count",
            filters=FILTERS,
        )
    )
