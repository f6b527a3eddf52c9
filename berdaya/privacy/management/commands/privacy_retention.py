"""berdaya privacy_retention [--apply] [--on DATE]: anonymise what is past retention (R48); a dry run unless
--apply."""

import datetime as dt

from django.core.management.base import BaseCommand

from berdaya.privacy.retention import retention_run


class Command(BaseCommand):
    help = "Menganonimkan data yang lewat masa simpan (R48). Tanpa --apply hanya uji coba."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Sungguh menganonimkan.")
        parser.add_argument("--on", help="Tanggal acuan (YYYY-MM-DD), bawaan hari ini.")

    def handle(self, *args, apply=False, on=None, **options):
        day = dt.date.fromisoformat(on) if on else None
        findings = retention_run(actor=None, apply=apply, on=day)
        self.stdout.write("Dijalankan:" if apply else "Uji coba (belum ada yang diubah; pakai --apply):")
        for f in findings:
            period = f"{f.months} bulan" if f.months else "tanpa aturan"
            self.stdout.write(f"  {f.label} ({period}): {f.count}")
