from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubindConfig(AppConfig):
    name = "berdaya.hubind"
    verbose_name = _("Hubungan Industrial")

    def ready(self):
        from berdaya.workdays.services import register_deadline_model

        # A change to the holiday table recomputes open dispute and PP/PKB deadlines (R43b).
        register_deadline_model("hubind.CaseDeadline")
