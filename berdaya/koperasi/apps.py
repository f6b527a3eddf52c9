from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoperasiConfig(AppConfig):
    name = "berdaya.koperasi"
    verbose_name = _("Koperasi")

    def ready(self):
        from . import status_job  # noqa: F401 - registers the "koperasi_status" job handler in every process
