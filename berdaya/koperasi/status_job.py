"""The daily status refresh as a background job (berdaya.jobs): dates move, so a cached status computed
yesterday may be stale today. The watch list starts it once a day when it finds stale rows; the management
command ``koperasi_refresh_status`` does the same from cron."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from berdaya.jobs.models import Job
from berdaya.jobs.models import Status as JobStatus
from berdaya.jobs.registry import register
from berdaya.jobs.services import job_start

from .models import Cooperative
from .services import refresh_all_statuses

JOB_KIND = "koperasi_status"


@register(JOB_KIND)
def refresh_job(job: Job, progress) -> dict:
    on = dt.date.fromisoformat(job.params["on"]) if job.params.get("on") else None
    changed = refresh_all_statuses(on=on, progress=progress)
    return {_("Berubah status atau tahap"): changed}


def stale(on: dt.date | None = None):
    """Cooperatives whose cached status was computed before ``on`` (default today)."""
    on = on or timezone.localdate()
    return Cooperative.objects.filter(Q(status_on__lt=on) | Q(status_on__isnull=True))


def refresh_if_stale(*, actor, on: dt.date | None = None) -> Job | None:
    """Queue today's refresh when some cached status is stale, unless one is already queued or running.
    Returns the job to show, or None when every status is current."""
    on = on or timezone.localdate()
    if not stale(on).exists():
        return None
    pending = Job.objects.filter(kind=JOB_KIND, status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).first()
    if pending is not None:
        return pending
    label = _("Perbarui status koperasi per %(day)s") % {"day": date_format(on)}
    return job_start(actor=actor, kind=JOB_KIND, label=label, params={"on": on.isoformat()})
