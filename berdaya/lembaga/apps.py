from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LembagaConfig(AppConfig):
    name = "berdaya.lembaga"
    verbose_name = _("LPK dan BKK")
