"""The public portal on a small phone: a citizen finds a product, checks a program's conditions,
applies with NIK and phone and follows the status; axe-core finds no serious or critical problem on any
public page. axe-core 4.14.1 (MPL-2.0) is vendored from the npm registry in tests/browser/vendor/."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.test import make_person, make_staff

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
NIK = "6371014503850042"


@pytest.fixture
def portal_world(regions, settings, tmp_path):
    from django.core.files.base import ContentFile

    from berdaya.portal.services import listing_publish
    from berdaya.privacy.models import Channel, Purpose
    from berdaya.privacy.services import consent_text_publish, current_text
    from berdaya.programs.services import program_create
    from berdaya.umkm.services import product_record
    from berdaya.umkm.tests.conftest import make_enterprise

    settings.PORTAL_MIN_FILL_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    clerk = make_staff(Role.USAHA_MIKRO, username="b_umkm")
    for purpose in (Purpose.CATALOGUE, Purpose.PHOTOS):
        if current_text(purpose) is None:  # shipped by privacy's data migration; a flushed database lacks it
            consent_text_publish(
                actor=clerk, purpose=purpose, version="1", body="Saya setuju.", valid_from=dt.date(2024, 1, 1)
            )
    owner = make_person(actor=clerk, name="Galuh Rahmawati", nik=NIK, phone="+6281351112233")
    shop = make_enterprise(actor=clerk, owner=owner, name="Sasirangan Galuh", sector="kriya-sasirangan")
    for name, price in (("Kain sasirangan 2 m", 150000), ("Selendang sasirangan", 95000)):
        product_record(
            actor=clerk,
            enterprise=shop,
            data={"name": name, "price": Decimal(price), "photo": ContentFile(_jpeg(), name="kain.jpg")},
        )
    listing_publish(actor=clerk, enterprise=shop, channel=Channel.PAPER, public_phone="+6281159990001")
    program = program_create(
        actor=clerk,
        data={"code": "bahuma", "name": "Program Bahuma", "kind": "cash", "target": "person",
              "starts_on": dt.date(2024, 1, 1), "amount": Decimal("2000000")},
        rules=[("domicile", {}), ("occupation_not_in", {}), ("valid_nik", {}), ("no_active_loan", {})],
    )  # fmt: skip
    return {"clerk": clerk, "program": program, "owner": owner}


def _jpeg() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (15, 76, 69)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_find_a_product_check_eligibility_apply_and_follow_the_status(phone_page, portal_world):
    from berdaya.portal.models import Submission
    from berdaya.portal.services import submission_forward

    page = phone_page
    transferred = []
    page.on("response", lambda r: transferred.append(len(r.body())) if r.ok else None)
    page.goto(reverse("portal:home"))
    expect(page.locator("h1")).to_have_text("Layanan untuk warga")
    print(f"first page at 360 px: {sum(transferred)} bytes in {len(transferred)} responses")
    assert sum(transferred) <= 150 * 1024
    screenshot(page, "portal-beranda-360")

    # Find a product.
    page.get_by_role("link", name="Cari produk lokal").click()
    page.fill("input[name=q]", "kain")
    page.get_by_role("button", name="Cari").click()
    page.get_by_role("link", name="Sasirangan Galuh").click()
    expect(page.get_by_role("link", name="Pesan lewat WhatsApp")).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/6281159990001")
    )
    page.get_by_role("link", name="Kain sasirangan 2 m").first.click()
    expect(page.locator("h1")).to_have_text("Kain sasirangan 2 m")
    assert page.locator('meta[property="og:image"]').count() == 1
    screenshot(page, "portal-produk-360")

    # Check eligibility: one question per condition, an answer per criterion.
    page.get_by_role("link", name="Bantuan").click()
    page.get_by_role("link", name="Cek kelayakan").click()
    page.select_option("select[name=kecamatan]", "63.71.01")
    page.locator("input[name=occupation][value=tidak]").check()
    page.locator("input[name=loan][value=tidak]").check()
    page.get_by_role("button", name="Cek sekarang").click()
    expect(page.locator(".verdicts li")).to_have_count(4)
    expect(page.locator(".verdicts")).to_contain_text("Diperiksa petugas dengan KTP")
    screenshot(page, "portal-cek-kelayakan-360")

    # Apply with NIK and phone: a tracking code and a status page.
    page.get_by_role("button", name="Ajukan sekarang").click()
    page.fill("input[name=name]", "Galuh Rahmawati")
    page.fill("input[name=nik]", NIK)
    page.fill("input[name=phone]", "0813 5111 2233")
    page.select_option("select[name=kecamatan]", "63.71.01")
    page.locator("input[name=agree]").check()
    page.get_by_role("button", name="Kirim pengajuan").click()
    code = page.locator(".code").inner_text().strip()
    assert re.fullmatch(r"A-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]", code)
    expect(page.locator("main")).to_contain_text("menunggu diperiksa petugas")
    assert NIK not in page.content()
    screenshot(page, "portal-status-360")

    # Staff verify the KTP and forward it (R52); the citizen follows the status with the code.
    submission_forward(actor=portal_world["clerk"], submission=Submission.objects.get(code=code))
    page.get_by_role("link", name="Status").click()
    page.fill("input[name=kode]", code.lower())
    page.get_by_role("button", name="Lihat status").click()
    expect(page.locator("main")).to_contain_text("Diteruskan ke bidang terkait")
    expect(page.locator("main")).to_contain_text("Diajukan")


def test_axe_finds_no_serious_or_critical_problem_on_any_public_page(browser, live_server, portal_world):
    from berdaya.portal.models import Kind
    from berdaya.portal.services import submission_create
    from berdaya.umkm.models import Product

    submission = submission_create(kind=Kind.COMPLAINT, data={"name": "A", "phone": "+6281234567890"})
    product = Product.objects.first()
    urls = [
        reverse("portal:home"),
        reverse("portal:catalogue"),
        reverse("portal:catalogue") + "?q=tidak-ada",
        reverse("portal:listing", args=[product.enterprise_id and _listing_pk()]),
        reverse("portal:product", args=[product.pk]),
        reverse("portal:programs"),
        reverse("portal:program", args=["bahuma"]),
        reverse("portal:events"),
        reverse("portal:vacancies"),
        reverse("portal:track"),
        reverse("portal:status", args=[submission.code]),
        reverse("portal:verify"),
        reverse("portal:verify_voucher") + "?kode=ABCD",
        reverse("portal:complaint"),
        reverse("portal:data_request"),
        reverse("portal:open_data"),
        reverse("portal:dataset", args=["usaha-mikro-sektor"]),
        reverse("portal:dataset", args=["koperasi-aktif"]),
        reverse("portal:jobseeker"),
        reverse("portal:my_data"),
        reverse("portal:my_data_open", args=["0000-0000-0000"]),
    ]
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, bypass_csp=True
    )
    page = context.new_page()
    report = {}
    try:
        for url in urls:
            page.goto(url)
            page.evaluate(AXE)
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            report[url] = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]
        # The eligibility answers and a form with errors are pages too.
        page.goto(reverse("portal:program", args=["bahuma"]))
        page.get_by_role("button", name="Cek sekarang").click()
        page.evaluate(AXE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        report["cek kelayakan (hasil)"] = [
            (v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
        ]
        page.goto(reverse("portal:complaint"))
        page.get_by_role("button", name="Kirim aduan").click()
        page.evaluate(AXE)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        report["pengaduan (galat)"] = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]
        # The citizen's own page (R46) with a log and a business, and the spent-link page.
        from berdaya.privacy.identity import link_issue

        _link, code = link_issue(actor=portal_world["clerk"], person=portal_world["owner"])
        for label in ("data saya (catatan)", "tautan terpakai"):
            page.goto(reverse("portal:my_data_open", args=[code]))
            page.get_by_role("button", name="Lanjutkan").click()
            report[label] = _axe(page)
    finally:
        context.close()
    for url, violations in report.items():
        print(f"axe {url}: {violations or 'no violations'}")
    serious = {url: v for url, vs in report.items() for v in vs if v[1] in ("serious", "critical")}
    assert not serious, serious


def test_a_citizen_opens_a_one_time_link_on_a_phone_and_sees_who_viewed_their_record(
    phone_page, portal_world
):
    # domain.md R46: every view of the full record, retrievable per person; shown by role and division,
    # never by staff name; the link works once.
    from berdaya.people.models import Person
    from berdaya.people.services import person_record_view
    from berdaya.privacy.models import OutboxMessage

    clerk = portal_world["clerk"]
    person_record_view(actor=clerk, person=Person.objects.get(nik=NIK))
    page = phone_page
    page.goto(reverse("portal:home"))
    page.get_by_role("link", name="Siapa memakai data saya?").click()
    page.fill("input[name=nik]", NIK)
    page.fill("input[name=phone]", "0813 5111 2233")
    page.get_by_role("button", name="Kirim tautan").click()
    expect(page.locator("main")).to_contain_text("Periksa HP Anda")
    body = OutboxMessage.objects.get().body  # the default sender keeps it in the outbox (no SMS service)
    link = re.search(r"https?://\S+/publik/saya/buka/\S+/", body).group(0)

    page.goto(link)
    page.get_by_role("button", name="Lanjutkan").click()
    expect(page.locator("h1")).to_have_text("Halo, Galuh")
    expect(page.locator("ol.uses")).to_contain_text("dilihat lengkap")
    expect(page.locator("ol.uses")).to_contain_text("Bidang: Usaha Mikro")
    assert "b_umkm" not in page.content() and NIK not in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    screenshot(page, "portal-data-saya-360")

    # Used once: the same link again shows nothing.
    page.get_by_role("button", name="Selesai, tutup halaman").click()
    page.goto(link)
    page.get_by_role("button", name="Lanjutkan").click()
    expect(page.locator("h1")).to_have_text("Tautan tidak berlaku")
    assert page.locator("ol.uses").count() == 0


def _axe(page) -> list:
    page.evaluate(AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]]


def _listing_pk() -> int:
    from berdaya.portal.models import Listing

    return Listing.objects.get().pk
