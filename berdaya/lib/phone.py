"""Indonesian phone numbers to E.164 (`+62…`): domain.md section 2, "Phone numbers".

Accepts what people type: `0812-3456-7890`, `62812 3456 7890`, `+62 812 3456 7890`, `(0511) 3252 123`,
`0062 812…`, and the common `+62 0812…`. Only Indonesian numbers: the office contacts residents, and a
foreign number is far more often a typo than a real contact.
"""

from __future__ import annotations

import re

__all__ = ["is_mobile", "normalize_phone"]

# Spaces, dashes, dots, slashes and brackets are layout only.
_LAYOUT = re.compile(r"[\s\-./()]")
_DIGITS = re.compile(r"[0-9]+")

# National significant number (after the trunk 0 or the 62): 8-13 digits. Landlines are area code (2-3
# digits, 0511 = Banjarmasin) + 5-8 digits; mobiles are 8xx + 6-9 digits.
NSN_MIN = 8
NSN_MAX = 13

_PREFIX = "Nomor telepon tidak valid: "


def _invalid(reason: str) -> ValueError:
    return ValueError(_PREFIX + reason)


def normalize_phone(value: str) -> str:
    """Returns the number as E.164 (`+628123456789`), or raises ValueError with an Indonesian message."""
    compact = _LAYOUT.sub("", value or "")
    if not compact:
        raise _invalid("nomor kosong.")
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not _DIGITS.fullmatch(digits):
        raise _invalid("hanya boleh berisi angka, spasi, tanda hubung, titik, kurung dan + di depan.")

    if plus:
        national = _strip_country_code(digits)
    elif digits.startswith("00"):  # international call prefix: 0062…
        national = _strip_country_code(digits[2:])
    elif digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        raise _invalid("harus diawali 0, 62 atau +62.")

    # "+62 0812…": the trunk 0 kept after the country code. A national number never starts with 0.
    if national.startswith("0"):
        national = national[1:]
    if national.startswith("0"):
        raise _invalid("kode area tidak boleh diawali 00.")
    if len(national) < NSN_MIN:
        raise _invalid(f"terlalu pendek ({len(national)} digit setelah 0/62, minimal {NSN_MIN}).")
    if len(national) > NSN_MAX:
        raise _invalid(f"terlalu panjang ({len(national)} digit setelah 0/62, maksimal {NSN_MAX}).")
    return "+62" + national


def _strip_country_code(digits: str) -> str:
    if not digits.startswith("62"):
        raise _invalid("hanya nomor Indonesia (+62) yang diterima.")
    return digits[2:]


def is_mobile(e164: str) -> bool:
    """True for an Indonesian mobile number in E.164 form (`+628…`); landlines start with their area code."""
    return bool(e164) and e164.startswith("+628")
