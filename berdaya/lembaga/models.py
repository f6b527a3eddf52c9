"""Private training institutions (LPK) and special job boards at schools (BKK), R39, R39a, R39b: the
institutions, the coaching the office gives them (dated) and the BKKs' yearly placement reports of their own
alumni. Written only by ``services``."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.accounts.roles import Division
from berdaya.lib.models import Tracked

ACCESS = AccessPolicy(division=Division.TENAGA_KERJA, area_field="kelurahan__code")


class Institution(Tracked):
    """What an LPK and a BKK share: name, address, contact."""

    name = models.CharField(_("nama"), max_length=200)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"level": 4},
    )
    contact_name = models.CharField(_("narahubung"), max_length=150, blank=True)
    phone = models.CharField(_("telepon"), max_length=20, blank=True)
    active = models.BooleanField(_("aktif"), default=True, db_index=True)

    class Meta:
        abstract = True


class Accreditation(models.TextChoices):
    A = "A", _("A (unggul)")
    B = "B", _("B (baik)")
    C = "C", _("C (cukup)")
    NONE = "", _("Belum terakreditasi")


class Lpk(Institution):
    """A private training institution (Lembaga Pelatihan Kerja swasta) with its permit and accreditation."""

    access = ACCESS

    permit_number = models.CharField(_("nomor izin"), max_length=100, unique=True)
    permit_date = models.DateField(_("tanggal izin"))
    permit_until = models.DateField(_("izin berlaku sampai"), null=True, blank=True)
    accreditation = models.CharField(
        _("akreditasi"), max_length=1, choices=Accreditation.choices, blank=True, db_index=True
    )
    accredited_on = models.DateField(_("tanggal akreditasi"), null=True, blank=True)
    programmes = models.TextField(_("program pelatihan"), blank=True, help_text=_("Satu program per baris."))

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("LPK")
        verbose_name_plural = _("LPK")
        constraints = [
            models.CheckConstraint(
                condition=Q(permit_until__isnull=True) | Q(permit_until__gte=F("permit_date")),
                name="lpk_permit_until_after_date",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def programme_list(self) -> list[str]:
        return [line.strip() for line in self.programmes.splitlines() if line.strip()]


class Bkk(Institution):
    """A special job board at a school (Bursa Kerja Khusus): registered with the city by decree; its
    registration mark is valid while it reports yearly (R39a)."""

    access = ACCESS

    school = models.CharField(_("sekolah"), max_length=200)
    npsn = models.CharField(_("NPSN"), max_length=8, blank=True, db_index=True)
    decree_number = models.CharField(_("nomor SK pendirian"), max_length=100)
    decree_date = models.DateField(_("tanggal SK"))
    registration_mark = models.CharField(_("nomor tanda pendaftaran"), max_length=100, unique=True)
    registered_on = models.DateField(_("tanggal pendaftaran"))

    class Meta:
        ordering = ["school", "id"]
        verbose_name = _("BKK")
        verbose_name_plural = _("BKK")

    def __str__(self) -> str:
        return f"{self.name} ({self.school})"


class BkkReport(Tracked):
    """A BKK's yearly report of its own alumni placed (R39: at home only)."""

    access = AccessPolicy(division=Division.TENAGA_KERJA, area_field="bkk__kelurahan__code")

    bkk = models.ForeignKey(Bkk, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("tahun"))
    alumni = models.PositiveIntegerField(_("lulusan tahun itu"))
    registered = models.PositiveIntegerField(_("lulusan yang mendaftar ke BKK"))
    placed = models.PositiveIntegerField(_("lulusan yang ditempatkan (dalam negeri)"))
    placed_female = models.PositiveIntegerField(_("di antaranya perempuan"), default=0)
    reported_on = models.DateField(_("tanggal laporan"))

    class Meta:
        ordering = ["bkk", "-year"]
        verbose_name = _("laporan tahunan BKK")
        verbose_name_plural = _("laporan tahunan BKK")
        constraints = [
            models.UniqueConstraint(fields=["bkk", "year"], name="bkk_report_one_per_year"),
            models.CheckConstraint(condition=Q(registered__lte=F("alumni")), name="bkk_registered_le_alumni"),
            models.CheckConstraint(condition=Q(placed__lte=F("registered")), name="bkk_placed_le_registered"),
            models.CheckConstraint(condition=Q(placed_female__lte=F("placed")), name="bkk_female_le_placed"),
        ]

    def __str__(self) -> str:
        return f"{self.bkk} {self.year}"


class CoachingKind(models.TextChoices):
    COACHING = "pembinaan", _("Pembinaan")
    BRIEFING = "sosialisasi", _("Sosialisasi/bimbingan teknis")
    MONITORING = "monev", _("Monitoring dan evaluasi")


class Coaching(Tracked):
    """Coaching the office gave an LPK or a BKK, dated (seed 003: 20 LPK coached, 15 BKK briefed)."""

    access = AccessPolicy(division=Division.TENAGA_KERJA)

    lpk = models.ForeignKey(Lpk, on_delete=models.CASCADE, null=True, blank=True, related_name="coachings")
    bkk = models.ForeignKey(Bkk, on_delete=models.CASCADE, null=True, blank=True, related_name="coachings")
    kind = models.CharField(
        _("jenis"), max_length=12, choices=CoachingKind.choices, default=CoachingKind.COACHING
    )
    held_on = models.DateField(_("tanggal"), db_index=True)
    topic = models.CharField(_("materi"), max_length=255)
    officer = models.CharField(_("petugas"), max_length=150, blank=True)
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("pembinaan lembaga")
        verbose_name_plural = _("pembinaan lembaga")
        constraints = [
            # exactly one institution
            models.CheckConstraint(
                condition=(Q(lpk__isnull=False) & Q(bkk__isnull=True))
                | (Q(lpk__isnull=True) & Q(bkk__isnull=False)),
                name="coaching_one_institution",
            )
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} {self.topic}"
