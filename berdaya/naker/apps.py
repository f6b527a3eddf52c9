from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NakerConfig(AppConfig):
    name = "berdaya.naker"
    verbose_name = _("Tenaga Kerja")

    def ready(self) -> None:
        from berdaya.training.services import register_code_resolver

        from .services import fair_participant_for_card

        # A job fair's check-in page takes the AK/1 card's QR or number (R38b).
        register_code_resolver("job_fair", fair_participant_for_card)
