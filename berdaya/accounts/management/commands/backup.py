"""berdaya backup [--output FILE]: the database and the uploads in one archive (lib/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from berdaya.lib.backup import BackupError, backup


class Command(BaseCommand):
    help = "Mencadangkan basis data dan berkas unggahan ke satu arsip .tar."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Berkas arsip (bawaan: var/cadangan/berdaya-<waktu>.tar)")

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output) if output else Path(settings.VAR_DIR) / "cadangan" / f"berdaya-{stamp}.tar"
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Cadangan tersimpan: {path} ({manifest['vendor']}, {manifest['media_files']} berkas unggahan)."
        )
