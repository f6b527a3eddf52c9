"""People (Orang): one record per NIK (domain.md R1-R7), the hub every registry links to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.lib.models import Tracked


class Sex(models.TextChoices):
    MALE = "L", _("Laki-laki")
    FEMALE = "P", _("Perempuan")


class Education(models.TextChoices):
    NONE = "tidak_sekolah", _("Tidak/belum sekolah")
    SD = "sd", _("SD/sederajat")
    SMP = "smp", _("SMP/sederajat")
    SMA = "sma", _("SMA/SMK/sederajat")
    D3 = "diploma", _("Diploma")
    S1 = "s1", _("S1")
    S2 = "s2_s3", _("S2/S3")


class NikIssue(models.TextChoices):
    """Why a person has no usable NIK: the office's old spreadsheets often lack it or carry a mistyped one."""

    MISSING = "belum_tercatat", _("NIK belum tercatat")
    INVALID = "tidak_valid", _("NIK tidak valid")


class Person(Tracked):
    access = AccessPolicy(division=None, area_field="kelurahan__code")

    # R7: unique when recorded; a person imported without a (valid) NIK has none until staff add it.
    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True)
    name = models.CharField(_("nama lengkap"), max_length=150, db_index=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    phone = models.CharField(_("telepon"), max_length=16, blank=True, db_index=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    kelurahan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kelurahan"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 4},
        null=True,
        blank=True,
    )
    occupation = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    education = models.CharField(_("pendidikan"), max_length=16, choices=Education.choices, blank=True)
    disability = models.BooleanField(_("penyandang disabilitas"), default=False)
    # R6: a sex or birth date that disagrees with the NIK flags the record instead of refusing it,
    # because the office keeps what the ID card says even when the NIK was issued wrongly.
    needs_review = models.BooleanField(_("perlu diperiksa"), default=False, db_index=True)
    review_reason = models.CharField(_("alasan pemeriksaan"), max_length=255, blank=True)
    # A record to complete: never matched by NIK; the note keeps the NIK as written and why it was refused.
    nik_issue = models.CharField(
        _("masalah NIK"), max_length=16, choices=NikIssue.choices, blank=True, db_index=True
    )
    nik_issue_note = models.CharField(_("keterangan NIK"), max_length=255, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("orang")
        verbose_name_plural = _("orang")
        constraints = [
            # Without a NIK neither sex nor birth date can be read from it: they may stay empty.
            models.CheckConstraint(
                condition=models.Q(sex__in=["L", "P"]) | (models.Q(sex="") & ~models.Q(nik_issue="")),
                name="person_sex_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(nik__isnull=False, birth_date__isnull=False) | ~models.Q(nik_issue=""),
                name="person_nik_or_issue",
            ),
        ]
        indexes = [
            models.Index(fields=["kelurahan", "name"]),
            models.Index(fields=["name", "id"], name="people_person_name_id_idx"),  # the list's default order
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def kecamatan_code(self) -> str | None:
        return self.kelurahan_id[:8] if self.kelurahan_id else None
