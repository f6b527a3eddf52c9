from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    name = "berdaya.kinerja"
    verbose_name = _("Kinerja (SAKIP)")

    def ready(self):
        from .report import jobs  # noqa: F401 - registers the "kinerja_lakip" job handler in every process
