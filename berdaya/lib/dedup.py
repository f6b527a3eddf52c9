"""Finds likely duplicate micro-enterprise records, with a score 0-100 and the reasons in Indonesian.

Pure Python on purpose (no models): the on-entry check, the import preview and the whole-registry scan job
all pass plain `Record`s. Three steps:

1. Normalise each record once: owner name without titles (H., Hj., Hajjah, Drs., S.E. ...) and with
   abbreviations spelled out (Muh./Moh./M. -> muhammad, Abd. -> abdul); phone to E.164; NIK to digits;
   address to "jl pramuka 12 rt 5 rw 2" (Jl./Jalan, No./Nomor, RT 005 / RT.5 all the same).
2. Blocking: only records sharing a cheap key are compared (same NIK; same phone; same kelurahan and
   address; same kelurahan and birth date; same kelurahan and sound-alike owner name; same kelurahan and
   sound-alike business name). Several small blocks instead of one big one keep recall high and the number
   of compared pairs near linear. `blocking_keys()` is public so the database can store and query the keys.
3. Scoring: evidence points for and against (NIK, names by rapidfuzz, phone, address, birth date),
   clamped to 0-100. The household rule: people of one family share a phone and an address, so when the
   owner names differ and the NIK does not match, phone and address count for nothing.

The weights were set by hand and checked against `fakedata.enterprises()` (see bench/dedup_bench.py); they
are constants here, not reference data, because they are a property of the method, not of the law.
"""

from __future__ import annotations

import functools
import gc
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.fuzz import ratio, token_set_ratio, token_sort_ratio

from berdaya.lib.phone import normalize_phone

__all__ = [
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Record",
    "blocking_keys",
    "find_duplicates",
    "match_one",
    "normalize_address",
    "normalize_business_name",
    "normalize_name",
    "normalize_nik",
    "normalize_phone_or_blank",
    "score_pair",
]

# A pair at or above this score is reported as a likely duplicate.
DEFAULT_THRESHOLD = 55
# Blocks larger than this are skipped: a key shared by hundreds of records (a placeholder phone, the
# office's own address) says nothing, and comparing all its pairs would cost quadratic time.
MAX_BLOCK = 60
# The most a pair can score when the household rule or the one-owner-two-businesses rule applies: well
# under the threshold, so lowering the threshold a little does not bring these back.
CAPPED_SCORE = 40
# Below this business-name similarity, the same owner's two records are two businesses, not one.
SAME_BUSINESS_MIN = 70


@dataclass(slots=True)
class Record:
    id: str
    nik: str = ""
    owner_name: str = ""
    business_name: str = ""
    phone: str = ""
    address: str = ""
    kelurahan: str = ""  # "63.71.01.1001"
    birth_date: date | None = None


@dataclass(slots=True)
class Candidate:
    a_id: str
    b_id: str
    score: int  # 0-100
    reasons: list[str] = field(default_factory=list)  # Indonesian, strongest first: ["NIK sama", ...]


# --- Normalisation ------------------------------------------------------------------------------------------

# Academic degrees written after the name: "Ahmad Rahman, S.E.", "Siti Aminah S.Pd".
_DEGREE = re.compile(
    r"\b(?:[sm]\.\s?(?:e|h|t|pd|pdi|kom|sos|ag|ip|ak|kes|si|hut|pi|farm|ked|kep|ikom|sn|ds|tr|m|ba|sc|psi)"
    r"|a\.\s?md|amd)\b\.?"
)
_NON_LETTERS = re.compile(r"[^a-z]+")
_TOKENS = re.compile(r"[a-z]+|[0-9]+")
_NOT_DIGITS = re.compile(r"[^0-9]")

# Titles dropped from names: pilgrimage (H., Hj., Haji, Hajjah), academic and honorific ones, and "bin/binti".
NAME_TITLES = frozenset(
    "h hj hjh haji hajjah hajah hajji ir drs dra dr prof alm almh bin binti ust ustadz ustadzah".split()
)
# Abbreviations and spelling variants of common names, mapped to one spelling.
NAME_SPELLINGS = {
    **dict.fromkeys(
        "m muh moh mhd muhd mohd moch mochd mochamad mochammad mohamad mohammad mohammed muhamad muhammed "
        "muhamat muhammat mukhammad".split(),
        "muhammad",
    ),
    "abd": "abdul",
    "abdoel": "abdul",
    "akhmad": "ahmad",
    "achmad": "ahmad",
    "ahmat": "ahmad",
    "achmat": "ahmad",
    "st": "siti",
    "sitti": "siti",
}
# Legal forms in business names: "UD. Sasirangan Galuh" is "Sasirangan Galuh".
BUSINESS_LEGAL_FORMS = frozenset("ud cv pt tb pd".split())
# Words that say what kind of place it is, often left out ("Soto Banjar Amang" for "Warung Soto Banjar
# Amang"): left out of the blocking key, kept for the score ("Warung Kembang" is not "Servis HP Kembang").
BUSINESS_GENERIC = frozenset("toko warung kios usaha kedai rumah".split())
_ADDRESS_WORDS = {"jalan": "jl", "jln": "jl", "gang": "gg", "no": "", "nomor": "", "nmr": "", "kav": ""}


def _ascii_lower(value: str) -> str:
    value = (value or "").lower()
    if value.isascii():
        return value
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")


def _name_tokens(value: str) -> list[str]:
    text = _ascii_lower(value).split(",")[0]  # degrees after a comma
    text = _DEGREE.sub(" ", text)
    tokens = []
    for token in _NON_LETTERS.split(text.replace("oe", "u").replace("dj", "j").replace("tj", "c")):
        if token and token not in NAME_TITLES:
            tokens.append(NAME_SPELLINGS.get(token, token))
    return tokens


def normalize_name(value: str) -> str:
    """ "Hj. Siti  Aminah, S.E." -> "siti aminah"; "Muh. Rizky" -> "muhammad rizky". Word order is kept."""
    return " ".join(_name_tokens(value))


def _business_tokens(value: str) -> list[str]:
    return [token for token in _NON_LETTERS.split(_ascii_lower(value)) if token]


def normalize_business_name(value: str) -> str:
    """ "UD. Sasirangan  Galuh" -> "sasirangan galuh" (legal forms dropped)."""
    return " ".join(token for token in _business_tokens(value) if token not in BUSINESS_LEGAL_FORMS)


def normalize_address(value: str) -> str:
    """ "Jalan Pramuka No.12 RT.005/RW.002" -> "jl pramuka 12 rt 5 rw 2"."""
    tokens = []
    for token in _TOKENS.findall(_ascii_lower(value)):
        if token[0].isdigit():
            tokens.append(str(int(token)))
        else:
            token = _ADDRESS_WORDS.get(token, token)
            if token:
                tokens.append(token)
    return " ".join(tokens)


def normalize_nik(value: str) -> str:
    """The digits of a NIK if there are 16 of them, else "" (a partial NIK is no evidence either way)."""
    digits = _NOT_DIGITS.sub("", value or "")
    return digits if len(digits) == 16 else ""


def normalize_phone_or_blank(value: str) -> str:
    """E.164 via `phone.normalize_phone`, or "" for a blank or unusable number."""
    if not value:
        return ""
    try:
        return normalize_phone(value)
    except ValueError:
        return ""


_PHONETIC_PAIRS = (
    ("kh", "h"), ("ch", "h"), ("sy", "s"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("q", "k"),
    ("v", "f"), ("z", "j"), ("x", "ks"), ("y", "i"), ("w", "u"),
)  # fmt: skip
_VOWELS_AND_H = re.compile(r"[aiueoh]")


@functools.lru_cache(maxsize=100_000)  # names and business words repeat a lot
def _phonetic(token: str) -> str:
    """A rough sound key for Indonesian words: "Rachman", "Rahman", "Rahmaan" -> "rmn"."""
    for old, new in _PHONETIC_PAIRS:
        if old in token:
            token = token.replace(old, new)
    rest = _VOWELS_AND_H.sub("", token[1:])
    key = token[:1]
    for letter in rest:
        if letter != key[-1:]:
            key += letter
    return key


# --- Prepared records ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Prepared:
    id: str
    nik: str
    name: str  # normalised, words sorted: token-sort comparison is then a plain ratio
    name_as_typed: str  # normalised, words in their order
    name_words: tuple[str, ...]
    business: str
    phone: str
    address: str
    kelurahan: str
    birth_date: date | None
    keys: set[str]


def _prepare(record: Record) -> _Prepared:
    tokens = _name_tokens(record.owner_name)
    business_tokens = [t for t in _business_tokens(record.business_name) if t not in BUSINESS_LEGAL_FORMS]
    nik = normalize_nik(record.nik)
    phone = normalize_phone_or_blank(record.phone)
    address = normalize_address(record.address)
    kelurahan = record.kelurahan or ""

    keys = set()
    if nik:
        keys.add("nik:" + nik)
    if phone:
        keys.add("tel:" + phone)
    if address:
        keys.add(f"alamat:{kelurahan}:{address}")
    if record.birth_date:
        keys.add(f"lahir:{kelurahan}:{record.birth_date.isoformat()}")
    codes = sorted({_phonetic(token) for token in tokens})
    if codes:
        keys.add(f"nama:{kelurahan}:{' '.join(codes)}")
        if len(codes) >= 3:  # a middle name left out in one record
            for left_out in range(len(codes)):
                keys.add(f"nama:{kelurahan}:{' '.join(codes[:left_out] + codes[left_out + 1 :])}")
    business_codes = sorted({_phonetic(token) for token in business_tokens if token not in BUSINESS_GENERIC})
    if business_codes:
        keys.add(f"usaha:{kelurahan}:{' '.join(business_codes)}")

    return _Prepared(
        id=record.id,
        nik=nik,
        name=" ".join(sorted(tokens)),
        name_as_typed=" ".join(tokens),
        name_words=tuple(tokens),
        business=" ".join(business_tokens),
        phone=phone,
        address=address,
        kelurahan=kelurahan,
        birth_date=record.birth_date,
        keys=keys,
    )


def blocking_keys(record: Record) -> set[str]:
    """The keys under which `record` is compared with others: "nik:…", "tel:+62…", "nama:<kelurahan>:…".

    Two records are compared only if they share a key, so the database can store these in an indexed
    column and fetch the on-entry candidates with one `key__in` query.
    """
    return _prepare(record).keys


# --- Scoring ------------------------------------------------------------------------------------------------


def _nik_near(a: str, b: str) -> bool:
    """One digit mistyped, or two neighbouring digits swapped."""
    differ = [i for i in range(16) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    return len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]]


def _name_similarity(a: _Prepared, b: _Prepared) -> int:
    """0-100, robust to word order, typos and a left-out middle name.

    Sorting the words first (token-sort) fails when a typo hits a first letter: "Syahrul Santoso" /
    "Sahrul Sartoso" sort differently. So each word is also matched to its most similar word in the other
    name, weighted by length.
    """
    if a.name == b.name:
        return 100
    best = max(ratio(a.name, b.name), ratio(a.name_as_typed, b.name_as_typed))
    short, long = (
        (a.name_words, b.name_words)
        if len(a.name_words) <= len(b.name_words)
        else (b.name_words, a.name_words)
    )
    total = weighted = 0.0
    for word in short:
        total += len(word)
        weighted += len(word) * max(ratio(word, other) for other in long)
    aligned = weighted / total
    if len(short) != len(long):
        aligned *= 0.92  # a word left out: likely, not certain
    return round(max(best, aligned))


def _business_without_owner(record: _Prepared, other: _Prepared) -> str:
    """The business name less the owners' name words: "Agen Hafsah" and "Bengkel Hafsah" of one Hafsah are
    two businesses, and the shared "hafsah" says nothing about that. A name made only of the owner's words
    is kept whole."""
    owners = set(record.name_words) | set(other.name_words)
    rest = [word for word in record.business.split() if word not in owners]
    return " ".join(rest) if rest else record.business


# Every point a pair can earn (NIK 40, owner name 30, business name 24, phone 12, address 15, birth date 10).
MAX_POINTS = 131


def _spread(points: float) -> int:
    """Points as a 0-100 score. Up to the threshold a point is a point (so the threshold and the caps mean
    what they say); above it the remaining points are spread over the rest of the scale instead of being
    cut at 100, so a pair matching on everything scores 100 and one matching on less scores less (issue
    15: all 16 pairs scored 100)."""
    if points <= DEFAULT_THRESHOLD:
        return max(0, round(points))
    share = (min(points, MAX_POINTS) - DEFAULT_THRESHOLD) / (MAX_POINTS - DEFAULT_THRESHOLD)
    return round(DEFAULT_THRESHOLD + share * (100 - DEFAULT_THRESHOLD))


def _score(a: _Prepared, b: _Prepared) -> tuple[int, list[str]]:
    reasons: list[str] = []
    points = 0.0

    nik_match = False
    if a.nik and b.nik:
        if a.nik == b.nik:
            points += 40
            nik_match = True
            reasons.append("NIK sama")
        elif _nik_near(a.nik, b.nik):
            points += 30
            nik_match = True
            reasons.append("NIK hampir sama (salah ketik 1-2 digit)")
        else:
            points -= 30

    name = 0
    if a.name and b.name:
        name = _name_similarity(a, b)
        points += max(-40.0, min(30.0, (name - 70) * 1.2))
        if name >= 80:
            reasons.append("Nama pemilik sama" if name == 100 else f"Nama pemilik mirip ({name})")

    business = -1
    if a.business and b.business:
        # Token-set alone calls "Kembang" and "Servis HP Kembang" equal; token-sort alone punishes a
        # left-out word. Their mean does neither.
        business_a, business_b = _business_without_owner(a, b), _business_without_owner(b, a)
        business = round(
            (token_set_ratio(business_a, business_b) + token_sort_ratio(business_a, business_b)) / 2
        )
        points += max(-25.0, min(24.0, (business - 65) * 0.8))
        if business >= 80:
            reasons.append("Nama usaha sama" if business == 100 else f"Nama usaha mirip ({business})")

    # The household rule: a family shares a phone and an address, so without a similar owner name or a
    # matching NIK these two say nothing about the business being the same.
    household_only = not nik_match and name < 80
    if a.phone and b.phone:
        if a.phone == b.phone:
            if not household_only:
                points += 12
            reasons.append("Nomor telepon sama")
        else:
            points -= 3  # people change numbers
    if a.address and b.address:
        if a.address == b.address:
            if not household_only:
                points += 15
            reasons.append("Alamat sama")
        else:
            similar = round(ratio(a.address, b.address))
            if similar >= 90:
                if not household_only:
                    points += 5
                reasons.append(f"Alamat mirip ({similar})")
            else:
                points -= 5

    if a.birth_date and b.birth_date:
        if a.birth_date == b.birth_date:
            points += 10
            reasons.append("Tanggal lahir sama")
        else:
            points -= 30
    if a.kelurahan and b.kelurahan and a.kelurahan != b.kelurahan:
        points -= 10

    score = _spread(points)
    if household_only:
        score = min(score, CAPPED_SCORE)
    elif 0 <= business < SAME_BUSINESS_MIN and (nik_match or name >= 90):
        # One owner may run several businesses: the registry counts businesses, not owners.
        score = min(score, CAPPED_SCORE)
        reasons.append("Pemilik sama, usaha berbeda")
    return score, reasons


def score_pair(a: Record, b: Record) -> Candidate:
    """Compares two records whatever their blocking keys: the score and its reasons."""
    score, reasons = _score(_prepare(a), _prepare(b))
    return Candidate(a.id, b.id, score, reasons)


# --- Whole registry and on entry ----------------------------------------------------------------------------


def find_duplicates(records: Iterable[Record], *, threshold: int = DEFAULT_THRESHOLD) -> list[Candidate]:
    """Every pair of likely duplicates among `records`, highest score first.

    Each pair is reported once, with the ids in input order. Time is about linear in the number of
    records: 100,000 take seconds, not minutes (bench/dedup_bench.py).
    """
    # Hundreds of thousands of small objects set off the cyclic garbage collector again and again, for
    # nothing: none of them form cycles. Pausing it halves the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _find_duplicates(records, threshold)
    finally:
        if collecting:
            gc.enable()


def _find_duplicates(records: Iterable[Record], threshold: int) -> list[Candidate]:
    prepared = [_prepare(record) for record in records]
    blocks: dict[str, list[int]] = {}
    for index, item in enumerate(prepared):
        for key in item.keys:
            members = blocks.get(key)
            if members is None:
                blocks[key] = [index]
            else:
                members.append(index)

    count = len(prepared)
    pairs: set[int] = set()
    for members in blocks.values():
        size = len(members)
        if size < 2 or size > MAX_BLOCK:
            continue
        for i in range(size - 1):
            base = members[i] * count
            for j in range(i + 1, size):
                pairs.add(base + members[j])  # members are in ascending order: each pair one way only
    del blocks

    found = []
    for pair in pairs:
        a, b = prepared[pair // count], prepared[pair % count]
        score, reasons = _score(a, b)
        if score >= threshold:
            found.append(Candidate(a.id, b.id, score, reasons))
    found.sort(key=lambda c: (-c.score, c.a_id, c.b_id))
    return found


def match_one(
    record: Record, candidates: Iterable[Record], *, threshold: int = DEFAULT_THRESHOLD
) -> list[Candidate]:
    """Scores `record` against each candidate (say, those sharing a blocking key in the database).

    Every candidate is compared, blocking keys or not; a candidate with the same id is skipped.
    """
    new = _prepare(record)
    found = []
    for other in candidates:
        if other.id == record.id:
            continue
        score, reasons = _score(new, _prepare(other))
        if score >= threshold:
            found.append(Candidate(record.id, other.id, score, reasons))
    found.sort(key=lambda c: (-c.score, c.b_id))
    return found
