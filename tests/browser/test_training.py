"""Events on a phone: an organiser registers a participant (QR confirmation), checks people in
with the camera (a generated QR image fed to a camera stub) and by name, a certificate is downloaded and
verified on the public page (name masked), and a field officer fills in a follow-up form. All at 360 px."""

import base64
import datetime as dt

import pytest
import segno
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.lib.masking import mask_name
from berdaya.test import PASSWORD, make_person, make_staff, valid_nik
from berdaya.training import services
from berdaya.training.models import CheckIn, FollowUp, Participant

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Replaces the phone's camera with a canvas showing the given QR image (what the page's scanner reads).
CAMERA_STUB = """
(() => {
  const source = %s;
  const fake = async () => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = 480; canvas.height = 480;
    const context = canvas.getContext("2d");
    const draw = () => {
      context.fillStyle = "#fff"; context.fillRect(0, 0, 480, 480);
      context.drawImage(image, 60, 60, 360, 360);
      requestAnimationFrame(draw);
    };
    draw();
    return canvas.captureStream(15);
  };
  if (!navigator.mediaDevices) Object.defineProperty(navigator, "mediaDevices", { value: {} });
  navigator.mediaDevices.getUserMedia = fake;
  try { delete window.BarcodeDetector; } catch (e) {}
})();
"""


def _phone(browser, live_server, username, init_script=None):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, username, PASSWORD)
    return page


def _qr_data_url(text: str) -> str:
    import io

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_register_check_in_certificate_verify_and_follow_up_on_a_phone(browser, live_server, regions):
    organiser = make_staff(Role.USAHA_MIKRO, username="b_pelatihan")
    officer = make_staff(Role.PETUGAS_LAPANGAN, username="b_petugas_kegiatan", area="63.71")
    today = timezone.localdate()
    event = services.event_create(
        actor=organiser,
        data={"title": "Pelatihan WUB Anyaman Purun", "kind": "pelatihan", "division": "usaha_mikro",
              "starts_on": today, "ends_on": today, "venue": "Aula Dinas", "target_group": "wub",
              "target": "person"},
    )  # fmt: skip
    walker = make_person(actor=organiser, name="Bahrul Ilmi")
    by_name = services.participant_register(actor=organiser, event=event, person=walker, role="wub")

    # Register on the organiser's behalf by NIK: the confirmation shows the personal QR.
    page = _phone(browser, live_server, "b_pelatihan")
    page.goto(reverse("training:detail", args=[event.pk]))
    page.get_by_role("link", name="Daftarkan peserta").click()
    page.fill("input[name=nik]", valid_nik(female=True, birth=dt.date(1990, 4, 2)))
    page.fill("input[name=name]", "Siti Aminah")
    page.select_option("select[name=role]", "wub")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text("Siti Aminah terdaftar")
    expect(page.locator("[data-testid=participant-qr] svg")).to_be_visible()
    token = page.locator("[data-testid=participant-code]").inner_text().strip()
    siti = Participant.objects.get(token=token)
    screenshot(page, "training-confirmation-360")
    page.context.close()

    # Check in with the camera: the stub shows Siti's QR to the page's scanner (jsQR).
    page = _phone(browser, live_server, "b_pelatihan", CAMERA_STUB % repr(_qr_data_url(token)))
    page.goto(reverse("training:checkin", args=[event.pk]))
    page.get_by_role("button", name="Mulai kamera").click()
    expect(page.locator("#results li").first).to_contain_text("Siti Aminah — Hadir", timeout=20_000)
    # By name, for someone without a phone.
    page.fill("#name-search", "Bahrul")
    page.locator("#name-results button").first.click()
    expect(page.locator("#results")).to_contain_text("Bahrul Ilmi — Hadir")
    expect(page.locator("#pending")).to_have_text("")
    screenshot(page, "training-checkin-360")
    assert CheckIn.objects.filter(accepted=True, participant__in=[siti, by_name]).count() == 2
    page.context.close()

    # Close the event: both completed (one session, attended); the certificate for Siti.
    services.event_complete(actor=organiser, event=event)
    page = _phone(browser, live_server, "b_pelatihan")
    page.goto(reverse("training:participant", args=[siti.pk]))
    page.get_by_role("button", name="Terbitkan sertifikat").click()
    expect(page.locator("#messages")).to_contain_text("Sertifikat diterbitkan")
    with page.expect_download(timeout=90_000) as download:
        page.locator("[data-testid=certificate-pdf]").click()
    assert download.value.suggested_filename.endswith((".pdf", ".docx"))
    page.get_by_role("link", name="Halaman verifikasi").click()
    expect(page.locator("[data-testid=verify-status]")).to_contain_text("SAH")
    expect(page.locator("[data-testid=verify-name]")).to_have_text(mask_name("Siti Aminah"))
    expect(page.locator("main")).not_to_contain_text("Siti Aminah")
    screenshot(page, "training-verify-360")
    page.context.close()

    # A field officer records the 1-month follow-up: she started a business.
    follow_up = FollowUp.objects.get(participant=siti, months=1)
    services.follow_up_assign(actor=organiser, follow_up=follow_up, officer=officer)
    page = _phone(browser, live_server, "b_petugas_kegiatan")
    page.goto(reverse("training:follow_ups") + "?mine=1")
    page.get_by_role("link", name="Siti Aminah").click()
    page.select_option("select[name=method]", "phone")
    page.select_option("select[name=started_business]", "true")
    page.select_option("select[name=still_running]", "true")
    page.check("input[name=register_business]")
    page.fill("input[name=business_name]", "Anyaman Purun Siti")
    page.get_by_role("button", name="Simpan hasil").click()
    expect(page.locator("#messages")).to_contain_text("Tindak lanjut dicatat")
    follow_up.refresh_from_db()
    assert follow_up.state == "done" and follow_up.enterprise.name == "Anyaman Purun Siti"
    screenshot(page, "training-follow-up-360")
