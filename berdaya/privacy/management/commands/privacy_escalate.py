"""berdaya privacy_escalate: mark R47 tickets past their 72-hour deadline as escalated (run it hourly)."""

from django.core.management.base import BaseCommand

from berdaya.privacy.services import data_requests_escalate


class Command(BaseCommand):
    help = "Mengeskalasi permintaan data pribadi yang lewat tenggat 72 jam (R47)."

    def handle(self, *args, **options):
        escalated = data_requests_escalate()
        self.stdout.write(f"{len(escalated)} permintaan dieskalasi.")
