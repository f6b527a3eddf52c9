"""Time to generate the full yearly report (LAKIP): assembling the data, DOCX, XLSX and the PDF conversion.

Run: `.venv/bin/python bench/lakip_bench.py` (seed 003's 2022 figures, no database), or with the demo
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

    django.setup()
    from berdaya.kinerja.report.build import build_docx, build_pdf, build_xlsx, file_stem, soffice
    from berdaya.kinerja.report.jobs import report_data
    from berdaya.kinerja.report.narrative import with_drafts

    assemble, data = best(args.runs, lambda: report_data(args.year, sample=not args.db))
    drafts, data = best(args.runs, lambda: with_drafts(data))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        docx_time, docx = best(args.runs, lambda: build_docx(data, out / f"{file_stem(data)}.docx"))
        xlsx_time, _xlsx = best(args.runs, lambda: build_xlsx(data, out / f"{file_stem(data)}.xlsx"))
        pdf_time = best(args.runs, lambda: build_pdf(docx, out))[0] if soffice() else None
        size = docx.stat().st_size
    total = assemble + drafts + docx_time + xlsx_time + (pdf_time or 0)
    print(
        f"source             {data.source} ({len(data.results)} indicators, {len(data.budget)} budget rows)"
    )
    print(f"assemble data      {assemble:.2f} s")
    print(f"draft narrative    {drafts:.3f} s")
    print(f"DOCX (with charts) {docx_time:.2f} s ({size / 1024:.0f} KB)")
    print(f"XLSX               {xlsx_time:.2f} s")
    print(f"PDF (LibreOffice)  {f'{pdf_time:.2f} s' if pdf_time is not None else 'soffice not installed'}")
    print(f"full report        {total:.2f} s (best of {args.runs} per stage)")


if __name__ == "__main__":
    main()
