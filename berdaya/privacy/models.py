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
        return f"{self.get_purpose_display()}: {self.giver_name} ({self.given_at:%d-%m-%Y})"

    @property
    def subject(self):
        return self.person or self.enterprise or self.cooperative

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None or self.withdrawn_at > timezone.now()

    @property
    def self_given(self) -> bool:
        return self.given_by_id is None
