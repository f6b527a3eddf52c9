"""Demo micro enterprises (./dev up): ~600 invented businesses owned by the demo people, with yearly
observations (some "naik kelas"), permits (some expired), online accounts (some dormant) and a WUB
cohort of 2022 with its yearly assessments. Idempotent and quick (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log_many
from berdaya.lib.size_class import classify
from berdaya.people.models import Person

from .models import (
    Enterprise,
    LegalForm,
    Observation,
    OnlineAccount,
    Permit,
    PermitKind,
    Platform,
    Sector,
    SizeCriteria,
    Status,
    WubAssessment,
    WubCohort,
)
from .selectors import normalize_search

DEMO_ENTERPRISES = 600
DEMO_SOURCE = "demo"
MIN_OWNERS = 300
JT = Decimal(10) ** 6

SECTOR_WEIGHTS = {
    "kuliner": 35,
    "fashion": 8,
    "kriya-sasirangan": 6,
    "kriya-purun": 3,
    "kriya-rajut": 3,
    "jasa": 14,
    "perdagangan": 20,
    "pertanian-perikanan": 6,
    "lainnya": 5,
}
NAMES = {
    "kuliner": (("Warung", "Kue", "Soto Banjar", "Ketupat Kandangan", "Amplang", "Dapur"), "Makanan olahan"),
    "fashion": (("Butik", "Konveksi", "Jahit"), "Pakaian jadi"),
    "kriya-sasirangan": (("Sasirangan", "Galeri Sasirangan", "Kain Sasirangan"), "Kain sasirangan"),
    "kriya-purun": (("Anyaman Purun", "Purun"), "Tas dan tikar purun"),
    "kriya-rajut": (("Rajut", "Rajutan"), "Tas dan pakaian rajut"),
    "jasa": (("Bengkel", "Laundry", "Salon", "Servis HP"), "Jasa"),
    "perdagangan": (("Toko", "Kios", "Warung Sembako", "Agen"), "Barang kebutuhan sehari-hari"),
    "pertanian-perikanan": (("Tambak", "Kebun", "Ikan Asin", "Budidaya Lele"), "Hasil pertanian/perikanan"),
    "lainnya": (("Usaha", "Karya"), "Lain-lain"),
}
CLOSE_REASONS = ("Modal habis", "Pemilik sakit", "Sepi pembeli", "Lokasi digusur")
MOVE_REASONS = ("Pindah ke Banjarbaru", "Pindah ke Martapura", "Ikut keluarga ke luar daerah")


def _money(rng: random.Random, low_jt: int, high_jt: int) -> Decimal:
    return Decimal(rng.randint(low_jt, high_jt)) * JT


def _owners(actor, seed: int) -> list[Person]:
    if Person.objects.count() < MIN_OWNERS:
        from berdaya.people.demo import populate as populate_people

        populate_people(actor=actor, seed=seed, count=max(MIN_OWNERS, Person.objects.count() + MIN_OWNERS))
    return list(Person.objects.exclude(kelurahan__isnull=True).order_by("pk")[:1000])


def populate(*, actor, seed: int = 2026, count: int = DEMO_ENTERPRISES) -> int:
    """Add demo enterprises until there are ``count`` from the demo source; returns how many were added."""
    have = Enterprise.objects.filter(source=DEMO_SOURCE).count()
    if have >= count:
        return 0
    rng = random.Random(seed * 7 + have)
    today = timezone.localdate()
    owners = _owners(actor, seed)
    if not owners:
        return 0
    sectors = {s.code: s for s in Sector.objects.all()}
    codes = [code for code in SECTOR_WEIGHTS if code in sectors]
    weights = [SECTOR_WEIGHTS[code] for code in codes]
    criteria = list(SizeCriteria.objects.all())
    taken_nibs = set(Enterprise.objects.exclude(nib="").values_list("nib", flat=True))

    with transaction.atomic():
        cohort, _ = WubCohort.objects.get_or_create(
            name="Pelatihan Wirausaha Baru Angkatan I",
            year=2022,
            defaults={
                "training_reference": "Pelatihan WUB Dinas 2022 (data demo)",
                "started_on": dt.date(2022, 6, 6),
                "ended_on": dt.date(2022, 6, 17),
                "created_by": actor,
                "updated_by": actor,
            },
        )
        batch = []
        for index in range(have, count):
            owner = owners[index % len(owners)] if index < len(owners) else rng.choice(owners)
            code = rng.choices(codes, weights)[0]
            prefixes, product = NAMES[code]
            first = owner.name.replace("Hj. ", "").replace("H. ", "").split()[0]
            name = f"{rng.choice(prefixes)} {first}"
            is_wub = index % 15 == 0
            registered = (
                dt.date(2022, rng.randint(7, 12), rng.randint(1, 28))
                if is_wub
                else dt.date(rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28))
            )
            nib = ""
            if rng.random() < 0.55:
                while not nib or nib in taken_nibs:
                    nib = f"{rng.randint(10**12, 10**13 - 1)}"
                taken_nibs.add(nib)
            status, status_date, reason = Status.AKTIF, None, ""
            roll = rng.random()
            if roll < 0.06 or roll > 0.97:
                status = Status.TUTUP if roll < 0.06 else Status.PINDAH
                status_date = min(today, registered + dt.timedelta(days=rng.randint(200, 1500)))
                reason = rng.choice(CLOSE_REASONS if status == Status.TUTUP else MOVE_REASONS)
            men, women = rng.choice((0, 0, 1, 1, 2, 3)), rng.choice((0, 1, 1, 2, 2, 3))
            paid = rng.randint(0, men + women)
            enterprise = Enterprise(
                owner=owner,
                name=name,
                brand=f"{first} {rng.choice(('Banua', 'Barokah', 'Berkah', 'Mandiri', 'Jaya'))}"
                if rng.random() < 0.4
                else "",
                sector=sectors[code],
                main_activity=product,
                products=product,
                legal_form=LegalForm.PERORANGAN if rng.random() < 0.9 else LegalForm.CV,
                address=owner.address,
                rt=owner.rt,
                rw=owner.rw,
                kelurahan_id=owner.kelurahan_id,
                latitude=Decimal("-3.3") - Decimal(rng.randint(0, 800)) / 10000
                if rng.random() < 0.5
                else None,
                phone=owner.phone,
                founded_year=min(registered.year, rng.randint(2005, registered.year)),
                start_month=rng.randint(1, 12),
                founding_capital=_money(rng, 1, 50),
                nib=nib,
                nib_date=registered if nib else None,
                workers_male=men,
                workers_female=women,
                workers_paid=paid,
                workers_unpaid=men + women - paid,
                registered_on=registered,
                status=status,
                status_date=status_date,
                status_reason=reason,
                is_wub=is_wub,
                wub_cohort=cohort if is_wub else None,
                source=DEMO_SOURCE,
                source_id=f"demo-{index:05d}",
                search_text=normalize_search(f"{name} {owner.name}"),
                created_by=actor,
                updated_by=actor,
            )
            if enterprise.latitude is not None:
                enterprise.longitude = Decimal("114.55") + Decimal(rng.randint(0, 800)) / 10000
            batch.append(enterprise)
        created = Enterprise.objects.bulk_create(batch)

        observations, permits, accounts, assessments = [], [], [], []
        for enterprise in created:
            capital, sales = _money(rng, 5, 600), _money(rng, 20, 1500)
            years = [y for y in (2020, 2023, 2024, 2025) if y >= enterprise.registered_on.year][
                -rng.randint(1, 3) :
            ]
            grows_at = rng.randint(1, 3) if rng.random() < 0.12 else 0
            for position, year in enumerate(years):
                if grows_at and position == min(grows_at, len(years) - 1) and position > 0:
                    capital, sales = _money(rng, 1100, 3000), _money(rng, 2100, 9000)  # naik kelas
                else:
                    capital = capital * Decimal(rng.randint(95, 125)) / 100
                    sales = sales * Decimal(rng.randint(90, 130)) / 100
                capital, sales = capital.quantize(JT), sales.quantize(JT)
                on = dt.date(year, 12, 31)
                assets = (capital * Decimal("0.15")).quantize(JT)
                result = classify(on=on, capital=capital, assets=assets, sales=sales, criteria_rows=criteria)
                observations.append(
                    Observation(
                        enterprise=enterprise,
                        observed_on=on,
                        capital=capital,
                        assets_excl_land_buildings=assets,
                        annual_sales=sales,
                        source="Data demo",
                        size_class=result.size_class,
                        size_reason=result.reason[:255],
                        criteria=result.criteria,
                        created_by=actor,
                        updated_by=actor,
                    )
                )
                enterprise.current_size_class = result.size_class
            if enterprise.sector.root.code == "kuliner":
                for kind, share in ((PermitKind.PIRT, 0.5), (PermitKind.HALAL, 0.3)):
                    if rng.random() < share:
                        issued = enterprise.registered_on + dt.timedelta(days=rng.randint(30, 400))
                        permits.append(
                            Permit(
                                enterprise=enterprise,
                                kind=kind,
                                number=f"{kind.upper()}-{rng.randint(100000, 999999)}",
                                issued_on=issued,
                                expires_on=issued + dt.timedelta(days=365 * rng.choice((1, 3, 5))),
                                created_by=actor,
                                updated_by=actor,
                            )
                        )
            if rng.random() < 0.1:
                permits.append(
                    Permit(
                        enterprise=enterprise,
                        kind=PermitKind.IPR,
                        number=f"IDM{rng.randint(100000000, 999999999)}",
                        issued_on=enterprise.registered_on + dt.timedelta(days=200),
                        created_by=actor,
                        updated_by=actor,
                    )
                )
            if rng.random() < 0.4:
                for platform in rng.sample(
                    [
                        Platform.SHOPEE,
                        Platform.TOKOPEDIA,
                        Platform.INSTAGRAM,
                        Platform.WHATSAPP_BUSINESS,
                        Platform.KATALOG_DINAS,
                    ],  # fmt: skip
                    rng.randint(1, 2),
                ):
                    handle = enterprise.name.lower().replace(" ", "")[:30]
                    accounts.append(
                        OnlineAccount(
                            enterprise=enterprise,
                            platform=platform,
                            handle=handle,
                            url=f"https://{platform}.example/{handle}{enterprise.pk}",
                            last_active_on=today - dt.timedelta(days=rng.randint(0, 240)),
                            created_by=actor,
                            updated_by=actor,
                        )
                    )
            if enterprise.is_wub:
                for year in (2023, 2024, 2025):
                    flags = [rng.random() < 0.85, rng.random() < 0.75, rng.random() < 0.95]
                    assessments.append(
                        WubAssessment(
                            enterprise=enterprise,
                            year=year,
                            still_producing=flags[0],
                            has_turnover=flags[1],
                            operating_in_city=flags[2],
                            mandiri=all(flags),
                            visited_on=dt.date(year, rng.randint(8, 11), rng.randint(1, 28)),
                            officer=actor,
                            created_by=actor,
                            updated_by=actor,
                        )
                    )
        Observation.objects.bulk_create(observations)
        Permit.objects.bulk_create(permits)
        OnlineAccount.objects.bulk_create(accounts)
        WubAssessment.objects.bulk_create(assessments)
        Enterprise.objects.bulk_update(created, ["current_size_class"], batch_size=500)
        audit_log_many(
            actor=actor,
            action=Action.CREATE,
            model=Enterprise,
            entries=[Entry(e.pk, e.name, person_id=e.owner_id) for e in created],
            note="data demo",
        )
    return len(created)
