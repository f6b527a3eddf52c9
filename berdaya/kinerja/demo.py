"""Demo performance data (./dev up): the office's 2021-2026 plan, the 2022 IKU and PK targets, action plans
and the 2022 budget tree, all from seed 003 (``seed_2022``). Indicators over a registry that registers their
measures (micro enterprises, cooperatives: e.g. "Persentase Koperasi Berkualitas" = koperasi.quality /
koperasi.active × 100) are computed from its demo data; the others (manpower, industrial relations, SAKIP
score) start as manual measures with the seed's printed values. Idempotent: nothing is added when the plan
already exists."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from . import measures, services
from .models import (
    ActionPlan,
    BudgetItem,
    BudgetQuarter,
    Echelon,
    Goal,
    Indicator,
    ManualMeasure,
    ManualValue,
    Renstra,
    StrategicTarget,
    SwotItem,
    SwotStrategy,
    Unit,
    YearTarget,
)
from .seed_2022 import BUDGET_2022, GOAL_OF, GOALS, INDICATORS, MANUAL

HEAD = "Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"
QUARTER_SHARE = (Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal(1))
SWOT = [
    ("S", "Penyuluh koperasi lapangan (PPKL) mengenal koperasi binaannya"),
    ("W", "Banyak koperasi tidak aktif dan tidak melaksanakan RAT"),
    ("W", "Pelatihan WUB tanpa pendampingan lanjutan"),
    ("O", "Pasar daring dan voucher ongkos kirim untuk produk kriya"),
    ("T", "Usaha mikro belum akrab dengan teknologi"),
]
STRATEGIES = [
    ("SO", "Libatkan PPKL dalam pendampingan WUB setelah pelatihan", "PROGRAM PENGEMBANGAN UMKM"),
    (
        "WO",
        "Bimtek kelembagaan dan RAT bagi koperasi tidak aktif",
        "PROGRAM PENDIDIKAN DAN LATIHAN PERKOPERASIAN",
    ),
]


@transaction.atomic
def populate(*, actor, seed: int = 2026) -> int:
    if Renstra.objects.filter(start_year=2021).exists():
        return 0
    renstra = Renstra.objects.create(
        name="Renstra Diskopumker 2021-2026",
        start_year=2021,
        end_year=2026,
        created_by=actor,
        updated_by=actor,
    )
    targets, goals = {}, {}
    for code, name, sasaran in GOALS:
        goals[code] = Goal.objects.create(renstra=renstra, code=code, name=name, created_by=actor)
        for t_code, t_name, strategy, policy in sasaran:
            targets[t_code] = StrategicTarget.objects.create(
                goal=goals[code], code=t_code, name=t_name, strategy=strategy, policy=policy, created_by=actor
            )
    for key, (label, unit, values) in MANUAL.items():
        if measures.get(key) is not None:  # a registry computes it: no typed placeholder
            continue
        measure = ManualMeasure.objects.create(
            key=key,
            label=label,
            unit=unit,
            created_by=actor,
            description="Nilai tertulis di LAKIP 2022 (seed 003).",
        )
        for year, value in values.items():
            ManualValue.objects.create(
                measure=measure, year=year, value=Decimal(str(value)), created_by=actor, note="LAKIP 2022"
            )
    indicators = {}
    for order, row in enumerate(INDICATORS):
        code, target_code, name, unit, kind, num, den, formula, responsible, target_2022, iku = row
        target = targets.get(target_code)
        indicators[code] = Indicator.objects.create(
            renstra=renstra,
            code=code,
            name=name,
            unit=unit,
            kind=kind,
            numerator_key=num,
            denominator_key=den,
            numerator_filters={"since": 2016} if num.startswith("umkm.wub") else {},
            denominator_filters={"since": 2016} if den.startswith("umkm.wub") else {},
            formula_text=formula,
            responsible_unit=responsible,
            is_iku=iku,
            order=order,
            target=target,
            goal=target.goal if target else goals[GOAL_OF[code]],
            level=Indicator.Level.TARGET if target else Indicator.Level.GOAL,
            # growth can be negative: S6's optional floor (the cap is the office's one rule, AchievementCap)
            floor_zero=kind == "growth",
            data_source="Registri Berdaya"
            if measures.get(num) is not None
            else "Rekap bidang (manual, dengan bukti)",
            created_by=actor,
        )
        # seed 003 gives the 2022 targets only; the demo keeps that level to the plan's end so later years,
        # computed live from the demo registries, have something to be measured against
        YearTarget.objects.bulk_create(
            YearTarget(indicator=indicators[code], year=year, value=Decimal(target_2022), created_by=actor)
            for year in range(2022, renstra.end_year + 1)
        )
    iku = [indicators[row[0]] for row in INDICATORS if row[-1]]
    first = services.agreement_sign(
        actor=actor,
        targets={i: i.year_targets.get(year=2022).value for i in iku},
        data={
            "year": 2022,
            "unit": Unit.DINAS,
            "echelon": Echelon.II,
            "first_party": HEAD,
            "second_party": "Wali Kota Banjarmasin",
            "signed_on": dt.date(2022, 1, 10),
        },
    )
    services.agreement_sign(
        actor=actor,
        targets={i: t.value for t in first.targets.all() for i in [t.indicator]},
        revises=first,
        reason="Perjanjian Kinerja Perubahan setelah APBD-P 2022",
        data={"signed_on": dt.date(2022, 10, 3)},
    )
    for indicator in iku:
        unit = indicator.responsible_unit
        services.agreement_sign(
            actor=actor,
            targets={indicator: indicator.year_targets.get(year=2022).value},
            data={
                "year": 2022,
                "unit": unit,
                "echelon": Echelon.III,
                "first_party": f"Kepala {Unit(unit).label}",
                "second_party": HEAD,
                "signed_on": dt.date(2022, 1, 12),
            },
        )
        target = indicator.year_targets.get(year=2022).value
        quarters = {f"q{i + 1}": target * share for i, share in enumerate(QUARTER_SHARE)}
        if indicator.unit == "%":  # a percentage is not cumulative: the same level all year
            quarters = {f"q{i + 1}": target for i in range(4)}
        ActionPlan.objects.create(
            year=2022,
            unit=unit,
            indicator=indicator,
            created_by=actor,
            action=f"Rencana aksi {indicator.name.lower()}",
            **quarters,
        )
    placement = indicators["iku-penempatan"]
    services.agreement_sign(
        actor=actor,
        targets={placement: Decimal(300)},
        data={
            "year": 2022,
            "unit": Unit.SEKSI,
            "section": "Seksi Penempatan Tenaga Kerja",
            "echelon": Echelon.IV,
            "first_party": "Kepala Seksi Penempatan Tenaga Kerja",
            "second_party": f"Kepala {Unit.P3K.label}",
            "signed_on": dt.date(2022, 1, 14),
        },
    )
    services.budget_import(
        actor=actor, year=2022, rows=[(c, n, p, "100%", r, pct, k) for c, n, p, r, pct, k in BUDGET_2022]
    )
    _spread_over_quarters(year=2022)
    for quadrant, text in SWOT:
        SwotItem.objects.create(
            year=2022,
            quadrant=quadrant,
            text=text,
            created_by=actor,
            indicator=indicators["iku-wub"] if "WUB" in text else None,
        )
    for kind, text, program in STRATEGIES:
        strategy = SwotStrategy.objects.create(year=2022, kind=kind, text=text, created_by=actor)
        strategy.programs.set(BudgetItem.objects.filter(year=2022, name=program))
    return Indicator.objects.filter(renstra=renstra).count()


def _spread_over_quarters(*, year: int) -> None:
    """Seed 003 prints the year's realisation only: the demo spreads each sub-activity's spending over the
    quarters (15/25/25/35 %) so the quarterly columns and monitoring show something plausible."""
    shares = (Decimal("0.15"), Decimal("0.25"), Decimal("0.25"))
    rows = []
    for q4 in BudgetQuarter.objects.filter(
        item__year=year, item__level=BudgetItem.Level.SUB_ACTIVITY, quarter=4
    ):
        total = q4.financial
        spent = [(total * share).quantize(Decimal(1)) for share in shares]
        for quarter, amount in enumerate(spent, start=1):
            rows.append(
                BudgetQuarter(item_id=q4.item_id, quarter=quarter, financial=amount, physical=25 * quarter)
            )
        q4.financial = total - sum(spent)
        q4.save(update_fields=["financial"])
    BudgetQuarter.objects.bulk_create(rows)
