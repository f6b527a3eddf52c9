from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmkmConfig(AppConfig):
    name = "berdaya.umkm"
    verbose_name = _("Usaha Mikro")

    def ready(self):
        from . import dedup  # noqa: F401 - registers the "umkm_dedup_scan" job handler in every process
