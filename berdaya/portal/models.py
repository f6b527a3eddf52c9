"""The public portal's own records: catalogue listings with the owner's consent (R44, R53) and
what citizens submit (applications, complaints, personal-data requests), each with a tracking code (R52).

A citizen's submission decides nothing by itself (R52): staff verify it and forward it to the registry it
concerns (a program application is created by ``services.submission_forward``), or answer it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from berdaya.accounts.access import AccessPolicy
from berdaya.lib.models import Tracked


class Listing(Tracked):
    """How one business (a micro enterprise or a cooperative) appears in the public catalogue: the name,
    words and contact its owner chose to publish.

    The consent itself is privacy's record (R44: ``privacy.Consent`` for ``Purpose.CATALOGUE``, and
    ``Purpose.PHOTOS`` for pictures): who gave it, when, on which text version, through which channel. The
    public selectors show a listing only while that consent is active, so a withdrawal hides it at once
    (R53); the listing row stays for when the owner agrees again.
    """

    access = AccessPolicy(division=None, area_field="enterprise__kelurahan__code")

    enterprise = models.OneToOneField(
        "umkm.Enterprise",
        verbose_name=_("usaha mikro"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    cooperative = models.OneToOneField(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    display_name = models.CharField(_("nama yang ditampilkan"), max_length=150)
    description = models.TextField(_("keterangan untuk publik"), max_length=1000, blank=True)
    public_phone = models.CharField(
        _("nomor kontak yang boleh ditampilkan"),
        max_length=16,
        blank=True,
        help_text=_("Nomor usaha yang disetujui pemilik untuk tampil (format +62…)."),
    )
    whatsapp = models.BooleanField(_("nomor ini WhatsApp"), default=True)
    marketplace_links = models.JSONField(_("tautan toko daring"), default=list, blank=True)

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("tampilan katalog")
        verbose_name_plural = _("tampilan katalog")
        constraints = [
            models.CheckConstraint(
                condition=Q(enterprise__isnull=False, cooperative__isnull=True)
                | Q(enterprise__isnull=True, cooperative__isnull=False),
                name="portal_listing_one_business",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def business(self):
        return self.enterprise if self.enterprise_id else self.cooperative


class Kind(models.TextChoices):
    APPLICATION = "pengajuan", _("Pengajuan program")
    REGISTRATION = "pendaftaran", _("Pendaftaran kegiatan")
    COMPLAINT = "pengaduan", _("Pengaduan")
    DATA_REQUEST = "data_pribadi", _("Permintaan data pribadi")
    JOB_SEEKER = "pencaker", _("Pra-pendaftaran pencari kerja (AK/1)")


class DataRequestKind(models.TextChoices):
    """R47: what a person may ask about their personal data (the same codes as privacy's request kinds)."""

    ACCESS = "akses", _("Melihat data saya dan siapa yang memakainya")
    CORRECTION = "perbaikan", _("Memperbaiki data saya")
    RESTRICTION = "pembatasan", _("Membatasi pemakaian data saya")
    WITHDRAWAL = "penarikan", _("Mencabut persetujuan")
    DELETION = "penghapusan", _("Menghapus data saya")


class SubmissionStatus(models.TextChoices):
    RECEIVED = "diterima", _("Diterima, menunggu diperiksa petugas")
    IN_PROGRESS = "diproses", _("Sedang diperiksa petugas")
    FORWARDED = "diteruskan", _("Diteruskan ke bidang terkait")
    ANSWERED = "selesai", _("Selesai")
    REJECTED = "ditolak", _("Tidak dapat diproses")


OPEN_STATUSES = (SubmissionStatus.RECEIVED, SubmissionStatus.IN_PROGRESS)


class Submission(Tracked):
    """What a citizen sent from the portal. Staff only read it (scoped); the status page shows its holder
    the status, due date and the staff's public answer, never what was submitted (R53)."""

    access = AccessPolicy(division=None, area_field="kecamatan__code")

    code = models.CharField(_("kode lacak"), max_length=14, unique=True, editable=False)
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.RECEIVED,
        db_index=True,
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    application = models.ForeignKey(
        "programs.Application",
        verbose_name=_("pengajuan di program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.ForeignKey(
        "training.Event",
        verbose_name=_("kegiatan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    participant = models.ForeignKey(
        "training.Participant",
        verbose_name=_("peserta kegiatan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    job_seeker = models.ForeignKey(
        "naker.JobSeeker",
        verbose_name=_("pencari kerja (AK/1)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    request_kind = models.CharField(
        _("jenis permintaan"), max_length=12, choices=DataRequestKind.choices, blank=True
    )
    name = models.CharField(_("nama"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    phone = models.CharField(_("telepon"), max_length=16)
    kecamatan = models.ForeignKey(
        "regions.Region",
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    business_name = models.CharField(_("nama usaha"), max_length=150, blank=True)
    answers = models.JSONField(_("jawaban cek kelayakan"), default=dict, blank=True)
    message = models.TextField(_("isi"), max_length=3000, blank=True)
    due_at = models.DateTimeField(_("batas waktu"), db_index=True)
    public_answer = models.TextField(_("jawaban untuk pemohon"), max_length=2000, blank=True)
    handled_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("petugas"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("kiriman portal")
        verbose_name_plural = _("kiriman portal")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="pengajuan") | Q(program__isnull=False), name="portal_submission_program"
            ),
            models.CheckConstraint(
                condition=~Q(kind="pendaftaran") | Q(event__isnull=False), name="portal_submission_event"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SubmissionStatus.values), name="portal_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["kind", "status", "due_at"], name="portal_sub_queue_idx")]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_kind_display()})"
