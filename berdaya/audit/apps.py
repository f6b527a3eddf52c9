from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "berdaya.audit"
    verbose_name = _("Jejak audit")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import dbguard

        connection_created.connect(dbguard.register, dispatch_uid="berdaya.audit.dbguard")
