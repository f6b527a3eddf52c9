"""Personal data protection (domain.md R44, R47, R48): consent records, requests from people, breaches,
retention.

A consent (R44) belongs to one subject: a person, or a business or cooperative (given by its owner or
board). It records who gave it, when, for which purpose, on which version of the text, through which
channel, who recorded it (a staff member, or nobody when the person gave it themselves on the portal), and
when it was withdrawn. It is never deleted or edited: withdrawing stamps ``withdrawn_at``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class Purpose(models.TextChoices):
    """What the optional data is for (R44: consent is per purpose)."""

    CATALOGUE = "katalog_publik", _("Tampil di katalog publik")
    NOTIFICATIONS = "notifikasi", _("Menerima pemberitahuan (SMS/WhatsApp/surel)")
    PHOTOS = "foto_publik", _("Foto usaha ditampilkan di katalog publik")


class Channel(models.TextChoices):
    PAPER = "formulir", _("Formulir kertas bertanda tangan")
    PORTAL = "portal", _("Portal publik (oleh yang bersangkutan)")
    IN_PERSON = "tatap_muka", _("Tatap muka dengan petugas")
    PHONE = "telepon", _("Telepon")
    MESSAGE = "pesan", _("WhatsApp/SMS/surel")


class ConsentText(models.Model):
    """The wording a person agreed to, per purpose and version (a dated table: old versions stay, because
    a consent is only as good as the text it was given on)."""

    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices)
    version = models.CharField(_("versi"), max_length=20)
    valid_from = models.DateField(_("berlaku sejak"))
    body = models.TextField(_("teks persetujuan"))

    class Meta:
        ordering = ["purpose", "-valid_from"]
        verbose_name = _("teks persetujuan")
        verbose_name_plural = _("teks persetujuan")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="consenttext_purpose_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} v{self.version}"


class ConsentQuerySet(models.QuerySet):
    def active(self, at=None):
        at = at or timezone.now()
        return self.filter(given_at__lte=at).filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=at))


class Consent(models.Model):
    """One consent given by one subject for one purpose (R44). Append-only apart from the withdrawal."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("orang"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
    )
    enterprise = models.ForeignKey(
        "umkm.Enterprise",
        verbose_name=_("usaha"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
    )
    cooperative = models.ForeignKey(
        "koperasi.Cooperative",
        verbose_name=_("koperasi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="consents",
    )
    purpose = models.CharField(_("tujuan"), max_length=20, choices=Purpose.choices, db_index=True)
    text_version = models.CharField(_("versi teks"), max_length=20)
    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices)
    giver_name = models.CharField(
        _("diberikan oleh"), max_length=150, help_text=_("Nama yang memberi persetujuan (pemilik, pengurus).")
    )
    given_at = models.DateTimeField(_("waktu persetujuan"), default=timezone.now)
    # The staff member who recorded it; empty when the person gave it themselves (portal).
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("waktu penarikan"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penarikan dicatat oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_channel = models.CharField(
        _("saluran penarikan"), max_length=16, choices=Channel.choices, blank=True
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("persetujuan")
        verbose_name_plural = _("persetujuan")
        constraints = [
            # Exactly one subject.
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, enterprise__isnull=True, cooperative__isnull=True)
                    | Q(person__isnull=True, enterprise__isnull=False, cooperative__isnull=True)
                    | Q(person__isnull=True, enterprise__isnull=True, cooperative__isnull=False)
                ),
                name="consent_one_subject",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=models.F("given_at")),
                name="consent_withdrawn_after_given",
            ),
        ]
        indexes = [
            models.Index(fields=["purpose", "enterprise"], name="consent_purpose_enterprise_idx"),
            models.Index(fields=["purpose", "person"], name="consent_purpose_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.giver_name} ({date_format(self.given_at)})"

    @property
    def subject(self):
        return self.person or self.enterprise or self.cooperative

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None or self.withdrawn_at > timezone.now()

    @property
    def self_given(self) -> bool:
        return self.given_by_id is None


# --- R47: requests from people, breaches ---------------------------------------------------------------


class RequestKind(models.TextChoices):
    ACCESS = "akses", _("Akses: salinan data dan catatan pemrosesannya")
    CORRECTION = "perbaikan", _("Perbaikan data")
    RESTRICTION = "pembatasan", _("Pembatasan pemrosesan")
    WITHDRAWAL = "penarikan", _("Penarikan persetujuan")
    DELETION = "penghapusan", _("Penghapusan data")


class RequestStatus(models.TextChoices):
    OPEN = "terbuka", _("Terbuka")
    DONE = "selesai", _("Selesai")
    REFUSED = "ditolak", _("Ditolak dengan alasan")


class DataRequest(models.Model):
    """A request from a person about their data (R47): a ticket due 72 hours after it was received, counted
    in working days of the office calendar (3 working days, same time of day; workdays app), escalated to
    the head of office when overdue."""

    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("orang"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="data_requests",
        help_text=_("Kosong bila orangnya belum ditemukan di registri."),
    )
    requester_name = models.CharField(_("nama pemohon"), max_length=150)
    requester_contact = models.CharField(_("kontak pemohon"), max_length=150, blank=True)
    kind = models.CharField(_("jenis permintaan"), max_length=16, choices=RequestKind.choices)
    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices)
    description = models.TextField(_("isi permintaan"), blank=True)
    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    due_at = models.DateTimeField(_("tenggat"), db_index=True)
    calendar_version = models.PositiveIntegerField(_("versi kalender"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN, db_index=True
    )
    escalated_at = models.DateTimeField(_("dieskalasi"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    outcome = models.TextField(_("hasil / alasan"), blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditutup oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["status", "due_at", "id"]
        verbose_name = _("permintaan data pribadi")
        verbose_name_plural = _("permintaan data pribadi")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_at__gt=models.F("received_at")), name="datarequest_due_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.requester_name}"

    @property
    def overdue(self) -> bool:
        return self.status == RequestStatus.OPEN and timezone.now() > self.due_at


class Breach(models.Model):
    """A personal-data breach (R47): the notice to the people affected and the authority is due 72 clock
    hours after the office became aware of it (UU 27/2022 Pasal 46: "3 x 24 jam"), weekends included."""

    aware_at = models.DateTimeField(
        _("diketahui"), help_text=_("Saat Dinas mengetahui kegagalan perlindungan.")
    )
    description = models.TextField(_("uraian kejadian"))
    data_affected = models.CharField(_("data yang terdampak"), max_length=255)
    people_affected = models.PositiveIntegerField(_("perkiraan jumlah orang terdampak"), default=0)
    measures = models.TextField(_("penanganan dan pemulihan"), blank=True)
    notice_due_at = models.DateTimeField(_("batas pemberitahuan"), db_index=True)
    notified_at = models.DateTimeField(_("diberitahukan"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        ordering = ["-aware_at", "-id"]
        verbose_name = _("insiden data pribadi")
        verbose_name_plural = _("insiden data pribadi")

    def __str__(self) -> str:
        return f"{self.data_affected} ({date_format(self.aware_at, 'DATETIME_FORMAT')})"

    @property
    def notice_overdue(self) -> bool:
        return self.notified_at is None and timezone.now() > self.notice_due_at


# --- R48: retention ------------------------------------------------------------------------------------


class RetentionRule(models.Model):
    """How long a data category is kept after its last use (R48), a dated table: a new rule for a category
    applies from its ``valid_from``; the old ones stay for the record."""

    category = models.CharField(_("kategori data"), max_length=40)
    months = models.PositiveIntegerField(_("masa simpan (bulan)"))
    basis = models.CharField(_("dasar"), max_length=255)
    valid_from = models.DateField(_("berlaku sejak"))

    class Meta:
        ordering = ["category", "-valid_from"]
        verbose_name = _("masa simpan data")
        verbose_name_plural = _("masa simpan data")
        constraints = [
            models.UniqueConstraint(
                fields=["category", "valid_from"], name="retentionrule_category_from_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category}: {self.months} bulan"


class LegalHold(models.Model):
    """A person whose data must not be anonymised (a dispute, an audit, a court case) until released."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("orang"), on_delete=models.PROTECT, related_name="legal_holds"
    )
    reason = models.CharField(_("alasan"), max_length=255)
    placed_at = models.DateTimeField(_("sejak"), default=timezone.now)
    released_at = models.DateTimeField(_("dilepas"), null=True, blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("penahanan data (legal hold)")
        verbose_name_plural = _("penahanan data (legal hold)")

    def __str__(self) -> str:
        return f"{self.person}: {self.reason}"


# --- R46: a citizen proves who they are to see their own access log -------------------------------------


class LinkChannel(models.TextChoices):
    COUNTER = "loket", _("Di loket, setelah petugas memeriksa KTP")
    PHONE = "telepon", _("Dikirim ke nomor HP yang tercatat")


class IdentityLink(models.Model):
    """A one-time proof of identity for one person (R46, R44 on the portal): staff issue it at the counter
    after checking the KTP, or the portal sends it to the phone already on the person's record. Only a
    hash of the code is stored; it works once (``used_at``) and only until ``expires_at``."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("orang"), on_delete=models.CASCADE, related_name="+"
    )
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    channel = models.CharField(_("cara"), max_length=10, choices=LinkChannel.choices)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikeluarkan oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    expires_at = models.DateTimeField(_("berlaku sampai"), db_index=True)
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("tautan sekali pakai")
        verbose_name_plural = _("tautan sekali pakai")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="identitylink_expires_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} ({self.created_at:%d-%m-%Y %H:%M})"


class OutboxMessage(models.Model):
    """A message the office sent (or would send) to a phone. The default sender (messaging.py) only
    stores it here, for staff to see in development and tests; a real SMS/WhatsApp sender replaces it."""

    to = models.CharField(_("nomor tujuan"), max_length=16)
    body = models.TextField(_("isi pesan"))
    sent_at = models.DateTimeField(_("dikirim"), default=timezone.now, db_index=True)
    sender = models.CharField(_("pengirim"), max_length=100)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("kotak keluar")
        verbose_name_plural = _("kotak keluar")

    def __str__(self) -> str:
        return f"{self.to} ({self.sent_at:%d-%m-%Y %H:%M})"
