"""Import runs (one uploaded file, its column mapping and its outcome) and remembered column mappings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportMapping(models.Model):
    """Which field each column header goes to, remembered per (spec, source): the office's monthly SIDT
    export, a kelurahan's list... are mapped once, then suggested every time."""

    spec = models.CharField(_("jenis data"), max_length=40)
    source = models.CharField(_("sumber"), max_length=40)
    mapping = models.JSONField(default=dict)  # normalised header -> field name
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["spec", "source"]
        verbose_name = _("pemetaan kolom impor")
        verbose_name_plural = _("pemetaan kolom impor")
        constraints = [
            models.UniqueConstraint(fields=["spec", "source"], name="importmapping_one_per_source")
        ]

    def __str__(self) -> str:
        return f"{self.spec}: {self.source}"


class RunStatus(models.TextChoices):
    READING = "reading", _("Membaca berkas")
    DRAFT = "draft", _("Menunggu pemetaan")
    QUEUED = "queued", _("Menunggu")
    RUNNING = "running", _("Berjalan")
    DONE = "done", _("Selesai")
    FAILED = "failed", _("Gagal")


class ImportRun(models.Model):
    spec = models.CharField(_("jenis data"), max_length=40, db_index=True)
    source = models.CharField(_("sumber"), max_length=40)
    file = models.FileField(_("berkas"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("nama berkas"), max_length=255)
    headers = models.JSONField(default=list)  # the file's column headers, in order
    mapping = models.JSONField(default=list)  # a field name (or "") per column
    status = models.CharField(
        _("status"), max_length=8, choices=RunStatus.choices, default=RunStatus.DRAFT, db_index=True
    )
    total = models.PositiveIntegerField(_("baris"), default=0)
    created = models.PositiveIntegerField(_("baru"), default=0)
    updated = models.PositiveIntegerField(_("diubah"), default=0)
    unchanged = models.PositiveIntegerField(_("tidak berubah"), default=0)
    rejected = models.PositiveIntegerField(_("ditolak"), default=0)
    message = models.TextField(_("keterangan"), blank=True)
    error_file = models.FileField(_("berkas baris ditolak"), upload_to="imports/errors/%Y/%m/", blank=True)
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("impor data")
        verbose_name_plural = _("impor data")
        indexes = [models.Index(fields=["created_by", "-created_at"], name="imports_run_user_idx")]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.spec_label})"

    @property
    def spec_label(self) -> str:
        """ "Usaha mikro", never the key "umkm" (codes shown to users)."""
        from .spec import SPECS

        spec = SPECS.get(self.spec)
        return str(spec.label) if spec is not None else self.spec

    @property
    def finished(self) -> bool:
        return self.status in {RunStatus.DONE, RunStatus.FAILED}
