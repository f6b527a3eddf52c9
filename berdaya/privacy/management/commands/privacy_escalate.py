"""berdaya privacy_escalate: mark R47 tickets past their 72-hour deadline as escalated and notify the head of
office, the administrators and the data-protection officer once per ticket (privacy/escalation.py). Run it
hourly (cron or a systemd timer, see README)."""

from django.core.management.base import BaseCommand

from berdaya.privacy.escalation import notify_overdue
from berdaya.privacy.services import data_requests_escalate


class Command(BaseCommand):
    help = "Mengeskalasi permintaan data pribadi yang lewat tenggat 72 jam (R47)."

    def handle(self, *args, **options):
        escalated = data_requests_escalate()
        notified = notify_overdue()
        self.stdout.write(f"{len(escalated)} permintaan dieskalasi, {len(notified)} diberitahukan.")
