"""The official holiday lists Berdaya ships (R43b), transcribed from each year's joint decree (SKB of the
Ministers of Religious Affairs, Manpower and Administrative Reform on national holidays and collective
leave) and its amendments, plus the presidential decrees that declared election days holidays.

These are the reference the ``holidays`` package is checked against (tests/test_official.py): the
package supplies the names and the years not listed here; where the two disagree, this list wins.
"""

from __future__ import annotations

import datetime as dt

SKB = "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB"

# year -> (legal basis, national holidays "MM-DD", collective leave "MM-DD")
OFFICIAL: dict[int, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    2022: (
        f"{SKB} No. 963/2021, 3/2021, 4/2021, diubah No. 375/2022, 1/2022, 1/2022",
        ("01-01", "02-01", "02-28", "03-03", "04-15", "05-01", "05-02", "05-03", "05-16", "05-26",
         "06-01", "07-10", "07-30", "08-17", "10-08", "12-25"),
        ("04-29", "05-04", "05-05", "05-06"),
    ),
    2023: (
        f"{SKB} No. 1066/2022, 3/2022, 3/2022, diubah No. 327/2023, 1/2023, 1/2023 dan No. 624/2023, "
        "2/2023, 2/2023",
        ("01-01", "01-22", "02-18", "03-22", "04-07", "04-22", "04-23", "05-01", "05-18", "06-01",
         "06-04", "06-29", "07-19", "08-17", "09-28", "12-25"),
        ("01-23", "03-23", "04-19", "04-20", "04-21", "04-24", "04-25", "06-02", "06-28", "06-30",
         "12-26"),
    ),
    2024: (
        f"{SKB} No. 855/2023, 3/2023, 4/2023; Keppres 10/2024 (Pemilu 14 Februari), Keppres 33/2024 "
        "(Pilkada 27 November)",
        ("01-01", "02-08", "02-10", "02-14", "03-11", "03-29", "03-31", "04-10", "04-11", "05-01",
         "05-09", "05-23", "06-01", "06-17", "07-07", "08-17", "09-16", "11-27", "12-25"),
        ("02-09", "03-12", "04-08", "04-09", "04-12", "04-15", "05-10", "05-24", "06-18", "12-26"),
    ),
    2025: (
        f"{SKB} No. 1017/2024, 2/2024, 2/2024, diubah (18 Agustus 2025)",
        ("01-01", "01-27", "01-29", "03-29", "03-31", "04-01", "04-18", "04-20", "05-01", "05-12",
         "05-29", "06-01", "06-06", "06-27", "08-17", "09-05", "12-25"),
        ("01-28", "03-28", "04-02", "04-03", "04-04", "04-07", "05-13", "05-30", "06-09", "08-18",
         "12-26"),
    ),
    2026: (
        f"{SKB} tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026",
        ("01-01", "01-16", "02-17", "03-19", "03-21", "03-22", "04-03", "04-05", "05-01", "05-14",
         "05-27", "05-31", "06-01", "06-16", "08-17", "08-25", "12-25"),
        ("02-16", "03-18", "03-20", "03-23", "03-24", "05-15", "05-28", "12-24"),
    ),
}  # fmt: skip

# Years shipped from the package alone, not checked against their decree: staff confirm them.
PROVISIONAL_YEARS = (2019, 2020, 2021, 2027)


def official_dates(year: int) -> tuple[set[dt.date], set[dt.date]]:
    """(national holidays, collective leave days) of an official year."""
    _basis, national, leave = OFFICIAL[year]

    def parse(items):
        return {dt.date(year, int(m), int(d)) for m, d in (item.split("-") for item in items)}

    return parse(national), parse(leave)
