"""Measures the assistance programs offer to performance indicators (kinerja, sakip.md S1-S4).

They count applications of the program year equal to the period's year, with the definitions of
``figures.program_report`` (summed over the programs kept by the filters ``kind``, e.g. ``voucher``, and
``program``, a program code):

- ``programs.applicants``: applications submitted (not draft) and not withdrawn ("applicants").
- ``programs.beneficiaries``: applications awarded or later (awarded, disbursed, redeemed, monitored,
  closed: "awarded").
- ``programs.delivered``: applications disbursed or redeemed or later ("delivered").

For a quarter, beneficiaries and delivered count those handed over (``awarded_on``) by the quarter's last day,
cumulative from the start of the year like the quarterly action plans; applicants ignore the quarter.
Each measure also gives the applications behind its number (``records``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures
from .models import Application


def _applications(period, filters, figure: str):
    # the figures module's own definition of the count (its Count(..., filter=Q) for that figure)
    queryset = Application.objects.filter(year=period.year).filter(figures._counts()[figure].filter)
    if filters.get("kind"):
        queryset = queryset.filter(program__kind=filters["kind"])
    if filters.get("program"):
        queryset = queryset.filter(program__code=filters["program"])
    if period.quarter is not None and figure != "applicants":
        queryset = queryset.filter(awarded_on__lte=period.end)
    return queryset


def _records(figure: str):
    return lambda period, filters: _applications(period, filters, figure)


def _counted(figure: str):
    return lambda period, filters: _applications(period, filters, figure).count()


for key, figure, label, description in (
    (
        "programs.applicants",
        "applicants",
        _("Pemohon bantuan program"),
        _("Pengajuan tahun program itu yang sudah diajukan dan tidak dibatalkan."),
    ),
    (
        "programs.beneficiaries",
        "awarded",
        _("Penerima bantuan program"),
        _(
            "Pengajuan tahun program itu yang sudah diberikan (diberikan, dicairkan, ditukarkan, dimonitor "
            "atau selesai)."
        ),
    ),
    (
        "programs.delivered",
        "delivered",
        _("Bantuan program tersalurkan"),
        _("Pengajuan tahun program itu yang bantuannya sudah dicairkan atau vouchernya ditukarkan."),
    ),
):
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="pengajuan",
            value=_counted(figure),
            records=_records(figure),
            filters={"kind": _("jenis program"), "program": _("kode program")},
        )
    )
