"""Measures the training centre offers to performance indicators (kinerja, sakip.md S1-S4). The head counts
of BLK trainees, apprentices and career-guidance students are naker's (``naker.blk_trained``,
``naker.apprentices``, ``naker.career_guidance_students``, over the same training events); these add what
only the BLK's own records know:

- ``blk.competent``: BLK trainees certified competent in every unit (R40a), by certificate date.
- ``blk.apprentices_hired``: apprentices hired (by the host or another company), by the date noted.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from berdaya.kinerja.measures import Measure, register

from . import figures


def _counted(records):
    return lambda period, filters: records(period, filters).count()


for key, label, description, records in (
    (
        "blk.competent",
        _("Lulusan BLK kompeten"),
        _("Peserta BLK yang kompeten di semua unit dan menerima sertifikat dalam periode (R40a)."),
        lambda p, f: figures.competent_graduates(p.start, p.end),
    ),
    (
        "blk.apprentices_hired",
        _("Peserta pemagangan yang bekerja"),
        _("Peserta pemagangan yang diterima bekerja (di perusahaan penyelenggara atau lain) dalam periode."),
        lambda p, f: figures.apprentices_hired(p.start, p.end),
    ),
):
    register(
        Measure(
            key=key,
            label=label,
            description=description,
            unit="orang",
            value=_counted(records),
            records=records,
        )
    )
