"""Document helpers shared by every module that writes letters or reports: Indonesian dates and the
DOCX -> PDF conversion through LibreOffice headless (one way of making PDFs on the server).

Public: ``MONTHS``, ``long_date(day)`` ("3 Januari 2023"), ``soffice()``, ``docx_to_pdf(docx, out_dir)``
(raises ``PdfError`` when LibreOffice is missing or fails).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
PDF_TIMEOUT = 300  # seconds LibreOffice may take to convert
BLANK_DATE = "...................."  # a date still to be written by hand


def long_date(day: dt.date | None) -> str:
    """ "3 Januari 2023" (the month in Indonesian whatever the interface language), or a dotted line."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else BLANK_DATE


def soffice() -> str | None:
    """LibreOffice's command, if installed (Debian: libreoffice-writer-nogui)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


class PdfError(RuntimeError):
    pass


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """The DOCX converted by LibreOffice headless, in a throwaway profile (parallel runs don't clash)."""
    command = soffice()
    if command is None:
        raise PdfError("LibreOffice (soffice) tidak terpasang di server.")
    with tempfile.TemporaryDirectory(prefix="berdaya-lo-") as profile:
        result = subprocess.run(  # noqa: S603 - fixed command, paths we created
            [
                command,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(docx_path),
            ],
            capture_output=True,
            timeout=PDF_TIMEOUT,
            env={**os.environ, "HOME": profile},
        )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        raise PdfError(f"Konversi PDF gagal: {result.stderr.decode(errors='replace')[-500:]}")
    return pdf
