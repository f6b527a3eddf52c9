"""WLKP import (berdaya.imports): company by NIB, the year's report, compliance items; idempotent; the
decent-work figure follows (R42)."""

import pytest

from berdaya.companies.models import Company
from berdaya.hubind import figures
from berdaya.hubind.models import ComplianceItem, LabourReport
from berdaya.imports import runner
from berdaya.imports.readers import open_table
from berdaya.imports.spec import get_spec, suggest_mapping
from berdaya.imports.tests.helpers import write_xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "NIB", "Nama Perusahaan", "KBLI", "Alamat", "Kelurahan", "Tahun Laporan", "Pekerja Laki-laki",
    "Pekerja Perempuan", "PKWT", "PKWTT", "Nomor PP", "PP Berlaku Sejak", "PP Berlaku Sampai",
    "Struktur Skala Upah Sejak", "Program BPJS Ketenagakerjaan", "BPJS Sejak",
]  # fmt: skip


def row(**changes):
    values = {
        "nib": "9120001234567", "name": "PT Galuh Makmur", "kbli": "10792", "address": "Jl. Kelayan A",
        "kel": "kelayan barat", "year": 2022, "male": 12, "female": 8, "pkwt": 5, "pkwtt": 15,
        "pp": "KEP-PP/2022/0007", "pp_from": "01/02/2022", "pp_to": "31/01/2024", "wage": "01/01/2022",
        "bpjs": "JKK, JKM, JHT", "bpjs_from": "01/01/2021",
    } | changes  # fmt: skip
    return list(values.values())


def import_rows(path, rows, actor):
    spec = get_spec("wlkp")
    table = open_table(write_xlsx(path, rows, HEADERS))
    return runner.execute(spec, table, suggest_mapping(spec, table.headers), actor=actor, source="wlkp")


def test_headers_map_to_the_wlkp_fields():
    assert suggest_mapping(get_spec("wlkp"), HEADERS) == [
        "nib",
        "name",
        "kbli",
        "address",
        "kelurahan",
        "year",
        "workers_male",
        "workers_female",
        "workers_pkwt",
        "workers_pkwtt",
        "pp_number",
        "pp_from",
        "pp_to",
        "wage_structure_from",
        "bpjs_programmes",
        "bpjs_from",
    ]


def test_a_row_makes_the_company_its_report_and_items_and_the_indicator_counts_it(tmp_path, cast):  # R42
    assert figures.decent_work(2022).count() == 0
    counts = import_rows(tmp_path / "a.xlsx", [row()], cast.phijs)
    assert (counts.created, counts.rejected) == (1, 0)
    company = Company.objects.get()
    assert (company.nib, company.kbli_section) == ("9120001234567", "C")
    assert LabourReport.objects.get().workers_total == 20
    assert ComplianceItem.objects.count() == 3
    assert list(figures.reporting(2022)) == [company]
    assert list(figures.decent_work(2022)) == [company]


def test_importing_the_same_file_again_changes_nothing(tmp_path, cast):
    import_rows(tmp_path / "a.xlsx", [row()], cast.phijs)
    counts = import_rows(tmp_path / "b.xlsx", [row()], cast.phijs)
    assert counts.created == 0
    assert (Company.objects.count(), LabourReport.objects.count(), ComplianceItem.objects.count()) == (
        1,
        1,
        3,
    )


def test_bad_rows_are_refused_with_indonesian_reasons(tmp_path, cast):
    counts = import_rows(
        tmp_path / "a.xlsx",
        [row(nib="123"), row(nib="9120001234568", pp_to="31/12/2025"), row(nib="9120001234569", bpjs="JKX")],
        cast.phijs,
    )
    assert counts.rejected == 3
    assert not Company.objects.exists()
