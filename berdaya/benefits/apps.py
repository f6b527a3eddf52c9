from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "berdaya.benefits"
    verbose_name = _("Riwayat manfaat")
