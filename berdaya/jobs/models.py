"""Long work (imports, duplicate scans, reports) as a Job row that users watch fill up (progress bar)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    QUEUED = "queued", _("Menunggu")
    RUNNING = "running", _("Berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class Job(models.Model):
    kind = models.CharField(_("jenis"), max_length=50)  # a key of berdaya.jobs.registry
    label = models.CharField(_("pekerjaan"), max_length=200)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.CharField(_("keterangan"), max_length=300, blank=True)
    error = models.TextField(_("galat"), blank=True)
    result = models.JSONField(default=dict, blank=True)  # figures the handler reports at the end
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pekerjaan latar")
        verbose_name_plural = _("pekerjaan latar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")) | models.Q(total=0), name="job_done_le_total"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def percent(self) -> int:
        if self.status == Status.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in {Status.DONE, Status.FAILED}
