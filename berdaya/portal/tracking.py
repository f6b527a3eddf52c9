"""Tracking codes for what citizens submit (R52): ``A-7K3M-Q9TB-X``.

A kind letter, 8 random symbols from the first 29 of the voucher codes' Crockford base-32 alphabet (about
39 bits from ``secrets``) and a check symbol (mod 29, a prime, drawn from the same alphabet so the code stays
URL- and phone-safe), so a mistyped or swapped character is refused before any look-up. The body uses only
29 symbols because two symbols whose places in the alphabet differ by 29 would leave the same remainder mod
29: a typo between them would pass the check. The code is the only key to a status page, and look-ups are
rate limited (abuse.py), so 39 bits cannot be guessed in practice.
"""

from __future__ import annotations

import secrets

from berdaya.programs.vouchers import ALPHABET

PREFIX = {"pengajuan": "A", "pendaftaran": "K", "pengaduan": "P", "data_pribadi": "D", "pencaker": "J"}
BODY = 8
BODY_ALPHABET = ALPHABET[:29]  # every difference between two symbols is below the modulus (see above)
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def _check_symbol(body: str) -> str:
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return ALPHABET[value % 29]


def new_code(kind: str) -> str:
    body = "".join(secrets.choice(BODY_ALPHABET) for _ in range(BODY))
    return f"{PREFIX[kind]}-{body[:4]}-{body[4:]}-{_check_symbol(body)}"


def normalize(typed: str) -> str | None:
    """The canonical code from what was typed (case, spaces, dashes, I/L/O forgiven), or None."""
    compact = "".join(ch for ch in (typed or "").upper() if ch not in " -")
    if len(compact) != BODY + 2 or compact[0] not in PREFIX.values():
        return None
    prefix, body, check = compact[0], compact[1:-1].translate(_READ_AS), compact[-1:].translate(_READ_AS)
    if any(ch not in BODY_ALPHABET for ch in body) or _check_symbol(body) != check:
        return None
    return f"{prefix}-{body[:4]}-{body[4:]}-{check}"
