"""The yearly report generated in the background (``berdaya/jobs``) and stored for download.

``job.params``: ``year``; ``sample`` (seed 003's 2022 figures instead of the database, an example for new
users); ``texts``, the narrative staff edited (only what differs from the drafts, ``narrative.edited``), kept
with the report it produced so the next edit starts from it. The three files are stored under
``kinerja/lakip/<job>/``; ``job.result["files"]`` maps each format (docx, pdf, xlsx) to its storage name,
and ``job.result_file`` points at the DOCX.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

from berdaya.jobs.registry import register

from .build import build_all
from .data import LakipData
from .narrative import with_texts

JOB_KIND = "kinerja_lakip"
FORMATS = ("docx", "pdf", "xlsx")


def report_data(year: int, *, sample: bool = False) -> LakipData:
    if sample:
        from berdaya.kinerja.selectors import document_emblem_png

        from .sample import seed_2022

        data = seed_2022()
        data.office.emblem = document_emblem_png()  # the office's own emblem on the example too
        return data
    from .assemble import lakip_data

    return lakip_data(year)


def saved_texts(year: int, *, sample: bool = False) -> dict:
    """The texts of the latest report of that year that had any (the staff's last edit)."""
    from berdaya.jobs.models import Job

    for params in (
        Job.objects.filter(kind=JOB_KIND).order_by("-created_at", "-pk").values_list("params", flat=True)
    ):
        if params.get("year") == year and bool(params.get("sample")) == sample and params.get("texts"):
            return params["texts"]
    return {}


@register(JOB_KIND, heavy=True)
def lakip_job(job, progress) -> dict:
    year = int(job.params["year"])
    data = with_texts(report_data(year, sample=bool(job.params.get("sample"))), job.params.get("texts") or {})
    with tempfile.TemporaryDirectory(prefix="lakip-") as folder:
        built = build_all(data, Path(folder), progress)
        files = {}
        for fmt, path in zip(FORMATS, (built.docx, built.pdf, built.xlsx), strict=True):
            if path is None:
                continue
            with path.open("rb") as handle:
                files[fmt] = default_storage.save(f"kinerja/lakip/{job.pk}/{path.name}", File(handle))
    job.result_file.name = files["docx"]
    return {
        "year": data.year,
        "source": data.source,
        "seconds": round(built.seconds, 2),
        "files": files,
        "stem": built.docx.stem,
        "pdf_error": built.pdf_error,
    }
