"""Every table of the report, described once: the DOCX shows them formatted the Indonesian way, the XLSX
writes the same cells as numbers with number formats. Values stay Decimals (S5: round only for display)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .data import LakipData
from .numbers import fmt_number


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    NUM = "num"  # a number with up to 2 decimals
    PCT = "pct"  # a percentage, shown with 2 decimals and %
    RP = "rp"  # Rupiah


@dataclass
class Column:
    title: str
    kind: Kind = Kind.TEXT
    width: float = 0  # relative width in the DOCX; 0 = share the rest


@dataclass
class Table:
    key: str  # stable name, also the XLSX sheet's base name
    number: str  # "3.1"
    title: str
    columns: list[Column]
    rows: list[list] = field(default_factory=list)
    bold_rows: set[int] = field(default_factory=set)  # row indexes shown bold (programs, totals)
    source: str = ""

    @property
    def caption(self) -> str:
        return f"Tabel {self.number} {self.title}" if self.number else self.title


C, K = Column, Kind


def staff_tables(data: LakipData) -> list[Table]:
    tables = []
    for index, staff in enumerate(data.staff_tables, start=1):
        rows = [[row.label, row.count] for row in staff.rows] + [["Jumlah", staff.total]]
        tables.append(
            Table(
                f"staff{index}",
                f"1.{index}",
                staff.title,
                [C("Uraian"), C("Jumlah", K.INT, 1)],
                rows,
                {len(rows) - 1},
            )
        )
    return tables


def placement_table(data: LakipData) -> Table:
    number = f"1.{len(data.staff_tables) + 1}"
    rows = [[h.year, h.registered, h.placed, h.ratio] for h in data.placement_history]
    columns = [
        C("Tahun", K.INT),
        C("Pencari kerja terdaftar", K.INT),
        C("Ditempatkan", K.INT),
        C("Rasio", K.PCT),
    ]
    return Table("placement", number, "Rasio Pencari Kerja Terdaftar dan yang Ditempatkan", columns, rows)


def plan_table(data: LakipData) -> Table:
    rows = []
    for number, goal in enumerate(data.renstra.goals, start=1):
        for index, target in enumerate(goal.targets or [None]):
            rows.append(
                [
                    number if index == 0 else "",
                    goal.name if index == 0 else "",
                    target.name if target else "",
                    "; ".join(target.strategies) if target else "",
                    "; ".join(target.policies) if target else "",
                ]
            )
    columns = [C("No", K.TEXT, 0.5), C("Tujuan"), C("Sasaran"), C("Strategi"), C("Arah kebijakan")]
    return Table(
        "plan",
        "2.1",
        f"Tujuan, Sasaran, Strategi dan Arah Kebijakan (Renstra {data.renstra.period})",
        columns,
        rows,
    )


def iku_table(data: LakipData, *, number: str = "2.2", key: str = "iku") -> Table:
    rows = [
        [
            i,
            r.indicator.target_name,
            r.indicator.name,
            r.indicator.unit,
            r.indicator.formula,
            r.indicator.data_source,
            r.indicator.responsible_unit,
        ]
        for i, r in enumerate(data.iku, start=1)
    ]
    columns = [
        C("No", K.TEXT, 0.5),
        C("Sasaran strategis"),
        C("Indikator kinerja utama"),
        C("Satuan", K.TEXT, 0.75),
        C("Formula"),
        C("Sumber data"),
        C("Penanggung jawab"),
    ]
    return Table(key, number, "Indikator Kinerja Utama", columns, rows)


def agreement_table(data: LakipData, *, number: str = "2.3", key: str = "pk") -> Table:
    rows = [
        [i, row.target_name, row.indicator, row.target, row.unit]
        for i, row in enumerate(data.agreement.rows, start=1)
    ]
    columns = [
        C("No", K.TEXT, 0.5),
        C("Sasaran strategis"),
        C("Indikator kinerja"),
        C("Target", K.NUM, 0.7),
        C("Satuan", K.TEXT, 0.75),
    ]
    return Table(key, number, data.agreement.title, columns, rows)


def priority_table(data: LakipData) -> Table:
    rows = [[i, p.name, p.amount] for i, p in enumerate(data.priority_programs, start=1)]
    if rows:
        rows.append(["", "Jumlah", sum((p.amount for p in data.priority_programs), 0)])
    return Table(
        "priority",
        "2.4",
        "Program Prioritas Pendukung Sasaran",
        [C("No", K.TEXT, 0.5), C("Program"), C("Pagu", K.RP, 1.2)],
        rows,
        {len(rows) - 1},
    )


def _band_rule(band) -> str:
    low = f"{'≥' if band.lower_closed else '>'} {fmt_number(band.lower)}" if band.lower is not None else ""
    high = f"{'≤' if band.upper_closed else '<'} {fmt_number(band.upper)}" if band.upper is not None else ""
    return " dan ".join(part for part in (low, high) if part) or "semua"


def bands_table(data: LakipData) -> Table:
    rows = [[_band_rule(band), band.label] for band in data.bands_high_first]
    return Table("bands", "3.1", "Kategori Capaian Kinerja", [C("Capaian (%)"), C("Kategori")], rows)


def results_table(data: LakipData) -> Table:
    rows = [
        [
            r.indicator.shown,
            r.indicator.name,
            r.indicator.unit,
            r.target,
            r.realisation,
            r.achievement,
            data.category(r.achievement),
        ]
        for r in data.results
    ]
    columns = [
        C("No", K.TEXT, 0.95),
        C("Indikator", K.TEXT, 2.0),
        C("Satuan", K.TEXT, 0.8),
        C("Target", K.NUM, 0.7),
        C("Realisasi", K.NUM, 0.95),
        C("Capaian", K.PCT, 0.9),
        C("Kategori", K.TEXT, 1.0),
    ]
    return Table(
        "results", "3.2", f"Capaian Indikator Tujuan dan Sasaran Strategis Tahun {data.year}", columns, rows
    )


def trend_table(data: LakipData) -> Table:
    results = [r for r in data.results if r.history]
    years = sorted({p.year for r in results for p in r.history} | {data.year})
    columns = [C("Indikator"), C("Satuan", K.TEXT, 0.75)] + [C(str(y), K.NUM, 0.6) for y in years]
    rows = []
    for r in results:
        by_year = {p.year: p.realisation for p in r.history} | {data.year: r.realisation}
        rows.append([r.indicator.name, r.indicator.unit] + [by_year.get(y) for y in years])
    return Table("trend", "3.3", "Realisasi Indikator dari Tahun ke Tahun", columns, rows)


def end_target_table(data: LakipData) -> Table:
    rows = [
        [r.indicator.name, r.indicator.unit, r.realisation, r.renstra_end_target, r.vs_end_target]
        for r in data.iku
    ]
    columns = [
        C("Indikator"),
        C("Satuan", K.TEXT, 0.75),
        C(f"Realisasi {data.year}", K.NUM, 0.8),
        C(f"Target akhir Renstra {data.renstra.end_year}", K.NUM, 0.9),
        C("Capaian", K.PCT, 0.7),
    ]
    return Table("endtarget", "3.4", "Realisasi terhadap Target Akhir Renstra", columns, rows)


def division_tables(data: LakipData) -> list[Table]:
    tables = []
    for index, division in enumerate(data.division_tables, start=1):
        rows = [
            [
                row.target_name,
                row.program,
                row.indicator,
                row.unit,
                row.target,
                row.realisation,
                row.achievement,
                data.category(row.achievement),
            ]
            for row in division.rows
        ]
        columns = [
            C("Sasaran strategis"),
            C("Program/sub kegiatan"),
            C("Indikator kinerja"),
            C("Satuan", K.TEXT, 0.75),
            C("Target", K.NUM, 0.7),
            C("Realisasi", K.NUM, 0.7),
            C("Capaian", K.PCT, 0.7),
            C("Kategori", K.TEXT, 0.9),
        ]
        tables.append(
            Table(
                f"division{index}",
                f"3.{4 + index}",
                f"Capaian Indikator Kinerja {division.division}",
                columns,
                rows,
            )
        )
    return tables


LEVEL_LABEL = {"program": "Program", "activity": "Kegiatan", "sub_activity": "Sub kegiatan"}


def budget_table(data: LakipData) -> Table:
    rows, bold = [], set()
    for row in data.budget:
        computed = data.category(row.absorption)
        typed = row.typed_category.strip()
        note = (
            ""
            if not typed or typed.casefold() == computed.casefold()
            else f"tercatat: {typed} (tidak sesuai)"
        )
        if row.level != "sub_activity":
            bold.add(len(rows))
        rows.append(
            [
                row.code,
                LEVEL_LABEL[row.level],
                row.name,
                row.pagu,
                row.realisation,
                row.absorption,
                row.physical,
                computed,
                note,
            ]
        )
    pagu, spent = data.budget_total
    bold.add(len(rows))
    rows.append(
        [
            "",
            "",
            "Jumlah",
            pagu,
            spent,
            (spent / pagu * 100) if pagu else None,
            None,
            data.category((spent / pagu * 100) if pagu else None),
            "",
        ]
    )
    columns = [
        C("Kode", K.TEXT, 0.5),
        C("Tingkat", K.TEXT, 1.05),
        C("Uraian", K.TEXT, 3),
        C("Pagu", K.RP, 1.3),
        C("Realisasi keuangan", K.RP, 1.3),
        C("Keuangan (%)", K.PCT, 1.0),
        C("Fisik (%)", K.PCT, 0.9),
        C("Kategori", K.TEXT, 1.1),
        C("Catatan", K.TEXT, 1.4),
    ]
    number = f"3.{5 + len(data.division_tables)}"
    return Table("budget", number, f"Realisasi Fisik dan Keuangan Tahun {data.year}", columns, rows, bold)


def revenue_table(data: LakipData) -> Table:
    rows = [[r.name, r.target, r.realisation, r.absorption] for r in data.revenue]
    number = f"3.{6 + len(data.division_tables)}"
    columns = [C("Uraian"), C("Target", K.RP, 1), C("Realisasi", K.RP, 1), C("Capaian", K.PCT, 0.7)]
    return Table("revenue", number, f"Target dan Realisasi Pendapatan Tahun {data.year}", columns, rows)


def all_tables(data: LakipData) -> dict[str, Table]:
    """Every table by key, in report order."""
    tables = [
        *staff_tables(data),
        placement_table(data),
        plan_table(data),
        iku_table(data),
        agreement_table(data),
        priority_table(data),
        bands_table(data),
        results_table(data),
        trend_table(data),
        end_target_table(data),
        *division_tables(data),
        budget_table(data),
        revenue_table(data),
    ]
    return {table.key: table for table in tables}
