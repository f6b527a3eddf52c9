"""Budget tree, roll-up, import of seed 003's Tabel 3.3 from XLSX and the S9-S11 checks it must raise."""

import io
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from berdaya.kinerja import budget, checks, services
from berdaya.kinerja.evaluation import bands_at
from berdaya.kinerja.models import BudgetItem
from berdaya.kinerja.seed_2022 import BUDGET_2022

pytestmark = pytest.mark.django_db
HEADER = [
    ("No", "Kegiatan", "Rencana", None, "Realisasi", None, "KET"),
    (None, None, "Keuangan (Rp)", "Fisik (%)", "Keuangan (Rp)", "Fisik (%)", None),
]


def seed_xlsx() -> io.BytesIO:
    """Tabel 3.3 of seed 003 as the office would type it into a spreadsheet (text cells as printed)."""
    workbook = Workbook()
    sheet = workbook.active
    for row in HEADER:
        sheet.append(row)
    for code, name, pagu, real, percent, category in BUDGET_2022:
        sheet.append((code, name, pagu, "100%", real, percent, category))
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    return out


@pytest.fixture
def imported(cast):
    rows = budget.rows_from_xlsx(seed_xlsx())
    return services.budget_import(actor=cast.sekretariat, year=2022, rows=rows)


def test_indonesian_numbers_are_read_as_printed():
    assert budget.parse_money("14.868.946.862") == D(14868946862)
    assert budget.parse_money("0,-") == 0
    assert budget.parse_money(1540000) == D(1540000)
    assert budget.parse_percent("90,29") == D("90.29")
    assert budget.parse_percent("100%") == 100
    assert budget.parse_percent("-100") == -100
    assert budget.normalise_category("Sangat Berhasi 1", ["Sangat Berhasil"]) == "Sangat Berhasil"


def test_the_seed_table_imports_as_a_tree_of_ten_programs(imported):
    assert len(imported) == len(BUDGET_2022)
    programs = BudgetItem.objects.filter(year=2022, level=BudgetItem.Level.PROGRAM)
    assert programs.count() == 10
    sub = BudgetItem.objects.get(code="32")
    assert sub.level == BudgetItem.Level.SUB_ACTIVITY
    assert sub.parent.parent.name == "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI"


def test_totals_roll_up_from_the_leaves(imported):  # sakip.md S8
    roots = budget.tree(2022, bands_at())
    koperasi = next(r for r in roots if r.item.name == "PROGRAM PENGAWASAN DAN PEMERIKSAAN KOPERASI")
    assert koperasi.pagu == D(343894900)
    assert koperasi.financial == D(338807400)
    assert round(koperasi.absorption, 2) == D("98.52")
    assert koperasi.band.label == "Sangat Berhasil"
    planning = next(r for r in roots if r.item.name == "PROGRAM PERENCANAAN TENAGA KERJA")
    assert planning.band.label == "Tidak Berhasil"  # 16.07 %: sakip.md S7


def test_importing_the_seed_surfaces_its_contradictions(imported):  # sakip.md S9, S10, S11
    findings = checks.budget_findings(2022)
    by_code = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding.subject)
    # S11: the activity whose realisation (Rp 13,544,000 of 8.2 billion) does not match its 90.29 %
    assert (
        "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
        in by_code["percent_mismatch"]
    )
    # S11: categories that contradict S7 (72.36 % printed "Sangat Berhasil", 16.07 % "Sangat Berhasil")
    mislabelled = by_code["category_mismatch"]
    assert "Sub Kegiatan Pengadaan Mebel" in mislabelled
    assert "Sub Kegiatan Penyusunan Rencana Tenaga Kerja Makro" in mislabelled
    assert "Kegiatan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah" in mislabelled  # 92.56 "Cukup"
    assert "Sub Kegiatan Fasilitasi Kunjungan Tamu" not in mislabelled  # 87.75 "Berhasil" is right
    # S9: the parent's realisation is not the sum of its sub-activities; a -100 % physical realisation
    assert (
        "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
        in by_code["realisation_sum"]
    )
    assert by_code["physical_range"] == [
        "Sub Kegiatan Pelaksanaan Penatausahaan dan Pengujian /Verifikasi Keuangan SKPD"
    ]
    assert all(f.url.startswith("/kinerja/anggaran/") for f in findings)


def test_every_contradiction_of_the_seed_table_is_one_finding(imported):  # sakip.md S10, S11
    findings = checks.budget_findings(2022)
    counts = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    assert len(findings) == 28
    assert counts == {
        "realisation_sum": 3,
        "pagu_sum": 1,
        "physical_range": 1,
        "percent_mismatch": 4,
        "category_mismatch": 17,
        "category_money_mismatch": 2,
    }


def test_a_category_is_checked_against_the_money_not_only_the_printed_percentage(imported):
    # 90.29 % printed "Sangat Berhasil" whose money (13.5 million of 8.2 billion) gives 0.16 %: twice over.
    findings = [
        f
        for f in checks.budget_findings(2022)
        if f.subject == "Kegiatan Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
        and f.code in {"percent_mismatch", "category_money_mismatch"}
    ]
    assert [f.code for f in findings] == ["percent_mismatch", "category_money_mismatch"]
    assert "0.16%" in findings[0].message and "90.29%" in findings[0].message
    message = findings[1].message  # it says which of the three numbers disagree
    assert "sesuai dengan persentase tertulis 90.29%" in message
    assert "Rp 13.544.000 dari pagu Rp 8.219.769.332 = 0.16%" in message and "«Tidak Berhasil»" in message


def test_the_percentage_tolerance_is_the_printing_precision(imported):
    # Printed 98.82 where the money gives 98.92: a 0.10-point typo is flagged ...
    job_fair = [f for f in checks.budget_findings(2022) if f.subject == "Sub Kegiatan Job Fair/Bursa Kerja"]
    assert [f.code for f in job_fair] == ["percent_mismatch"]
    # ... printing 16.07 for 16.077 % or 99.99 for 99.9996 % (cut, not rounded) is not.
    subjects = {f.subject for f in checks.budget_findings(2022) if f.code == "percent_mismatch"}
    assert "PROGRAM PERENCANAAN TENAGA KERJA" not in subjects
    assert "PROGRAM PEMBERDAYAAN DAN PERLINDUNGAN KOPERASI" not in subjects


def test_a_category_agreeing_with_the_money_names_the_printed_percentage_as_the_odd_one(cast):
    rows = [
        *HEADER,
        ("", "Program Contoh", "1.000.000", "100%", "950.000", "80,00", "Sangat Berhasil"),
        ("", "Program Lain", "1.000.000", "100%", "800.000", "95,00", "Tidak Berhasil"),
    ]
    services.budget_import(actor=cast.sekretariat, year=2023, rows=rows)
    findings = {(f.subject, f.code): f.message for f in checks.budget_findings(2023)}
    assert set(findings) == {
        ("Program Contoh", "percent_mismatch"),
        ("Program Contoh", "category_mismatch"),
        ("Program Lain", "percent_mismatch"),
        ("Program Lain", "category_mismatch"),
    }
    assert "sesuai dengan uangnya (95.00%)" in findings[("Program Contoh", "category_mismatch")]
    assert "persentasenya yang keliru" in findings[("Program Contoh", "category_mismatch")]
    # All three disagree: "Tidak Berhasil", 95 % (Sangat Berhasil) and 80 % from the money (Berhasil).
    assert findings[("Program Lain", "category_mismatch")].startswith("Ketiganya tidak sejalan")


def test_a_second_import_of_the_same_year_is_refused_unless_replacing(imported, cast):
    rows = budget.rows_from_xlsx(seed_xlsx())
    with pytest.raises(ValidationError):
        services.budget_import(actor=cast.sekretariat, year=2022, rows=rows)
    services.budget_import(actor=cast.sekretariat, year=2022, rows=rows, replace=True)
    assert BudgetItem.objects.filter(year=2022).count() == len(BUDGET_2022)


def test_an_unreadable_pagu_is_a_clear_error(cast):
    rows = [*HEADER, ("1", "Sub Kegiatan Contoh", "banyak", "100%", "1.000", "10", "")]
    with pytest.raises(ValidationError, match="pagu"):
        services.budget_import(actor=cast.sekretariat, year=2023, rows=rows)


def test_saving_realisation_over_pagu_runs_the_checks(cast):  # sakip.md S9
    program = BudgetItem.objects.create(year=2024, level=1, name="Program X", pagu=D(1000))
    sub = BudgetItem.objects.create(year=2024, level=3, parent=program, name="Sub X", pagu=D(1000), order=1)
    findings = services.budget_item_update(
        actor=cast.sekretariat, item=sub, data={}, quarters={1: (D(600), D(50)), 2: (D(500), D(100))}
    )
    assert [f.code for f in findings] == ["over_pagu", "over_pagu"]  # the sub and its program
    findings = services.budget_item_update(
        actor=cast.sekretariat, item=sub, data={"justification": "tambahan dari APBD-P"}, quarters={}
    )
    assert [f.subject for f in findings] == ["Program X"]
    assert budget.tree(2024, bands_at())[0].physical == 100
