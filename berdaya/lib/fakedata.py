"""Deterministic fake Banjarmasin residents for demos, tests and benchmarks. Nobody here is a real person.

Same seed, same arguments -> same output, on every machine and every day: ages are counted from the fixed
`REFERENCE_DATE`, not from today. `people()` streams, so a million records cost time, not memory (only the
NIK serial counters are kept, one per district + birth date + sex).

Layout: name and place lists are module-level tuples grouped by topic, so later generators (businesses,
cooperatives, job seekers) add their own tuples and functions below without touching these.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["REFERENCE_DATE", "FakePerson", "people"]

# Ages are counted from this date, so output does not change from one day to the next.
REFERENCE_DATE = date(2026, 1, 1)
MIN_AGE = 18
MAX_AGE = 70


def _weighted(pairs: Sequence[tuple[str, int]]) -> tuple[str, ...]:
    """Expands (value, weight) pairs into a flat tuple, so one uniform pick chooses by weight (fast)."""
    return tuple(value for value, weight in pairs for _ in range(weight))


# --- People: names ------------------------------------------------------------------------------------------
# Common Indonesian given names plus Banjar ones (Gusti, Anang, Utuh; Galuh, Diang). Indonesians have no
# family names; the second word is just another common name. Given and second lists do not overlap, so a
# name never repeats a word.

MALE_GIVEN_NAMES = (
    "Muhammad", "Ahmad", "Rahmat", "Fauzan", "Gusti", "Anang", "Utuh", "Abdul", "Akhmad", "Muhammad",
    "Ahmad", "Rizky", "Fajar", "Arief", "Budi", "Hendra", "Irwan", "Syahrul", "Zainal", "Yusran", "Aditya",
    "Dimas", "Fikri", "Haris", "Ilham", "Khairul", "Mahmud", "Nor", "Radian", "Saiful", "Taufik", "Wahyu",
    "Yudi", "Zulkifli", "Amat", "Darmawan", "Faisal", "Hamdan", "Jumberi", "Kurdi", "Lukman", "Mukhlis",
    "Noor", "Rusdi", "Samsul", "Syarifuddin", "Riduan", "Bahrani", "Aspihani", "Jailani",
)  # fmt: skip

MALE_SECOND_NAMES = (
    "Rahman", "Hidayat", "Saputra", "Ramadhan", "Hakim", "Fadillah", "Rahmadi", "Arsyad", "Syahrani",
    "Anwar", "Fauzi", "Rizal", "Maulana", "Kurniawan", "Wahyudi", "Ansari", "Yusuf", "Hasan", "Iskandar",
    "Hairi", "Mahyuni", "Rasyidi", "Gazali", "Effendi", "Firdaus", "Hamdani", "Kamal", "Jamaluddin",
    "Nugroho", "Pratama", "Setiawan", "Santoso", "Basuki", "Zakaria", "Husin", "Asmuni", "Irfan", "Supiani",
    "Taufiqurrahman", "Aidil",
)  # fmt: skip

FEMALE_GIVEN_NAMES = (
    "Siti", "Nur", "Aulia", "Masitah", "Rusmiati", "Galuh", "Diang", "Fitriani", "Siti", "Nur", "Dewi",
    "Rina", "Sri", "Aisyah", "Hafsah", "Mariani", "Rahmah", "Normah", "Salasiah", "Jamilah", "Halimah",
    "Yuliani", "Rusdiana", "Mahrita", "Nurul", "Dina", "Elly", "Fatimah", "Husnul", "Intan", "Kartini",
    "Laila", "Maya", "Nadia", "Putri", "Ratna", "Sarah", "Winda", "Yanti", "Zubaidah", "Syarifah",
    "Norhayati", "Mardiana", "Hamidah",
)  # fmt: skip

FEMALE_SECOND_NAMES = (
    "Aminah", "Rahmawati", "Hasanah", "Khadijah", "Fitria", "Sari", "Nurhayati", "Wulandari", "Maulida",
    "Safitri", "Lestari", "Annisa", "Zahra", "Hidayah", "Noorhasanah", "Rahmadani", "Ulfah", "Sholihah",
    "Puspita", "Anggraini", "Kurniasih", "Handayani", "Paujiah", "Hairiah", "Mulyani", "Susanti", "Jannah",
    "Mariana", "Yusnita", "Azizah", "Fauziah", "Kamariah", "Rabiatul", "Marlina", "Juwita",
)  # fmt: skip

# Haji / Hajjah, used by some people over 40 who have made the pilgrimage.
MALE_TITLE = "H."
FEMALE_TITLE = "Hj."
TITLE_MIN_AGE = 40
TITLE_SHARE = 0.2
MIDDLE_NAME_SHARE = 0.15

# --- People: places -----------------------------------------------------------------------------------------

BIRTH_PLACES = _weighted(
    (
        ("Banjarmasin", 60), ("Banjarbaru", 5), ("Martapura", 6), ("Marabahan", 3), ("Kuala Kapuas", 3),
        ("Barabai", 3), ("Kandangan", 3), ("Amuntai", 3), ("Rantau", 2), ("Pelaihari", 2), ("Tanjung", 2),
        ("Negara", 2), ("Palangka Raya", 2), ("Kotabaru", 1), ("Surabaya", 1), ("Samarinda", 1),
        ("Balikpapan", 1),
    )
)  # fmt: skip

# Streets by kecamatan of Kota Banjarmasin (domain.md R13: .01 Selatan, .02 Timur, .03 Barat, .04 Utara,
# .05 Tengah). Real street names so addresses look right on screen; house numbers and RT/RW are random.
# Kecamatan elsewhere get streets from the whole list.
STREETS_BY_DISTRICT = {
    "63.71.01": (
        "Jl. Kelayan A", "Jl. Kelayan B", "Jl. Pekapuran Raya", "Jl. Tembus Mantuil", "Jl. Pemurus",
        "Jl. Sungai Baru", "Jl. Murung Raya", "Jl. Pekauman", "Jl. Gerilya", "Jl. Prona",
    ),
    "63.71.02": (
        "Jl. A. Yani", "Jl. Veteran", "Jl. Pramuka", "Jl. Sungai Lulut", "Jl. Banua Anyar", "Jl. Kuripan",
        "Jl. Pengambangan", "Jl. Gatot Subroto", "Jl. Cemara Raya", "Jl. Kebun Bunga",
    ),
    "63.71.03": (
        "Jl. Belitung Darat", "Jl. Teluk Tiram Darat", "Jl. Pulau Laut", "Jl. Kuin Selatan", "Jl. Pelambuan",
        "Jl. Simpang Belitung", "Jl. Telaga Biru", "Jl. Basirih", "Jl. Kuin Cerucuk", "Jl. Barito Hilir",
    ),
    "63.71.04": (
        "Jl. Kuin Utara", "Jl. Sultan Adam", "Jl. Brigjen H. Hasan Basri", "Jl. Kayu Tangi",
        "Jl. Alalak Utara", "Jl. Sungai Miai", "Jl. Sungai Andai", "Jl. Adhyaksa", "Jl. Pangeran",
        "Jl. Antasan Kecil Timur",
    ),
    "63.71.05": (
        "Jl. Lambung Mangkurat", "Jl. Pangeran Antasari", "Jl. Cempaka", "Jl. Pasar Lama", "Jl. Sutoyo S.",
        "Jl. Kolonel Sugiono", "Jl. Samudera", "Jl. Seberang Masjid", "Jl. Kertak Baru", "Jl. Sungai Mesa",
    ),
}  # fmt: skip
ALL_STREETS = tuple(street for streets in STREETS_BY_DISTRICT.values() for street in streets)
GANG_NAMES = ("Setia", "Rahmat", "Keluarga", "Mawar", "Melati", "Al-Ikhlas", "Damai", "Sepakat", "Harapan")
GANG_SHARE = 0.25
MAX_HOUSE_NUMBER = 150
MAX_RT = 40
MAX_RW = 12

# --- People: work and phones --------------------------------------------------------------------------------

# Occupations with weights, by sex and by whether the person may still be studying.
STUDENT_MAX_AGE = 24
_OCCUPATIONS_COMMON = (
    ("pedagang", 22), ("wiraswasta", 18), ("karyawan swasta", 18), ("buruh", 12), ("petani", 2),
    ("nelayan", 2), ("PNS/ASN", 3),
)  # fmt: skip
OCCUPATIONS = {
    ("L", False): _weighted(_OCCUPATIONS_COMMON),
    ("L", True): _weighted((*_OCCUPATIONS_COMMON, ("pelajar/mahasiswa", 40))),
    ("P", False): _weighted((*_OCCUPATIONS_COMMON, ("ibu rumah tangga", 40))),
    ("P", True): _weighted((*_OCCUPATIONS_COMMON, ("ibu rumah tangga", 15), ("pelajar/mahasiswa", 40))),
}

# Mobile operator prefixes after the leading 0 (Telkomsel, Indosat, XL, Axis, Tri, Smartfren), by rough share.
MOBILE_PREFIXES = _weighted(
    (
        ("811", 3), ("812", 6), ("813", 6), ("821", 5), ("822", 5), ("823", 3), ("852", 6), ("853", 5),
        ("814", 1), ("815", 2), ("816", 1), ("855", 1), ("856", 3), ("857", 3), ("858", 2), ("817", 2),
        ("818", 2), ("819", 3), ("859", 2), ("877", 3), ("878", 3), ("831", 1), ("832", 1), ("838", 1),
        ("895", 2), ("896", 2), ("897", 1), ("898", 2), ("899", 1), ("881", 1), ("882", 1), ("888", 1),
    )
)  # fmt: skip

# --- People: generator --------------------------------------------------------------------------------------

_KELURAHAN_CODE = re.compile(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")
_MAX_SERIAL = 9999
# NIK serials start somewhere in 1..SERIAL_START_MAX for each district + birth date + sex, then count up.
SERIAL_START_MAX = 800


@dataclass(slots=True)  # not frozen: a frozen __init__ takes twice as long, felt at a million people
class FakePerson:
    nik: str  # 16 digits, valid per domain.md R1-R5, agrees with sex, birth_date and kelurahan_code
    name: str
    sex: str  # "L" / "P"
    birth_date: date
    birth_place: str
    phone: str  # E.164 mobile, "+628…"
    address: str  # "Jl. Pramuka No. 12 RT 005 RW 002" (RT and RW also separately below)
    rt: str  # "005"
    rw: str  # "002"
    kelurahan_code: str  # "63.71.01.1001", one of the codes passed in
    occupation: str


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def people(
    n: int,
    *,
    seed: int = 2026,
    kelurahan_codes: Sequence[str],
    as_of: date = REFERENCE_DATE,
) -> Iterator[FakePerson]:
    """Yields `n` fake residents aged MIN_AGE-MAX_AGE on `as_of`, spread over `kelurahan_codes`.

    Each NIK is built from the chosen kelurahan's kecamatan ("63.71.01.1001" -> "637101"), the birth date
    (day + 40 for women) and a serial, and is unique within one call.
    """
    codes = tuple(kelurahan_codes)
    if not codes:
        raise ValueError("kelurahan_codes is empty")
    for code in codes:
        if not _KELURAHAN_CODE.fullmatch(code):
            raise ValueError(f"not a dotted kelurahan code like 63.71.01.1001: {code!r}")
    # Checked above when called, not at the first next(); the generator below does the work.
    return _people(n, seed, codes, as_of)


@functools.lru_cache(maxsize=4)
def _birth_days(as_of: date) -> tuple[tuple[date, str, str, int], ...]:
    """Every possible birth date with its NIK digits (man, woman) and age on `as_of`: formatting once per
    day instead of once per person is what keeps a million people fast."""
    # Born after (as_of - MAX_AGE - 1 years) and on or before (as_of - MIN_AGE years).
    first = _years_before(as_of, MAX_AGE + 1).toordinal() + 1
    last = _years_before(as_of, MIN_AGE).toordinal()
    days = []
    for ordinal in range(first, last + 1):
        born = date.fromordinal(ordinal)
        month_year = f"{born.month:02d}{born.year % 100:02d}"
        age = as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
        days.append((born, f"{born.day:02d}{month_year}", f"{born.day + 40:02d}{month_year}", age))
    return tuple(days)


# Zero-padded numbers, looked up rather than formatted in the loop.
_PADDED_3 = tuple(f"{i:03d}" for i in range(1000))
_PADDED_4 = tuple(f"{i:04d}" for i in range(10000))


def _people(n: int, seed: int, codes: tuple[str, ...], as_of: date) -> Iterator[FakePerson]:
    # Per kelurahan, precompute what the loop needs: NIK region digits and the street list of its kecamatan.
    places = tuple(
        (code, code[:8].replace(".", ""), STREETS_BY_DISTRICT.get(code[:8], ALL_STREETS)) for code in codes
    )
    birth_days = _birth_days(as_of)
    padded_3, padded_4 = _PADDED_3, _PADDED_4

    rng = random.Random(seed)
    rand = rng.random

    def choice(options: Sequence):
        # rng.choice costs 3x as much (rejection sampling for exact uniformity); this bias is < 1e-13.
        return options[int(rand() * len(options))]

    next_serial: dict[str, int] = {}

    for _ in range(n):
        kelurahan_code, region, streets = choice(places)
        female = rand() < 0.5

        # Birth date and NIK; draw another date in the (practically impossible) case the serials run out.
        while True:
            birth_date, male_digits, female_digits, age = choice(birth_days)
            prefix = region + (female_digits if female else male_digits)
            serial = next_serial.get(prefix) or 1 + int(rand() * SERIAL_START_MAX)
            if serial <= _MAX_SERIAL:
                break
        next_serial[prefix] = serial + 1

        if female:
            given, second, title = FEMALE_GIVEN_NAMES, FEMALE_SECOND_NAMES, FEMALE_TITLE
        else:
            given, second, title = MALE_GIVEN_NAMES, MALE_SECOND_NAMES, MALE_TITLE
        first_name, last_name = choice(given), choice(second)
        name = f"{first_name} {last_name}"
        if rand() < MIDDLE_NAME_SHARE:
            middle = choice(given)
            if middle != first_name:
                name = f"{first_name} {middle} {last_name}"
        if age >= TITLE_MIN_AGE and rand() < TITLE_SHARE:
            name = f"{title} {name}"

        rt = padded_3[1 + int(rand() * MAX_RT)]
        rw = padded_3[1 + int(rand() * MAX_RW)]
        street = choice(streets)
        if rand() < GANG_SHARE:
            street = f"{street} Gg. {choice(GANG_NAMES)}"
        address = f"{street} No. {1 + int(rand() * MAX_HOUSE_NUMBER)} RT {rt} RW {rw}"

        # 08xx + 7 or 8 digits: 11-12 digit numbers, the common lengths today.
        subscriber = choice(padded_3) if rand() < 0.4 else choice(padded_4)
        phone = f"+62{choice(MOBILE_PREFIXES)}{subscriber}{choice(padded_4)}"

        sex = "P" if female else "L"
        yield FakePerson(
            nik=prefix + padded_4[serial],
            name=name,
            sex=sex,
            birth_date=birth_date,
            birth_place=choice(BIRTH_PLACES),
            phone=phone,
            address=address,
            rt=rt,
            rw=rw,
            kelurahan_code=kelurahan_code,
            occupation=choice(OCCUPATIONS[sex, age <= STUDENT_MAX_AGE]),
        )
