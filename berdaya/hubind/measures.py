"""Measures industrial relations offers to performance indicators (kinerja), computed from records; they
replace the manual ``hubind.reporting`` / ``hubind.decent_work`` of seed 003 without redefining indicator 4
(docs/interfaces.md). Each gives the companies or disputes behind its number (drill-down).

- ``hubind.reporting``: companies with a WLKP labour report for the period's year.
- ``hubind.decent_work``: of those, every item required by their size valid at the year end (R41, R42).
- ``hubind.pp_pkb``, ``hubind.lks``, ``hubind.wage_structure``, ``hubind.bpjs``: of those, with that item
  valid at the year end.
- ``hubind.cases_registered`` / ``hubind.cases_settled``: disputes registered / settled in the period
  (filters ``route``, ``dispute_type``); ``hubind.settled_bipartite``: settled by the parties (bipartite).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures

CASE_FILTERS = {"route": _("cara penyelesaian"), "dispute_type": _("jenis perselisihan")}


def _count(records):
    return lambda period, filters: records(period, filters).count()


COMPANY_MEASURES = (
    ("hubind.reporting", _("Perusahaan yang melapor (WLKP)"),
     _("Perusahaan dengan laporan ketenagakerjaan (WLKP) untuk tahun periode."),
     lambda period, filters: figures.reporting(period.year)),
    ("hubind.decent_work", _("Perusahaan yang menerapkan tata kelola kerja layak"),
     _("Perusahaan yang melapor dan pada akhir tahun memiliki semua kelengkapan yang diwajibkan sesuai "
       "jumlah pekerjanya: PP/PKB, LKS Bipartit, struktur skala upah, BPJS Ketenagakerjaan (R41, R42)."),
     lambda period, filters: figures.decent_work(period.year)),
    ("hubind.pp_pkb", _("Perusahaan dengan PP/PKB berlaku"),
     _("Perusahaan yang melapor dengan PP yang disahkan atau PKB yang terdaftar, berlaku pada akhir tahun."),
     lambda period, filters: figures.with_item(period.year, "pp_pkb")),
    ("hubind.lks", _("Perusahaan dengan LKS Bipartit"),
     _("Perusahaan yang melapor dengan LKS Bipartit tercatat pada akhir tahun."),
     lambda period, filters: figures.with_item(period.year, "lks")),
    ("hubind.wage_structure", _("Perusahaan dengan struktur dan skala upah"),
     _("Perusahaan yang melapor dengan struktur dan skala upah pada akhir tahun."),
     lambda period, filters: figures.with_item(period.year, "wage_structure")),
    ("hubind.bpjs", _("Perusahaan peserta BPJS Ketenagakerjaan"),
     _("Perusahaan yang melapor dan terdaftar pada program BPJS Ketenagakerjaan yang diwajibkan."),
     lambda period, filters: figures.with_item(period.year, "bpjs")),
)  # fmt: skip

CASE_MEASURES = (
    ("hubind.cases_registered", _("Perselisihan dicatat"), _("Perselisihan yang dicatat dalam periode."),
     lambda period, filters: figures.disputes_registered(period.start, period.end, filters), CASE_FILTERS),
    ("hubind.cases_settled", _("Perselisihan diselesaikan"),
     _("Perselisihan yang selesai dalam periode dengan perjanjian bersama, anjuran diterima atau putusan."),
     lambda period, filters: figures.disputes_settled(period.start, period.end, filters), CASE_FILTERS),
    ("hubind.settled_bipartite", _("Perselisihan selesai secara bipartit"),
     _("Perselisihan yang diselesaikan para pihak sendiri (LKS Bipartit) dalam periode."),
     lambda period, filters: figures.settled_bipartite(period.start, period.end), {}),
)  # fmt: skip

for key, label, description, records in COMPANY_MEASURES:
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="perusahaan",
            value=_count(records),
            records=records,
        )
    )
for key, label, description, records, filters in CASE_MEASURES:
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="kasus",
            value=_count(records),
            records=records,
            filters=filters,
        )
    )
