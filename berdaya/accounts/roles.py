"""Staff roles and the divisions they belong to (domain.md section 1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Division(models.TextChoices):
    KOPERASI = "koperasi", _("Koperasi")
    USAHA_MIKRO = "usaha_mikro", _("Usaha Mikro")
    TENAGA_KERJA = "tenaga_kerja", _("Tenaga Kerja")
    HUBUNGAN_INDUSTRIAL = "hubungan_industrial", _("Hubungan Industrial")
    KINERJA = "kinerja", _("Kinerja")


class Role(models.TextChoices):
    KEPALA_DINAS = "kepala_dinas", _("Kepala Dinas")
    SEKRETARIAT = "sekretariat", _("Sekretariat / Perencanaan")
    KOPERASI = "koperasi", _("Bidang Koperasi")
    USAHA_MIKRO = "usaha_mikro", _("Bidang Usaha Mikro")
    P3K = "p3k", _("Bidang Pelatihan dan Penempatan (P3K)")
    # Staff of the training centre (UPTD BLK, under the manpower division): programmes, cohorts, tests.
    BLK = "blk", _("UPTD Balai Latihan Kerja (BLK)")
    PHIJS = "phijs", _("Bidang Hubungan Industrial dan Jaminan Sosial (PHIJS)")
    PETUGAS_LAPANGAN = "petugas_lapangan", _("Petugas Lapangan")
    # A PHIJS mediator (UU 2/2004): reads the registries and works only the disputes assigned to them.
    MEDIATOR = "mediator", _("Mediator Hubungan Industrial")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    ADMIN = "admin", _("Administrator")
    # A registered partner (courier, shop) that redeems program vouchers (domain.md R33): sees only the
    # partner pages of berdaya.programs, no registry.
    MITRA = "mitra", _("Mitra penukaran voucher")


# The division whose records a role edits. Roles not listed edit no division's records.
ROLE_DIVISION = {
    Role.KOPERASI: Division.KOPERASI,
    Role.USAHA_MIKRO: Division.USAHA_MIKRO,
    Role.P3K: Division.TENAGA_KERJA,
    Role.BLK: Division.TENAGA_KERJA,
    Role.PHIJS: Division.HUBUNGAN_INDUSTRIAL,
    Role.MEDIATOR: Division.HUBUNGAN_INDUSTRIAL,
    Role.SEKRETARIAT: Division.KINERJA,
}

# Roles that read every record of every registry.
READ_ALL_ROLES = frozenset(
    {Role.KEPALA_DINAS, Role.SEKRETARIAT, Role.KOPERASI, Role.USAHA_MIKRO, Role.P3K, Role.BLK, Role.PHIJS}
    | {Role.INSPEKTORAT, Role.ADMIN, Role.MEDIATOR}
)

# Roles that work with identities (call, visit, verify) of the people in these registries (cooperative
# members and boards, micro-enterprise owners, aid recipients) and so see NIK, phone and address unmasked
# (domain.md R45). The head of office, planners and the inspectorate work with figures, not identities;
# P3K and PHIJS serve job seekers and workers, not these owners, and see them masked like everyone else.
PERSONAL_DATA_ROLES = frozenset({Role.KOPERASI, Role.USAHA_MIKRO, Role.PETUGAS_LAPANGAN, Role.ADMIN})

# Roles that serve job seekers, workers and companies (manpower and industrial relations, with their
# mediators) and so see those people's NIK, phone and names unmasked in these registries (R45).
LABOUR_DATA_ROLES = frozenset({Role.P3K, Role.BLK, Role.PHIJS, Role.MEDIATOR, Role.ADMIN})

# Roles that may read the audit trail of any record.
AUDIT_READER_ROLES = frozenset({Role.INSPEKTORAT, Role.ADMIN, Role.KEPALA_DINAS})
