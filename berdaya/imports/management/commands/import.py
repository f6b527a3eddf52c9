"""`berdaya import <spec> FILE [--mapping NAME] [--source NAME] [--user USERNAME]`: the same import as the
web pages, run here and now (no worker), printing progress, the counts and the error file's path.

Columns are mapped from the mapping remembered under --mapping (a source name used before on the web or
here), then auto-suggested from the headers; every required field must end up mapped.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from berdaya.imports import runner, services
from berdaya.imports.readers import ReaderError, open_table
from berdaya.imports.spec import SPECS, suggest_mapping


class Command(BaseCommand):
    help = "Impor berkas XLSX/CSV ke registri (orang, umkm, ...)."

    def add_arguments(self, parser):
        parser.add_argument("spec", help="Jenis data: " + ", ".join(sorted(SPECS)))
        parser.add_argument("file", help="Berkas .xlsx atau .csv")
        parser.add_argument("--mapping", help="Nama pemetaan kolom yang diingat (nama sumber sebelumnya)")
        parser.add_argument("--source", help="Nama sumber data (bawaan: --mapping atau nama berkas)")
        parser.add_argument("--user", help="Nama pengguna pelaku impor (untuk jejak audit)")
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, *args, **options):
        spec = SPECS.get(options["spec"])
        if spec is None:
            raise CommandError(
                f"Jenis data '{options['spec']}' tidak dikenal. Pilihan: {', '.join(sorted(SPECS))}."
            )
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        actor = None
        if options["user"]:
            try:
                actor = get_user_model().objects.get(username=options["user"])
            except get_user_model().DoesNotExist:
                raise CommandError(f"Pengguna '{options['user']}' tidak ditemukan.") from None
        source = (options["source"] or options["mapping"] or path.stem)[:40]

        try:
            table = open_table(path)
        except ReaderError as error:
            raise CommandError(str(error)) from None
        except MemoryError:
            raise CommandError(
                "Memori tidak cukup untuk berkas ini: pecah berkas menjadi beberapa berkas."
            ) from None
        remembered = services.remembered_mapping(spec, options["mapping"]) if options["mapping"] else {}
        if options["mapping"] and not remembered:
            raise CommandError(f"Pemetaan '{options['mapping']}' untuk {spec.key} belum pernah disimpan.")
        mapping = suggest_mapping(spec, table.headers, remembered)
        missing = runner.missing_required(spec, mapping)
        if missing:
            raise CommandError(
                "Kolom wajib tidak ditemukan: "
                + ", ".join(missing)
                + ". Ubah judul kolom atau pakai --mapping."
            )
        for header, name in zip(table.headers, mapping, strict=True):
            target = spec.field(name).label if name else "(diabaikan)"
            self.stdout.write(f"  {header} -> {target}")

        with path.open("rb") as file:
            run = services.run_create(
                actor=actor, spec=spec, file=File(file), name=path.name, source=source, headers=table.headers
            )
        services.run_set_mapping(actor=actor, run=run, mapping=mapping)

        def progress(done, total=None, message=""):
            if done and done % 10000 < spec.batch_size or message == "Selesai":
                suffix = f" / {total}" if total else ""
                sys.stdout.write(f"\r  {done}{suffix} baris")
                sys.stdout.flush()

        try:
            counts = services.run_execute(
                run, actor=actor, progress=progress, batch_size=options["batch_size"]
            )
        except Exception:  # recorded on the run in Indonesian (reason, rows saved, where to resume)
            self.stdout.write("")
            run.refresh_from_db()
            raise CommandError(run.message) from None
        self.stdout.write("")
        for label, value in services.result_figures(run).items():
            self.stdout.write(f"{label}: {value}")
        for message in counts.failed_batches:
            self.stderr.write(message)
        if run.error_file:
            self.stdout.write(f"Baris ditolak beserta alasannya: {run.error_file.path}")
