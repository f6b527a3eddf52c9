"""`berdaya dedup umkm [--export pairs.csv] [--threshold N]`: the whole-registry duplicate scan, run here
and now (no worker), printing progress and a summary. Pairs are stored as the background job stores them
(decisions already taken are kept); --export writes the open pairs found, with both records' source IDs.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from berdaya.lib.dedup import DEFAULT_THRESHOLD
from berdaya.umkm import dedup

REGISTRIES = {"umkm": dedup}


class Command(BaseCommand):
    help = "Pindai seluruh registri untuk mencari data ganda dan simpan pasangan yang mirip."

    def add_arguments(self, parser):
        parser.add_argument("registry", choices=sorted(REGISTRIES), help="Registri yang dipindai")
        parser.add_argument("--export", metavar="FILE", help="Tulis pasangan ke berkas CSV ini")
        parser.add_argument(
            "--threshold",
            type=int,
            default=DEFAULT_THRESHOLD,
            help=f"Skor terendah yang dilaporkan, 0-100 (bawaan {DEFAULT_THRESHOLD})",
        )

    def handle(self, *args, **options):
        threshold = options["threshold"]
        if not 0 <= threshold <= 100:
            raise CommandError("--threshold harus 0-100.")
        export = Path(options["export"]) if options["export"] else None
        if export and not export.parent.exists():
            raise CommandError(f"Folder tidak ditemukan: {export.parent}")
        started = time.monotonic()
        last = [0.0]

        def progress(done, total=None, message=""):
            now = time.monotonic()
            if now - last[0] >= 1 or done == total:
                last[0] = now
                self.stderr.write(f"  {message}: {done}/{total or '?'}")

        result = REGISTRIES[options["registry"]].scan(threshold=threshold, progress=progress)
        for label, value in result.as_dict().items():
            self.stdout.write(f"{label}: {value}")
        if export:
            with export.open("w", newline="", encoding="utf-8") as out:
                rows = dedup.export_csv(result.open_pairs, out)
            self.stdout.write(f"Diekspor: {rows} pasangan ke {export}")
        self.stdout.write(f"Selesai dalam {time.monotonic() - started:.1f} detik.")
