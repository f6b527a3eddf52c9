"""lib.size_class: the legal size class at every boundary (domain.md R14-R18), without a database."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from berdaya.lib.size_class import SizeClass, classify, format_rupiah, is_scale_up, rank, worker_class

JT = 10**6
M = 10**9


def row(**fields):
    base = dict.fromkeys(
        f"{measure}_{size}_max"
        for measure in ("assets", "capital", "sales")
        for size in ("micro", "small", "medium")
    )
    return SimpleNamespace(**(base | {"tie_break": "smaller"} | fields))


UU_20_2008 = row(
    valid_from=None,
    valid_to=dt.date(2021, 2, 1),
    legal_basis="UU 20/2008",
    basis="assets_or_sales",
    assets_micro_max=Decimal(50 * JT),
    assets_small_max=Decimal(500 * JT),
    assets_medium_max=Decimal(10 * M),
    sales_micro_max=Decimal(300 * JT),
    sales_small_max=Decimal("2500000000"),
    sales_medium_max=Decimal(50 * M),
)
PP_7_2021_CAPITAL = row(
    valid_from=dt.date(2021, 2, 2),
    valid_to=None,
    legal_basis="PP 7/2021",
    basis="capital",
    capital_micro_max=Decimal(1 * M),
    capital_small_max=Decimal(5 * M),
    capital_medium_max=Decimal(10 * M),
)
PP_7_2021_SALES = row(
    valid_from=dt.date(2021, 2, 2),
    valid_to=None,
    legal_basis="PP 7/2021",
    basis="sales",
    sales_micro_max=Decimal(2 * M),
    sales_small_max=Decimal(15 * M),
    sales_medium_max=Decimal(50 * M),
)
ROWS = [UU_20_2008, PP_7_2021_CAPITAL, PP_7_2021_SALES]
AFTER = dt.date(2024, 12, 31)
BEFORE = dt.date(2020, 12, 31)


def size(**kwargs):
    return classify(criteria_rows=ROWS, **kwargs).size_class


# domain.md R15 + R16: capital bounds, inclusive ("paling banyak").
@pytest.mark.parametrize(
    ("capital", "expected"),
    [
        (0, SizeClass.MIKRO),
        (1 * M, SizeClass.MIKRO),  # domain.md R16: exactly Rp 1 M is micro
        (1 * M + 1, SizeClass.KECIL),  # domain.md R16: one rupiah more is small
        (5 * M, SizeClass.KECIL),
        (5 * M + 1, SizeClass.MENENGAH),
        (10 * M, SizeClass.MENENGAH),
        (10 * M + 1, SizeClass.BESAR),
    ],
)
def test_capital_bounds_from_2021(capital, expected):
    assert size(on=AFTER, capital=capital) == expected


# domain.md R15 + R16: annual-sales bounds (programmes; the registry's fallback when capital is unknown).
@pytest.mark.parametrize(
    ("sales", "expected"),
    [
        (2 * M, SizeClass.MIKRO),
        (2 * M + 1, SizeClass.KECIL),
        (15 * M, SizeClass.KECIL),
        (15 * M + 1, SizeClass.MENENGAH),
        (50 * M, SizeClass.MENENGAH),
        (50 * M + 1, SizeClass.BESAR),
    ],
)
def test_sales_bounds_from_2021(sales, expected):
    assert size(on=AFTER, sales=sales) == expected


# domain.md R14 + R16: UU 20/2008 bounds for assets and for sales.
@pytest.mark.parametrize(
    ("assets", "expected"),
    [
        (50 * JT, SizeClass.MIKRO),
        (50 * JT + 1, SizeClass.KECIL),
        (500 * JT, SizeClass.KECIL),
        (500 * JT + 1, SizeClass.MENENGAH),
        (10 * M, SizeClass.MENENGAH),
        (10 * M + 1, SizeClass.BESAR),
    ],
)
def test_asset_bounds_before_2021(assets, expected):
    assert size(on=BEFORE, assets=assets) == expected


@pytest.mark.parametrize(
    ("sales", "expected"),
    [
        (300 * JT, SizeClass.MIKRO),
        (300 * JT + 1, SizeClass.KECIL),
        (2_500 * JT, SizeClass.KECIL),
        (2_500 * JT + 1, SizeClass.MENENGAH),
        (50 * M, SizeClass.MENENGAH),
        (50 * M + 1, SizeClass.BESAR),
    ],
)
def test_sales_bounds_before_2021(sales, expected):
    assert size(on=BEFORE, sales=sales) == expected


def test_the_criteria_change_on_2_february_2021():
    # domain.md R14/R15: 2021-02-01 is still UU 20/2008; 2021-02-02 is PP 7/2021.
    figures = {"capital": 800 * JT, "assets": 800 * JT, "sales": 1_000 * JT}
    old = classify(on=dt.date(2021, 2, 1), criteria_rows=ROWS, **figures)
    new = classify(on=dt.date(2021, 2, 2), criteria_rows=ROWS, **figures)
    # assets 800 jt = menengah, sales 1 M = kecil: the smaller class.
    assert (old.size_class, old.criteria) == (SizeClass.KECIL, UU_20_2008)
    assert (new.size_class, new.criteria) == (SizeClass.MIKRO, PP_7_2021_CAPITAL)


def test_before_2021_a_disagreement_takes_the_smaller_class_by_default():
    # domain.md R14: assets say micro, sales say small -> micro (tie-break: the smaller class).
    result = classify(on=BEFORE, assets=40 * JT, sales=400 * JT, criteria_rows=ROWS)
    assert result.size_class == SizeClass.MIKRO
    assert result.measure == "assets"
    assert "diambil kelas terkecil" in result.reason


def test_the_tie_break_is_configurable():
    # domain.md R14 "(to confirm)": the office may choose the larger class instead.
    larger = row(**(vars(UU_20_2008) | {"tie_break": "larger"}))
    result = classify(on=BEFORE, assets=40 * JT, sales=400 * JT, criteria_rows=[larger])
    assert result.size_class == SizeClass.KECIL
    assert "diambil kelas terbesar" in result.reason


def test_before_2021_one_known_criterion_decides_alone():
    # domain.md R14
    assert size(on=BEFORE, sales=250 * JT) == SizeClass.MIKRO
    assert size(on=BEFORE, assets=600 * JT) == SizeClass.MENENGAH


def test_from_2021_the_registry_prefers_capital_and_programmes_prefer_sales():
    # domain.md R15: registration by capital, programmes by annual sales.
    figures = {"on": AFTER, "capital": 800 * JT, "sales": 3 * M, "criteria_rows": ROWS}
    assert classify(**figures).size_class == SizeClass.MIKRO
    assert classify(**figures, purpose="program").size_class == SizeClass.KECIL


def test_the_reason_cites_the_figure_the_bound_and_the_law():
    result = classify(on=AFTER, sales=Decimal("1800000000"), criteria_rows=ROWS)
    assert result.reason == "Mikro: penjualan Rp 1,8 M ≤ Rp 2 M, PP 7/2021"
    result = classify(on=AFTER, capital=1 * M + 1, criteria_rows=ROWS)
    assert result.reason == "Kecil: modal Rp 1.000.000.001 > Rp 1 M dan ≤ Rp 5 M, PP 7/2021"
    result = classify(on=BEFORE, assets=40 * JT, sales=250 * JT, criteria_rows=ROWS)
    assert result.reason == "Mikro: aset Rp 40 jt ≤ Rp 50 jt; penjualan Rp 250 jt ≤ Rp 300 jt, UU 20/2008"


def test_nothing_to_classify_gives_no_class_and_says_why():
    assert classify(on=AFTER, criteria_rows=ROWS).size_class == ""
    assert "belum diisi" in classify(on=AFTER, criteria_rows=ROWS).reason
    assert "Tidak ada kriteria" in classify(on=AFTER, capital=1, criteria_rows=[]).reason


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("1800000000"), "Rp 1,8 M"),
        (2 * M, "Rp 2 M"),
        (2_500 * JT, "Rp 2,5 M"),
        (300 * JT, "Rp 300 jt"),
        (Decimal("1717000000"), "Rp 1,717 M"),
        (1 * M + 1, "Rp 1.000.000.001"),
        (750_000, "Rp 750.000"),
        (Decimal("12500.50"), "Rp 12.500,5"),
        (0, "Rp 0"),
        (3 * 10**12, "Rp 3 T"),
    ],
)
def test_rupiah_is_written_the_indonesian_way(amount, text):
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("workers", "expected"),
    [(0, ""), (1, "mikro"), (4, "mikro"), (5, "kecil"), (19, "kecil"), (20, "menengah"), (99, "menengah")]
    + [(100, "besar")],
)
def test_worker_class_follows_bps(workers, expected):
    # domain.md R17
    assert worker_class(workers) == expected


def test_naik_kelas_is_a_move_up_from_micro():
    # domain.md R18
    assert is_scale_up("mikro", "kecil")
    assert is_scale_up("mikro", "besar")
    assert not is_scale_up("mikro", "mikro")
    assert not is_scale_up("kecil", "menengah")  # only moves out of micro count
    assert not is_scale_up("kecil", "mikro")
    assert not is_scale_up("mikro", "")
    assert rank("besar") == 3 and rank("") is None
