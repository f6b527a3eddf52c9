"""berdaya lakip --year 2022 --out DIR: the yearly report as DOCX, PDF and XLSX, with the time it took."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from berdaya.kinerja.report.assemble import NoPlan
from berdaya.kinerja.report.build import build_all
from berdaya.kinerja.report.jobs import report_data


class Command(BaseCommand):
    help = "Write the yearly performance report (LAKIP) of a year as DOCX, PDF and XLSX into a folder."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="the report's year, e.g. 2022")
        parser.add_argument("--out", type=Path, required=True, help="folder to write the three files into")
        parser.add_argument("--sample", action="store_true", help="seed 003's 2022 figures, not the database")
        parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice conversion")

    def handle(self, *args, year, out, sample, no_pdf, **options):
        if sample and year != 2022:
            raise CommandError("--sample is seed 003's report of 2022: use --year 2022")
        try:
            data = report_data(year, sample=sample)
        except NoPlan as error:
            raise CommandError(str(error)) from error

        def progress(done, total, message):
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done}/{total} {message}")

        built = build_all(data, out, progress, pdf=not no_pdf)
        for path in (built.docx, built.pdf, built.xlsx):
            if path is not None:
                self.stdout.write(str(path))
        if built.pdf_error:
            self.stderr.write(built.pdf_error)
        self.stdout.write(f"LAKIP {year} ({data.source}) in {built.seconds:.2f} s")
        if built.pdf_error and not no_pdf:
            raise CommandError("PDF not written")
