"""berdaya restore FILE --yes [--target-url URL]: put a backup back (lib/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from berdaya.lib.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = "Memulihkan basis data dan berkas unggahan dari arsip `berdaya backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Sungguh menimpa data sekarang.")
        parser.add_argument(
            "--target-url", help="Pulihkan ke basis data lain (mis. salinan untuk diperiksa)."
        )
        parser.add_argument("--media-root", help="Pulihkan berkas unggahan ke folder lain.")

    def handle(self, *args, archive, yes=False, target_url=None, media_root=None, **options):
        try:
            manifest = read_manifest(Path(archive))
            if not yes:
                raise CommandError(
                    f"Cadangan {manifest['vendor']} dari {manifest['created_at']} "
                    f"({manifest['media_files']} berkas unggahan) akan MENIMPA data tujuan. "
                    "Jalankan lagi dengan --yes bila sungguh dimaksud."
                )
            restore(Path(archive), target_url=target_url, media_root=Path(media_root) if media_root else None)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Dipulihkan dari {archive} (dibuat {manifest['created_at']}).")
