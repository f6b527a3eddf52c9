"""Business size class (domain.md R14-R18), as pure functions over dated criteria rows.

The criteria are data (``umkm.SizeCriteria``, or any object with the same attributes), so a new regulation
is a new row, not a code change. ``classify`` picks the rows in force on the observation's date:

- R14, before 2021-02-02 (UU 20/2008): net assets (excluding land and buildings) **or** annual sales.
  When both are known and disagree, the row's ``tie_break`` decides (default: the smaller class).
  When only one is known, that one decides.
- R15, from 2021-02-02 (PP 7/2021): two separate criteria. Business capital is the criterion for
  registration; annual sales the criterion for programmes (facilitation/empowerment). The registry's
  legal class (``purpose="registration"``, stored on observations) uses capital when it is known and
  falls back to annual sales; ``purpose="program"`` does the reverse.
- R16: every upper bound is inclusive ("paling banyak"): Rp 1.000.000.000 capital is micro,
  Rp 1.000.000.001 is small.
- R17: the worker-count class (``worker_class``) is a separate attribute; it never changes the legal class.
- R18: ``is_scale_up`` says whether a move between two observations is "naik kelas".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

__all__ = [
    "SizeClass",
    "SizeResult",
    "classify",
    "criteria_in_force",
    "format_rupiah",
    "is_scale_up",
    "rank",
    "worker_class",
]


class SizeClass(models.TextChoices):
    MIKRO = "mikro", _("Mikro")
    KECIL = "kecil", _("Kecil")
    MENENGAH = "menengah", _("Menengah")
    BESAR = "besar", _("Besar")


_ORDER = (SizeClass.MIKRO, SizeClass.KECIL, SizeClass.MENENGAH, SizeClass.BESAR)
# Reasons are stored data and read by Indonesian staff: Indonesian whatever the session language.
_LABEL = {
    SizeClass.MIKRO: "Mikro",
    SizeClass.KECIL: "Kecil",
    SizeClass.MENENGAH: "Menengah",
    SizeClass.BESAR: "Besar",
}
_MEASURE_LABEL = {"assets": "aset", "capital": "modal", "sales": "penjualan"}


def rank(size_class: str | None) -> int | None:
    """0 for mikro up to 3 for besar; None for an unknown class."""
    try:
        return _ORDER.index(size_class)  # type: ignore[arg-type]
    except ValueError:
        return None


def is_scale_up(before: str | None, after: str | None) -> bool:
    """domain.md R18: "naik kelas" is a move from micro to small or higher between two observations."""
    return before == SizeClass.MIKRO and (rank(after) or 0) > 0


def worker_class(workers: int | None) -> str:
    """domain.md R17 (BPS): 1-4 mikro, 5-19 kecil, 20-99 menengah, >= 100 besar; "" for none recorded."""
    if not workers or workers < 1:
        return ""
    if workers <= 4:
        return SizeClass.MIKRO
    if workers <= 19:
        return SizeClass.KECIL
    if workers <= 99:
        return SizeClass.MENENGAH
    return SizeClass.BESAR


def _trim(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_rupiah(amount: Decimal | int) -> str:
    """Indonesian-style short Rupiah: Rp 1,8 M (miliar), Rp 300 jt (juta), Rp 2,5 T (triliun).

    A short form is used only when it is exact to three decimals; otherwise the full amount with dot
    thousands separators, so boundary cases stay honest (Rp 1.000.000.001, not "Rp 1 M").
    """
    amount = Decimal(amount)
    for unit, suffix in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "M"), (Decimal(10) ** 6, "jt")):
        if abs(amount) >= unit:
            scaled = amount / unit
            if scaled == scaled.quantize(Decimal("0.001")):
                return f"Rp {_trim(scaled)} {suffix}"
            break
    whole = amount.quantize(Decimal(1))
    text = f"{whole:,}".replace(",", ".")
    if amount != whole:
        text += "," + format(amount, "f").split(".")[1].rstrip("0")
    return f"Rp {text}"


@dataclass(frozen=True)
class SizeResult:
    size_class: str  # a SizeClass value, or "" when nothing could be classified
    reason: str
    criteria: object | None  # the criteria row that decided
    measure: str = ""  # "assets", "capital" or "sales": what decided

    @property
    def reason_text(self) -> str:
        return self.reason


def _in_force(row, on: dt.date) -> bool:
    return (row.valid_from is None or row.valid_from <= on) and (row.valid_to is None or on <= row.valid_to)


def criteria_in_force(rows: Iterable, on: dt.date) -> list:
    return [row for row in rows if _in_force(row, on)]


def _bounds(row, measure: str) -> tuple[Decimal, Decimal, Decimal] | None:
    values = tuple(getattr(row, f"{measure}_{size}_max", None) for size in ("micro", "small", "medium"))
    return None if None in values else values  # type: ignore[return-value]


def _class_by(value: Decimal, bounds: Sequence[Decimal]) -> tuple[str, str]:
    """(class, comparison text). domain.md R16: upper bounds are inclusive ("paling banyak")."""
    micro, small, medium = bounds
    if value <= micro:
        return SizeClass.MIKRO, f"≤ {format_rupiah(micro)}"
    if value <= small:
        return SizeClass.KECIL, f"> {format_rupiah(micro)} dan ≤ {format_rupiah(small)}"
    if value <= medium:
        return SizeClass.MENENGAH, f"> {format_rupiah(small)} dan ≤ {format_rupiah(medium)}"
    return SizeClass.BESAR, f"> {format_rupiah(medium)}"


def _part(measure: str, value: Decimal, comparison: str) -> str:
    return f"{_MEASURE_LABEL[measure]} {format_rupiah(value)} {comparison}"


def _single(row, measure: str, value: Decimal) -> SizeResult:
    size, comparison = _class_by(value, _bounds(row, measure))
    reason = f"{_LABEL[size]}: {_part(measure, value, comparison)}, {row.legal_basis}"
    return SizeResult(size, reason, row, measure)


def _assets_or_sales(row, assets: Decimal | None, sales: Decimal | None) -> SizeResult:
    """domain.md R14: assets or sales; the tie-break settles a disagreement."""
    if assets is None:
        return _single(row, "sales", sales)  # type: ignore[arg-type]
    if sales is None:
        return _single(row, "assets", assets)
    by_assets, assets_text = _class_by(assets, _bounds(row, "assets"))
    by_sales, sales_text = _class_by(sales, _bounds(row, "sales"))
    if by_assets == by_sales:
        reason = (
            f"{_LABEL[by_assets]}: {_part('assets', assets, assets_text)}; "
            f"{_part('sales', sales, sales_text)}, {row.legal_basis}"
        )
        return SizeResult(by_assets, reason, row, "assets")
    larger = getattr(row, "tie_break", "smaller") == "larger"
    pick_assets = (rank(by_assets) > rank(by_sales)) == larger
    size, measure = (by_assets, "assets") if pick_assets else (by_sales, "sales")
    rule = "kelas terbesar" if larger else "kelas terkecil"
    reason = (
        f"{_LABEL[size]}: {_part('assets', assets, assets_text)} ({_LABEL[by_assets]}); "
        f"{_part('sales', sales, sales_text)} ({_LABEL[by_sales]}); diambil {rule}, {row.legal_basis}"
    )
    return SizeResult(size, reason, row, measure)


def _decimal(value) -> Decimal | None:
    return None if value is None or value == "" else Decimal(value)


def classify(
    *,
    on: dt.date,
    capital=None,
    assets=None,
    sales=None,
    criteria_rows: Iterable,
    purpose: str = "registration",
) -> SizeResult:
    """The legal size class of figures dated ``on``, by the criteria rows in force on that date.

    ``criteria_rows``: objects with valid_from, valid_to, legal_basis, basis ("assets_or_sales",
    "capital", "sales"), ``<measure>_<micro|small|medium>_max`` and tie_break (see umkm.SizeCriteria).
    ``purpose``: "registration" prefers capital over sales (R15); "program" prefers sales.
    """
    capital, assets, sales = _decimal(capital), _decimal(assets), _decimal(sales)
    rows = {row.basis: row for row in criteria_in_force(criteria_rows, on)}
    if "assets_or_sales" in rows and (assets is not None or sales is not None):
        return _assets_or_sales(rows["assets_or_sales"], assets, sales)
    order = (("capital", capital), ("sales", sales))
    if purpose == "program":
        order = order[::-1]
    for basis, value in order:
        if basis in rows and value is not None:
            return _single(rows[basis], basis, value)
    if not rows:
        return SizeResult("", f"Tidak ada kriteria ukuran usaha yang berlaku pada {date_format(on)}.", None)
    return SizeResult("", "Belum dapat ditentukan: data modal/aset/penjualan belum diisi.", None)
