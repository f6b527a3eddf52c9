from django.http import FileResponse, Http404
from django.shortcuts import render

from berdaya.accounts.roles import AUDIT_READER_ROLES

from .models import Job


def _job_for(user, pk) -> Job:
    """A job is seen by whoever started it, and by the roles that read everything's trail."""
    jobs = Job.objects.all() if user.role in AUDIT_READER_ROLES else Job.objects.filter(created_by=user)
    try:
        return jobs.get(pk=pk)
    except Job.DoesNotExist:
        raise Http404 from None


def job_list(request):
    jobs = Job.objects.filter(created_by=request.user).select_related("created_by")[:50]
    return render(request, "jobs/job_list.html", {"jobs": jobs, "nav": "jobs"})


def job_detail(request, pk):
    job = _job_for(request.user, pk)
    return render(request, "jobs/job_detail.html", {"job": job})


def job_progress(request, pk):
    """The progress partial htmx polls every second until the job has finished."""
    return render(request, "partials/_job_progress.html", {"job": _job_for(request.user, pk)})


def job_download(request, pk):
    job = _job_for(request.user, pk)
    if not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"), as_attachment=True, filename=job.result_file.name.rsplit("/")[-1]
    )
