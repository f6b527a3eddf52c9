from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UmkmConfig(AppConfig):
    name = "berdaya.umkm"
    verbose_name = _("Usaha Mikro")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from berdaya.people.services import RENAME_FOLLOWERS

        from . import dedup  # noqa: F401 - registers the "umkm_dedup_scan" job handler in every process
        from .models import Sector
        from .selectors import forget_sector_choices
        from .services import owners_renamed

        post_save.connect(forget_sector_choices, sender=Sector, dispatch_uid="umkm-sector-choices")
        post_delete.connect(forget_sector_choices, sender=Sector, dispatch_uid="umkm-sector-choices-delete")
        if owners_renamed not in RENAME_FOLLOWERS:
            RENAME_FOLLOWERS.append(owners_renamed)
