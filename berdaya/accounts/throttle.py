"""Login throttling: a password guesser gets LOGIN_FAILURE_LIMIT tries per account and a few more per address.

Failures are kept in Django's cache (the database cache by default, so every gunicorn worker shares them)
as a list of timestamps: a sliding window of settings.LOGIN_FAILURE_WINDOW seconds. Once locked, an attempt
is refused before the password is checked, so a locked account cannot be probed at all.

- per username (case-insensitive): locked after LOGIN_FAILURE_LIMIT failures in the window;
- per client address: locked after 4 x LOGIN_FAILURE_LIMIT failures (one machine trying many usernames).
A successful login clears the username's counter (not the address's: an office shares one address).
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

ADDRESS_FACTOR = 4


def _key(kind: str, value: str) -> str:
    # Hashed: cache keys have a length and character limit (memcached, database), usernames do not.
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"login-failures:{kind}:{digest}"


def _user_key(username: str) -> str:
    return _key("user", username.strip().casefold())


def _address_key(address: str) -> str:
    return _key("addr", address or "unknown")


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


def is_locked(username: str, address: str) -> bool:
    now = time.time()
    limit = settings.LOGIN_FAILURE_LIMIT
    if len(_recent(_user_key(username), now)) >= limit:
        return True
    return len(_recent(_address_key(address), now)) >= limit * ADDRESS_FACTOR


def record_failure(username: str, address: str) -> None:
    now = time.time()
    window = settings.LOGIN_FAILURE_WINDOW
    limit = settings.LOGIN_FAILURE_LIMIT
    for key, keep in ((_user_key(username), limit), (_address_key(address), limit * ADDRESS_FACTOR)):
        failures = (_recent(key, now) + [now])[-keep:]
        cache.set(key, failures, timeout=window)


def clear(username: str) -> None:
    cache.delete(_user_key(username))


def lockout_minutes() -> int:
    return max(1, round(settings.LOGIN_FAILURE_WINDOW / 60))
