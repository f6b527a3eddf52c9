"""Deterministic fake Banjarmasin residents for demos, tests and benchmarks. Nobody here is a real person.

Same seed, same arguments -> same output, on every machine and every day: ages are counted from the fixed
`REFERENCE_DATE`, not from today. `people()` streams, so a million records cost time, not memory (only the
NIK serial counters are kept, one per district + birth date + sex).

Layout: name and place lists are module-level tuples grouped by topic, so later generators (businesses,
cooperatives, job seekers) add their own tuples and functions below without touching these.
"""

from __future__ import annotations

import copy
import functools
import itertools
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["REFERENCE_DATE", "FakeEnterprise", "FakePerson", "enterprises", "ground_truth_pairs", "people"]

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


# --- Micro enterprises (UMKM) -------------------------------------------------------------------------------
# Owners reuse the name lists above. A business name is a kind ("Warung Soto Banjar", "Sasirangan") and a
# nickname: Banjar kinship words (Acil = aunt, Julak = eldest uncle, Diang/Galuh = girl, Utuh = boy), a
# blessing ("Barokah", "Bauntung" = lucky) or the owner's first name. Each kind belongs to one sector.

BUSINESS_KINDS = (
    ("Warung Soto Banjar", "kuliner"), ("Kue Bingka", "kuliner"), ("Wadai", "kuliner"),
    ("Ketupat Kandangan", "kuliner"), ("Nasi Kuning", "kuliner"), ("Amplang", "kuliner"),
    ("Kerupuk Ikan Haruan", "kuliner"), ("Pentol", "kuliner"), ("Warung", "kuliner"), ("Dapur", "kuliner"),
    ("Catering", "kuliner"), ("Kopi", "kuliner"), ("Mandai", "kuliner"), ("Es Tebu", "kuliner"),
    ("Kue Apam", "kuliner"), ("Lontong Orari", "kuliner"),
    ("Sasirangan", "fesyen"), ("Konveksi", "fesyen"), ("Jahit", "fesyen"), ("Butik", "fesyen"),
    ("Purun", "kriya"), ("Anyaman Purun", "kriya"), ("Rotan", "kriya"), ("Ukiran Kayu", "kriya"),
    ("Batu Permata", "kriya"),
    ("Toko", "perdagangan"), ("Toko Sembako", "perdagangan"), ("Kios", "perdagangan"),
    ("Agen Gas", "perdagangan"), ("Pulsa", "perdagangan"),
    ("Bengkel", "jasa"), ("Laundry", "jasa"), ("Salon", "jasa"), ("Cukur", "jasa"), ("Servis HP", "jasa"),
    ("Fotokopi", "jasa"),
    ("Ikan Asin", "perikanan"), ("Budidaya Ikan Patin", "perikanan"), ("Sayur", "pertanian"),
    ("Bibit Tanaman", "pertanian"),
)  # fmt: skip

BUSINESS_NICKNAMES = (
    "Galuh", "Diang", "Amang", "Acil", "Julak", "Utuh", "Anang", "Busu", "Uma", "Abah", "Mama", "Nini", "Kai",
    "Ading", "Barokah", "Berkah", "Sejahtera", "Mandiri", "Bauntung", "Batuah", "Baiman", "Bungas",
    "Langkar", "Idaman", "Banua", "Kuin", "Cahaya", "Al-Ikhlas", "Rahmah", "Sabilal", "Martapura", "Lestari",
    "Kreasi", "Jaya", "Makmur", "Sentosa", "Bahagia", "Sasaran", "Pelangi", "Kembang",
)  # fmt: skip
# "Acil Siti", "Julak Rahmat": a kinship word followed by the owner's first name.
KINSHIP_NICKNAMES = ("Acil", "Julak", "Amang", "Uma", "Abah", "Mama", "Kai", "Nini", "Busu", "Galuh", "Diang")
BRAND_SUFFIXES = ("", "", "", "Banjar", "Kitchen", "Collection", "Snack", "Food", "Craft", "Store")
LEGAL_FORMS = ("UD.", "CV.", "UD", "CV")
MUHAMMAD_SHORT = ("Muh.", "Moh.", "M.", "Mhd.", "Muhamad", "Mohammad")
# Banjar and older spellings a second clerk may use for the same name (harder, more varied noise).
BANJAR_SPELLINGS = {
    "Noor": "Nur", "Nor": "Noor", "Rahmat": "Rahmad", "Taufik": "Taufiq", "Khairul": "Hairul",
    "Riduan": "Ridwan", "Syarifuddin": "Syaripudin", "Samsul": "Syamsul", "Norhayati": "Nurhayati",
    "Syarifah": "Sarifah", "Hafsah": "Hapsah", "Fatimah": "Patimah", "Zainal": "Jainal",
    "Zubaidah": "Jubaidah",
    "Faisal": "Paisal", "Arief": "Arip", "Fauzan": "Pauzan", "Mahmud": "Mahmod", "Jumberi": "Jumbri",
    "Aspihani": "Aspiani", "Husnul": "Husnol", "Salasiah": "Salasyiah",
}  # fmt: skip
# Nicknames a form may carry instead of the given name ("Amat" for Ahmad, "Ipah" for Syarifah).
NICKNAMES = {
    "Ahmad": "Amat", "Muhammad": "Mamat", "Syarifah": "Ipah", "Fatimah": "Imah", "Halimah": "Limah",
    "Syarifuddin": "Udin", "Abdul": "Dul", "Rahmah": "Amah", "Aisyah": "Icah", "Zulkifli": "Ijul",
}  # fmt: skip
NIK_BLANK_SHARE = 0.20  # a fifth of the copies carry no NIK

ENTERPRISE_FOUNDED_FROM = 1990
ENTERPRISE_FOUNDED_TO = 2025
BIRTH_DATE_BLANK_SHARE = 0.10
# A ring of recent businesses that duplicates and household look-alikes are drawn from: bounded memory at a
# million records, and copies land within a few thousand rows of their original, as in real batches.
RECENT_ENTITIES = 4_096
# After one copy, most businesses leave the ring: most duplicates come in pairs, some in threes.
DUPLICATE_AGAIN_SHARE = 0.2


@dataclass(slots=True)
class FakeEnterprise:
    record_id: str  # source id as in the file the record came from: "SRC-000001"
    entity_id: str  # ground truth: records with the same entity_id are the same business
    nik: str  # owner's NIK; "" or mistyped in some duplicates
    owner_name: str
    sex: str  # "L" / "P"
    birth_date: date | None  # None when the form left it blank
    phone: str  # as typed: "0812-3456-7890", "+6281234567890", "62 812-3456-7890"; "" when blank
    business_name: str
    brand: str  # "" when none
    sector: str  # kuliner, fesyen, kriya, perdagangan, jasa, perikanan, pertanian
    address: str  # "Jl. Pramuka No. 12 RT 005 RW 002", typed several ways in duplicates
    rt: str
    rw: str
    kelurahan_code: str
    founding_year: int
    capital: int  # modal usaha, rupiah
    assets: int  # net assets excluding land and buildings, rupiah
    annual_sales: int  # omzet per year, rupiah
    # How the generator made it, for tests and reports: "original", "duplicate", "household" (a family
    # member's business at the same address and phone) or "second_business" (another business, same owner).
    kind: str

    def dedup_record(self):
        """This record as the de-duplication engine reads it (berdaya.lib.dedup.Record)."""
        from berdaya.lib.dedup import Record

        return Record(
            id=self.record_id,
            nik=self.nik,
            owner_name=self.owner_name,
            business_name=self.business_name,
            phone=self.phone,
            address=self.address,
            kelurahan=self.kelurahan_code,
            birth_date=self.birth_date,
        )


@dataclass(slots=True)
class _Entity:
    """The clean facts of one business and its owner, kept while copies of it may still be made."""

    entity_id: str
    nik: str
    given: str  # first given name ("Muhammad", "Siti"), after any title
    name_words: tuple[str, ...]  # the name without title
    title: str  # "H." / "Hj." / ""
    sex: str
    birth_date: date
    phone: str  # E.164
    business_name: str
    brand: str
    sector: str
    street: str  # "Jl. Pramuka" or "Jl. Pramuka Gg. Mawar"
    house: int
    rt: str
    rw: str
    kelurahan_code: str
    region: str  # NIK region digits of the kecamatan
    founding_year: int


def enterprises(
    n: int,
    *,
    seed: int = 2026,
    kelurahan_codes: Sequence[str],
    duplicate_share: float = 0.10,
    household_share: float = 0.05,
    second_business_share: float = 0.01,
    as_of: date = REFERENCE_DATE,
) -> Iterator[FakeEnterprise]:
    """Yields `n` fake micro-enterprise records with noisy duplicates and household look-alikes.

    About `duplicate_share` of the records are another registration of an earlier business (same
    entity_id): the owner's name, phone, address and business name are typed differently, and the NIK is
    sometimes blank or mistyped. About `household_share` are a different business of a family member of an
    earlier owner at the same address and phone: not duplicates, a trap for naive matching. About
    `second_business_share` are another business of an earlier owner (same person, same NIK, another
    business): not duplicates either.
    """
    codes = tuple(kelurahan_codes)
    if not codes:
        raise ValueError("kelurahan_codes is empty")
    for code in codes:
        if not _KELURAHAN_CODE.fullmatch(code):
            raise ValueError(f"not a dotted kelurahan code like 63.71.01.1001: {code!r}")
    shares = (duplicate_share, household_share, second_business_share)
    if min(shares) < 0 or sum(shares) >= 1:
        raise ValueError(
            "the shares of duplicates, household look-alikes and second businesses must be >= 0 "
            "and add up to less than 1"
        )
    return _enterprises(n, seed, codes, shares, as_of)


def ground_truth_pairs(records: Iterable[FakeEnterprise]) -> set[tuple[str, str]]:
    """Every pair of record_ids that belong to the same business, each pair sorted (smaller id first)."""
    by_entity: dict[str, list[str]] = {}
    for record in records:
        by_entity.setdefault(record.entity_id, []).append(record.record_id)
    pairs = set()
    for ids in by_entity.values():
        if len(ids) > 1:
            ids.sort()
            pairs.update(itertools.combinations(ids, 2))
    return pairs


def _enterprises(
    n: int, seed: int, codes: tuple[str, ...], shares: tuple[float, float, float], as_of: date
) -> Iterator[FakeEnterprise]:
    duplicate_share, household_share, second_business_share = shares
    places = tuple(
        (code, code[:8].replace(".", ""), STREETS_BY_DISTRICT.get(code[:8], ALL_STREETS)) for code in codes
    )
    birth_days = _birth_days(as_of)
    by_day = {day[0]: i for i, day in enumerate(birth_days)}
    padded_3, padded_4 = _PADDED_3, _PADDED_4
    rng = random.Random(seed)
    rand = rng.random

    def choice(options: Sequence):
        return options[int(rand() * len(options))]

    next_serial: dict[str, int] = {}
    recent: list[_Entity] = []
    entity_count = 0

    def new_nik(region: str, female: bool, day_index: int) -> tuple[str, date]:
        while True:
            born, male_digits, female_digits, _age = birth_days[day_index]
            prefix = region + (female_digits if female else male_digits)
            serial = next_serial.get(prefix) or 1 + int(rand() * SERIAL_START_MAX)
            if serial <= _MAX_SERIAL:
                next_serial[prefix] = serial + 1
                return prefix + padded_4[serial], born
            day_index = int(rand() * len(birth_days))

    def new_name(female: bool, age: int, second_name: str = "") -> tuple[tuple[str, ...], str]:
        if female:
            given, second, title = FEMALE_GIVEN_NAMES, FEMALE_SECOND_NAMES, FEMALE_TITLE
        else:
            given, second, title = MALE_GIVEN_NAMES, MALE_SECOND_NAMES, MALE_TITLE
        first = choice(given)
        words: tuple[str, ...] = (first, second_name or choice(second))
        if rand() < MIDDLE_NAME_SHARE:
            middle = choice(given)
            if middle != first:
                words = (first, middle, words[1])
        return words, (title if age >= TITLE_MIN_AGE and rand() < TITLE_SHARE else "")

    def new_business(first_name: str) -> tuple[str, str, str]:
        kind, sector = choice(BUSINESS_KINDS)
        roll = rand()
        if roll < 0.3:
            nickname = f"{choice(KINSHIP_NICKNAMES)} {first_name}"
        elif roll < 0.4:
            nickname = f"{choice(BUSINESS_NICKNAMES)} {choice(BUSINESS_NICKNAMES)}"
        else:
            nickname = choice(BUSINESS_NICKNAMES)
        name = f"{kind} {nickname}"
        suffix = choice(BRAND_SUFFIXES)
        brand = f"{nickname} {suffix}" if suffix else (nickname if rand() < 0.3 else "")
        return name, brand, sector

    def new_phone() -> str:
        subscriber = choice(padded_3) if rand() < 0.4 else choice(padded_4)
        return f"+62{choice(MOBILE_PREFIXES)}{subscriber}{choice(padded_4)}"

    def founded() -> int:
        # Most registered micro businesses are young: weight recent years more.
        span = ENTERPRISE_FOUNDED_TO - ENTERPRISE_FOUNDED_FROM + 1
        return ENTERPRISE_FOUNDED_TO - int(span * rand() * rand())

    def entity_from_person(entity_id, nik, born, words, title, sex, phone, place, street, house, rt, rw):
        business_name, brand, sector = new_business(words[0])
        return _Entity(
            entity_id=entity_id, nik=nik, given=words[0], name_words=words, title=title, sex=sex,
            birth_date=born, phone=phone, business_name=business_name, brand=brand, sector=sector,
            street=street, house=house, rt=rt, rw=rw, kelurahan_code=place[0], region=place[1],
            founding_year=founded(),
        )  # fmt: skip

    def remember(entity: _Entity) -> None:
        if len(recent) < RECENT_ENTITIES:
            recent.append(entity)
        else:
            recent[int(rand() * RECENT_ENTITIES)] = entity

    for index in range(n):
        roll = rand()
        if recent and roll < duplicate_share:
            kind = "duplicate"
            pick = int(rand() * len(recent))
            entity = recent[pick]
            if rand() >= DUPLICATE_AGAIN_SHARE:  # else it stays: a third copy may follow
                recent[pick] = recent[-1]
                recent.pop()
        elif recent and roll < duplicate_share + household_share:
            kind = "household"
            entity = _household_member(choice(recent), rand, choice, new_nik, new_name, by_day, birth_days)
            entity_count += 1
            entity.entity_id = f"ENT-{entity_count:06d}"
            business_name, entity.brand, entity.sector = new_business(entity.given)
            entity.business_name = business_name
            entity.founding_year = founded()
            remember(entity)
        elif recent and roll < duplicate_share + household_share + second_business_share:
            kind = "second_business"
            owner = choice(recent)
            entity_count += 1
            entity = copy.copy(owner)
            entity.entity_id = f"ENT-{entity_count:06d}"
            while entity.business_name.split()[0] == owner.business_name.split()[0]:
                entity.business_name, entity.brand, entity.sector = new_business(entity.given)
            entity.founding_year = founded()
            remember(entity)
        else:
            kind = "original"
            entity_count += 1
            place = choice(places)
            female = rand() < 0.5
            day_index = int(rand() * len(birth_days))
            nik, born = new_nik(place[1], female, day_index)
            words, title = new_name(female, birth_days[day_index][3])
            street = choice(place[2])
            if rand() < GANG_SHARE:
                street = f"{street} Gg. {choice(GANG_NAMES)}"
            entity = entity_from_person(
                f"ENT-{entity_count:06d}", nik, born, words, title, "P" if female else "L", new_phone(),
                place, street, 1 + int(rand() * MAX_HOUSE_NUMBER), padded_3[1 + int(rand() * MAX_RT)],
                padded_3[1 + int(rand() * MAX_RW)],
            )  # fmt: skip
            remember(entity)

        if kind == "duplicate":
            record = _noisy_copy(entity, rand, choice, new_phone)
        else:
            name = " ".join(entity.name_words)
            record = FakeEnterprise(
                record_id="", entity_id=entity.entity_id, nik=entity.nik,
                owner_name=f"{entity.title} {name}" if entity.title else name, sex=entity.sex,
                birth_date=entity.birth_date, phone=_phone_as_typed(entity.phone, rand),
                business_name=entity.business_name, brand=entity.brand, sector=entity.sector,
                address=_address(entity, rand, noisy=kind != "original"), rt=entity.rt, rw=entity.rw,
                kelurahan_code=entity.kelurahan_code, founding_year=entity.founding_year, capital=0, assets=0,
                annual_sales=0, kind=kind,
            )  # fmt: skip
        record.record_id = f"SRC-{index + 1:06d}"
        if rand() < BIRTH_DATE_BLANK_SHARE:
            record.birth_date = None
        _money(record, rand)
        yield record


def _household_member(owner: _Entity, rand, choice, new_nik, new_name, by_day, birth_days) -> _Entity:
    """A spouse, child or sibling of `owner`: another person at the same address with the same phone."""
    owner_day = by_day.get(owner.birth_date, 0)
    relation = rand()
    if relation < 0.45:  # spouse: the other sex, about the same age
        female = owner.sex == "L"
        day_index = owner_day + int((rand() - 0.5) * 3650)
        second = ""
    else:  # child or sibling: either sex, often the same second name (the nearest thing to a surname)
        female = rand() < 0.5
        day_index = owner_day + int((rand() - 0.3) * 9000)
        # The second name is shared only within a sex: the lists of men's and women's second names differ.
        same_sex = female == (owner.sex == "P")
        second = owner.name_words[-1] if same_sex and rand() < 0.7 else ""
    if not 0 <= day_index < len(birth_days):  # too young or too old to own a business: any adult will do
        day_index = int(rand() * len(birth_days))
    nik, born = new_nik(owner.region, female, day_index)
    words, title = new_name(female, birth_days[day_index][3])
    if second and second not in words[:-1]:
        words = (*words[:-1], second)
    return _Entity(
        entity_id="", nik=nik, given=words[0], name_words=words, title=title, sex="P" if female else "L",
        birth_date=born, phone=owner.phone, business_name="", brand="", sector="", street=owner.street,
        house=owner.house, rt=owner.rt, rw=owner.rw, kelurahan_code=owner.kelurahan_code,
        region=owner.region, founding_year=0,
    )  # fmt: skip


def _noisy_copy(entity: _Entity, rand, choice, new_phone) -> FakeEnterprise:
    """Another registration of the same business, typed by another clerk from another form."""
    nik_roll = rand()
    if nik_roll < 0.62:
        nik = entity.nik
    elif nik_roll < 0.62 + NIK_BLANK_SHARE:
        nik = ""
    elif nik_roll < 0.93:  # one digit mistyped
        position = int(rand() * 16)
        digit = str((int(entity.nik[position]) + 1 + int(rand() * 9)) % 10)
        nik = entity.nik[:position] + digit + entity.nik[position + 1 :]
    else:  # two neighbouring digits swapped
        position = int(rand() * 15)
        nik = (
            entity.nik[:position]
            + entity.nik[position + 1]
            + entity.nik[position]
            + entity.nik[position + 2 :]
        )

    phone_roll = rand()
    if phone_roll < 0.64:
        phone = _phone_as_typed(entity.phone, rand)
    elif phone_roll < 0.70:  # one digit mistyped: no longer the same number
        position = 5 + int(rand() * (len(entity.phone) - 5))
        digit = str((int(entity.phone[position]) + 1 + int(rand() * 9)) % 10)
        phone = _phone_as_typed(entity.phone[:position] + digit + entity.phone[position + 1 :], rand)
    elif phone_roll < 0.85:
        phone = ""
    else:  # a new number since the first registration
        phone = new_phone()

    return FakeEnterprise(
        record_id="", entity_id=entity.entity_id, nik=nik, owner_name=_noisy_name(entity, rand, choice),
        sex=entity.sex, birth_date=_noisy_birth_date(entity.birth_date, rand), phone=phone,
        business_name=_noisy_business(entity, rand, choice), brand=entity.brand,
        sector=entity.sector, address=_address(entity, rand, noisy=True), rt=entity.rt, rw=entity.rw,
        kelurahan_code=entity.kelurahan_code, founding_year=entity.founding_year, capital=0, assets=0,
        annual_sales=0, kind="duplicate",
    )  # fmt: skip


BIRTH_DATE_SLIP_SHARE = 0.04


def _noisy_birth_date(born: date, rand) -> date:
    """Mostly as on the first form; sometimes day and month swapped or the day mistyped."""
    if rand() >= BIRTH_DATE_SLIP_SHARE:
        return born
    if born.day <= 12 and born.day != born.month and rand() < 0.5:
        return date(born.year, born.day, born.month)
    return date(born.year, born.month, 1 + (born.day + int(rand() * 8)) % 28)


def _typo(word: str, rand) -> str:
    """One keyboard slip: a letter dropped, doubled, swapped with the next, or replaced."""
    if len(word) < 4:
        return word
    i = 1 + int(rand() * (len(word) - 2))
    slip = rand()
    if slip < 0.25:
        return word[:i] + word[i + 1 :]
    if slip < 0.45:
        return word[:i] + word[i] + word[i:]
    if slip < 0.7:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    letter = "aiueonrstkmhl"[int(rand() * 13)]
    return word[:i] + letter + word[i + 1 :]


def _noisy_name(entity: _Entity, rand, choice) -> str:
    words = list(entity.name_words)
    title = entity.title
    changes = 1 + int(rand() * 3)
    for _ in range(changes):
        change = rand()
        if change < 0.22:  # pilgrimage title added, dropped or spelled out
            if title:
                title = "" if rand() < 0.6 else ("Haji" if entity.sex == "L" else "Hajjah")
            else:
                title = "H." if entity.sex == "L" else choice(("Hj.", "Hj", "Hajjah"))
        elif change < 0.40 and words[0] in ("Muhammad", "Abdul", "Ahmad"):
            if words[0] == "Muhammad":
                words[0] = choice(MUHAMMAD_SHORT)
            elif words[0] == "Abdul":
                words[0] = "Abd."
            else:
                words[0] = choice(("Akhmad", "Achmad"))
        elif change < 0.65:
            i = int(rand() * len(words))
            words[i] = _typo(words[i], rand)
        elif change < 0.80:  # word order: the second name first, as some forms ask
            words = [words[-1], *words[:-1]]
        elif change < 0.88 and len(words) == 3:  # the middle name left out
            words = [words[0], words[2]]
        elif change < 0.95:  # a Banjar or older spelling of one of the names
            i = int(rand() * len(words))
            words[i] = BANJAR_SPELLINGS.get(words[i], words[i])
        elif words[0] in NICKNAMES and len(words) > 1:  # the nickname for the given name
            words[0] = NICKNAMES[words[0]]
    name = " ".join(words)
    if title:
        name = f"{title} {name}"
    case = rand()
    if case < 0.2:
        return name.upper()
    if case < 0.3:
        return name.lower()
    return name


# Other words a clerk uses for the same kind of business ("Warung Soto Banjar" / "Rumah Makan Soto Banjar").
BUSINESS_REWORDINGS = {
    "Warung": "Rumah Makan", "Toko": "Kios", "Kue": "Wadai", "Jahit": "Penjahit", "Servis": "Service",
    "Fotokopi": "Foto Copy", "Laundry": "Binatu", "Cukur": "Pangkas Rambut", "Kopi": "Warkop",
    "Catering": "Katering", "Bengkel": "Bengkel Motor", "Sayur": "Sayuran", "Salon": "Salon Kecantikan",
}  # fmt: skip


def _noisy_business(entity: _Entity, rand, choice) -> str:
    """The business name as another clerk typed it: one to three changes, a second slip sometimes."""
    words = entity.business_name.split()
    for _ in range(1 + int(rand() * rand() * 3)):
        words = _business_change(words, entity, rand, choice)
    if rand() < 0.3:  # a second, independent slip in the same name
        i = int(rand() * len(words))
        words[i] = _typo(words[i], rand)
    name = " ".join(words)
    case = rand()
    if case < 0.25:
        return name.upper()
    if case < 0.35:
        return name.lower()
    return name


def _business_change(words: list[str], entity: _Entity, rand, choice) -> list[str]:
    change = rand()
    if (
        change < 0.15 and len(words) > 2
    ):  # the kind shortened: "Warung Soto Banjar Amang" -> "Soto Banjar Amang"
        return words[1:]
    if change < 0.33:
        i = int(rand() * len(words))
        return [*words[:i], _typo(words[i], rand), *words[i + 1 :]]
    if change < 0.45:
        return [choice(LEGAL_FORMS), *words]
    if change < 0.52:
        return [w.replace("-", " ") for w in words]
    if change < 0.62 and len(words) > 2:  # reordered: "Warung Acil Siti" -> "Acil Siti Warung"
        return words[1:] + words[:1]
    if change < 0.72:  # the kin word changed or dropped: "Acil Siti" -> "Uma Siti" / "Siti"
        kin = [i for i, w in enumerate(words) if w in KINSHIP_NICKNAMES]
        if kin and len(words) > 2:
            if rand() < 0.5:
                return [*words[: kin[0]], choice(KINSHIP_NICKNAMES), *words[kin[0] + 1 :]]
            return [*words[: kin[0]], *words[kin[0] + 1 :]]
        return words
    if change < 0.84:  # reworded: "Warung" -> "Rumah Makan", "Toko" -> "Kios"
        return [part for w in words for part in BUSINESS_REWORDINGS.get(w, w).split()]
    if change < 0.92 and entity.brand and entity.brand not in " ".join(words):  # the brand added
        return [*words, *entity.brand.split()[-1:]]
    return words


def _phone_as_typed(e164: str, rand) -> str:
    """The same number the way people write it: 0812-3456-7890, 62 812-3456-7890, +62 812 3456 7890..."""
    national = e164[3:]
    style = rand()
    if style < 0.25:
        return e164
    if style < 0.5:
        return "0" + national
    if style < 0.65:
        return f"0{national[:3]}-{national[3:7]}-{national[7:]}"
    if style < 0.8:
        return f"62 {national[:3]}-{national[3:7]}-{national[7:]}"
    if style < 0.9:
        return f"+62 {national[:3]} {national[3:7]} {national[7:]}"
    return f"0{national[:3]} {national[3:7]} {national[7:]}"


def _address(entity: _Entity, rand, *, noisy: bool) -> str:
    if not noisy:
        return f"{entity.street} No. {entity.house} RT {entity.rt} RW {entity.rw}"
    street = entity.street
    if rand() < 0.4:
        street = street.replace("Jl. ", "Jalan ", 1)
    elif rand() < 0.3:
        street = street.replace("Jl. ", "Jl ", 1)
    if rand() < 0.5:
        street = street.replace(" Gg. ", " Gang ")
    number = ("No. ", "No.", "no ", "Nomor ", "No ")[int(rand() * 5)] + str(entity.house)
    rt, rw = entity.rt, entity.rw
    layout = rand()
    if layout < 0.3:
        tail = f"RT {rt} RW {rw}"
    elif layout < 0.55:
        tail = f"RT.{rt}/RW.{rw}"
    elif layout < 0.8:
        tail = f"RT {int(rt)} RW {int(rw)}"
    else:
        tail = f"Rt. {int(rt):02d} Rw. {int(rw):02d}"
    shape = rand()
    if shape < 0.1:  # RT/RW left out
        address = f"{street} {number}"
    elif shape < 0.18:  # the house number left out
        address = f"{street} {tail}"
    elif shape < 0.26:  # a slip in the street name
        words = street.split()
        words[-1] = _typo(words[-1], rand)
        address = f"{' '.join(words)} {number} {tail}"
    elif shape < 0.32:  # "Jl." left out
        address = (
            f"{street.replace('Jl. ', '', 1).replace('Jalan ', '', 1).replace('Jl ', '', 1)} {number} {tail}"
        )
    else:
        address = f"{street} {number} {tail}"
    if rand() < 0.15:
        address = address.upper()
    return address


def _money(record: FakeEnterprise, rand) -> None:
    """Capital, assets and sales in rupiah: mostly micro, some small, a few medium (domain.md R14-R15)."""
    size = rand()
    if size < 0.9:
        capital = 1_000_000 + int(rand() * rand() * 60_000_000)
        sales = 12_000_000 + int(rand() * rand() * 600_000_000)
    elif size < 0.98:
        capital = 60_000_000 + int(rand() * 900_000_000)
        sales = 300_000_000 + int(rand() * 2_200_000_000)
    else:
        capital = 1_000_000_000 + int(rand() * 4_000_000_000)
        sales = 2_500_000_000 + int(rand() * 20_000_000_000)
    record.capital = capital // 100_000 * 100_000
    record.assets = int(capital * (0.5 + rand())) // 100_000 * 100_000
    record.annual_sales = sales // 1_000_000 * 1_000_000
