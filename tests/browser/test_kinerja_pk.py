"""The performance agreement (PK) downloaded from the browser as the official PDF."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.urls import reverse

from berdaya.kinerja import services
from berdaya.kinerja.models import Echelon, Goal, Renstra, StrategicTarget, Unit
from berdaya.kinerja.tests.conftest import make_indicator
from berdaya.lib.documents import soffice
from berdaya.test import PASSWORD, PERSONAS, make_staff

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed: no PDF conversion")
def test_the_secretariat_downloads_the_pk_as_pdf_from_the_list(page, tmp_path):
    secretariat = make_staff(PERSONAS["sekretariat"][0], username="b_sek_pk")
    renstra = Renstra.objects.create(name="Renstra 2021-2026", start_year=2021, end_year=2026)
    goal = Goal.objects.create(renstra=renstra, code="1", name="Tujuan")
    target = StrategicTarget.objects.create(goal=goal, code="1.1", name="Meningkatnya WUB mandiri")
    indicator = make_indicator(renstra, "wub", name="Persentase WUB mandiri", goal=goal, target=target)
    agreement = services.agreement_sign(
        actor=secretariat,
        data={
            "year": 2022,
            "unit": Unit.DINAS,
            "echelon": Echelon.II,
            "first_party": "Kepala Dinas",
            "second_party": "Wali Kota Banjarmasin",
            "signed_on": dt.date(2022, 1, 10),
        },
        targets={indicator: D(3)},
    )
    log_in(page, "b_sek_pk", PASSWORD)
    page.goto(reverse("kinerja:agreements") + "?tahun=2022")
    with page.expect_download() as download:
        page.locator("table a", has_text="Unduh PDF").click()
    assert download.value.suggested_filename == f"PK-2022-dinas-v{agreement.version}.pdf"
    saved = tmp_path / "pk.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
