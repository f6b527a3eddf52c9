from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmkmConfig(AppConfig):
    name = "berdaya.umkm"
    verbose_name = _("Usaha Mikro")

    def ready(self):
        from berdaya.people.services import RENAME_FOLLOWERS

        from . import dedup  # noqa: F401 - registers the "umkm_dedup_scan" job handler in every process
        from .services import owners_renamed

        if owners_renamed not in RENAME_FOLLOWERS:
            RENAME_FOLLOWERS.append(owners_renamed)
