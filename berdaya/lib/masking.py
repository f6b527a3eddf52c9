"""Masks personal data for lists, exports and logs: domain.md R45 (UU 27/2022).

Every function accepts None or "" and returns "". The masks keep just enough for a clerk to tell two records
apart on screen ("…0001", "+62812…890") and not enough to contact or identify the person.
"""

from __future__ import annotations

import re

__all__ = ["mask_address", "mask_name", "mask_nik", "mask_phone"]

STAR = "*"
# Addresses are masked to a fixed length so the mask does not reveal how long the real address is.
ADDRESS_STARS = STAR * 8

# Street types kept by mask_address, lower-cased without the trailing dot.
STREET_TYPES = frozenset(
    {"jl", "jln", "jalan", "gg", "gang", "komp", "kompleks", "komplek", "perum", "perumahan", "lr", "lorong"}
)

_NON_DIGIT = re.compile(r"[^0-9]")
_WORD = re.compile(r"\S+")


NIK_KEPT = 4  # trailing digits a mask keeps (R45)


def mask_nik(value: str | None) -> str:
    """`6371010101900001` -> `************0001`: only the last 4 digits (the serial number) kept (R45).

    A NIK is region (6 digits) + birth date (6, day +40 for women) + serial (4). The region and birth date
    are known from a record's kelurahan, sex and birth date, so a mask that kept the first digits as well
    let the whole NIK be rebuilt from an export in a handful of guesses. Separators are dropped first;
    anything of 8 digits or fewer is masked completely.
    """
    digits = _NON_DIGIT.sub("", value or "")
    if len(digits) <= 8:
        return STAR * len(digits)
    return STAR * (len(digits) - NIK_KEPT) + digits[-NIK_KEPT:]


def mask_phone(value: str | None) -> str:
    """`+6281234567890` -> `+62812*****890`.

    Keeps the country code, the first 3 digits of the national number (operator or area code, which many
    people share) and the last 3 digits. A `08…` number keeps `0` + 3 digits. Layout characters are dropped.
    Numbers too short to hide anything are masked completely.
    """
    text = value or ""
    digits = _NON_DIGIT.sub("", text)
    if text.lstrip().startswith("+"):
        head_len, head = 5, "+"  # "+62" + 3 digits
    else:
        head_len, head = 4, ""  # "0" + 3 digits
    if len(digits) < head_len + 3 + 3:  # keep at least 3 digits hidden
        return head + STAR * len(digits) if digits else ""
    return head + digits[:head_len] + STAR * (len(digits) - head_len - 3) + digits[-3:]


def mask_address(value: str | None) -> str:
    """`Jl. Pramuka No. 12 RT 005 RW 002` -> `Jl. ********`.

    Only a leading street type (Jl., Jalan, Gg., Komp., Perum., …) is kept, since a street name with a house
    number or RT/RW locates a household. Other addresses become `********`.
    """
    text = (value or "").strip()
    if not text:
        return ""
    first = text.split(None, 1)[0]
    if first.rstrip(".").lower() in STREET_TYPES:
        return f"{first} {ADDRESS_STARS}"
    return ADDRESS_STARS


def mask_name(value: str | None) -> str:
    """`Siti Aminah` -> `S*** A*****`: the first letter of each word, the rest starred.

    Meant for public or partner pages where a recipient should recognise themselves but others should not.
    """
    return _WORD.sub(lambda m: m.group()[0] + STAR * (len(m.group()) - 1), (value or "").strip())
