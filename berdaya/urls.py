from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from berdaya.lib import uploads

urlpatterns = [
    path("", include("berdaya.dashboard.urls")),
    path("akun/", include("berdaya.accounts.urls")),
    path("orang/", include("berdaya.people.urls")),
    path("usaha-mikro/", include("berdaya.umkm.urls")),
    path("koperasi/", include("berdaya.koperasi.urls")),
    path("perusahaan/", include("berdaya.companies.urls")),
    path("hari-kerja/", include("berdaya.workdays.urls")),
    path("hubungan-industrial/", include("berdaya.hubind.urls")),
    path("program/", include("berdaya.programs.urls")),
    path("kinerja/", include("berdaya.kinerja.urls")),
    path("wilayah/", include("berdaya.regions.urls")),
    path("audit/", include("berdaya.audit.urls")),
    path("tugas/", include("berdaya.jobs.urls")),
    path("impor/", include("berdaya.imports.urls")),
    path("tenaga-kerja/blk/", include("berdaya.blk.urls")),
    path("tenaga-kerja/lembaga/", include("berdaya.lembaga.urls")),
    path("tenaga-kerja/", include("berdaya.naker.urls")),
    path("api/v1/", include("berdaya.api.urls")),
    path("token-api/", include("berdaya.api.urls_admin")),
    path("privasi/", include("berdaya.privacy.urls")),
    # Uploaded files, behind the same access check as their record (never public /media/ URLs).
    path("berkas/<path:name>", uploads.serve, name="upload"),
    # The public portal for citizens (anonymous, own base template) and its staff queue.
    path("publik/", include("berdaya.portal.urls")),
    path("layanan-publik/", include("berdaya.portal.urls_staff")),
    path("kegiatan/", include("berdaya.training.urls")),
    # Public: certificate verification (the certificate's QR; the portal may link it).
    path("verifikasi/", include("berdaya.training.urls_public")),
    # Language switch works on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]

# Error pages inside the layout, in Indonesian (templates/403.html, 404.html, 400.html, 500.html).
handler500 = "berdaya.lib.errors.server_error"
