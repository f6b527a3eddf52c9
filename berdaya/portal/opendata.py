"""Open data by kecamatan and year with Satu Data Indonesia style metadata.

Each dataset is a table: one row per kecamatan of the jurisdiction, one column per category, counted by
the registries' own figures functions (umkm.figures, koperasi.figures) or over program applications.
Counts of people (micro enterprises are their owners, beneficiaries are people) go through R53's
small-cell suppression (suppression.py); cooperatives are legal entities and are published as counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import selectors
from .suppression import suppress_row, suppress_total

FIRST_YEAR = 2021


@dataclass
class Row:
    code: str
    name: str
    values: list  # int, or None where suppressed
    total: int | None


@dataclass
class Table:
    slug: str
    title: str
    description: str
    unit: str
    year: int
    on: dt.date
    columns: list
    rows: list = field(default_factory=list)
    grand_total: int = 0
    suppressed: bool = False
    people: bool = True
    source: str = ""

    @property
    def widest(self) -> int:
        return max([r.total or 0 for r in self.rows] + [1])

    def metadata(self) -> dict:
        """Satu Data Indonesia style metadata (Perpres 39/2019: judul, produsen, konsep, satuan...)."""
        return {
            "judul": self.title,
            "deskripsi": self.description,
            "produsen_data": settings.BERDAYA_OFFICE_NAME,
            "wilayah": selectors.jurisdiction_name(),
            "kode_wilayah": settings.BERDAYA_JURISDICTION,
            "tingkat_penyajian": "kecamatan",
            "tahun": self.year,
            "kondisi_per": self.on.isoformat(),
            "satuan": self.unit,
            "frekuensi": "tahunan",
            "sumber": self.source,
            "kategori": self.columns,
            "catatan": (
                "Sel dengan jumlah 1-4 orang disembunyikan (kosong), juga satu sel lain pada baris yang sama "
                "bila perlu, agar tidak ada orang yang dapat dikenali (R53)."
                if self.people
                else ""
            ),
            "lisensi": "CC BY 4.0",
            "tanggal_pemutakhiran": timezone.localdate().isoformat(),
        }


def _year_end(year: int) -> dt.date:
    today = timezone.localdate()
    return min(dt.date(year, 12, 31), today)


def years() -> list[int]:
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def _build(table: Table, counts: dict[str, list[int]]) -> Table:
    for code, name in selectors.kecamatan_choices():
        values = counts.get(code, [0] * len(table.columns))
        total = sum(values)
        table.grand_total += total
        if table.people:
            shown = suppress_row(values)
            shown_total = suppress_total(total)
            table.suppressed |= shown != values or shown_total != total
        else:
            shown, shown_total = values, total
        table.rows.append(Row(code, name, shown, shown_total))
    return table


def umkm_by_sector(year: int) -> Table:
    from berdaya.umkm import figures
    from berdaya.umkm.models import Sector

    on = _year_end(year)
    tops = list(Sector.objects.filter(parent__isnull=True, is_active=True).order_by("order", "name"))
    base = selectors.enterprises_for_figures()
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(tops))
    for i, sector in enumerate(tops):
        in_sector = base.filter(Q(sector=sector) | Q(sector__parent=sector))
        for code, n in figures.active(on, by="kecamatan", queryset=in_sector).items():
            if code:
                counts[code][i] = n
    table = Table(
        "usaha-mikro-sektor",
        _("Usaha mikro aktif menurut sektor"),
        _("Jumlah usaha aktif yang terdaftar di dinas pada akhir tahun, per kecamatan dan sektor."),
        _("usaha"),
        year,
        on,
        [s.name for s in tops],
        source=_("Registri usaha mikro dinas"),
    )
    return _build(table, counts)


def umkm_by_class(year: int) -> Table:
    from berdaya.lib.size_class import SizeClass
    from berdaya.umkm import figures

    on = _year_end(year)
    classes = [SizeClass.MIKRO, SizeClass.KECIL, SizeClass.MENENGAH]
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(classes))
    base = selectors.enterprises_for_figures()
    for i, size in enumerate(classes):
        for code, n in figures.active(on, by="kecamatan", size_class=size, queryset=base).items():
            if code:
                counts[code][i] = n
    table = Table(
        "usaha-mikro-kelas",
        _("Usaha aktif menurut kelas usaha"),
        _("Jumlah usaha aktif menurut kelas (mikro, kecil, menengah) dari data tahunan terakhir."),
        _("usaha"),
        year,
        on,
        [str(c.label) for c in classes],
        source=_("Registri usaha mikro dinas"),
    )
    return _build(table, counts)


def cooperatives_active(year: int) -> Table:
    from berdaya.koperasi import figures

    on = _year_end(year)
    base = selectors.cooperatives_for_figures()
    registered = figures.registered(on, by="kecamatan", queryset=base)
    active = figures.active(on, by="kecamatan", queryset=base)
    counts = {code: [registered.get(code, 0), active.get(code, 0)] for code in set(registered) | set(active)}
    table = Table(
        "koperasi-aktif",
        _("Koperasi terdaftar dan aktif"),
        _("Koperasi yang terdaftar di dinas dan yang aktif (menyelenggarakan RAT, R21) pada akhir tahun."),
        _("koperasi"),
        year,
        on,
        [_("Terdaftar"), _("Aktif")],
        people=False,
        source=_("Registri koperasi dinas"),
    )
    table = _build(table, counts)
    # Columns overlap (active ⊂ registered): the row "total" is the registered count, not a sum.
    table.grand_total = sum(row.values[0] for row in table.rows)
    for row in table.rows:
        row.total = row.values[0]
    return table


def program_beneficiaries(year: int) -> Table:
    from berdaya.programs.models import RECEIVED_STATES, Application, Kind

    rows = (
        Application.objects.filter(year=year, state__in=RECEIVED_STATES, person__isnull=False)
        .annotate(kec=Substr("kelurahan_id", 1, 8))
        .values("kec", "program__kind")
        .annotate(n=Count("person", distinct=True))
        .order_by()
    )
    kinds = [k for k in Kind if k != Kind.OTHER] + [Kind.OTHER]
    index = {k.value: i for i, k in enumerate(kinds)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(kinds))
    for row in rows:
        if row["kec"]:
            counts[row["kec"]][index[row["program__kind"]]] += row["n"]
    used = [i for i in range(len(kinds)) if any(values[i] for values in counts.values())] or [0]
    table = Table(
        "penerima-program",
        _("Penerima program bantuan"),
        _("Orang yang menerima bantuan dinas pada tahun itu, per kecamatan dan jenis bantuan."),
        _("orang"),
        year,
        _year_end(year),
        [str(kinds[i].label) for i in used],
        source=_("Program bantuan dinas"),
    )
    return _build(table, {code: [values[i] for i in used] for code, values in counts.items()})


def job_seekers(year: int) -> Table:
    """AK/1 cards registered in the year (R37) and job seekers placed, by verified start date (R38a), by the
    kecamatan where the job seeker lives (naker.figures)."""
    from berdaya.naker import figures

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    columns = [
        (_("Pencari kerja terdaftar"), figures.registered_seekers(start, end)),
        (_("Ditempatkan"), figures.placed_seekers(start, end)),
    ]
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * len(columns))
    for i, (_label, seekers) in enumerate(columns):
        rows = (
            seekers.annotate(kec=Substr("person__kelurahan_id", 1, 8))
            .values("kec")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in rows:
            if row["kec"]:
                counts[row["kec"]][i] = row["n"]
    table = Table(
        "pencari-kerja",
        _("Pencari kerja dan penempatan"),
        _("Kartu kuning (AK/1) terdaftar dan pencari kerja yang ditempatkan, per kecamatan tempat tinggal."),
        _("orang"),
        year,
        _year_end(year),
        [str(label) for label, _seekers in columns],
        source=_("Registri pencari kerja dinas (AK/1)"),
    )
    table = _build(table, counts)
    # Placed job seekers are also registered: the row total is the registered count, not a sum.
    table.grand_total = sum(counts[code][0] for code, _name in selectors.kecamatan_choices())
    for row in table.rows:
        row.total = row.values[0] if row.values[0] is not None else None
    return table


DATASETS = {
    "usaha-mikro-sektor": (gettext_lazy("Usaha mikro menurut sektor"), umkm_by_sector),
    "usaha-mikro-kelas": (gettext_lazy("Usaha menurut kelas usaha"), umkm_by_class),
    "koperasi-aktif": (gettext_lazy("Koperasi aktif"), cooperatives_active),
    "penerima-program": (gettext_lazy("Penerima program bantuan"), program_beneficiaries),
    "pencari-kerja": (gettext_lazy("Pencari kerja dan penempatan"), job_seekers),
}


def as_records(table: Table) -> list[dict]:
    """Long format, one record per kecamatan and category (Satu Data Indonesia tables)."""
    jurisdiction = selectors.jurisdiction_name()
    records = []
    for row in table.rows:
        for column, value in zip(table.columns, row.values, strict=True):
            records.append(
                {
                    "kode_kabupaten_kota": settings.BERDAYA_JURISDICTION,
                    "nama_kabupaten_kota": jurisdiction,
                    "kode_kecamatan": row.code,
                    "nama_kecamatan": row.name,
                    "kategori": column,
                    "jumlah": value,
                    "keterangan": "" if value is not None else "<5",
                    "satuan": table.unit,
                    "tahun": table.year,
                }
            )
    return records
