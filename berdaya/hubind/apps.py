from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubindConfig(AppConfig):
    name = "berdaya.hubind"
    verbose_name = _("Hubungan Industrial")
