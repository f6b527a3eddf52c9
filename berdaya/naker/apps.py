from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NakerConfig(AppConfig):
    name = "berdaya.naker"
    verbose_name = _("Tenaga Kerja")
