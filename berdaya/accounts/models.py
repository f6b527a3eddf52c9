from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import LABOUR_DATA_ROLES, PERSONAL_DATA_ROLES, ROLE_DIVISION, Division, Role


class User(AbstractUser):
    """A member of staff. Citizens using the portal get their own model later, not a role here."""

    role = models.CharField(_("peran"), max_length=32, choices=Role.choices, default=Role.INSPEKTORAT)
    # A field officer's working area: a kecamatan or kelurahan code (domain.md R12). Empty = none.
    area = models.CharField(
        _("wilayah tugas"),
        max_length=13,
        blank=True,
        help_text=_("Kode kecamatan atau kelurahan tempat petugas lapangan bertugas."),
    )
    phone = models.CharField(_("telepon"), max_length=16, blank=True)
    # The civil-servant record every signature block prints (LAKIP, PK): NIP, rank and position.
    nip = models.CharField(
        _("NIP"), max_length=18, blank=True, help_text=_("18 digit Nomor Induk Pegawai, tanpa spasi.")
    )
    rank = models.CharField(
        _("pangkat/golongan"), max_length=60, blank=True, help_text=_("Contoh: Pembina Tk. I (IV/b)")
    )
    position = models.CharField(
        _("jabatan"),
        max_length=200,
        blank=True,
        help_text=_("Sebagaimana ditulis di blok tanda tangan, misalnya Kepala Bidang Koperasi."),
    )

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def division(self) -> Division | None:
        return ROLE_DIVISION.get(self.role)

    @property
    def sees_personal_data(self) -> bool:
        """Unmasked NIK, phone and address of owners, members and aid recipients (R45)."""
        return self.role in PERSONAL_DATA_ROLES

    @property
    def sees_labour_data(self) -> bool:
        """Unmasked identities of job seekers, workers and company contacts (R45)."""
        return self.role in LABOUR_DATA_ROLES

    def __str__(self) -> str:
        return self.get_full_name() or self.username
