"""Tokens for partner systems (a bank, the province, the ministry's registries).

A token acts as one staff account: the account's role decides what the token may read and whether NIK,
phone and address come unmasked (the same access rules and R45 masking as the pages); the token's scopes
narrow that further to named resources, read or write. Only the token's SHA-256 is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from berdaya.lib.models import Tracked


class Scope(models.TextChoices):
    UMKM_READ = "umkm:read", _("Usaha mikro: baca")
    UMKM_EXPORT = "umkm:export", _("Usaha mikro: ekspor format SIDT")
    KOPERASI_READ = "koperasi:read", _("Koperasi: baca")
    PROGRAM_READ = "program:read", _("Program dan penerima: baca")
    PROGRAM_WRITE = "program:write", _("Program: kirim pengajuan")
    FIGURES_READ = "angka:read", _("Angka kinerja: baca")
    REGIONS_READ = "wilayah:read", _("Wilayah: baca")
    VACANCIES_READ = "lowongan:read", _("Lowongan terverifikasi: baca")
    EVENTS_READ = "kegiatan:read", _("Kegiatan (pelatihan, pameran): baca")


class ApiToken(Tracked):
    name = models.CharField(_("nama sistem mitra"), max_length=100)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bertindak sebagai akun"),
        on_delete=models.PROTECT,
        related_name="api_tokens",
    )
    prefix = models.CharField(_("awalan"), max_length=12, unique=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(_("cakupan"), default=list)
    rate_per_minute = models.PositiveIntegerField(_("batas panggilan per menit"), default=60)
    expires_on = models.DateField(_("berlaku sampai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        constraints = [
            models.CheckConstraint(condition=models.Q(rate_per_minute__gte=1), name="apitoken_rate_positive")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def get_scopes_display(self) -> str:
        labels = dict(Scope.choices)
        return ", ".join(str(labels.get(scope, scope)) for scope in self.scopes)
