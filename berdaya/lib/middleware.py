import time

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header: only the app's own assets (settings.CONTENT_SECURITY_POLICY).

    Django 5.2 has no built-in CSP; this is the whole of what we need, so no library.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(self), geolocation=(self), microphone=()")
        return response


class LanguageMiddleware:
    """Indonesian by default, whatever the browser asks for; English only when the user chose it.

    Django's LocaleMiddleware follows Accept-Language, and many office computers run an English browser.
    The user's choice (the language switch) is kept in the language cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen and translation.check_for_language(chosen) else settings.LANGUAGE_CODE
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class RefuseNulBytesMiddleware:
    """A NUL byte (``\x00``) in the path, a query parameter or a form field is refused with a 400.

    No text a user types contains one, PostgreSQL cannot store one in a text column (the query fails with a
    500), and it cuts strings short in C libraries: refused here, once, at the edge, for every page.
    Uploaded files are not looked at (a spreadsheet is binary)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request):
            return HttpResponseBadRequest(
                _("Permintaan ditolak: berisi karakter kosong (NUL) yang tidak dapat disimpan."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request) -> bool:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        sources = [request.GET]
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            sources.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in v for v in source.getlist(key))
            for source in sources
            for key in source
        )


class SessionRefreshMiddleware:
    """Keeps a session alive for SESSION_COOKIE_AGE after the last request, writing it at most every
    SESSION_REFRESH_SECONDS instead of on every request (SESSION_SAVE_EVERY_REQUEST wrote the session table
    once per page view: 20 users browsing were as many writes as pages). The idle timeout is then
    exact to within those seconds."""

    KEY = "_refreshed"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[self.KEY] = now  # marks the session modified: saved with a new expiry
        return response
