"""The dated holiday table (R43b) and the deadline base every app's deadlines share.

- ``HolidayYear``: one row per year that has a list, with its legal basis (the SKB) and whether staff
  confirmed it against the decree. A year without a row is *missing*: answers say so (calendar.py).
- ``Holiday``: one dated national holiday or collective leave day (cuti bersama), estimated or not.
- ``CalendarRevision``: every change to the table is a new version; deadlines record the version that
  computed them and open ones are recomputed (services.py) when a decree moves a day.
- ``Deadline``: abstract base of a deadline counted in working days, naming its legal article, pausable.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    NATIONAL = "national", _("Hari libur nasional")
    CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")


class Source(models.TextChoices):
    OFFICIAL = "official", _("Daftar resmi (SKB)")
    PACKAGE = "package", _("Paket holidays")
    STAFF = "staff", _("Ditambahkan petugas")


class HolidayYear(models.Model):
    year = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=400, blank=True)
    confirmed = models.BooleanField(
        _("sudah dicocokkan dengan SKB"),
        default=False,
        help_text=_("Daftar sudah dicek dengan keputusan resmi."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("tahun kalender libur")
        verbose_name_plural = _("tahun kalender libur")
        constraints = [
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="holidayyear_range")
        ]

    def __str__(self) -> str:
        return str(self.year)


class Holiday(models.Model):
    year = models.ForeignKey(HolidayYear, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("nama"), max_length=150)
    category = models.CharField(_("jenis"), max_length=16, choices=Category.choices)
    estimated = models.BooleanField(
        _("perkiraan"), default=False, help_text=_("Tanggal hari besar Islam yang belum ditetapkan.")
    )
    source = models.CharField(_("sumber"), max_length=12, choices=Source.choices, default=Source.STAFF)

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        constraints = [
            models.CheckConstraint(condition=Q(category__in=Category.values), name="holiday_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{date_format(self.date)} {self.name}"


class CalendarRevision(models.Model):
    """One change to the holiday table; its pk is the calendar version deadlines record."""

    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("keterangan"), max_length=300)
    dates = models.JSONField(_("tanggal yang berubah"), default=list, blank=True)
    deadlines_recomputed = models.PositiveIntegerField(_("tenggat dihitung ulang"), default=0)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("versi kalender")
        verbose_name_plural = _("versi kalender")

    def __str__(self) -> str:
        return f"v{self.pk}"

    @classmethod
    def current_version(cls) -> int:
        return cls.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Berjalan")
    PAUSED = "paused", _("Dihentikan sementara")
    MET = "met", _("Selesai")
    CANCELLED = "cancelled", _("Tidak berlaku")


class Deadline(models.Model):
    """A deadline counted in working days (R43b). Concrete models add the FK to what it is about and are
    listed in ``workdays.services.DEADLINE_MODELS`` so a calendar change recomputes them."""

    kind = models.CharField(_("jenis tenggat"), max_length=40)
    label = models.CharField(_("tenggat"), max_length=200)
    legal_article = models.CharField(_("dasar hukum"), max_length=200)
    days = models.PositiveSmallIntegerField(_("hari kerja"))
    started_on = models.DateField(_("mulai dihitung"))
    due_on = models.DateField(_("jatuh tempo"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN, db_index=True
    )
    paused_on = models.DateField(_("dihentikan sejak"), null=True, blank=True)
    resumed_on = models.DateField(_("dilanjutkan"), null=True, blank=True)
    used_before_pause = models.PositiveSmallIntegerField(_("hari kerja terpakai sebelum jeda"), default=0)
    met_on = models.DateField(_("dipenuhi pada"), null=True, blank=True)
    calendar_version = models.PositiveIntegerField(_("versi kalender"))
    missing_years = models.JSONField(_("tahun tanpa daftar libur"), default=list, blank=True)
    estimated = models.BooleanField(_("memakai tanggal perkiraan"), default=False)
    recompute_note = models.CharField(_("catatan perhitungan ulang"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.label}: {date_format(self.due_on)}"

    @property
    def anchor(self):
        return self.resumed_on or self.started_on

    @property
    def remaining_days(self) -> int:
        return max(self.days - self.used_before_pause, 0)

    def is_overdue(self, today) -> bool:
        return self.status == DeadlineStatus.OPEN and self.due_on < today
