"""Industrial relations on a 360 px phone: a clerk registers a dispute (refused without the bipartite minutes,
then accepted), a mediator records a hearing, issues the recommendation and downloads it, sees the deadline
list; a clerk imports a WLKP-style file and the decent-work indicator follows (R42, R43)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.companies.services import company_register
from berdaya.hubind.models import Dispute
from berdaya.imports.tests.helpers import write_xlsx
from berdaya.kinerja.evaluation import reading
from berdaya.kinerja.measures import Period
from berdaya.regions.models import Region
from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_dispute_from_registration_to_the_recommendation_on_a_phone(phone_page, tmp_path):
    page = phone_page
    clerk = make_staff(PERSONAS["phijs"][0], username="b_phijs")
    mediator = make_staff(Role.MEDIATOR, username="b_mediator")
    company = company_register(
        actor=clerk, data={"name": "PT Barito Bahari", "kelurahan": Region.objects.get(code="63.71.01.1001")}
    )
    log_in(page, "b_phijs", PASSWORD)
    page.goto(reverse("hubind:dispute_create"))
    page.select_option("select[name=company]", str(company.pk))
    page.select_option("select[name=dispute_type]", "rights")
    page.fill("input[name=worker_party]", "Ahmad Rahman")
    page.fill("input[name=registered_on]", "2024-07-01")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("tanpa risalah perundingan bipartit")  # R43
    assert not Dispute.objects.exists()
    minutes = tmp_path / "risalah.pdf"
    minutes.write_bytes(b"%PDF-1.4 risalah bipartit")
    page.set_input_files("input[name=bipartite_minutes]", str(minutes))
    page.select_option("select[name=route]", "mediation")
    page.select_option("select[name=mediator]", str(mediator.pk))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("PHI/2024/0001")
    expect(page.locator("#tenggat")).to_contain_text("Sidang mediasi pertama")
    fits(page)

    dispute = Dispute.objects.get()
    page.context.clear_cookies()
    log_in(page, "b_mediator", PASSWORD)
    page.goto(reverse("hubind:dispute", args=[dispute.pk]))
    hearing = page.locator(f"form[action='{reverse('hubind:dispute_hearing', args=[dispute.pk])}']")
    hearing.locator("input[name=held_on]").fill("2024-07-05")
    hearing.locator("input[name=place]").fill("Ruang mediasi Diskopumker")
    hearing.locator("textarea[name=minutes]").fill("Para pihak hadir; pekerja menuntut upah lembur.")
    hearing.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Sidang dicatat")
    screenshot(page, "ponsel-hubind-sidang")
    recommend = page.locator(f"form[action='{reverse('hubind:dispute_recommend', args=[dispute.pk])}']")
    recommend.locator("textarea[name=text]").fill("Pengusaha membayar upah lembur Juni 2024.")
    recommend.locator("input[name=on]").fill("2024-07-10")
    recommend.locator("button[type=submit]").click()
    expect(page.locator("#anjuran")).to_contain_text("ANJ/2024/0001")
    with page.expect_download() as download:
        page.locator("#dokumen a", has_text="DOCX").nth(2).click()
    assert download.value.suggested_filename == "anjuran-phi-2024-0001.docx"
    fits(page)

    page.goto(reverse("hubind:deadlines"))
    expect(page.locator("main")).to_contain_text("Jawaban para pihak atas anjuran")
    expect(page.locator("tr.row-overdue").first).to_be_visible()  # 2024 deadlines are past
    screenshot(page, "ponsel-hubind-tenggat")
    fits(page)


def test_a_wlkp_import_moves_the_decent_work_indicator(phone_page, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page = phone_page
    make_staff(PERSONAS["phijs"][0], username="b_phijs2")
    assert reading("hubind.decent_work", Period(2022), {}).value == 0
    headers = [
        "NIB", "Nama Perusahaan", "Kelurahan", "Tahun Laporan", "Pekerja Laki-laki", "Pekerja Perempuan",
        "Nomor PP", "PP Berlaku Sejak", "Struktur Skala Upah Sejak", "Program BPJS Ketenagakerjaan",
    ]  # fmt: skip
    rows = [
        ["9120001234567", "PT Galuh Makmur", "kelayan barat", 2022, 12, 8, "KEP-PP/2022/7", "01/02/2022",
         "01/01/2022", "JKK, JKM, JHT"],
        ["9120001234568", "CV Intan Banjar", "kelayan barat", 2022, 15, 5, "", "", "", "JKK"],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "wlkp-2022.xlsx", rows, headers)
    log_in(page, "b_phijs2", PASSWORD)
    page.goto(reverse("imports:upload", args=["wlkp"]))
    page.set_input_files("input[name=file]", str(path))
    page.locator("main form button[type=submit]").click()
    page.locator("main form button[type=submit]").click()  # the suggested mapping
    page.locator("main form button[type=submit]").click()  # start
    expect(page.locator("main")).to_contain_text("Selesai")
    assert reading("hubind.reporting", Period(2022), {}).value == 2
    assert reading("hubind.decent_work", Period(2022), {}).value == 1  # 1 of 2 reporting companies
    page.goto(reverse("companies:list") + "?q=galuh")
    page.locator("main table a", has_text="PT Galuh Makmur").click()
    page.locator("a.btn", has_text="Hubungan industrial").click()
    page.goto(page.url + "?tahun=2022")
    expect(page.locator("#layak")).to_contain_text("Layak")
    screenshot(page, "ponsel-hubind-layak")
    fits(page)
