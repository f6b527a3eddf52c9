"""The office's 2022 report (seed 003) as report data.

Its plan, its five IKU with the reported counts, part of its budget table (Tabel 3.3) and revenue. The tests
build the report from it and read the numbers back; the report page offers it as an example until the plan
module holds a year.

Only inputs are copied from the seed (targets, counts, pagu, realisation); achievement, categories and
percentages are computed (S8). The seed's typed budget categories are kept as ``typed_category`` so the
report can show where they contradict S7 (S11).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from importlib import import_module

from berdaya.kinerja.formulas import BandSpec

from .data import (
    Agreement,
    AgreementRow,
    BudgetLevel,
    BudgetRow,
    CountRow,
    DivisionRow,
    DivisionTable,
    Goal,
    Indicator,
    IndicatorResult,
    LakipData,
    Office,
    PlacementYear,
    ProgramBudget,
    Renstra,
    RevenueRow,
    Signatory,
    StaffTable,
    StrategicTarget,
    Unit,
    YearValue,
    percent,
)

OFFICE = "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"

# sakip.md S7 as seed 003 prints it, made gapless: the rows the plan module's migration stores.
SEED_BANDS = [
    BandSpec(*row) for row in import_module("berdaya.kinerja.migrations.0002_bands_and_check_rules").BANDS
]

T_UMKM = "Meningkatnya Wirausaha Baru yang Mandiri"
T_KOP = "Meningkatnya Kapasitas Kelembagaan Koperasi"
T_PLACED = "Meningkatnya Pencari Kerja terdaftar yang ditempatkan"
T_DECENT = (
    "Meningkatnya Perusahaan yang menerapkan tata kelola kerja yang layak (PP/PKB, LKS Bipartit, "
    "Struktur Skala Upah, dan terdaftar peserta BPJS Ketenagakerjaan)"
)
T_SAKIP = "Meningkatnya Nilai Akuntabilitas Kinerja Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"
G_ECON = "Meningkatnya Peran Usaha Mikro dan Koperasi dalam Perekonomian"
G_JOBS = "Meningkatkan Penyerapan Tenaga Kerja"
G_GOV = "Terwujudnya Peningkatan Kapasitas dan Akuntabilitas Penyelenggaraan Pemerintahan"


def _indicator(code, name, unit, target_name, goal, formula, source, unit_name, *, level="sasaran", **kw):
    return Indicator(
        code=code,
        name=name,
        unit=unit,
        level=level,
        is_iku=level == "sasaran",
        goal=goal,
        target_name=target_name,
        formula=formula,
        data_source=source,
        responsible_unit=unit_name,
        **kw,
    )


def _ratio(
    code, name, target_name, goal, formula, source, unit_name, num, den, target, *, level="sasaran", **kw
):
    return IndicatorResult(
        indicator=_indicator(code, name, "%", target_name, goal, formula, source, unit_name, level=level),
        target=D(target),
        realisation=percent(D(num), D(den)),
        numerator=D(num),
        denominator=D(den),
        **kw,
    )


def _growth(code, name, goal, formula, source, unit_name, now, before, target):
    """(value n − value n−1) / value n−1 × 100 (S2, S4)."""
    return _ratio(
        code,
        name,
        "",
        goal,
        formula,
        source,
        unit_name,
        D(now) - D(before),
        D(before),
        target,
        level="tujuan",
    )


def _results() -> list[IndicatorResult]:
    placement = [(2016, 1246), (2017, 1165), (2018, 1300), (2019, 1331), (2020, 367), (2021, 421)]
    return [
        _growth(
            "T1.1",
            "Persentase Pertumbuhan Jumlah Usaha Mikro",
            G_ECON,
            "(jumlah usaha mikro tahun n − tahun n−1) / jumlah usaha mikro tahun n−1 × 100%",
            "Pendataan Bidang Usaha Mikro",
            "Bidang Usaha Mikro",
            36165,
            35897,
            "0.1",
        ),
        _growth(
            "T1.2",
            "Pertumbuhan Koperasi yang Berkualitas",
            G_ECON,
            "(koperasi berkualitas tahun n − tahun n−1) / koperasi berkualitas tahun n−1 × 100%",
            "Hasil pemeringkatan koperasi",
            "Bidang Koperasi",
            44,
            24,
            "2.91",
        ),
        _ratio(
            "T2.1",
            "Persentase Tenaga Kerja yang Ditempatkan (dalam dan luar negeri)",
            "",
            G_JOBS,
            "pencari kerja yang ditempatkan tahun n / pencari kerja terdaftar tahun n × 100%",
            "Bidang Pelatihan dan Penempatan Kerja",
            "Bidang P3K",
            725,
            2202,
            "22",
            level="tujuan",
        ),
        _ratio(
            "IKU1",
            "Persentase Wirausaha Baru yang Mandiri",
            T_UMKM,
            G_ECON,
            "Jumlah wirausaha baru yang mandiri dibagi jumlah wirausaha baru yang dilatih dan dibina sejak "
            "2016 × 100%",
            "Hasil sosialisasi, pembinaan, monitoring Bidang Usaha Mikro",
            "Bidang Usaha Mikro",
            30,
            773,
            "3",
            history=[
                YearValue(2019, D(100), D(100)),
                YearValue(2020, D(100), D(85)),
                YearValue(2021, D(100), D(100)),
            ],
            programs=["Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"],
        ),
        _ratio(
            "IKU2",
            "Persentase Koperasi Berkualitas",
            T_KOP,
            G_ECON,
            "Jumlah koperasi berkualitas menurut pemeringkatan dibagi jumlah koperasi aktif × 100%",
            "Hasil sosialisasi, pembinaan, monitoring Bidang Koperasi",
            "Bidang Koperasi",
            20,
            309,
            "4",
            history=[
                YearValue(2019, D(4), D("3.34")),
                YearValue(2020, D("4.5"), D(0)),
                YearValue(2021, D(5), D("5.2")),
            ],
            programs=[
                "Program Pengawasan dan Pemeriksaan Koperasi",
                "Program Pendidikan dan Latihan Perkoperasian",
            ],
        ),
        IndicatorResult(
            indicator=_indicator(
                "IKU3",
                "Besaran Pencari Kerja yang Terdaftar yang Ditempatkan",
                "orang",
                T_PLACED,
                G_JOBS,
                "Jumlah pencari kerja terdaftar yang ditempatkan dalam tahun n",
                "Hasil sosialisasi, pembinaan, monitoring Bidang P3K",
                "Bidang P3K",
            ),
            target=D(515),
            realisation=D(725),
            history=[YearValue(year, None, D(placed)) for year, placed in placement],
            programs=[
                "Program Penempatan Tenaga Kerja",
                "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja",
            ],
        ),
        _ratio(
            "IKU4",
            "Persentase Perusahaan yang Menerapkan Tata Kelola Kerja yang Layak",
            T_DECENT,
            G_JOBS,
            "Jumlah perusahaan yang menerapkan tata kelola kerja yang layak dibagi jumlah perusahaan yang "
            "melapor (WLKP) × 100%",
            "Bidang Hubungan Industrial dan Jaminan Sosial",
            "Bidang PHIJS",
            163,
            3489,
            "5",
            programs=["Program Hubungan Industrial"],
        ),
        _ratio(
            "IKU5",
            "Persentase Peningkatan Nilai Akuntabilitas Kinerja",
            T_SAKIP,
            G_GOV,
            "(nilai SAKIP tahun n − nilai tahun n−1) / nilai tahun n−1 × 100%",
            "Laporan hasil evaluasi SAKIP Inspektorat",
            "Sekretariat",
            D("80.17") - D("77.18"),
            D("77.18"),
            "1.06",
            programs=["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"],
        ),
    ]


def _budget() -> list[BudgetRow]:
    P, A, S = BudgetLevel.PROGRAM, BudgetLevel.ACTIVITY, BudgetLevel.SUB_ACTIVITY
    rows = [
        (
            P,
            "2.17.02",
            "Program Pengawasan dan Pemeriksaan Koperasi",
            343894900,
            338807400,
            "98.52",
            "Sangat Berhasil",
        ),
        (
            A,
            "2.17.02.2.01",
            "Pemeriksaan dan Pengawasan Koperasi",
            343894900,
            338807400,
            "98.52",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.17.02.2.01.02",
            "Pemeriksaan Kepatuhan Koperasi terhadap Peraturan Perundang-undangan",
            343894900,
            338807400,
            "98.52",
            "Sangat Berhasil",
        ),
        (P, "2.07.02", "Program Perencanaan Tenaga Kerja", 14119600, 2270000, "16.07", "Tidak Berhasil"),
        (
            A,
            "2.07.02.2.01",
            "Penyusunan Rencana Tenaga Kerja (RTK)",
            14119600,
            2270000,
            "16.07",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.07.02.2.01.01",
            "Penyusunan Rencana Tenaga Kerja Makro",
            14119600,
            2270000,
            "16.07",
            "Sangat Berhasil",
        ),
        (P, "2.07.05", "Program Hubungan Industrial", 276049000, 257481720, "93.27", "Sangat Berhasil"),
        (
            A,
            "2.07.05.2.01",
            "Pengesahan Peraturan Perusahaan dan Pendaftaran Perjanjian Kerja Bersama",
            173684700,
            163159220,
            "93.93",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.07.05.2.01.01",
            "Pendaftaran Perjanjian Kerja Bersama bagi Perusahaan",
            34804100,
            34735100,
            "99.80",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.07.05.2.01.02",
            "Pendataan dan Informasi Sarana Hubungan Industrial dan Jamsos",
            138880600,
            128424120,
            "92.47",
            "Sangat Berhasil",
        ),
        (
            A,
            "2.07.05.2.02",
            "Pencegahan dan Penyelesaian Perselisihan Hubungan Industrial",
            102364300,
            94322500,
            "92.14",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.07.05.2.02.01",
            "Pencegahan Perselisihan Hubungan Industrial",
            29124600,
            29124600,
            "100",
            "Sangat Berhasil",
        ),
        (
            S,
            "2.07.05.2.02.03",
            "Verifikasi dan Rekapitulasi Keanggotaan Serikat Pekerja",
            2124900,
            1500000,
            "70.59",
            "Cukup Berhasil",
        ),
        (
            S,
            "2.07.05.2.02.04",
            "Operasional Lembaga Kerja Sama Tripartit",
            71114800,
            63697900,
            "89.57",
            "Sangat Berhasil",
        ),
    ]
    return [
        BudgetRow(level, code, name, D(pagu), D(real), physical=D(phys), typed_category=typed)
        for level, code, name, pagu, real, phys, typed in rows
    ]


def seed_2022() -> LakipData:
    head = Signatory(
        name="H. Muhammad Isa Ansari, SE, M.A.P",
        title=f"Kepala {OFFICE} Kota Banjarmasin",
        rank="Pembina Tk. I",
        nip="19680111 199303 1 006",
    )
    results = _results()
    iku = [r for r in results if r.indicator.is_iku]
    return LakipData(
        year=2022,
        office=Office(name=OFFICE, city="Kota Banjarmasin", place="Banjarmasin", head=head),
        bands=SEED_BANDS,
        renstra=Renstra(
            start_year=2021,
            end_year=2026,
            duties=(
                "Melaksanakan urusan rumah tangga daerah dan tugas pembantuan di bidang pembinaan koperasi, "
                "pembinaan usaha mikro, pembinaan pelatihan dan penempatan tenaga kerja serta pembinaan "
                "hubungan industrial dan jaminan sosial."
            ),
            functions=[
                "Perumusan kebijakan teknis dalam bidang koperasi, usaha mikro dan tenaga kerja.",
                "Penyelenggaraan urusan pemerintahan dan pelayanan umum di bidang koperasi, usaha mikro dan "
                "tenaga kerja.",
                "Perumusan dan penetapan kebijakan operasional, pembinaan, pengendalian dan evaluasi.",
            ],
            goals=[
                Goal(
                    G_ECON,
                    [
                        StrategicTarget(
                            T_UMKM,
                            ["Menumbuhkembangkan jiwa dan mental kewirausahaan"],
                            ["Mengadakan kegiatan pembimbingan dan pembinaan para wirausaha baru"],
                        ),
                        StrategicTarget(
                            T_KOP,
                            ["Meningkatkan peran serta koperasi"],
                            ["Mengadakan sosialisasi/bimtek kelembagaan koperasi"],
                        ),
                    ],
                ),
                Goal(
                    G_JOBS,
                    [
                        StrategicTarget(
                            T_PLACED,
                            ["Menempatkan tenaga kerja melalui bursa kerja dan informasi pasar kerja"],
                            ["Menyiapkan sarana dan prasarana pelatihan (BLK)"],
                        ),
                        StrategicTarget(
                            T_DECENT,
                            ["Memberikan pelayanan dan pembinaan kepada pekerja, pengusaha dan lembaga"],
                            ["Sosialisasi, bimtek, penyuluhan dan monitoring"],
                        ),
                    ],
                ),
                Goal(
                    G_GOV,
                    [
                        StrategicTarget(
                            T_SAKIP,
                            ["Penguatan komitmen pimpinan dan seluruh ASN dalam perencanaan kinerja"],
                            ["Menerapkan anggaran berbasis kinerja, pengukuran dan pelaporan kinerja"],
                        )
                    ],
                ),
            ],
        ),
        results=results,
        agreement=Agreement(
            title="Perjanjian Kinerja Perubahan Tahun 2022",
            rows=[
                AgreementRow(r.indicator.target_name, r.indicator.name, r.target, r.indicator.unit)
                for r in iku
            ],
            first_party=head,
            second_party=Signatory(name="H. Ibnu Sina, S.Pi, M.Si", title="Wali Kota Banjarmasin"),
        ),
        priority_programs=[
            ProgramBudget("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", D(14868946862)),
            ProgramBudget("Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro", D(1001570300)),
            ProgramBudget("Program Pengembangan UMKM", D(648763220)),
            ProgramBudget("Program Perencanaan Tenaga Kerja", D(14119600)),
            ProgramBudget("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", D(536302600)),
            ProgramBudget("Program Penempatan Tenaga Kerja", D(461599700)),
            ProgramBudget("Program Hubungan Industrial", D(276049000)),
            ProgramBudget("Program Pengawasan dan Pemeriksaan Koperasi", D(343894900)),
            ProgramBudget("Program Pendidikan dan Latihan Perkoperasian", D(638970000)),
            ProgramBudget("Program Pemberdayaan dan Perlindungan Koperasi", D(46185000)),
        ],
        division_tables=[
            DivisionTable(
                "Bidang Koperasi",
                [
                    DivisionRow(
                        T_KOP,
                        "Program Pengawasan dan Pemeriksaan Koperasi",
                        "Persentase Koperasi Aktif yang Melaksanakan RAT",
                        "%",
                        D("4.87"),
                        D("4.87"),
                    ),
                    DivisionRow(
                        T_KOP,
                        "Program Pendidikan dan Latihan Perkoperasian",
                        "Persentase Koperasi Aktif",
                        "%",
                        D("3.25"),
                        D("3.25"),
                    ),
                    DivisionRow(
                        T_KOP,
                        "Program Pemberdayaan dan Perlindungan Koperasi",
                        "Persentase Koperasi yang Mengelola Usahanya secara Profesional",
                        "%",
                        D("6.49"),
                        D("6.49"),
                    ),
                    DivisionRow(
                        T_KOP,
                        "Peningkatan Pemahaman dan Pengetahuan Perkoperasian",
                        "Jumlah SDM koperasi yang mengikuti pendidikan dan pelatihan",
                        "orang",
                        D(210),
                        D(210),
                    ),
                ],
            ),
            DivisionTable(
                "Bidang Pembinaan, Pelatihan dan Penempatan Kerja",
                [
                    DivisionRow(
                        T_PLACED,
                        "Program Penempatan Tenaga Kerja",
                        "Pencari kerja terdaftar yang ditempatkan",
                        "orang",
                        D(515),
                        D(725),
                    ),
                ],
            ),
        ],
        budget=_budget(),
        revenue=[
            RevenueRow("Retribusi Perpanjangan Izin Mempekerjakan Tenaga Kerja Asing", D(100000000), D(0)),
            RevenueRow("Retribusi Pemakaian Kekayaan Daerah", D(150000000), D(3720000)),
        ],
        background=(
            "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja merupakan perangkat daerah yang menangani dua "
            "urusan wajib, yaitu urusan koperasi dan usaha mikro serta urusan ketenagakerjaan, dibentuk "
            "berdasarkan Peraturan Daerah Kota Banjarmasin Nomor 7 Tahun 2016."
        ),
        units=[
            Unit("Sekretariat", "Mengelola urusan umum, kepegawaian, keuangan dan perencanaan."),
            Unit("Bidang Koperasi", "Pembinaan dan pengembangan koperasi."),
            Unit("Bidang Usaha Mikro", "Pelaksanaan pemberdayaan usaha mikro."),
            Unit(
                "Bidang Pembinaan, Pelatihan dan Penempatan Kerja", "Pelatihan dan penempatan tenaga kerja."
            ),
            Unit(
                "Bidang Hubungan Industrial dan Jaminan Sosial", "Pembinaan hubungan industrial dan jamsos."
            ),
        ],
        staff_tables=[
            StaffTable(
                "Pegawai menurut pendidikan",
                [
                    CountRow("SLTA", 4),
                    CountRow("D3", 2),
                    CountRow("D4", 1),
                    CountRow("S1", 31),
                    CountRow("S2", 9),
                ],
            ),
            StaffTable(
                "Pegawai menurut golongan",
                [CountRow("Golongan II", 2), CountRow("Golongan III", 32), CountRow("Golongan IV", 13)],
            ),
        ],
        facilities=["Kendaraan roda 4 (5 unit)", "Kendaraan roda 2 (9 unit)", "Balai Latihan Kerja (BLK)"],
        strategic_issues=[
            "Kurangnya pembinaan dan pembimbingan kewirausahaan bagi pelaku usaha mikro dan wirausaha baru.",
            "Masih ada koperasi yang belum tertata dan kurang transparan dalam pengelolaannya.",
            "Ketidakseimbangan antara jumlah pencari kerja terdaftar dan yang ditempatkan.",
        ],
        placement_history=[
            PlacementYear(2016, 5791, 1246),
            PlacementYear(2017, 5686, 1165),
            PlacementYear(2018, 6156, 1300),
            PlacementYear(2019, 3606, 1331),
            PlacementYear(2020, 2271, 367),
            PlacementYear(2021, 1856, 421),
            PlacementYear(2022, 2202, 725),
        ],
        recommendations=[
            "APBD disusun berprinsip anggaran kinerja.",
            "Pelaksanaan anggaran mengacu kepada konsep value for money (ekonomis dan efisien).",
            "Fungsi pengawasan dan pengendalian dilaksanakan secara optimal.",
        ],
        signed_on=dt.date(2023, 2, 28),
        source="contoh seed 003",
    )
