"""Daily: recompute every cooperative's cached status and watch-list stage (dates move: a RAT deadline
passes without anyone touching the record). Run from cron or a timer, e.g. at 01:00:

    berdaya koperasi_refresh_status
"""

import datetime as dt

from django.core.management.base import BaseCommand

from berdaya.koperasi.services import refresh_all_statuses


class Command(BaseCommand):
    help = "Hitung ulang status aktif dan tahap pemantauan semua koperasi (harian)."

    def add_arguments(self, parser):
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="Tanggal (YYYY-MM-DD).")

    def handle(self, *args, on=None, **options):
        changed = refresh_all_statuses(on=on)
        self.stdout.write(f"{changed} koperasi berubah status atau tahap pemantauan.")
