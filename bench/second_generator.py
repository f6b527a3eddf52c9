"""A second, independently written generator of micro-enterprise registrations, for de-duplication figures
on data the engine was not tuned to. Written apart from `berdaya/lib/fakedata.py` on
purpose, with another structure: households first (a family at one address with one phone), then the
registrations each office drive produced, each clerk with their own habits, then noise applied as a
random *set* of edits per copy (several at once), from its own name lists, Banjar spellings and nicknames.

`registrations(n, seed)` yields `Record`s for `lib.dedup` with the entity id kept aside;
`truth(records)` gives the true duplicate pairs. Household look-alikes (a spouse's or child's business at
the same address, with the same phone) are not duplicates.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from berdaya.lib.dedup import Record

MEN = (
    "Rahmat Hidayat Fauzi Ridwan Syahrani Arbani Jumberi Mahyuni Sarbani Hairul Rusdi Anwar Mursid Taufik "
    "Nordin Yusran Fahrurrazi Gazali Basri Aliansyah Rizali Saberi Hamdani Zainuddin Iberahim Mukhlis Salman "
    "Noor Ismail Sulaiman Rafiq Irwan Bahrudin Abdurrahman Muhammad Ahmad Abdul Husin Jailani"
).split()
WOMEN = (
    "Siti Aminah Noorhayati Rusmiati Mahrita Masitah Jamilah Halimah Hafsah Rabiatul Adawiyah Zubaidah "
    "Salamah Fitriani Mardiana Rahmawati Norliani Saidah Khairunnisa Syarifah Rosidah Aisyah Fatimah Laila "
    "Nurul Hidayah Raudah Jahrah Marlina Isnawati Wahdah Mariyam Nafisah"
).split()
FAMILY = "Noor Rahman Hasan Ansyari Arsyad Hamidi Effendi Hidayat Saleh Yusuf Bakri Syukri Aziz Kamal".split()
# Nicknames people are registered under on one form and not on the other.
NICKNAMES = {
    "Muhammad": "Mad", "Abdurrahman": "Aman", "Syarifah": "Ipah", "Fatimah": "Imah", "Halimah": "Limah",
    "Zainuddin": "Udin", "Bahrudin": "Udin", "Iberahim": "Baim", "Rahmawati": "Wati", "Khairunnisa": "Nisa",
    "Aisyah": "Icah", "Fahrurrazi": "Ojie", "Sulaiman": "Leman", "Hamdani": "Dani",
}  # fmt: skip
# Banjar and older spellings of the same name: one letter apart, or a regular vowel shift.
SPELLINGS = {
    "Iberahim": "Ibrahim", "Husin": "Husain", "Noor": "Nur", "Saleh": "Salih", "Arsyad": "Arsad",
    "Syukri": "Sukri", "Effendi": "Efendi", "Yusran": "Yusrian", "Hairul": "Khairul", "Jahrah": "Zahrah",
    "Raudah": "Raudhah", "Rahmat": "Rahmad", "Mariyam": "Maryam", "Ansyari": "Anshari", "Gazali": "Ghazali",
    "Norliani": "Nurliani", "Noorhayati": "Nurhayati", "Taufik": "Taufiq",
}  # fmt: skip
KIN = ("Acil", "Julak", "Amang", "Uma", "Abah", "Mama")
TRADES = (
    "Soto Banjar", "Wadai", "Bingka", "Sasirangan", "Amplang", "Kerupuk Haruan", "Jahit", "Laundry",
    "Bengkel Motor", "Sembako", "Pentol", "Es Kelapa", "Anyaman Purun", "Servis Elektronik", "Katering",
    "Ikan Asin", "Kopi Aren", "Gorengan", "Cuci Steam", "Kerajinan Rotan",
)  # fmt: skip
PLACES = ("Warung", "Toko", "Kedai", "Rumah", "Dapur", "Depot", "Pondok")
BLESSINGS = ("Berkah", "Bauntung", "Barokah", "Bungas", "Idaman", "Banua")
STREETS = (
    "Pekapuran", "Kelayan", "Veteran", "Sultan Adam", "Pramuka", "Kuin Utara", "Cempaka", "Belitung",
    "Sungai Miai", "Manggis", "Banua Anyar", "Alalak", "Pasar Lama", "Teluk Tiram", "A. Yani",
)  # fmt: skip


def _nik(rng: random.Random, born: date, female: bool, district: int) -> str:
    day = born.day + (40 if female else 0)
    return f"6371{district:02d}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 3999):04d}"


def _phone(rng: random.Random) -> str:
    return (
        "+628"
        + rng.choice(("11", "12", "13", "21", "22", "52", "53", "57", "77", "95"))
        + "".join(rng.choice("0123456789") for _ in range(rng.choice((7, 8))))
    )


def _typed_phone(rng: random.Random, e164: str) -> str:
    national = e164[3:]
    return rng.choice(
        (
            e164,
            "0" + national,
            f"0{national[:3]}-{national[3:7]}-{national[7:]}",
            f"(+62) {national}",
            f"62{national}",
            f"0{national[:4]} {national[4:8]} {national[8:]}",
            f"0{national[:3]}.{national[3:6]}.{national[6:]}",
        )
    )


class _Household:
    def __init__(self, rng: random.Random, index: int, kelurahan: list[str]):
        self.kelurahan = rng.choice(kelurahan)
        self.district = int(self.kelurahan.split(".")[2])
        self.street = rng.choice(STREETS)
        self.gang = rng.choice(("", "", "", "Gg. Mawar", "Gg. Damai", "Gg. Sepakat", "Komp. Griya"))
        self.house = rng.randint(1, 200)
        self.rt, self.rw = rng.randint(1, 45), rng.randint(1, 9)
        self.phone = _phone(rng)
        self.family = rng.choice(FAMILY)
        self.members: list[dict] = []
        self.index = index

    def person(self, rng: random.Random, *, female: bool | None = None) -> dict:
        female = rng.random() < 0.5 if female is None else female
        given = rng.choice(WOMEN if female else MEN)
        words = [given]
        if rng.random() < 0.35:
            words.append(rng.choice(WOMEN if female else MEN))
        if rng.random() < 0.6:
            words.append(self.family)
        born = date(1955, 1, 1) + timedelta(days=rng.randint(0, 365 * 48))
        person = {
            "words": words,
            "female": female,
            "born": born,
            "nik": _nik(rng, born, female, self.district),
            "title": ("Hj." if female else "H.") if born.year < 1980 and rng.random() < 0.3 else "",
        }
        self.members.append(person)
        return person


def _clean_address(h: _Household) -> str:
    gang = f" {h.gang}" if h.gang else ""
    return f"Jl. {h.street}{gang} No. {h.house} RT {h.rt:03d} RW {h.rw:03d}"


def _messy_address(rng: random.Random, h: _Household) -> str:
    street = rng.choice(("Jl.", "Jalan", "Jln.", "JL", "jl")) + " " + h.street
    gang = h.gang.replace("Gg.", rng.choice(("Gg.", "Gang", "gg"))) if h.gang else ""
    number = rng.choice(("No.", "No", "no.", "Nomor", "#")) + " " + str(h.house)
    rt = rng.choice((f"RT {h.rt}", f"RT.{h.rt:03d}", f"Rt {h.rt:02d}", f"RT{h.rt}"))
    rw = rng.choice((f"RW {h.rw}", f"RW.{h.rw:03d}", f"Rw {h.rw:02d}", ""))
    parts = [street, gang, number, f"{rt}/{rw}" if rw and rng.random() < 0.3 else f"{rt} {rw}".strip()]
    if rng.random() < 0.25:  # the number left out
        parts.remove(number)
    return " ".join(p for p in parts if p)


def _keyslip(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.randint(0, 3)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    if kind == 2:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + rng.choice("aiueonrsktmh") + word[i + 1 :]


def _owner_as_typed(rng: random.Random, person: dict, edits: set[str]) -> str:
    words = list(person["words"])
    if "spelling" in edits:
        words = [SPELLINGS.get(w, w) for w in words]
    if "nickname" in edits and words[0] in NICKNAMES and len(words) > 1:
        words[0] = NICKNAMES[words[0]]
    if "typo" in edits:
        i = rng.randrange(len(words))
        words[i] = _keyslip(rng, words[i])
    if "order" in edits and len(words) > 1:
        words = words[1:] + words[:1]
    if "short" in edits and len(words) > 2:
        del words[1]
    title = person["title"]
    if "title" in edits:
        title = "" if title else ("Hj" if person["female"] else "H")
    name = " ".join(([title] if title else []) + words)
    return name.upper() if "case" in edits else name


def _business(rng: random.Random, person: dict) -> str:
    trade = rng.choice(TRADES)
    style = rng.random()
    if style < 0.35:  # the owner's kin word and first name: "Warung Acil Imah"
        first = NICKNAMES.get(person["words"][0], person["words"][0])
        return f"{rng.choice(PLACES)} {trade} {rng.choice(KIN)} {first}"
    if style < 0.6:
        return f"{trade} {person['words'][0]}"
    return f"{rng.choice(PLACES)} {trade} {rng.choice(BLESSINGS)}"


def _business_as_typed(rng: random.Random, name: str, edits: set[str]) -> str:
    words = name.split()
    if "place" in edits and words[0] in PLACES:
        words = words[1:]
    if "legal" in edits:
        words = [rng.choice(("UD.", "UD", "CV.")), *words]
    if "btypo" in edits:
        i = rng.randrange(len(words))
        words[i] = _keyslip(rng, words[i])
    if "border" in edits and len(words) > 2:  # "Soto Banjar Acil Imah" -> "Acil Imah Soto Banjar"
        words = words[-2:] + words[:-2]
    return " ".join(words)


OWNER_EDITS = ("spelling", "nickname", "typo", "order", "short", "title", "case")
BUSINESS_EDITS = ("place", "legal", "btypo", "border")


def registrations(n: int, seed: int, kelurahan: list[str]) -> tuple[list[Record], dict[str, str]]:
    """``n`` records and {record id: entity id}. About 12 % are copies of an earlier business (each with
    two to four edits at once; a fifth without NIK), about 6 % a household member's own business."""
    rng = random.Random(seed)
    records: list[Record] = []
    entity_of: dict[str, str] = {}
    recent: list[tuple[_Household, dict, str, str]] = []  # household, owner, business, entity
    households = 0
    while len(records) < n:
        roll = rng.random()
        record_id = f"B-{len(records):07d}"
        if roll < 0.12 and recent:
            household, owner, business, entity = rng.choice(recent)
            edits = set(rng.sample(OWNER_EDITS, rng.randint(1, 3))) | set(
                rng.sample(BUSINESS_EDITS, rng.randint(0, 2))
            )
            nik = owner["nik"]
            nik_roll = rng.random()
            if nik_roll < 0.2:
                nik = ""
            elif nik_roll < 0.3:
                i = rng.randrange(16)
                nik = nik[:i] + str((int(nik[i]) + rng.randint(1, 9)) % 10) + nik[i + 1 :]
            phone = household.phone
            phone_roll = rng.random()
            phone = "" if phone_roll < 0.15 else _phone(rng) if phone_roll < 0.25 else phone
            records.append(
                Record(
                    id=record_id,
                    nik=nik,
                    owner_name=_owner_as_typed(rng, owner, edits),
                    business_name=_business_as_typed(rng, business, edits),
                    phone=_typed_phone(rng, phone) if phone else "",
                    address=_messy_address(rng, household) if rng.random() < 0.9 else "",
                    kelurahan=household.kelurahan,
                    birth_date=None if rng.random() < 0.3 else owner["born"],
                )
            )
            entity_of[record_id] = entity
            continue
        if roll < 0.18 and recent:  # a household member's own business: same address and phone
            household = rng.choice(recent)[0]
            owner = household.person(rng)
        else:
            households += 1
            household = _Household(rng, households, kelurahan)
            owner = household.person(rng)
        business = _business(rng, owner)
        entity = f"E-{len(records):07d}"
        records.append(
            Record(
                id=record_id,
                nik=owner["nik"] if rng.random() < 0.9 else "",
                owner_name=_owner_as_typed(rng, owner, set()),
                business_name=business,
                phone=_typed_phone(rng, household.phone),
                address=_clean_address(household),
                kelurahan=household.kelurahan,
                birth_date=None if rng.random() < 0.2 else owner["born"],
            )
        )
        entity_of[record_id] = entity
        recent.append((household, owner, business, entity))
        if len(recent) > 3000:
            recent.pop(rng.randrange(len(recent)))
    return records, entity_of


def truth(entity_of: dict[str, str]) -> set[tuple[str, str]]:
    by_entity: dict[str, list[str]] = defaultdict(list)
    for record_id, entity in entity_of.items():
        by_entity[entity].append(record_id)
    pairs = set()
    for ids in by_entity.values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs.add(tuple(sorted((a, b))))
    return pairs
