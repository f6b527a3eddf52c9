"""Spam and abuse on the public forms, with no third-party captcha (no CDN):

- a rate limit per client address and form, counted in Django's cache;
- a honeypot field that people never see and bots fill in;
- a time trap: the form carries a signed timestamp; a form sent back sooner than a person can fill it in
  (``PORTAL_MIN_FILL_SECONDS``) or after it expired is refused.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

# The same client address as login throttling (BERDAYA_CLIENT_IP_HEADER behind a proxy): one definition.
from berdaya.accounts.throttle import client_address

# (requests, seconds) per client address; dated here so the office can read and tune them in one place.
LIMITS = {
    "apply": (5, 3600),
    "complaint": (5, 3600),
    "data_request": (3, 3600),
    "check": (60, 3600),
    "lookup": (30, 600),
    # R46 identity proof: a one-time link sent to the phone on record, and codes typed or opened
    "identity_send": (3, 3600),
    "identity_open": (10, 600),
    "consent": (20, 3600),
    "jobseeker": (5, 3600),
}
FORM_MAX_AGE = 2 * 3600
HONEYPOT = "situs_web"
TIMESTAMP = "mulai"
_SALT = "berdaya.portal.form"


def over_limit(request, scope: str, *, subject: str = "") -> bool:
    """Count this request against the scope's limit; True once the client has used up its allowance.
    With ``subject`` (a hashed NIK) the count is per subject instead, whatever the address."""
    allowed, window = LIMITS[scope]
    who = f"s:{subject}" if subject else client_address(request) or "unknown"
    key = f"portal:rate:{scope}:{who}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return False
    return count > allowed


def form_stamp(now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=_SALT)


def stamp_problem(value: str, now: float | None = None) -> str | None:
    """None when the form's timestamp is genuine and plausible; otherwise why (for the log, not the user)."""
    try:
        started = signing.loads(value or "", salt=_SALT)
    except signing.BadSignature:
        return "bad stamp"
    elapsed = (now if now is not None else time.time()) - int(started)
    if elapsed < getattr(settings, "PORTAL_MIN_FILL_SECONDS", 3):
        return "too fast"
    if elapsed > FORM_MAX_AGE:
        return "expired"
    return None
