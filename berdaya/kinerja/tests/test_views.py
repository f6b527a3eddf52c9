"""The performance pages through the client: who reads, who edits, what they show."""

import io
from decimal import Decimal as D

import pytest
from django.urls import reverse
from django.utils.html import escape

from berdaya.kinerja import evaluation
from berdaya.kinerja.demo import populate
from berdaya.kinerja.measures import Period
from berdaya.kinerja.models import Agreement, BudgetItem, BudgetQuarter, Indicator, ManualValue, Snapshot
from berdaya.koperasi.tests.assessing import hold_rat
from berdaya.koperasi.tests.conftest import make_cooperative

from .test_budget import seed_xlsx

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("naker_as_manual")]
PAGES = ["dashboard", "plan", "measures", "agreements", "monitoring", "budget", "checks", "swot"]


@pytest.fixture
def demo(cast):
    populate(actor=cast.admin, seed=1)


@pytest.mark.parametrize("page", PAGES)
def test_every_reader_role_sees_the_pages_and_a_field_officer_does_not(cast, demo, page):
    url = reverse(f"kinerja:{page}") + "?tahun=2022"
    for persona in (cast.kepala, cast.sekretariat, cast.koperasi, cast.inspektur):
        assert cast.client(persona).get(url).status_code == 200
    assert cast.client(cast.petugas).get(url).status_code == 403


def test_the_dashboard_shows_the_five_iku_with_band_colours(cast, demo):
    page = cast.client(cast.kepala).get(reverse("kinerja:dashboard") + "?tahun=2022").content.decode()
    assert page.count("iku iku-") == 5
    assert "725 orang" in page
    assert "band-green" in page
    assert "Tutup periode" not in page  # the head of office reads, never edits


def test_the_indicator_page_shows_inputs_and_the_trend_since_2016(cast, demo):
    indicator = Indicator.objects.get(code="tujuan-penempatan")
    page = cast.client(cast.sekretariat).get(
        reverse("kinerja:indicator", args=[indicator.pk]) + "?tahun=2022"
    )
    text = page.content.decode()
    assert "32.92" in text and "21.5" in text  # 2022 and 2016 (seed 003 table 1.4)
    assert "naker.registered" in text


def test_drill_down_lists_the_records_behind_a_computed_number(cast, demo):
    # S3: the active cooperatives behind "Persentase Koperasi Berkualitas" (its denominator)
    active = make_cooperative(actor=cast.koperasi, name="Koperasi Drill Aktif")
    for year in (2020, 2021):
        hold_rat(active, cast.koperasi, year)
    indicator = Indicator.objects.get(code="iku-koperasi")
    url = reverse("kinerja:drilldown", args=[indicator.pk, "denominator", 2022])
    reading = evaluation.inputs_of(indicator, Period(2022))["denominator"]
    behind = list(reading.records.order_by("pk")[:50])
    assert active in behind
    page = cast.client(cast.kepala).get(url).content.decode()
    for record in behind:
        assert escape(str(record)) in page
    assert (
        cast.client(cast.kepala).get(reverse("kinerja:drilldown", args=[indicator.pk, "x", 2022])).status_code
        == 404
    )


def test_only_the_secretariat_closes_a_period(cast, demo):
    url = reverse("kinerja:close")
    assert cast.client(cast.kepala).post(url, {"tahun": 2022, "tw": 0}).status_code == 403
    assert cast.client(cast.umkm).post(url, {"tahun": 2022, "tw": 0}).status_code == 403
    assert cast.client(cast.sekretariat).post(url, {"tahun": 2022, "tw": 0}).status_code == 302
    assert Snapshot.objects.filter(year=2022, quarter=0).count() == Indicator.objects.count()


def test_the_secretariat_imports_a_budget_and_lands_on_its_findings(cast):
    client = cast.client(cast.sekretariat)
    upload = io.BytesIO(seed_xlsx().getvalue())
    upload.name = "tabel33.xlsx"
    response = client.post(reverse("kinerja:budget_import"), {"year": 2023, "file": upload})
    assert response.status_code == 302
    assert response["Location"].endswith("?tahun=2023")
    page = client.get(response["Location"]).content.decode()
    assert "Sub Kegiatan Pengadaan Mebel" in page
    assert cast.client(cast.umkm).get(reverse("kinerja:budget_import")).status_code == 403


def test_a_file_that_is_not_a_workbook_is_a_clear_error(cast):
    upload = io.BytesIO(b"not a workbook")
    upload.name = "x.xlsx"
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:budget_import"), {"year": 2023, "file": upload}
    )
    assert "tidak dapat dibaca" in response.content.decode()


def test_saving_a_budget_item_shows_its_findings(cast, demo):
    item = BudgetItem.objects.get(year=2022, code="32")
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:budget_edit", args=[item.pk]),
        {"code": "32", "name": item.name, "pagu": "1000", "financial_4": "338807400"},
        follow=True,
    )
    assert BudgetQuarter.objects.get(item=item, quarter=4).financial == D(338807400)
    assert "melebihi pagu" in response.content.decode()
    assert cast.client(cast.kepala).get(reverse("kinerja:budget_edit", args=[item.pk])).status_code == 403


def test_a_manual_value_is_entered_with_evidence(cast, demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from berdaya.kinerja.models import ManualMeasure

    measure = ManualMeasure.objects.get(key="naker.placed")
    evidence = SimpleUploadedFile("rekap.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:measures"),
        {
            "measure": measure.pk,
            "year": 2023,
            "quarter": 0,
            "value": "610",
            "evidence": evidence,
            "note": "rekap",
        },
    )
    assert response.status_code == 302
    value = ManualValue.objects.get(measure=measure, year=2023)
    assert value.value == 610 and value.evidence.name.endswith(".pdf")


def test_the_pk_prints_and_a_revision_becomes_a_new_version(cast, demo):
    agreement = Agreement.objects.get(year=2022, unit="dinas", version=2)
    page = cast.client(cast.kepala).get(reverse("kinerja:agreement", args=[agreement.pk])).content.decode()
    assert "PERJANJIAN KINERJA TAHUN" in page and "515" in page
    indicator = agreement.targets.get(indicator__code="iku-penempatan").indicator
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:agreement_revise", args=[agreement.pk]),
        {"reason": "Koreksi target", f"target_{indicator.pk}": "600"},
    )
    revised = Agreement.objects.get(year=2022, unit="dinas", version=3)
    assert response["Location"] == reverse("kinerja:agreement", args=[revised.pk])
    assert revised.targets.get(indicator=indicator).value == 600
    # the parties stay those who signed the first version unless the revision names others
    first = Agreement.objects.get(year=2022, unit="dinas", version=1)
    assert (revised.first_party, revised.second_party) == (first.first_party, first.second_party) != ("", "")


def test_the_secretariat_defines_an_indicator_from_the_measure_library(cast, demo):
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:indicator_create"),
        {
            "code": "aktif",
            "name": "Usaha mikro aktif",
            "level": "program",
            "unit": "usaha",
            "kind": "count",
            "numerator_key": "umkm.active",
            "numerator_filters": "{}",
            "denominator_filters": "{}",
            "denominator_offset": 0,
            "factor": 100,
            "higher_is_better": "on",
            "lower_formula": "two_target",
            "responsible_unit": "usaha_mikro",
            "order": 9,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Indicator.objects.get(code="aktif").numerator_key == "umkm.active"


def test_the_division_page_and_the_home_card_lead_to_the_module(cast, demo):
    html = cast.client(cast.sekretariat).get(reverse("dashboard:division", args=["kinerja"])).content.decode()
    for name in [
        "kinerja:dashboard",
        "kinerja:plan",
        "kinerja:agreements",
        "kinerja:budget",
        "kinerja:checks",
    ]:
        assert f'href="{reverse(name)}"' in html
    home = cast.client(cast.kepala).get(reverse("dashboard:home")).content.decode()
    assert "IKU di bawah target" in home
    assert "IKU di bawah target" not in cast.client(cast.umkm).get(reverse("dashboard:home")).content.decode()


def test_the_secretariat_sets_up_a_plan_from_nothing(cast):
    client = cast.client(cast.sekretariat)
    assert "Renstra baru" in client.get(reverse("kinerja:plan")).content.decode()
    client.post(
        reverse("kinerja:plan_edit", args=["renstra"]),
        {"renstra-name": "Renstra 2027-2031", "renstra-start_year": 2027, "renstra-end_year": 2031},
    )
    client.post(
        reverse("kinerja:plan_edit", args=["tujuan"]), {"goal-code": "1", "goal-name": "Usaha mikro kuat"}
    )
    from berdaya.kinerja.models import Goal, Renstra

    goal = Goal.objects.get()
    client.post(
        reverse("kinerja:plan_edit", args=["sasaran"]),
        {"target-goal": goal.pk, "target-code": "1.1", "target-name": "WUB mandiri"},
    )
    page = client.get(reverse("kinerja:plan") + "?tahun=2027").content.decode()
    assert "Usaha mikro kuat" in page and "WUB mandiri" in page
    client.post(reverse("kinerja:plan_edit", args=["revisi"]), {"note": "Perubahan RPJMD"})
    assert Renstra.objects.get(is_current=True).version == 2
    assert cast.client(cast.kepala).post(reverse("kinerja:plan_edit", args=["tujuan"]), {}).status_code == 403


def test_an_action_plan_is_added_on_the_monitoring_page(cast, demo):
    from berdaya.kinerja.models import ActionPlan

    indicator = Indicator.objects.get(code="iku-penempatan")
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:monitoring") + "?tahun=2022&tw=2",
        {"unit": "p3k", "indicator": indicator.pk, "action": "Job fair", "q2": "300"},
    )
    assert response.status_code == 302
    assert ActionPlan.objects.filter(action="Job fair", year=2022, q2=300).exists()


def test_the_budget_exports_as_a_table_that_imports_again_without_contradictions(cast, demo):  # S8, S10
    from openpyxl import load_workbook

    from berdaya.kinerja import checks

    response = cast.client(cast.kepala).get(reverse("kinerja:budget") + "?tahun=2022&format=xlsx")
    assert response["Content-Disposition"].endswith('realisasi-anggaran-2022.xlsx"')
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][1] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    upload = io.BytesIO(response.content)
    upload.name = "ekspor.xlsx"
    cast.client(cast.sekretariat).post(reverse("kinerja:budget_import"), {"year": 2030, "file": upload})
    assert BudgetItem.objects.filter(year=2030).count() == BudgetItem.objects.filter(year=2022).count()
    codes = {f.code for f in checks.budget_findings(2030)}
    assert not codes & {"category_mismatch", "percent_mismatch", "pagu_sum", "realisation_sum"}


def test_entering_a_manual_value_runs_the_checks(cast, demo):  # sakip.md S9 on save
    from berdaya.kinerja.models import ManualMeasure

    measure = ManualMeasure.objects.get(key="naker.placed")
    response = cast.client(cast.sekretariat).post(
        reverse("kinerja:measures"),
        {"measure": measure.pk, "year": 2022, "quarter": 0, "value": "3000"},
        follow=True,
    )
    assert "Pembilang 3000 melebihi penyebut 2202." in response.content.decode()
