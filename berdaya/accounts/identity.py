"""How a staff account is named on a page, by who is looking (issue 17 finding 11).

Staff see each other by name: who verified, visited, decided or changed what is part of the work, and the
inspectorate audits exactly that (AUDIT_READER_ROLES). A viewer from outside the office (a voucher partner,
an anonymous visitor) sees the role only, never a staff member's name, username or e-mail: those are
personal data of the staff (UU 27/2022, as R45 for the registries' people) and the material of phishing.
Every template that renders a staff account goes through the ``staff`` tag library built on this.
"""

from __future__ import annotations

from .roles import Role

# Roles outside the office's staff: they see staff as roles only.
OUTSIDE_ROLES = frozenset({Role.MITRA})


def is_outside(viewer) -> bool:
    return viewer is None or not viewer.is_authenticated or viewer.role in OUTSIDE_ROLES


def staff_label(user, viewer, *, default: str = "—") -> str:
    """The staff account as this viewer may see it: the name for staff, the role for outsiders."""
    if user is None:
        return default
    if is_outside(viewer):
        return str(user.get_role_display()) or default
    return str(user)


def staff_email(user, viewer) -> str:
    """The e-mail to show ("" for an outsider or when there is none)."""
    if user is None or is_outside(viewer):
        return ""
    return user.email or ""
