from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("berdaya.dashboard.urls")),
    path("akun/", include("berdaya.accounts.urls")),
    path("orang/", include("berdaya.people.urls")),
    path("usaha-mikro/", include("berdaya.umkm.urls")),
    path("koperasi/", include("berdaya.koperasi.urls")),
    path("program/", include("berdaya.programs.urls")),
    path("kinerja/", include("berdaya.kinerja.urls")),
    path("wilayah/", include("berdaya.regions.urls")),
    path("audit/", include("berdaya.audit.urls")),
    path("tugas/", include("berdaya.jobs.urls")),
    path("impor/", include("berdaya.imports.urls")),
    path("kegiatan/", include("berdaya.training.urls")),
    # Public: certificate verification (the certificate's QR; the portal may link it).
    path("verifikasi/", include("berdaya.training.urls_public")),
    # Language switch works on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]
