"""Time to generate the full yearly report (LAKIP): assembling the data, DOCX, XLSX and the PDF conversion.

Run: `DJANGO_DEBUG=1 .venv/bin/python bench/lakip_bench.py` (seed 003's 2022 figures, a scratch database for
the report's settings), or with the demo
database: `DJANGO_DEBUG=1 .venv/bin/python bench/lakip_bench.py --db --year 2022` (after `./dev up` or
`berdaya regions_load && berdaya demo`). Each stage is timed separately, best of ``--runs`` (default 3).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "berdaya.settings")


def best(runs: int, function):
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", action="store_true", help="assemble the data from the database")
    parser.add_argument("--year", type=int, default=2022)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    scratch = None
    if not args.db and not os.environ.get("DATABASE_URL"):
        # The sample's figures need no records, but the report reads its settings (emblem, signatories)
        # from a database: a scratch SQLite one, migrated here.
        scratch = tempfile.TemporaryDirectory(prefix="lakip-bench-")
        os.environ["BERDAYA_SQLITE_PATH"] = str(Path(scratch.name) / "bench.sqlite3")
    django.setup()
    if scratch is not None:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    from berdaya.kinerja.report.build import build_all, build_docx, build_xlsx, file_stem
    from berdaya.kinerja.report.jobs import report_data
    from berdaya.kinerja.report.narrative import with_drafts
    from berdaya.lib.documents import soffice

    assemble, data = best(args.runs, lambda: report_data(args.year, sample=not args.db))
    drafts, data = best(args.runs, lambda: with_drafts(data))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx_time, docx = best(args.runs, lambda: build_docx(data, out / f"{file_stem(data)}.docx"))
        xlsx_time, _xlsx = best(args.runs, lambda: build_xlsx(data, out / f"{file_stem(data)}.xlsx"))
        # The PDF as the office gets it: two LibreOffice passes (the first finds each listed heading's page).
        pdf_time = best(args.runs, lambda: build_all(data, out / "pdf"))[0] if soffice() else None
        size = docx.stat().st_size
    total = assemble + (pdf_time if pdf_time is not None else drafts + docx_time + xlsx_time)
    print(
        f"source             {data.source} ({len(data.results)} indicators, {len(data.budget)} budget rows)"
    )
    print(f"assemble data      {assemble:.2f} s")
    print(f"draft narrative    {drafts:.3f} s")
    print(f"DOCX (with charts) {docx_time:.2f} s ({size / 1024:.0f} KB)")
    print(f"XLSX               {xlsx_time:.2f} s")
    shown = f"{pdf_time:.2f} s" if pdf_time is not None else "soffice not installed"
    print(f"DOCX+XLSX+PDF      {shown} (the report job: two LibreOffice passes for the page numbers)")
    print(f"full report        {total:.2f} s (best of {args.runs} per stage)")


if __name__ == "__main__":
    main()
