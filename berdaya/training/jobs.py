"""Certificates of a whole event generated in the background (berdaya/jobs): numbers every participant who
met the completion rule (R50) and the event kind's own rule, and builds one printable PDF (DOCX when
LibreOffice is missing)."""

from __future__ import annotations

from django.core.files.base import ContentFile

from berdaya.jobs.registry import register, same_params

JOB_KIND = "training_certificates"


@register(JOB_KIND, heavy=True, once=same_params("event"))
def certificates_job(job, progress) -> dict:
    from . import documents, services
    from .models import Certificate, Event, Participant, Status

    event = Event.objects.get(pk=job.params["event"])
    participants = list(
        Participant.objects.filter(event=event, status=Status.COMPLETED).order_by("person__name", "pk")
    )
    total = len(participants) + 1
    refused = 0
    for i, participant in enumerate(participants, start=1):
        # the event kind's own rule (a BLK cohort: competent in every unit, R40a) may refuse some
        if not Certificate.objects.filter(participant=participant).exists() and services.certificate_refusal(
            participant
        ):
            refused += 1
        else:
            services.certificate_issue(actor=job.created_by, participant=participant)
        progress(i, total, participant.person.name)
    certificates = list(
        Certificate.objects.filter(participant__event=event, revoked_at__isnull=True)
        .select_related("participant__event", "participant__person", "person")
        .order_by("seq")
    )
    progress(len(participants), total, "PDF")
    docx = documents.certificates_docx(certificates, job.params.get("base_url", ""))
    name = f"sertifikat-{event.code}"
    try:
        content, ext = documents.to_pdf(docx, name), "pdf"
    except documents.DocumentError:
        content, ext = docx, "docx"
    job.result_file.save(f"{name}.{ext}", ContentFile(content), save=True)
    progress(total, total, "")
    return {"certificates": len(certificates), "refused": refused, "format": ext}
