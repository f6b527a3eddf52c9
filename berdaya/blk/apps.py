from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlkConfig(AppConfig):
    name = "berdaya.blk"
    verbose_name = _("UPTD Balai Latihan Kerja")

    def ready(self) -> None:
        from berdaya.training.services import certificate_gate_register

        from .services import certificate_gate

        certificate_gate_register("blk", certificate_gate)
