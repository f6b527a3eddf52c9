"""Error pages inside the layout, in Indonesian (403, 404 and 400 are Django's own views with our
templates; these are the two that need a view).

The 500 page renders with the request so it shows the menu; if that itself fails (the error may be in the
menu's own code or the database), a plain page that needs nothing is sent instead.
"""

from django.http import HttpResponseForbidden, HttpResponseServerError
from django.template import loader

PLAIN_500 = (
    '<!doctype html><html lang="id"><meta charset="utf-8"><title>Terjadi kesalahan · Berdaya</title>'
    "<h1>Terjadi kesalahan</h1><p>Terjadi kesalahan di server. Coba lagi sebentar lagi; bila terus terjadi, "
    'hubungi administrator.</p><p><a href="/">Ke beranda</a></p></html>'
)


def server_error(request):
    try:
        html = loader.get_template("500.html").render({}, request)
    except Exception:  # noqa: BLE001 - the page about an error must not raise another
        html = PLAIN_500
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    return HttpResponseForbidden(loader.get_template("403_csrf.html").render({"reason": reason}, request))
