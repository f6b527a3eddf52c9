"""Login throttling: a password guesser is slowed down per account *and* client address together.

Failures are kept in Django's cache (the database cache by default, so every gunicorn worker shares them)
as a list of timestamps per (username, address) pair: a sliding window of settings.LOGIN_FAILURE_WINDOW
seconds. After LOGIN_FAILURE_LIMIT failures the pair waits, and each further failure doubles the wait
(1, 2, 4, 8 ... minutes, at most the window). While waiting, an attempt is refused before the password is
checked, so the guesser learns nothing.

Never an account-wide or address-wide lock: a stranger who knows a username cannot shut its owner out
(the owner logs in from another address), and behind a proxy that hides client addresses (no
BERDAYA_CLIENT_IP_HEADER, which `check --deploy` warns about) a guesser cannot shut the whole office out.
A successful login clears the pair's count.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

FIRST_WAIT_SECONDS = 60


def _key(username: str, address: str) -> str:
    # Hashed: cache keys have a length and character limit (memcached, database), usernames do not.
    value = f"{username.strip().casefold()}\x00{address or 'unknown'}"
    return f"login-failures:pair:{hashlib.sha256(value.encode()).hexdigest()}"


def _recent(key: str, now: float) -> list[float]:
    window = settings.LOGIN_FAILURE_WINDOW
    return [t for t in cache.get(key, []) if now - t < window]


def client_address(request) -> str:
    """The client's IP address.

    Behind a reverse proxy REMOTE_ADDR is the proxy: set BERDAYA_CLIENT_IP_HEADER (e.g.
    "HTTP_X_FORWARDED_FOR") and the last address the proxy appended is used instead.
    """
    if request is None:
        return ""
    header = getattr(settings, "BERDAYA_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def wait_for(failures: int) -> float:
    """Seconds a pair waits after its ``failures``-th failure: 0 below the limit, then doubling."""
    excess = failures - settings.LOGIN_FAILURE_LIMIT
    if excess < 0:
        return 0.0
    return float(min(FIRST_WAIT_SECONDS * 2**excess, settings.LOGIN_FAILURE_WINDOW))


def wait_seconds(username: str, address: str) -> float:
    """How long this username must still wait from this address (0: it may try now)."""
    now = time.time()
    failures = _recent(_key(username, address), now)
    if not failures:
        return 0.0
    return max(0.0, failures[-1] + wait_for(len(failures)) - now)


def is_locked(username: str, address: str) -> bool:
    return wait_seconds(username, address) > 0


def record_failure(username: str, address: str) -> None:
    now = time.time()
    key = _key(username, address)
    keep = settings.LOGIN_FAILURE_LIMIT + 16  # enough to reach the longest wait
    cache.set(key, (_recent(key, now) + [now])[-keep:], timeout=settings.LOGIN_FAILURE_WINDOW)


def clear(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))
