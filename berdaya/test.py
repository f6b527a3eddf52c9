"""The shared test base (style.md 11): a cast of personas, one per role, and small factories.

def test_the_inspector_cannot_edit_a_person(cast, person):
    assert cast.client(cast.inspektur).get(edit_url).status_code == 403
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.test import Client

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role

PASSWORD = "uji-Berdaya-2026"  # noqa: S105 - test personas only

# persona attribute -> (role, field officer area)
PERSONAS = {
    "kepala": (Role.KEPALA_DINAS, ""),
    "sekretariat": (Role.SEKRETARIAT, ""),
    "koperasi": (Role.KOPERASI, ""),
    "umkm": (Role.USAHA_MIKRO, ""),
    "p3k": (Role.P3K, ""),
    "phijs": (Role.PHIJS, ""),
    "petugas": (Role.PETUGAS_LAPANGAN, "63.71.01"),  # Banjarmasin Selatan
    "inspektur": (Role.INSPEKTORAT, ""),
    "admin": (Role.ADMIN, ""),
}


def make_staff(role: Role, *, username: str | None = None, area: str = "", password: str = PASSWORD) -> User:
    username = username or f"uji_{role}"
    return User.objects.create_user(
        username=username,
        password=password,
        role=role,
        area=area,
        first_name=username.replace("_", " ").title(),
    )


@dataclass
class Cast:
    kepala: User
    sekretariat: User
    koperasi: User
    umkm: User
    p3k: User
    phijs: User
    petugas: User
    inspektur: User
    admin: User

    @classmethod
    def create(cls) -> Cast:
        return cls(**{name: make_staff(role, area=area) for name, (role, area) in PERSONAS.items()})

    def all(self) -> list[User]:
        return [getattr(self, name) for name in PERSONAS]

    @staticmethod
    def client(user: User | None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client


_serials = itertools.count(1)


def valid_nik(
    *, district: str = "637101", birth: dt.date = dt.date(1985, 3, 12), female: bool = False
) -> str:
    """A NIK that passes R1-R5: district code, DDMMYY (+40 on the day for women), a unique serial."""
    day = birth.day + (40 if female else 0)
    return f"{district}{day:02d}{birth:%m%y}{next(_serials):04d}"


def make_person(*, actor: User | None = None, kelurahan: str | None = "63.71.01.1001", **fields):
    """A person saved through the service, as staff would (audit row included)."""
    from berdaya.people.models import Sex
    from berdaya.people.services import person_create
    from berdaya.regions.models import Region

    female = fields.get("sex") == Sex.FEMALE
    birth = fields.get("birth_date", dt.date(1985, 3, 12))
    data = {
        "nik": fields.pop("nik", None) or valid_nik(birth=birth, female=female),
        "name": "Rahmat Hidayat",
        "sex": Sex.FEMALE if female else Sex.MALE,
        "birth_date": birth,
        "phone": "+6281234567890",
        "address": "Jl. Kelayan A No. 12",
        "kelurahan": Region.objects.get(code=kelurahan) if kelurahan else None,
    } | fields
    return person_create(actor=actor, data=data)


# Reference data the data migrations seed (sectors and size criteria, RAT rules, rubrics, bands...).
DATA_MIGRATIONS = [
    ("umkm", "0002_seed_sectors_and_criteria"),
    ("koperasi", "0002_rat_rule_default"),
    ("koperasi", "0004_rubrics_load"),
    ("kinerja", "0002_bands_and_check_rules"),
    ("kinerja", "0003_percent_tolerance_printing_precision"),
    ("workdays", "0002_ship_holiday_lists"),
    ("privacy", "0002_consent_texts"),
    ("hubind", "0002_thresholds"),
]


def reseed_reference_data() -> None:
    """Run the data migrations' forward functions again: a transactional test empties every table, and
    migrating an app back and forth would also unapply the apps that depend on it."""
    from importlib import import_module

    from django.apps import apps
    from django.db import migrations

    for app, name in DATA_MIGRATIONS:
        migration = import_module(f"berdaya.{app}.migrations.{name}").Migration
        for operation in migration.operations:
            if isinstance(operation, migrations.RunPython):
                operation.code(apps, None)


def restore_reference_data(prefix: str = "63.71") -> None:
    """What a transactional test (which empties every table after it) needs back: the office's regions and
    the data migrations' reference data."""
    from berdaya.regions.loader import load_regions

    load_regions(prefix=prefix)
    reseed_reference_data()
