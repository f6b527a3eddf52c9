"""Issuing, revoking and checking partner tokens; the per-token rate limit."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, audited_create, audited_update

from .models import ApiToken, Scope

TOKEN_FIELDS = ("name", "user", "prefix", "scopes", "rate_per_minute", "expires_on")
PREFIX = "bdy_"
# last_used_at is written at most this often per token, so a busy partner does not write on every call.
TOUCH_EVERY = dt.timedelta(minutes=1)


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_issue(
    *,
    actor,
    name: str,
    user,
    scopes: list[str],
    rate_per_minute: int = 60,
    expires_on: dt.date | None = None,
) -> tuple[ApiToken, str]:
    """A new token; the secret is returned once and never stored (only its SHA-256)."""
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ValidationError(_("Cakupan tidak dikenal: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    if not scopes:
        raise ValidationError(_("Pilih sedikitnya satu cakupan."))
    if not user.is_active:
        raise ValidationError(_("Akun ini tidak aktif: token tidak dapat dibuat untuknya."))
    raw = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        user=user,
        prefix=raw[len(PREFIX) : len(PREFIX) + 8],
        digest=digest_of(raw),
        scopes=sorted(set(scopes)),
        rate_per_minute=rate_per_minute,
        expires_on=expires_on,
    )
    audited_create(actor=actor, obj=token, fields=TOKEN_FIELDS)
    return token, raw


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        audited_update(
            actor=actor, obj=token, data={"revoked_at": timezone.now()}, fields=("revoked_at",), clean=False
        )
    return token


def token_authenticate(raw: str) -> ApiToken | None:
    """The live token for ``raw`` (not revoked, not expired, its account active), or None."""
    if not raw or not raw.startswith(PREFIX):
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest_of(raw)).first()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        return None
    if token.expires_on is not None and token.expires_on < timezone.localdate():
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def rate_allows(token: ApiToken, *, now: dt.datetime | None = None) -> tuple[bool, int]:
    """Fixed one-minute windows per token in the shared cache. Returns (allowed, seconds until the next
    window)."""
    now = now or timezone.now()
    window = int(now.timestamp()) // 60
    key = f"api-rate:{token.pk}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        used = 1
    return used <= token.rate_per_minute, 60 - int(now.timestamp()) % 60


def call_log(
    *, token: ApiToken, method: str, path: str, status: int, obj, person_id=None, count=None
) -> None:
    """Every API call that carried a valid token is in the audit trail (R46), as the token's account."""
    note = f"API {token.name}: {method} {path} -> {status}"
    if count is not None:
        note += f" ({count} data)"
    audit_log(
        actor=token.user,
        action=Action.EXPORT if count is not None else Action.VIEW,
        obj=obj,
        person_id=person_id,
        note=note,
    )
