"""The main navigation: by division, as the office is organised (domain.md section 1)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import AUDIT_READER_ROLES, ROLE_DIVISION, Role

# Roles that keep registries and so bring in the office's spreadsheets (the import pages check per registry).
IMPORT_ROLES = frozenset(ROLE_DIVISION) - {Role.SEKRETARIAT} | {Role.ADMIN}


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str
    icon: str


# Roles that work with assistance programs (berdaya.programs); partners see only their voucher pages.
PROGRAM_ROLES = frozenset(
    {Role.KEPALA_DINAS, Role.USAHA_MIKRO, Role.PETUGAS_LAPANGAN, Role.INSPEKTORAT, Role.ADMIN}
)


def navigation_for(user) -> list[NavItem]:
    if user.role == Role.MITRA:
        return [NavItem("programs", _("Tukar voucher"), reverse("programs:partner"), "check")]
    items = [
        NavItem("home", _("Beranda"), reverse("dashboard:home"), "home"),
        NavItem("people", _("Orang"), reverse("people:list"), "users"),
        NavItem("koperasi", _("Koperasi"), reverse("dashboard:division", args=["koperasi"]), "building"),
        NavItem(
            "usaha_mikro", _("Usaha Mikro"), reverse("dashboard:division", args=["usaha_mikro"]), "store"
        ),
        NavItem(
            "tenaga_kerja",
            _("Tenaga Kerja"),
            reverse("dashboard:division", args=["tenaga_kerja"]),
            "briefcase",
        ),
        NavItem(
            "hubungan_industrial",
            _("Hubungan Industrial"),
            reverse("dashboard:division", args=["hubungan_industrial"]),
            "scale",
        ),
        NavItem("kinerja", _("Kinerja"), reverse("dashboard:division", args=["kinerja"]), "chart"),
        NavItem("regions", _("Wilayah"), reverse("regions:list"), "map"),
    ]
    if user.role in PROGRAM_ROLES:
        items.insert(4, NavItem("programs", _("Program"), reverse("programs:list"), "check"))
    if user.role in IMPORT_ROLES:
        items.append(NavItem("imports", _("Impor data"), reverse("imports:list"), "download"))
    if user.role in AUDIT_READER_ROLES:
        items.append(NavItem("audit", _("Jejak Audit"), reverse("audit:list"), "history"))
    if user.role == Role.ADMIN:
        items.append(NavItem("users", _("Pengguna"), reverse("accounts:users"), "key"))
        items.append(NavItem("api", _("Token API"), reverse("api-admin:list"), "key"))
    return items
