"""Finds likely duplicate micro-enterprise records, with a score 0-100 and the reasons in Indonesian.

Pure Python on purpose (no models): the on-entry check, the import preview and the whole-registry scan job
all pass plain `Record`s. Four steps:

1. Normalise each record once: owner name without titles (H., Hj., Hajjah, Drs., S.E. ...) and with
   abbreviations spelled out (Muh./Moh./M. -> muhammad, Abd. -> abdul); phone to E.164; NIK to digits;
   address to "jl pramuka 12 rt 5 rw 2" (Jl./Jalan, No./Nomor, RT 005 / RT.5 all the same).
2. Blocking: only records sharing a cheap key are compared (same NIK; same phone; same kelurahan and
   address; same kelurahan and birth date; same kelurahan and sound-alike owner name; same kelurahan and
   sound-alike business name). Several small blocks instead of one big one keep recall high and the number
   of compared pairs near linear. `blocking_keys()` is public so the database can store and query the keys.
3. Comparing: each candidate pair gets a level per field (`Comparison`: NIK equal / a slip / different,
   owner name and business name by similarity bands, phone, address by parts, birth date, kelurahan).
   Names are compared in a Banjar folding ("Fatimah" / "Patimah"); business names without legal forms,
   kin words (Acil, Julak, Amang...) and the owner's own name words.
4. Weighing (Fellegi-Sunter, as Splink does): each level weighs log2(m/u) bits, m = P(level | one
   business), u = P(level | two). The whole-registry scan estimates m, u and the share of matches from its
   own candidate pairs by expectation-maximisation, without labels (`estimate_model`); the on-entry check,
   with a handful of pairs, uses DEFAULT_MODEL. Score 55 (the threshold) = probability one half.
   Two rules of the domain cap a pair at 40 whatever the weights (docs/domain.md R7a): the household rule
   (people of one family share a phone and an address, so when the owner names differ and the NIK does
   not match, phone and address count for nothing) and one owner, another business.
   `explain()` gives each comparison's weight in Indonesian for the pages.

Tuned on the tuning seed of `fakedata.enterprises()` only; measured on a held-out seed and on an
independently written generator (bench/dedup_bench.py).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import math
import multiprocessing
import os
import re
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz.fuzz import ratio, token_set_ratio, token_sort_ratio

from berdaya.lib.phone import normalize_phone

__all__ = [
    "DEFAULT_MODEL",
    "DEFAULT_THRESHOLD",
    "Candidate",
    "Comparison",
    "Contribution",
    "Explanation",
    "Model",
    "Record",
    "ScanReport",
    "blocking_keys",
    "clear_caches",
    "estimate_model",
    "explain",
    "find_duplicates",
    "match_one",
    "normalize_address",
    "normalize_business_name",
    "normalize_name",
    "normalize_nik",
    "normalize_phone_or_blank",
    "scan_records",
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
SAME_BUSINESS_MIN = 55


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
    reasons: list[str] = dataclasses.field(
        default_factory=list
    )  # Indonesian, strongest first: ["NIK sama", ...]


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
# Banjar kinship and address words in business names ("Wadai Acil Siti", "Bengkel Julak"): they say who
# runs it, not which business it is, and clerks change them ("Acil Siti" / "Uma Siti"). Left out of the
# business-name comparison, like the owner's own name words.
BUSINESS_KIN_WORDS = frozenset(
    "acil julak amang uma abah mama kai nini busu galuh diang utuh anang ading ibu bu pak bapak umi abi "
    "bunda".split()
)
# Words added to a brand that say nothing of the business ("Kue Bingka Diang Snack").
BUSINESS_SUFFIXES = frozenset("collection kitchen snack food craft store shop official".split())
# One kind of business, several words for it: compared as the first.
BUSINESS_SYNONYMS = {
    "rumah makan": "warung", "rm": "warung", "kios": "toko", "wadai": "kue", "penjahit": "jahit",
    "service": "servis", "foto copy": "fotokopi", "photocopy": "fotokopi", "binatu": "laundry",
    "pangkas rambut": "cukur", "pangkas": "cukur", "barbershop": "cukur", "warkop": "kopi",
    "katering": "catering", "sayuran": "sayur", "bengkel motor": "bengkel",
}  # fmt: skip
_SYNONYM = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, BUSINESS_SYNONYMS), key=len, reverse=True)) + r")\b"
)
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


def _business_compared(tokens: list[str]) -> tuple[str, ...]:
    """The words a business name is compared by: synonyms as one word, kin words left out."""
    text = _SYNONYM.sub(lambda m: BUSINESS_SYNONYMS[m.group(0)], " ".join(tokens))
    return tuple(word for word in text.split() if word not in BUSINESS_KIN_WORDS)


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


def _address_parts(normalised: str) -> tuple[str, str, str]:
    """ "jl pramuka gg mawar 12 rt 5 rw 2" -> ("pramuka mawar", "12", "5/2"): the parts compared one by one,
    so an address written without its RT/RW or without "Jl." still compares as the same."""
    street, numbers, rt, rw = [], [], "", ""
    tokens = normalised.split()
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in ("rt", "rw") and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            if token.endswith("t"):  # "rt"
                rt = tokens[i + 1]
            else:
                rw = tokens[i + 1]
            i += 2
            continue
        if token.isdigit():
            numbers.append(token)
        elif token not in ("jl", "gg", "komplek", "komp", "blok"):
            street.append(token)
        i += 1
    return " ".join(street), (numbers[0] if numbers else ""), (f"{rt}/{rw}" if rt or rw else "")


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


# Banjar has three vowels (a, i, u) and no f, v, z, q or "sy": clerks write one name "Fatimah", "Patimah",
# "Syamsul", "Samsul", "Mahmud", "Mahmod". Names are compared in this folded spelling.
_FOLDS = (("kh", "h"), ("sy", "s"), ("dh", "d"), ("th", "t"), ("ph", "p"), ("f", "p"), ("v", "p"), ("z", "j"),
          ("q", "k"), ("o", "u"), ("ie", "i"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_H_VOWEL = re.compile(r"(?<=[aiu])h(?=[aiu])")


@functools.lru_cache(maxsize=100_000)
def _fold(token: str) -> str:
    """ "Syarifuddin" -> "saripudin", "Aspihani" -> "aspiani", "Rahmad" -> "rahmat"."""
    for old, new in _FOLDS:
        if old in token:
            token = token.replace(old, new)
    token = _VOWEL_H_VOWEL.sub("", _DOUBLED.sub(r"\1", token))
    if len(token) > 3 and token.endswith("d"):
        token = token[:-1] + "t"
    return token


# --- Prepared records ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Prepared:
    id: str
    nik: str
    name: str  # normalised, words sorted: token-sort comparison is then a plain ratio
    name_as_typed: str  # normalised, words in their order
    name_words: tuple[str, ...]
    name_word_set: frozenset[str]
    business_words: tuple[str, ...]  # as compared: `_business_compared`
    business_joined: str  # business_words joined by spaces
    business_rest: tuple[str, ...]  # business_words less this record's owner words and kin words
    street: str  # the address without numbers, "jl" and "gg": "pramuka mawar"
    house: str  # the house number, "" when not written
    rt_rw: str  # "5/2", "" when not written
    name_folded: str  # folded spelling (`_fold`), words sorted
    name_folded_typed: str  # folded spelling, words in their order
    folded_words: tuple[str, ...]
    business: str
    phone: str
    address: str
    kelurahan: str
    birth_date: date | None
    keys: set[str]


# Names, business names, addresses and phones repeat across a registry (and within a batch of copies):
# each distinct value is normalised once.
_CACHE = 200_000


@functools.lru_cache(maxsize=_CACHE)
def _owner_parts(value: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The name words, the folded words and the sound keys (sorted, unique) of an owner's name."""
    tokens = tuple(_name_tokens(value))
    return tokens, tuple(_fold(token) for token in tokens), tuple(sorted({_phonetic(t) for t in tokens}))


@functools.lru_cache(maxsize=_CACHE)
def _owner_all(value: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str, str, str, tuple[str, ...]]:
    """`_owner_parts`, the four strings a name is compared by (sorted and as typed, plain and folded) and
    the suffixes of its blocking keys (all sound keys, and each with one left out when there are 3+)."""
    tokens, folded, codes = _owner_parts(value)
    suffixes = []
    if codes:
        suffixes.append(" ".join(codes))
        if len(codes) >= 3:  # a middle name left out in one record
            for left_out in range(len(codes)):
                suffixes.append(" ".join(codes[:left_out] + codes[left_out + 1 :]))
    return (
        tokens,
        folded,
        " ".join(sorted(tokens)),
        " ".join(tokens),
        " ".join(sorted(folded)),
        " ".join(folded),
        tuple(suffixes),
    )


@functools.lru_cache(maxsize=_CACHE)
def _business_rest(words: tuple[str, ...], owner_words: tuple[str, ...]) -> tuple[str, ...]:
    """The business name less kin words and this record's owner's words: "Agen Hafsah" and "Bengkel Hafsah"
    of one Hafsah are two businesses, and the shared "hafsah" says nothing about that. A slip in such a word
    ("Rssdi" for "Rusdi") leaves it out too. The other owner's words are taken out per pair."""
    return tuple(_without_words(tuple(word for word in words if not _is_kin_word(word)), list(owner_words)))


@functools.lru_cache(maxsize=_CACHE)
def _business_parts(value: str) -> tuple[str, tuple[str, ...], str]:
    """The business name without legal forms, the words compared, and its sound key for blocking."""
    tokens = [t for t in _business_tokens(value) if t not in BUSINESS_LEGAL_FORMS]
    codes = sorted({_phonetic(token) for token in tokens if token not in BUSINESS_GENERIC})
    return " ".join(tokens), _business_compared(tokens), " ".join(codes)


_STREET_SKIPPED = frozenset(("jl", "gg", "komplek", "komp", "blok"))


@functools.lru_cache(maxsize=_CACHE)
def _address_all(value: str) -> tuple[str, str, str, str]:
    """`normalize_address` and `_address_parts` in one pass over the words (each record's address)."""
    tokens: list[str] = []
    street: list[str] = []
    house = rt = rw = ""
    after = ""  # "rt" or "rw" just seen: the number that follows is theirs
    for token in _TOKENS.findall(_ascii_lower(value)):
        if token[0].isdigit():
            token = str(int(token))
            tokens.append(token)
            if after == "rt":
                rt = token
            elif after == "rw":
                rw = token
            elif not house:
                house = token
            after = ""
            continue
        token = _ADDRESS_WORDS.get(token, token)
        if not token:
            continue
        tokens.append(token)
        if after:  # "rt" or "rw" not followed by a number: a street word after all
            street.append(after)
        if token in ("rt", "rw"):
            after = token
        else:
            after = ""
            if token not in _STREET_SKIPPED:
                street.append(token)
    if after:
        street.append(after)
    return " ".join(tokens), " ".join(street), house, (f"{rt}/{rw}" if rt or rw else "")


@functools.lru_cache(maxsize=_CACHE)
def _phone(value: str) -> str:
    return normalize_phone_or_blank(value)


def clear_caches() -> None:
    """Forget the normalised values (the benchmark times each run from cold)."""
    for cached in (
        _owner_parts,
        _owner_all,
        _business_rest,
        _business_parts,
        _address_all,
        _phone,
        _phonetic,
        _fold,
        _is_kin_word,
    ):
        cached.cache_clear()


def _prepare(record: Record) -> _Prepared:
    tokens, folded, name, name_typed, name_folded, name_folded_typed, name_keys = _owner_all(
        record.owner_name or ""
    )
    business, business_words, business_codes = _business_parts(record.business_name or "")
    nik = record.nik or ""
    if not (len(nik) == 16 and nik.isascii() and nik.isdigit()):
        nik = normalize_nik(nik)
    phone = _phone(record.phone or "")
    address, street, house, rt_rw = _address_all(record.address or "")
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
    for suffix in name_keys:
        keys.add(f"nama:{kelurahan}:{suffix}")
    if business_codes:
        keys.add(f"usaha:{kelurahan}:{business_codes}")

    return _Prepared(
        id=record.id,
        nik=nik,
        name=name,
        name_as_typed=name_typed,
        name_words=tokens,
        name_word_set=frozenset(tokens),
        name_folded=name_folded,
        name_folded_typed=name_folded_typed,
        folded_words=folded,
        business=business,
        business_words=business_words,
        business_joined=" ".join(business_words),
        business_rest=_business_rest(business_words, tokens) if business else (),
        street=street,
        house=house,
        rt_rw=rt_rw,
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


# --- Comparisons --------------------------------------------------------------------------------------------
# Each comparison puts a pair at one level (0 = agrees fully, higher = agrees less), or at None when a record
# lacks the value (no evidence either way). The levels are what the Fellegi-Sunter model weighs.


def _nik_near(a: str, b: str) -> bool:
    """One digit mistyped, or two neighbouring digits swapped."""
    differ = [i for i in range(16) if a[i] != b[i]]
    if len(differ) == 1:
        return True
    return len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]]


def _name_similarity(a: _Prepared, b: _Prepared) -> int:
    """0-100, robust to word order, typos, Banjar spellings and a left-out middle name.

    Sorting the words first (token-sort) fails when a typo hits a first letter: "Syahrul Santoso" /
    "Sahrul Sartoso" sort differently. So each word is also matched to its most similar word in the other
    name, weighted by length. Compared in the folded spelling (`_fold`), so "Fatimah" and "Patimah" are
    near; 100 only when the normalised names are equal.
    """
    if a.name == b.name:
        return 100
    if a.name_folded == b.name_folded:
        return 99
    best = max(ratio(a.name_folded, b.name_folded), ratio(a.name_folded_typed, b.name_folded_typed))
    short, long = (a.folded_words, b.folded_words) if len(a.folded_words) <= len(b.folded_words) else (
        b.folded_words, a.folded_words)  # fmt: skip
    total = weighted = 0.0
    unmatched = False
    for word in short:
        total += len(word)
        similar = max(ratio(word, other) for other in long)
        weighted += len(word) * similar
        unmatched = unmatched or similar < WORD_MATCH_MIN
    aligned = weighted / total if total else 0.0
    if len(short) != len(long):
        aligned *= 0.92  # a word left out: likely, not certain
    similarity = min(99, round(max(best, aligned)))
    # "Siti Kurniasih" and "Rina Kurniasih" share the long word, not the person: siblings.
    return min(similarity, OTHER_WORD_MAX) if unmatched else similarity


@functools.lru_cache(maxsize=100_000)
def _is_kin_word(word: str) -> bool:
    """A kin or generic word, or a slip of one ("diiang", "acl")."""
    if word in BUSINESS_KIN_WORDS or word in BUSINESS_SUFFIXES:
        return True
    return len(word) >= 4 and any(ratio(word, kin) >= 80 for kin in BUSINESS_KIN_WORDS if len(kin) >= 4)


def _without_words(words: Sequence[str], owners: list[str]) -> Sequence[str]:
    """`words` less those that are one of `owners` or, with 4+ letters, 80% alike to one: in one plain
    loop, as this runs for most compared pairs."""
    if not owners:
        return words
    kept = []
    for word in words:
        if word in owners:
            continue
        if len(word) >= 4:
            for owner in owners:
                if ratio(word, owner, score_cutoff=80):
                    break
            else:
                kept.append(word)
        else:
            kept.append(word)
    return kept


def _business_similarity(a: _Prepared, b: _Prepared) -> int:
    if a.business == b.business:
        return 100
    # Each record's business words less its own owner's and kin words are prepared once (`_business_rest`).
    # Here only the other owner's words are taken out, and of those only the words the record's own owner
    # does not have: a word that survived its own owner's words is not one of them, nor a slip of one.
    rest_a: Sequence[str] = a.business_rest
    rest_b: Sequence[str] = b.business_rest
    if a.name_word_set != b.name_word_set:
        if rest_a:
            rest_a = _without_words(rest_a, [word for word in b.name_words if word not in a.name_word_set])
        if rest_b:
            rest_b = _without_words(rest_b, [word for word in a.name_words if word not in b.name_word_set])
    if not rest_a or not rest_b:
        # One name is only the owner and a kin word ("Galuh Halimah" for "Warung Galuh Halimah"): the
        # kind was left out, nothing says it is another business.
        return min(90, round(token_set_ratio(a.business_joined, b.business_joined)))
    business_a, business_b = " ".join(rest_a), " ".join(rest_b)
    # Token-set alone calls "Kembang" and "Servis HP Kembang" equal; token-sort alone punishes a
    # left-out word. Their mean does neither.
    similarity = (token_set_ratio(business_a, business_b) + token_sort_ratio(business_a, business_b)) / 2
    return min(99, round(similarity))  # 100 only when the names are the same


def _address_similarity(a: _Prepared, b: _Prepared) -> int:
    """0-100 over the parts both addresses have: street words, house number, RT/RW. A part one of them
    left out counts for nothing; a number written differently counts against."""
    if a.address == b.address:
        return 100
    similarity = ratio(a.street, b.street) if a.street and b.street else 50.0
    if a.house and b.house and a.house != b.house:
        similarity -= 30
    if a.rt_rw and b.rt_rw and a.rt_rw != b.rt_rw:
        similarity -= 20
    if not (a.house and b.house) and not (a.rt_rw and b.rt_rw):
        similarity -= 10  # nothing but the street to go by
    return max(0, min(99, round(similarity)))


def _birth_near(a: date, b: date) -> bool:
    """One of day, month and year differs, or day and month swapped: a slip, not another person."""
    same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day)
    return same == 2 or (a.year == b.year and a.day == b.month and a.month == b.day)


def _level(value: int, floors: tuple[int, ...]) -> int:
    for level, floor in enumerate(floors):
        if value >= floor:
            return level
    return len(floors)


# A name word under this similarity to every word of the other name is another word, not a slip...
WORD_MATCH_MIN = 67
# ... and such a name is at most this similar (under the household rule's 80).
OTHER_WORD_MAX = 75
# Similarity floors of the levels: a name at 100 is level 0, at 92-99 level 1, ..., under 70 the last.
NAME_FLOORS = (100, 92, 85, 78, 70)
BUSINESS_FLOORS = (100, 88, 75, 60)
ADDRESS_FLOORS = (100, 90, 75)


@dataclass(slots=True)
class Comparison:
    """How two records compare: one level per field (None = a record lacks it) and the similarities."""

    nik: int | None  # 0 equal, 1 one-two digits off, 2 different
    name: int | None  # levels of NAME_FLOORS
    business: int | None  # levels of BUSINESS_FLOORS
    phone: int | None  # 0 equal, 1 different
    address: int | None  # levels of ADDRESS_FLOORS
    birth: int | None  # 0 equal, 1 a slip (one part differs, day/month swapped), 2 different
    kelurahan: int | None  # 0 equal, 1 different
    name_similarity: int = -1
    business_similarity: int = -1
    address_similarity: int = -1

    @property
    def levels(self) -> tuple[int | None, ...]:
        return (self.nik, self.name, self.business, self.phone, self.address, self.birth, self.kelurahan)


FIELDS = ("nik", "name", "business", "phone", "address", "birth", "kelurahan")


def _levels_of(floors: tuple[int, ...]) -> tuple[int, ...]:
    """The level of each similarity 0-100 (`_level`), looked up instead of searched for each pair."""
    return tuple(_level(value, floors) for value in range(101))


_NAME_LEVEL = _levels_of(NAME_FLOORS)
_BUSINESS_LEVEL = _levels_of(BUSINESS_FLOORS)
_ADDRESS_LEVEL = _levels_of(ADDRESS_FLOORS)


def _compare(a: _Prepared, b: _Prepared) -> Comparison:
    if b.id < a.id:  # some similarities depend on the side: one way round, the same score either way
        a, b = b, a
    nik = None
    if a.nik and b.nik:
        nik = 0 if a.nik == b.nik else 1 if _nik_near(a.nik, b.nik) else 2
    name = business = address = None
    name_sim = business_sim = address_sim = -1
    if a.name and b.name:
        name_sim = _name_similarity(a, b)
        name = _NAME_LEVEL[name_sim]
    if a.business and b.business:
        business_sim = _business_similarity(a, b)
        business = _BUSINESS_LEVEL[business_sim]
    phone = (0 if a.phone == b.phone else 1) if a.phone and b.phone else None
    if a.address and b.address:
        address_sim = _address_similarity(a, b)
        address = _ADDRESS_LEVEL[address_sim]
    birth = None
    if a.birth_date and b.birth_date:
        birth = 0 if a.birth_date == b.birth_date else 1 if _birth_near(a.birth_date, b.birth_date) else 2
    kelurahan = (0 if a.kelurahan == b.kelurahan else 1) if a.kelurahan and b.kelurahan else None
    return Comparison(
        nik, name, business, phone, address, birth, kelurahan, name_sim, business_sim, address_sim
    )


# --- The Fellegi-Sunter model -------------------------------------------------------------------------------
# For each field and level: m = P(level | the two records are one business), u = P(level | they are two).
# A level weighs log2(m / u) bits; a pair's match weight is the prior log-odds plus the weights of its
# levels, and the posterior probability of one business follows. `estimate_model` fits m, u and the prior
# to the pairs being scanned by expectation-maximisation, without labels (as Splink does), starting from
# DEFAULT_MODEL; the on-entry check, which sees a handful of pairs, uses DEFAULT_MODEL itself.


@dataclass(frozen=True)
class Model:
    prior: float  # share of compared pairs that are one business
    m: dict[str, tuple[float, ...]]
    u: dict[str, tuple[float, ...]]

    @functools.cached_property
    def weights(self) -> dict[str, tuple[float, ...]]:
        return {
            part: tuple(math.log2(m / u) for m, u in zip(self.m[part], self.u[part], strict=True))
            for part in FIELDS
        }

    @functools.cached_property
    def prior_bits(self) -> float:
        return math.log2(self.prior / (1 - self.prior))

    def match_weight(self, comparison: Comparison) -> float:
        weights = self.weights
        total = self.prior_bits
        for part, level in zip(FIELDS, comparison.levels, strict=True):
            if level is not None:
                total += weights[part][level]
        return total


# The start of the estimate and the on-entry model (which sees too few pairs to estimate from): set by
# hand from what the levels mean, then checked against the EM fit of the tuning seed of
# `fakedata.enterprises()` (`bench/dedup_bench.py --data=tuning --fit`): the fit gives NIK, phone, address
# and birth date more weight, an equal owner name less (namesakes are common within one kelurahan).
DEFAULT_MODEL = Model(
    prior=0.25,
    m={
        "nik": (0.80, 0.19, 0.01),
        "name": (0.45, 0.20, 0.15, 0.10, 0.05, 0.05),
        "business": (0.45, 0.25, 0.15, 0.10, 0.05),
        "phone": (0.80, 0.20),
        "address": (0.60, 0.25, 0.10, 0.05),
        "birth": (0.97, 0.02, 0.01),
        "kelurahan": (0.99, 0.01),
    },
    u={
        "nik": (0.01, 0.01, 0.98),
        "name": (0.02, 0.02, 0.03, 0.05, 0.08, 0.80),
        "business": (0.02, 0.03, 0.05, 0.15, 0.75),
        "phone": (0.30, 0.70),
        "address": (0.25, 0.10, 0.15, 0.50),
        "birth": (0.05, 0.05, 0.90),
        "kelurahan": (0.80, 0.20),
    },
)
# Below this many compared pairs the estimate is too noisy: DEFAULT_MODEL is used.
MIN_PAIRS_TO_ESTIMATE = 2_000
EM_ITERATIONS = 40
EM_TOLERANCE = 1e-6
# Added to every count of the M step, so no level's m or u becomes 0 (an infinite weight).
EM_SMOOTHING = 0.5
# The least m or u of a level: at most about 10 bits for or against from one comparison.
MIN_PROBABILITY = 0.001
# A 0-100 score is the match weight in points: the threshold is a posterior probability of one half
# (match weight 0 bits), and each bit of evidence is this many points.
POINTS_PER_BIT = 3.0


def estimate_model(
    comparisons: Iterable[Comparison], start: Model = DEFAULT_MODEL, *, iterations: int = EM_ITERATIONS
) -> Model:
    """m, u and the prior fitted to the compared pairs by expectation-maximisation (no labels needed).

    The pairs are counted by their pattern of levels first, so each iteration costs the number of
    distinct patterns (a few thousand), not the number of pairs.
    """
    counts: dict[tuple[int | None, ...], int] = {}
    for comparison in comparisons:
        levels = comparison.levels
        counts[levels] = counts.get(levels, 0) + 1
    if sum(counts.values()) < MIN_PAIRS_TO_ESTIMATE:
        return start
    patterns = sorted(counts.items(), key=lambda item: tuple(-1 if v is None else v for v in item[0]))
    model = start
    for _ in range(iterations):
        log_m = {f: [math.log(p) for p in model.m[f]] for f in FIELDS}
        log_u = {f: [math.log(p) for p in model.u[f]] for f in FIELDS}
        m_counts = {f: [EM_SMOOTHING] * len(model.m[f]) for f in FIELDS}
        u_counts = {f: [EM_SMOOTHING] * len(model.u[f]) for f in FIELDS}
        log_prior, log_rest = math.log(model.prior), math.log(1 - model.prior)
        matched = total = 0.0
        for levels, count in patterns:
            lm, lu = log_prior, log_rest
            for part, level in zip(FIELDS, levels, strict=True):
                if level is not None:
                    lm += log_m[part][level]
                    lu += log_u[part][level]
            share = 1 / (1 + math.exp(max(-700.0, min(700.0, lu - lm))))  # P(one business | pattern)
            matched += count * share
            total += count
            for part, level in zip(FIELDS, levels, strict=True):
                if level is not None:
                    m_counts[part][level] += count * share
                    u_counts[part][level] += count * (1 - share)
        new = Model(
            prior=min(0.99, max(0.001, matched / total)),
            m={f: _bounded(m_counts[f]) for f in FIELDS},
            u={f: _bounded(u_counts[f]) for f in FIELDS},
        )
        change = abs(new.prior - model.prior) + max(
            abs(x - y) for f in FIELDS for x, y in zip(new.m[f], model.m[f], strict=True)
        )
        model = new
        if change < EM_TOLERANCE:
            break
    return model if _sensible(model) else start


def _bounded(counts: list[float]) -> tuple[float, ...]:
    """Counts as probabilities, none under MIN_PROBABILITY: a level never seen in one class of the
    compared pairs is rare there, not impossible (else one slip would outweigh everything else)."""
    total = sum(counts)
    shares = [max(MIN_PROBABILITY, count / total) for count in counts]
    return tuple(share / sum(shares) for share in shares)


def _sensible(model: Model) -> bool:
    """EM can settle on another split than one business / two (say, households / the rest): then the
    full agreement of NIK, name and birth date would not weigh for a match. Such a fit is not used."""
    weights = model.weights
    return all(weights[part][0] > 0 for part in ("nik", "name", "birth")) and weights["nik"][-1] < 0


# --- Scoring ------------------------------------------------------------------------------------------------

# Every point a pair can earn: above this a pair scores 100.
MAX_POINTS = 131

LEVEL_LABELS = {
    "nik": ("NIK sama", "NIK hampir sama (salah ketik 1-2 digit)", "NIK berbeda"),
    "name": (
        "Nama pemilik sama",
        "Nama pemilik hampir sama",
        "Nama pemilik mirip",
        "Nama pemilik agak mirip",
        "Nama pemilik sedikit mirip",
        "Nama pemilik berbeda",
    ),
    "business": (
        "Nama usaha sama",
        "Nama usaha hampir sama",
        "Nama usaha mirip",
        "Nama usaha agak mirip",
        "Nama usaha berbeda",
    ),
    "phone": ("Nomor telepon sama", "Nomor telepon berbeda"),
    "address": ("Alamat sama", "Alamat hampir sama", "Alamat mirip", "Alamat berbeda"),
    "birth": ("Tanggal lahir sama", "Tanggal lahir beda satu bagian (salah ketik?)", "Tanggal lahir berbeda"),
    "kelurahan": ("Kelurahan sama", "Kelurahan berbeda"),
}


@dataclass(frozen=True, slots=True)
class Contribution:
    """One comparison's part in a score: what it found, in Indonesian, and its weight in bits (+ for one
    business, - for two; 0 when a rule sets it aside)."""

    label: str
    bits: float
    note: str = ""  # why a weight was set aside


def _spread(points: float) -> int:
    """Points as a 0-100 score. Up to the threshold a point is a point (so the threshold and the caps mean
    what they say); above it the remaining points are spread over the rest of the scale instead of being
    cut at 100, so a pair matching on everything scores 100 and one matching on less scores less (issue
    15: all 16 pairs scored 100)."""
    if points <= DEFAULT_THRESHOLD:
        return max(0, round(points))
    share = (min(points, MAX_POINTS) - DEFAULT_THRESHOLD) / (MAX_POINTS - DEFAULT_THRESHOLD)
    return round(DEFAULT_THRESHOLD + share * (100 - DEFAULT_THRESHOLD))


def _household_only(c: Comparison) -> bool:
    # The household rule: a family shares a phone and an address, so without a similar owner name or a
    # matching NIK these two say nothing about the business being the same.
    return c.nik not in (0, 1) and c.name_similarity < 80


def _one_owner_two_businesses(c: Comparison) -> bool:
    # One owner may run several businesses: the registry counts businesses, not owners.
    return 0 <= c.business_similarity < SAME_BUSINESS_MIN and (c.nik in (0, 1) or c.name_similarity >= 90)


def _weigh(model: Model, c: Comparison) -> tuple[int, float]:
    """The 0-100 score and the match weight in bits."""
    weights = model.weights
    bits = model.prior_bits
    household = _household_only(c)
    for part, level in zip(FIELDS, c.levels, strict=True):
        if level is not None:
            weight = weights[part][level]
            if household and part in ("phone", "address") and weight > 0:
                continue
            bits += weight
    score = _spread(DEFAULT_THRESHOLD + bits * POINTS_PER_BIT)
    if household or _one_owner_two_businesses(c):
        score = min(score, CAPPED_SCORE)
    return score, bits


def _reasons(c: Comparison) -> list[str]:
    """The evidence for one business, strongest first, as the pages show it."""
    reasons = []
    if c.nik == 0:
        reasons.append("NIK sama")
    elif c.nik == 1:
        reasons.append("NIK hampir sama (salah ketik 1-2 digit)")
    if c.name_similarity >= 80:
        reasons.append(
            "Nama pemilik sama" if c.name_similarity == 100 else f"Nama pemilik mirip ({c.name_similarity})"
        )
    if c.business_similarity >= 80:
        reasons.append(
            "Nama usaha sama"
            if c.business_similarity == 100
            else f"Nama usaha mirip ({c.business_similarity})"
        )
    if c.phone == 0:
        reasons.append("Nomor telepon sama")
    if c.address_similarity == 100:
        reasons.append("Alamat sama")
    elif c.address_similarity >= 90:
        reasons.append(f"Alamat mirip ({c.address_similarity})")
    if c.birth == 0:
        reasons.append("Tanggal lahir sama")
    if not _household_only(c) and _one_owner_two_businesses(c):
        reasons.append("Pemilik sama, usaha berbeda")
    return reasons


def _contributions(model: Model, c: Comparison) -> list[Contribution]:
    weights = model.weights
    household = _household_only(c)
    similarity = {
        "name": c.name_similarity,
        "business": c.business_similarity,
        "address": c.address_similarity,
    }
    found = [Contribution("Peluang awal (bagian pasangan yang satu usaha)", model.prior_bits)]
    for part, level in zip(FIELDS, c.levels, strict=True):
        if level is None:
            continue
        label = LEVEL_LABELS[part][level]
        if similarity.get(part, -1) >= 0 and 0 < level:
            label = f"{label} ({similarity[part]})"
        weight = weights[part][level]
        if household and part in ("phone", "address") and weight > 0:
            found.append(Contribution(label, 0.0, "aturan rumah tangga: nama pemilik dan NIK tidak cocok"))
        else:
            found.append(Contribution(label, weight))
    return found


@dataclass(slots=True)
class Explanation:
    score: int
    bits: float  # match weight: the sum of the contributions' bits
    probability: float  # P(one business), before the caps of the household and one-owner rules
    contributions: list[Contribution]
    capped: str = ""  # the rule that capped the score, in Indonesian

    @property
    def probability_pct(self) -> str:
        """The probability in percent as the pages print it: "99,9", never a rounded 100 or 0."""
        return f"{min(99.9, max(0.1, 100 * self.probability)):.1f}".replace(".", ",")


def explain(a: Record, b: Record, model: Model = DEFAULT_MODEL) -> Explanation:
    """Each comparison's weight in the score of `a` and `b`, in Indonesian, for the pages."""
    c = _compare(_prepare(a), _prepare(b))
    score, bits = _weigh(model, c)
    capped = ""
    if _household_only(c):
        capped = "Nama pemilik dan NIK tidak cocok: telepon dan alamat bersama tidak dihitung (rumah tangga)"
    elif _one_owner_two_businesses(c):
        capped = "Pemilik sama, usaha berbeda: satu pemilik boleh punya beberapa usaha"
    probability = 1 / (1 + 2 ** max(-1000.0, min(1000.0, -bits)))
    return Explanation(score, bits, probability, _contributions(model, c), capped)


def score_pair(a: Record, b: Record, model: Model = DEFAULT_MODEL) -> Candidate:
    """Compares two records whatever their blocking keys: the score and its reasons."""
    c = _compare(_prepare(a), _prepare(b))
    return Candidate(a.id, b.id, _weigh(model, c)[0], _reasons(c))


# --- Whole registry and on entry ----------------------------------------------------------------------------


@dataclass
class ScanReport:
    """What a whole-registry run found and what it cost, for the benchmark and the job."""

    candidates: list[Candidate]
    model: Model
    estimated: bool  # False: too few pairs, DEFAULT_MODEL was used
    records: int = 0
    compared_pairs: int = 0
    seconds: dict[str, float] = dataclasses.field(
        default_factory=dict
    )  # prepare, block, compare, estimate, score
    # The same steps in this process's CPU time (compare's second process not counted).
    cpu_seconds: dict[str, float] = dataclasses.field(default_factory=dict)


def find_duplicates(records: Iterable[Record], *, threshold: int = DEFAULT_THRESHOLD) -> list[Candidate]:
    """Every pair of likely duplicates among `records`, highest score first.

    Each pair is reported once, with the ids in input order. Time is about linear in the number of
    records: 100,000 take seconds, not minutes (bench/dedup_bench.py).
    """
    return scan_records(records, threshold=threshold).candidates


def scan_records(
    records: Iterable[Record], *, threshold: int = DEFAULT_THRESHOLD, model: Model | None = None
) -> ScanReport:
    """`find_duplicates` with the fitted model and the time of each step. ``model``: use it as is
    instead of estimating one from the pairs."""
    # Hundreds of thousands of small objects set off the cyclic garbage collector again and again, for
    # nothing: none of them form cycles. Pausing it halves the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _scan(records, threshold, model)
    finally:
        if collecting:
            gc.enable()


def _scan(records: Iterable[Record], threshold: int, model: Model | None) -> ScanReport:
    seconds: dict[str, float] = {}
    cpu_seconds: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    prepared = [_prepare(record) for record in records]
    seconds["prepare"] = time.perf_counter() - started
    cpu_seconds["prepare"] = time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
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
    ordered = sorted(pairs)  # the same order whatever the input order: the same fitted model
    del pairs
    seconds["block"] = time.perf_counter() - started
    cpu_seconds["block"] = time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    comparisons = _compare_pairs(prepared, ordered, count)
    seconds["compare"] = time.perf_counter() - started
    cpu_seconds["compare"] = time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    estimated = model is None
    if model is None:
        model = estimate_model(comparisons)
        estimated = model is not DEFAULT_MODEL
    seconds["estimate"] = time.perf_counter() - started
    cpu_seconds["estimate"] = time.process_time() - cpu

    started, cpu = time.perf_counter(), time.process_time()
    found = []
    scores: dict[tuple, int] = {}
    for pair, c in zip(ordered, comparisons, strict=True):
        levels = (c.levels, _household_only(c), _one_owner_two_businesses(c))
        score = scores.get(levels)
        if score is None:
            score = scores[levels] = _weigh(model, c)[0]
        if score >= threshold:
            a, b = prepared[pair // count], prepared[pair % count]
            found.append(Candidate(a.id, b.id, score, _reasons(c)))
    found.sort(key=lambda c: (-c.score, c.a_id, c.b_id))
    seconds["score"] = time.perf_counter() - started
    cpu_seconds["score"] = time.process_time() - cpu
    return ScanReport(found, model, estimated, count, len(ordered), seconds, cpu_seconds)


# From this many candidate pairs on, a second process compares half of them (forked: it reads the prepared
# records without copying them, and sends back only the levels). Below it, starting it costs more than it
# saves.
PARALLEL_MIN_PAIRS = 50_000
_SHARED: tuple[list[_Prepared], list[int], int] | None = None


def _compare_range(start: int, stop: int) -> list[tuple]:
    assert _SHARED is not None
    prepared, ordered, count = _SHARED
    return [
        dataclasses.astuple(_compare(prepared[pair // count], prepared[pair % count]))
        for pair in ordered[start:stop]
    ]


def _compare_pairs(
    prepared: list[_Prepared], ordered: list[int], count: int, *, min_pairs: int | None = None
) -> list[Comparison]:
    """`_compare` of each pair, in order; half in a forked second process when there are many and a
    second core (the result is the same either way)."""
    global _SHARED
    if (
        len(ordered) < (PARALLEL_MIN_PAIRS if min_pairs is None else min_pairs)
        or (os.cpu_count() or 1) < 2
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [_compare(prepared[pair // count], prepared[pair % count]) for pair in ordered]
    half = len(ordered) // 2
    _SHARED = (prepared, ordered, count)
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            later = pool.apply_async(_compare_range, (half, len(ordered)))
            first = [_compare(prepared[pair // count], prepared[pair % count]) for pair in ordered[:half]]
            first.extend(Comparison(*values) for values in later.get())
    finally:
        _SHARED = None
    return first


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
        c = _compare(new, _prepare(other))
        score = _weigh(DEFAULT_MODEL, c)[0]
        if score >= threshold:
            found.append(Candidate(record.id, other.id, score, _reasons(c)))
    found.sort(key=lambda c: (-c.score, c.b_id))
    return found
