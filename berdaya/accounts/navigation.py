"""The main navigation: by division, as the office is organised (domain.md section 1)."""

import functools
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
    """The menu of the user's role. Built once per role (and URL configuration) in each process: the labels
    stay lazy, so each request shows them in its own language; reversing its fifteen URLs on every page
    was a measurable part of a page's time (issue 17, load)."""
    from django.conf import settings
    from django.urls import get_script_prefix, get_urlconf

    return list(_navigation(user.role, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF))


@functools.lru_cache(maxsize=128)
def _navigation(role: str, _prefix: str, _urlconf) -> tuple[NavItem, ...]:
    return tuple(_build(role))


def _build(role: str) -> list[NavItem]:
    if role == Role.MITRA:
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
    if role in PROGRAM_ROLES:
        items.insert(4, NavItem("programs", _("Program"), reverse("programs:list"), "check"))
    if role != Role.MITRA:
        items.append(NavItem("portal", _("Layanan publik"), reverse("portal_staff:queue"), "globe"))
    # Events of every division (berdaya.training), before the regions.
    at = next(i for i, item in enumerate(items) if item.key == "regions")
    items.insert(at, NavItem("training", _("Kegiatan"), reverse("training:list"), "users"))
    if role in IMPORT_ROLES:
        items.append(NavItem("imports", _("Impor data"), reverse("imports:list"), "download"))
    if role in AUDIT_READER_ROLES:
        items.append(NavItem("audit", _("Jejak Audit"), reverse("audit:list"), "history"))
    if role in (Role.ADMIN, Role.KEPALA_DINAS, Role.SEKRETARIAT):  # privacy.views.OFFICER_ROLES
        items.append(NavItem("privacy", _("Data Pribadi"), reverse("privacy:request_list"), "key"))
    if role == Role.ADMIN:
        items.append(NavItem("users", _("Pengguna"), reverse("accounts:users"), "key"))
        items.append(NavItem("api", _("Token API"), reverse("api-admin:list"), "key"))
    return items
