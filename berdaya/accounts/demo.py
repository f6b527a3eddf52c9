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
    "blk": (Role.BLK, "Siti Mariam", ""),  # staff of the UPTD BLK (berdaya.blk)
    "phijs": (Role.PHIJS, "Nur Aulia", ""),
    "mediator": (Role.MEDIATOR, "Rahmat Hidayat", ""),  # a PHIJS mediator (hubind disputes)
    "petugas": (Role.PETUGAS_LAPANGAN, "Utuh Jumberi", "63.71.01"),
    "inspektorat": (Role.INSPEKTORAT, "Masitah Ramlah", ""),
    "admin": (Role.ADMIN, "Administrator Berdaya", ""),
    "mitra": (Role.MITRA, "Kurir Kilat Banjar", ""),  # a voucher partner (programs, R33)
}


# username -> (NIP, rank, position) for the signature blocks of the LAKIP and the PKs. NIPs are invented.
DEMO_RECORDS = {
    "kepala": (
        "196805121994032007",
        "Pembina Utama Muda (IV/c)",
        "Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja",
    ),
    "sekretariat": ("197203151998031004", "Pembina Tk. I (IV/b)", "Sekretaris"),
    "koperasi": ("197406201999031003", "Pembina (IV/a)", "Kepala Bidang Koperasi"),
    "umkm": ("197809092003122005", "Pembina (IV/a)", "Kepala Bidang Usaha Mikro"),
    "p3k": ("197511052000031002", "Pembina (IV/a)", "Kepala Bidang Pelatihan dan Penempatan Tenaga Kerja"),
    "phijs": ("198001172005012006", "Pembina (IV/a)", "Kepala Bidang Hubungan Industrial dan Jaminan Sosial"),
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
        nip, rank, position = DEMO_RECORDS.get(username, ("", "", ""))
        User.objects.create_user(
            nip=nip,
            rank=rank,
            position=position,
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
