"""The one benefit and participation history (docs/interfaces.md): one row per benefit received from a
program (application awarded or later) or per event attended, per person, with the business or cooperative
it went to. "Never served" (R35, R49) is read from here and nowhere else."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy


class Source(models.TextChoices):
    PROGRAM = "program", _("Program bantuan")
    EVENT = "event", _("Kegiatan")


class Benefit(models.Model):
    """Written only by ``benefits.services`` (called by the programs and training services)."""

    access = AccessPolicy(division=None, area_field="kelurahan__code")

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("orang"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
    )
    enterprise = models.ForeignKey(
        "umkm.Enterprise",
        verbose_name=_("usaha"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
    )
    cooperative = models.ForeignKey(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
    )
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    source = models.CharField(_("sumber"), max_length=8, choices=Source.choices)
    # The program's kind (hibah, voucher, ...) or the event's kind (pelatihan, pameran, ...).
    kind = models.CharField(_("jenis"), max_length=20, db_index=True)
    title = models.CharField(_("judul"), max_length=255)
    received_on = models.DateField(_("tanggal"), db_index=True)
    year = models.PositiveSmallIntegerField(_("tahun"), db_index=True)
    # The source record: a programs.Application or a training.Participant.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    ref = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("manfaat")
        verbose_name_plural = _("riwayat manfaat")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="benefit_one_per_source"),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="benefit_source_valid"),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(cooperative__isnull=False), name="benefit_has_subject"
            ),
        ]
        indexes = [
            models.Index(fields=["person", "kind"], name="benefit_person_kind_idx"),
            models.Index(fields=["enterprise", "kind"], name="benefit_ent_kind_idx"),
            models.Index(fields=["cooperative", "kind"], name="benefit_coop_kind_idx"),
            models.Index(fields=["year", "kelurahan"], name="benefit_year_kel_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.received_on})"
