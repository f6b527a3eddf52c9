"""Demo staff accounts, one per role (./dev up). Passwords are random, printed once, kept in var/."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings

from .models import User
from .roles import Role

# username -> (role, full name, field officer area). Names are invented.
DEMO_STAFF = {
    "kepala": (Role.KEPALA_DINAS, "Hj. Rusmiati Hairani", ""),
    "sekretariat": (Role.SEKRETARIAT, "Fauzan Akbar", ""),
    "koperasi": (Role.KOPERASI, "Gusti Rahmadi", ""),
    "umkm": (Role.USAHA_MIKRO, "Diang Fitriani", ""),
    "p3k": (Role.P3K, "Ahmad Zaini", ""),
    "phijs": (Role.PHIJS, "Nur Aulia", ""),
    "mediator": (Role.MEDIATOR, "Rahmat Hidayat", ""),  # a PHIJS mediator (hubind disputes)
    "petugas": (Role.PETUGAS_LAPANGAN, "Utuh Jumberi", "63.71.01"),
    "inspektorat": (Role.INSPEKTORAT, "Masitah Ramlah", ""),
    "admin": (Role.ADMIN, "Administrator Berdaya", ""),
    "mitra": (Role.MITRA, "Kurir Kilat Banjar", ""),  # a voucher partner (programs, R33)
}


def credentials_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-accounts.txt"


def create_demo_staff() -> list[tuple[str, str, str]]:
    """Create missing demo accounts; returns (username, role label, password) for those created now."""
    created = []
    for username, (role, full_name, area) in DEMO_STAFF.items():
        if User.objects.filter(username=username).exists():
            continue
        password = "-".join(secrets.token_urlsafe(6) for _ in range(2))
        first, _, last = full_name.partition(" ")
        User.objects.create_user(
            username=username,
            password=password,
            role=role,
            area=area,
            first_name=first,
            last_name=last,
            is_staff=role == Role.ADMIN,
        )
        created.append((username, str(role.label), password))
    if created:
        path = credentials_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            for username, label, password in created:
                out.write(f"{username}\t{password}\t{label}\n")
        path.chmod(0o600)
    return created
