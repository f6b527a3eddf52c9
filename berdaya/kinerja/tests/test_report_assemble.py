"""The report's data from the performance module (plan, indicators, PK, budget, snapshot): seed 003's 2022."""

from decimal import Decimal as D

import pytest
from docx import Document

from berdaya.kinerja import seed_2022
from berdaya.kinerja.models import (
    Echelon,
    Goal,
    Indicator,
    ManualMeasure,
    ManualValue,
    Renstra,
    StrategicTarget,
    Unit,
    YearTarget,
)
from berdaya.kinerja.report.assemble import NoPlan, lakip_data
from berdaya.kinerja.report.build import build_all
from berdaya.kinerja.services import agreement_sign, budget_import, manual_value_record, period_close


@pytest.fixture
def plan_2022(cast, typed_by_hand):
    """Seed 003's plan, manual measures (as typed by hand), 2022 targets, the head of office's PK and
    Tabel 3.3."""
    renstra = Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)
    goals, targets = {}, {}
    for code, name, rows in seed_2022.GOALS:
        goals[code] = Goal.objects.create(renstra=renstra, code=code, name=name)
        for t_code, t_name, strategy, policy in rows:
            targets[t_code] = StrategicTarget.objects.create(
                goal=goals[code], code=t_code, name=t_name, strategy=strategy, policy=policy
            )
    for key, (label, unit, values) in seed_2022.MANUAL.items():
        measure = ManualMeasure.objects.create(key=key, label=label, unit=unit)
        for year, value in values.items():
            ManualValue.objects.create(measure=measure, year=year, value=D(str(value)))
    indicators = {}
    for order, row in enumerate(seed_2022.INDICATORS):
        code, t_code, name, unit, kind, num, den, formula, responsible, target, iku = row
        indicators[code] = Indicator.objects.create(
            renstra=renstra, code=code, name=name, unit=unit, kind=kind, numerator_key=num,
            denominator_key=den, formula_text=formula, responsible_unit=responsible, is_iku=iku,
            level="sasaran" if t_code else "tujuan", target=targets.get(t_code),
            goal=goals.get(seed_2022.GOAL_OF.get(code)), order=order,
        )  # fmt: skip
        YearTarget.objects.create(indicator=indicators[code], year=2022, value=D(target))
    YearTarget.objects.create(indicator=indicators["iku-penempatan"], year=2026, value=D(600))
    head = {"year": 2022, "unit": Unit.DINAS, "echelon": Echelon.II}
    agreement_sign(
        actor=cast.kepala,
        data=head | {"first_party": "H. Muhammad Isa Ansari", "second_party": "Wali Kota Banjarmasin"},
        targets={i: i.year_targets.get(year=2022).value for i in indicators.values() if i.is_iku},
    )
    agreement_sign(
        actor=cast.kepala,
        data={"year": 2022, "unit": Unit.P3K, "echelon": Echelon.III, "first_party": "Kabid P3K",
              "second_party": "Kepala Dinas"},
        targets={indicators["iku-penempatan"]: D(500)},
    )  # fmt: skip
    rows = [
        (no, name, pagu, "100%", real, pct, ket) for no, name, pagu, real, pct, ket in seed_2022.BUDGET_2022
    ]
    budget_import(actor=cast.sekretariat, year=2022, rows=rows)
    return indicators


def test_without_a_plan_for_the_year_there_is_no_report(db):
    with pytest.raises(NoPlan):
        lakip_data(2022)


def test_the_iku_come_from_the_measures_with_targets_from_the_signed_agreement(plan_2022):
    # sakip.md S4: 20/309, 725 against 515, 163/3,489, (80.17 − 77.18)/77.18
    data = lakip_data(2022)
    by_code = {r.indicator.code: r for r in data.results}
    quality = by_code["iku-koperasi"]
    assert (quality.numerator, quality.denominator) == (D(20), D(309))
    assert quality.realisation == D(20) / D(309) * 100
    assert data.category(quality.achievement) == "Sangat Berhasil"
    placed = by_code["iku-penempatan"]
    assert (placed.target, placed.realisation) == (D(515), D(725))
    assert placed.renstra_end_target == D(600)
    assert by_code["iku-sakip"].realisation == (D("80.17") - D("77.18")) / D("77.18") * 100
    assert [r.indicator.is_iku for r in data.results] == sorted(r.indicator.is_iku for r in data.results)
    assert len(data.iku) == 5 and len(data.goal_results) == 3


def test_earlier_years_feed_the_trend_and_the_placement_history(plan_2022):
    data = lakip_data(2022)
    placed = next(r for r in data.results if r.indicator.code == "iku-penempatan")
    assert [(h.year, h.realisation) for h in placed.history] == [
        (2016, 1246), (2017, 1165), (2018, 1300), (2019, 1331), (2020, 367), (2021, 421)
    ]  # fmt: skip
    assert [(p.year, p.registered, p.placed) for p in data.placement_history][-1] == (2022, 2202, 725)


def test_the_agreement_budget_and_division_tables_are_filled(plan_2022):
    data = lakip_data(2022)
    assert [row.target for row in data.agreement.rows] == [D(3), D(4), D(515), D(5), D("1.06")]
    assert data.agreement.first_party.name == "H. Muhammad Isa Ansari"
    assert data.office.head.name == "H. Muhammad Isa Ansari"
    [division] = data.division_tables
    assert division.rows[0].target == D(500) and division.rows[0].realisation == D(725)
    programs = data.budget_programs
    assert len(programs) == 10
    planning = next(p for p in programs if p.name == "PROGRAM PERENCANAAN TENAGA KERJA")
    assert (planning.pagu, planning.realisation) == (D(14119600), D(2270000))
    assert data.category(planning.absorption) == "Tidak Berhasil"
    assert {p.name for p in data.priority_programs} == {p.name for p in programs}


def test_a_closed_year_reports_its_snapshot_not_later_corrections(plan_2022, cast):
    # sakip.md S3: reproducible from the closed year's snapshot
    period_close(actor=cast.sekretariat, year=2022)
    measure = ManualMeasure.objects.get(key="naker.placed")
    manual_value_record(actor=cast.p3k, measure=measure, year=2022, quarter=0, value=D(800))
    data = lakip_data(2022)
    placed = next(r for r in data.results if r.indicator.code == "iku-penempatan")
    assert placed.realisation == D(725)
    quality = next(r for r in data.results if r.indicator.code == "iku-koperasi")
    assert (quality.numerator, quality.denominator) == (D(20), D(309))
    assert "snapshot" in data.source


def test_the_report_built_from_the_database_flags_the_seeds_contradicting_budget_category(
    plan_2022, tmp_path
):
    # sakip.md S11: Tabel 3.3 labels "Penyusunan Rencana Tenaga Kerja" Sangat Berhasil at 16,07%
    built = build_all(lakip_data(2022), tmp_path, pdf=False)
    doc = Document(built.docx)
    budget = next(
        t for t in doc.tables if [c.text for c in t.rows[0].cells][:3] == ["Kode", "Tingkat", "Uraian"]
    )
    rows = {row.cells[2].text: [c.text for c in row.cells] for row in budget.rows[1:]}
    activity = rows["Kegiatan Penyusunan Rencana Tenaga Kerja (RTK)"]
    assert activity[3:6] == ["Rp 14.119.600", "Rp 2.270.000", "16,08%"]
    assert activity[7:] == ["Tidak Berhasil", "tercatat: Sangat Berhasil (tidak sesuai)"]


def test_the_report_prints_no_internal_code_and_signs_with_the_staff_record(plan_2022, cast, tmp_path):
    # Issue 14: "iku-wub" and "tujuan-umkm" are keys; the report numbers indicators as the office does,
    # and the head of office's record (NIP, rank) feeds the signature blocks.
    cast.kepala.first_name, cast.kepala.last_name = "Muhammad", "Isa Ansari"
    cast.kepala.nip, cast.kepala.rank = "196805121994031007", "Pembina Utama Muda (IV/c)"
    cast.kepala.save()
    steps = []
    built = build_all(lakip_data(2022), tmp_path, lambda *step: steps.append(step[2]), pdf=False)
    doc = Document(built.docx)
    text = "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )
    for code in seed_2022.INDICATORS:
        assert code[0] not in text
        assert not any(code[0] in step for step in steps)
    assert "IKU 1" in text and "Tujuan 1" in text
    assert "NIP. 19680512 199403 1 007" in text and "Pembina Utama Muda (IV/c)" in text
