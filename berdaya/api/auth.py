"""Bearer-token authentication for the partner API, with the token's rate limit and scopes."""

from __future__ import annotations

from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import HttpBearer

from .models import ApiToken
from .services import rate_allows, token_authenticate


class RateLimited(HttpError):
    def __init__(self, retry_after: int):
        super().__init__(429, _("Batas panggilan per menit untuk token ini terlampaui; coba lagi nanti."))
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    openapi_description = "Token dari Dinas: `Authorization: Bearer bdy_...`"

    def authenticate(self, request, token: str) -> ApiToken | None:
        found = token_authenticate(token)
        if found is None:
            return None
        allowed, retry_after = rate_allows(found)
        if not allowed:
            raise RateLimited(retry_after)
        # The pages' access rules (scoped, masking) read request.user.
        request.user = found.user
        return found


def require(request, scope: str) -> ApiToken:
    token: ApiToken = request.auth
    if scope not in token.scopes:
        raise HttpError(403, _("Token ini tidak memiliki cakupan %(scope)s.") % {"scope": scope})
    return token
