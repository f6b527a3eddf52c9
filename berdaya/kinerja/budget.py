"""The budget tree (program → kegiatan → sub kegiatan) with rolled-up totals and absorption bands, and the
reading of a realisation table shaped like seed 003's Tabel 3.3 (sakip.md S7-S8, S11)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from . import formulas
from .formulas import BandSpec
from .models import BudgetItem, BudgetQuarter

HUNDRED = Decimal(100)


@dataclass
class Node:
    item: BudgetItem
    children: list[Node] = field(default_factory=list)
    own_financial: Decimal = Decimal(0)  # the item's own quarterly rows (typed or imported)
    quarters: dict[int, Decimal] = field(default_factory=dict)  # rolled up per quarter
    physical: Decimal | None = None
    band: BandSpec | None = None

    @property
    def pagu(self) -> Decimal:
        """S8: a parent's pagu is the sum of its children's, never typed."""
        return sum((c.pagu for c in self.children), Decimal(0)) if self.children else self.item.pagu

    @property
    def financial(self) -> Decimal:
        return sum(self.quarters.values(), Decimal(0))

    @property
    def absorption(self) -> Decimal | None:
        return self.financial / self.pagu * HUNDRED if self.pagu else None

    def walk(self, depth: int = 0):
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def tree(year: int, bands: list[BandSpec]) -> list[Node]:
    """The year's programs, each with its children, totals rolled up from the leaves."""
    items = list(BudgetItem.objects.filter(year=year).order_by("order", "pk"))
    nodes = {item.pk: Node(item) for item in items}
    own: dict[int, dict[int, Decimal]] = defaultdict(dict)
    physical: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in BudgetQuarter.objects.filter(item__year=year):
        own[row.item_id][row.quarter] = row.financial
        if row.physical is not None:
            physical[row.item_id][row.quarter] = row.physical
    roots = []
    for item in items:
        node = nodes[item.pk]
        node.own_financial = sum(own[item.pk].values(), Decimal(0))
        if item.parent_id in nodes:
            nodes[item.parent_id].children.append(node)
        else:
            roots.append(node)

    def roll(node: Node) -> None:
        for child in node.children:
            roll(child)
        if node.children:
            for child in node.children:
                for quarter, amount in child.quarters.items():
                    node.quarters[quarter] = node.quarters.get(quarter, Decimal(0)) + amount
            weights = [(c.pagu, c.physical) for c in node.children if c.physical is not None]
            total = sum((w for w, _ in weights), Decimal(0))
            node.physical = sum((w * p for w, p in weights), Decimal(0)) / total if total else None
        else:
            node.quarters = dict(own[node.item.pk])
            latest = physical[node.item.pk]
            node.physical = latest[max(latest)] if latest else None
        node.band = formulas.band_for(node.absorption, bands)

    for root in roots:
        roll(root)
    return roots


# Reading Tabel 3.3 -------------------------------------------------------------------------------------


def parse_money(value) -> Decimal | None:
    """Indonesian money: "14.868.946.862", "0,-", "1.540.000" or a number cell."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = re.sub(r"[^\d,\-]", "", str(value)).rstrip("-").rstrip(",")
    if text in {"", "-"}:
        return Decimal(0) if "0" in str(value) else None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def parse_percent(value) -> Decimal | None:
    """A printed percentage: "90,29", "93.77", "100%", "-100" or a number cell."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).replace("%", "").replace(",", ".").strip()
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def normalise_category(text: str, labels: list[str]) -> str:
    """The seed prints "Sangat Berhasi 1": drop footnote digits and match a band label leniently."""
    cleaned = re.sub(r"\s*\d+\s*$", "", str(text or "")).strip()
    for label in labels:
        if cleaned.lower() == label.lower() or cleaned.lower() == label.lower()[:-1]:
            return label
    return cleaned


def level_of(name: str) -> int:
    lowered = name.strip().lower()
    if lowered.startswith("program"):
        return BudgetItem.Level.PROGRAM
    if lowered.startswith("sub kegiatan"):
        return BudgetItem.Level.SUB_ACTIVITY
    return BudgetItem.Level.ACTIVITY


@dataclass
class Row:
    number: int  # line in the file
    code: str
    name: str
    level: int
    pagu: Decimal
    financial: Decimal
    percent: Decimal | None
    category: str


def read_rows(rows, labels: list[str]) -> tuple[list[Row], list[str]]:
    """Rows of (No, Kegiatan, pagu, [rencana fisik,] realisasi Rp, persen, KET) into ``Row``s and errors.

    Accepts the seed's seven columns (with planned physical %) or six without it; skips headings."""
    parsed, errors = [], []
    for number, raw in enumerate(rows, start=1):
        cells = ["" if c is None else c for c in raw]
        if len(cells) >= 7:
            cells = [cells[0], cells[1], cells[2], cells[4], cells[5], cells[6]]
        cells = (list(cells) + [""] * 6)[:6]
        code, name, pagu, financial, percent, category = cells
        name = str(name).strip()
        if not name or name.lower() in {"kegiatan", "uraian"}:
            continue
        pagu_value = parse_money(pagu)
        if pagu_value is None:
            if number > 2:
                errors.append(f"Baris {number}: pagu «{pagu}» bukan angka rupiah.")
            continue
        parsed.append(
            Row(
                number=number,
                code=str(code).strip(),
                name=name,
                level=level_of(name),
                pagu=pagu_value,
                financial=parse_money(financial) or Decimal(0),
                percent=parse_percent(percent),
                category=normalise_category(category, labels),
            )
        )
    return parsed, errors


def rows_from_xlsx(file) -> list[tuple]:
    """The first sheet's rows as tuples of cell values (openpyxl, read-only)."""
    from openpyxl import load_workbook

    workbook = load_workbook(file, read_only=True, data_only=True)
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
