"""Demo rows of the LPK and BKK registries (seed 003 section 3.3: 20 private training institutions coached
and 15 school job boards briefed in 2022), with the BKKs' yearly placement reports: most reported 2022,
a few did not, so their registration mark is shown lapsed (R39a). Career guidance for 100 students in 2
vocational schools is naker's 2022 event (training). Runs twice safely."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from . import services
from .models import CoachingKind, Lpk

LPK_NAMES = [
    "LPK Excel",
    "LPK IRMA",
    "LPK Cahaya Borneo",
    "LPK Salon Kartini",
    "LPK Komputer Banua",
    "LPK Barokah Jahit",
    "LPK Bahasa Inggris Lentera",
    "LPK Otomotif Mandiri",
    "LPK Tata Boga Sari Rasa",
    "LPK Las Banjar Teknik",
    "LPK Mekar Busana",
    "LPK Kecantikan Ayu",
    "LPK Desain Grafis Kreatif",
    "LPK Akuntansi Prima",
    "LPK Perhotelan Intan",
    "LPK Elektronika Mitra",
    "LPK Barista Kopi Banua",
    "LPK Sablon Martapura",
    "LPK Mengemudi Selamat",
    "LPK Bahasa Jepang Sakura",
]
LPK_PROGRAMMES = [
    "Menjahit",
    "Tata rias",
    "Potong rambut",
    "Operator komputer",
    "Bahasa Inggris",
    "Otomotif",
    "Tata boga",
    "Las listrik",
    "Desain grafis",
    "Barista",
    "Mengemudi",
]
SCHOOLS = [
    "SMKN 1 Banjarmasin",
    "SMKN 2 Banjarmasin",
    "SMKN 3 Banjarmasin",
    "SMKN 4 Banjarmasin",
    "SMKN 5 Banjarmasin",
    "SMK Negeri 6 Banjarmasin",
    "SMK PGRI 2 Banjarmasin",
    "SMK Muhammadiyah 1 Banjarmasin",
    "SMK Kesehatan Borneo",
    "SMK Telkom Banjarbaru",
    "SMK Farmasi ISFI",
    "SMK Bina Banua",
    "SMK Pelayaran Banjarmasin",
    "SMK Analis Kimia",
    "SMK Islam Banjarmasin",
]


def _kelurahan_codes() -> list:
    from berdaya.regions.selectors import kelurahan_in_jurisdiction

    return list(kelurahan_in_jurisdiction().order_by("code")[:40])


@transaction.atomic
def populate(*, actor, seed: int = 2026) -> int:
    if Lpk.objects.exists():
        return 0
    rand = random.Random(seed)
    places = _kelurahan_codes() or [None]
    for n, name in enumerate(LPK_NAMES):
        accreditation = rand.choice(["A", "B", "B", "C", ""])
        lpk = services.lpk_register(
            actor=actor,
            data={
                "name": name,
                "address": f"Jl. Demo No. {n + 1}",
                "kelurahan": rand.choice(places),
                "contact_name": "Pengelola LPK",
                "permit_number": f"563/{n + 1:03d}/LPK/DISKOPUMNAKER",
                "permit_date": dt.date(2012 + n % 9, 1 + n % 12, 10),
                "accreditation": accreditation,
                "accredited_on": dt.date(2021, 1 + n % 12, 5) if accreditation else None,
                "programmes": "\n".join(rand.sample(LPK_PROGRAMMES, 2)),
            },
        )
        services.coaching_record(
            actor=actor,
            lpk=lpk,
            data={
                "kind": CoachingKind.COACHING,
                "held_on": dt.date(2022, 3 + n % 8, 8 + n % 15),
                "topic": "Pembinaan standar pelatihan berbasis kompetensi dan akreditasi",
                "officer": "Seksi Pelatihan",
            },
        )
    for n, school in enumerate(SCHOOLS):
        bkk = services.bkk_register(
            actor=actor,
            data={
                "name": f"BKK {school}",
                "school": school,
                "npsn": f"3030{4000 + n}",
                "kelurahan": rand.choice(places),
                "contact_name": "Ketua BKK",
                "decree_number": f"421.5/{n + 11}/SMK/{2015 + n % 6}",
                "decree_date": dt.date(2015 + n % 6, 7, 1),
                "registration_mark": f"TP-BKK/6371/{n + 1:03d}",
                "registered_on": dt.date(2015 + n % 6, 8, 1),
            },
        )
        services.coaching_record(
            actor=actor,
            bkk=bkk,
            data={
                "kind": CoachingKind.BRIEFING,
                "held_on": dt.date(2022, 10, 12),
                "topic": "Sosialisasi penyelenggaraan BKK dan pelaporan penempatan",
                "officer": "Seksi Penempatan",
            },
        )
        for year in (2021, 2022):
            if year == 2022 and n % 5 == 4:
                continue  # three BKK have not reported 2022 yet: their mark lapses (R39a)
            alumni = rand.randint(180, 420)
            registered = alumni * rand.randint(35, 60) // 100
            placed = registered * rand.randint(40, 75) // 100
            services.bkk_report_record(
                actor=actor,
                bkk=bkk,
                data={
                    "year": year,
                    "alumni": alumni,
                    "registered": registered,
                    "placed": placed,
                    "placed_female": placed * rand.randint(30, 60) // 100,
                    "reported_on": dt.date(year + 1, 2, 15),
                },
            )
    return len(LPK_NAMES) + len(SCHOOLS)
