"""Voucher codes (domain.md R33): cryptographically random, checksum-protected, stored only as a keyed hash.

A code is 16 Crockford base-32 symbols (80 random bits from ``secrets``) and one check symbol (mod 37),
printed in groups: ``7K3M-Q9TB-X2HD-F4NP-U``. Crockford's alphabet has no I, L, O or U, reads I/L as 1 and
O as 0, so misread characters still match, and the check symbol refuses almost every other typo before any
database look-up. The database holds HMAC-SHA256(SECRET_KEY, code): a stolen table yields no codes, and
codes cannot be enumerated (2^80 of them, looked up only whole).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"  # Crockford's 37 check symbols
LENGTH = 16
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def _check_symbol(body: str) -> str:
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return CHECK_ALPHABET[value % 37]


def new_code() -> str:
    """A fresh code whose check symbol is a letter or digit: Crockford's *, ~, $ and = read as a broken
    code on paper ("…-$"). Drawing again costs 0.2 of the 80 random bits; old codes with a
    symbol still check."""
    while True:
        body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        check = _check_symbol(body)
        if check.isalnum():
            return format_code(body + check)


def format_code(code: str) -> str:
    return "-".join([code[i : i + 4] for i in range(0, LENGTH, 4)] + [code[LENGTH:]])


def normalize(typed: str) -> str | None:
    """The canonical code from what was typed or scanned (spaces, dashes, case, I/L/O forgiven), or None
    when it is not a well-formed code with a matching check symbol."""
    code = "".join(ch for ch in (typed or "").upper() if ch not in " -").translate(_READ_AS)
    if len(code) != LENGTH + 1:
        return None
    body, check = code[:LENGTH], code[LENGTH]
    if any(ch not in ALPHABET for ch in body) or _check_symbol(body) != check:
        return None
    return code


def code_hash(code: str) -> str:
    """The stored look-up key of a normalised code."""
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


def new_otp() -> str:
    return f"{secrets.randbelow(10**6):06d}"


# Guessing the recipient check (R33): 4 NIK digits are 10,000 possibilities, so failures are capped.
MAX_FAILED_CHECKS = 3  # per voucher: then it is locked until staff re-issue it (a new card and code)
PARTNER_FAILED_PER_HOUR = 10  # per partner, over every voucher: then the partner waits
PARTNER_WINDOW_MINUTES = 60
