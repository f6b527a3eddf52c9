"""programs views through the client: define -> apply -> verify -> decide -> deliver -> monitor, with one
permission line per role."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from berdaya.accounts.roles import Role
from berdaya.audit.models import AuditEntry
from berdaya.lib.masking import mask_name
from berdaya.programs.models import Application, Criterion, Kind, Program, State, Visit, VoucherStatus
from berdaya.programs.services import (
    application_approve,
    application_award,
    application_create,
    application_submit,
    application_verify,
    visit_assign,
)
from berdaya.test import make_staff

from .conftest import make_program

pytestmark = pytest.mark.django_db


def test_a_program_is_defined_without_code_with_its_criteria(cast):
    data = {
        "code": "kur-subsidi",
        "name": "Subsidi Bunga KUR",
        "kind": Kind.CREDIT_SUBSIDY,
        "target": "enterprise",
        "proposer": "dinas",
        "starts_on": "2026-01-01",
        "is_open": "on",
        "quota": "100",
        "approver_role": Role.USAHA_MIKRO,
        "voucher_valid_days": "90",
        "flag_same_contact": "3",
        "required_documents": "KTP\nSKU",
        "monitoring_days": "30, 365",
        "need_weights": "female_owner=2",
        "use_has_nib": "on",
        "use_size_class": "on",
        "p_size_class_classes": ["mikro"],
        "use_occupation_not_in": "on",
        "p_occupation_not_in_occupations": "ASN, TNI, Polri",
    }
    response = cast.client(cast.umkm).post(reverse("programs:create"), data)
    program = Program.objects.get(code="kur-subsidi")
    assert response.status_code == 302
    assert program.required_documents == ["KTP", "SKU"]
    assert program.monitoring_days == [30, 365]
    assert program.need_weights == {"female_owner": 2}
    rules = dict(Criterion.objects.filter(program=program).values_list("key", "params"))
    assert rules == {
        "size_class": {"classes": ["mikro"]},
        "has_nib": {},
        "occupation_not_in": {"occupations": ["ASN", "TNI", "Polri"]},
    }


def test_editing_the_criteria_makes_a_new_version(cast, program):
    page = cast.client(cast.umkm).get(reverse("programs:edit", args=[program.pk]))
    data = {k: v for k, v in page.context["form"].initial.items() if v not in (None, False)}
    data |= {"starts_on": "2026-01-01", "kind": program.kind, "target": program.target, "use_has_nib": "on"}
    data = {k: v for k, v in data.items() if not isinstance(v, list)}
    response = cast.client(cast.umkm).post(reverse("programs:edit", args=[program.pk]), data)
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.criteria_version == 2


@pytest.mark.parametrize(
    ("persona", "status"),
    [("kepala", 200), ("umkm", 200), ("inspektur", 200), ("petugas", 404), ("p3k", 200), ("admin", 200)],
)
def test_program_pages_are_readable_by_staff(cast, program, persona, status):
    # A field officer works from the visits page: programs are office records, outside any area.
    client = cast.client(getattr(cast, persona))
    assert client.get(reverse("programs:list")).status_code == 200
    assert client.get(reverse("programs:detail", args=[program.pk])).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"), [("kepala", 403), ("inspektur", 403), ("p3k", 403), ("umkm", 200)]
)
def test_only_the_micro_enterprise_division_creates_programs(cast, persona, status):
    assert cast.client(getattr(cast, persona)).get(reverse("programs:create")).status_code == status


def test_a_partner_sees_no_program_or_registry_page(cast, program):
    partner = make_staff(Role.MITRA, username="uji_mitra")
    client = cast.client(partner)
    assert client.get(reverse("programs:list")).status_code == 200  # an empty list: no program is visible
    assert client.get(reverse("programs:detail", args=[program.pk])).status_code == 404
    assert client.get(reverse("programs:partner")).status_code == 200
    assert cast.client(cast.umkm).get(reverse("programs:partner")).status_code == 403


def test_staff_apply_on_the_owners_behalf_and_see_every_criterion_with_its_reason(cast, enterprise):
    program = make_program(actor=cast.umkm, rules=[("has_nib", {}), ("no_active_loan", {})])
    client = cast.client(cast.umkm)
    url = reverse("programs:application_create") + f"?usaha={enterprise.pk}"
    assert client.get(url).status_code == 200
    response = client.post(url, {"program": program.pk, "active_loan": "no"})
    application = Application.objects.get()
    assert response.url == reverse("programs:application", args=[application.pk])
    page = client.get(response.url).content.decode()
    assert "Belum memiliki NIB" in page
    assert "Menyatakan tidak memiliki pinjaman bank aktif" in page


def test_the_whole_flow_through_the_pages(cast, checker, enterprise, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    program = make_program(
        actor=cast.umkm, kind=Kind.EQUIPMENT, required_documents=["Proposal"], monitoring_days=[30]
    )
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    staff, officer = cast.client(cast.umkm), cast.client(cast.petugas)
    url = lambda action: reverse("programs:transition", args=[app.pk, action])  # noqa: E731
    staff.post(url("submit"))
    app.refresh_from_db()
    assert app.state == State.DRAFT  # the proposal is missing
    pdf = SimpleUploadedFile("proposal.pdf", b"%PDF-1.4", content_type="application/pdf")
    staff.post(reverse("programs:document", args=[app.pk]), {"name": "Proposal", "file": pdf})
    staff.post(url("submit"))
    staff.post(url("assign"), {"officer": cast.petugas.pk, "due_on": "2026-02-01"})
    visit = Visit.objects.get(application=app)
    assert officer.get(reverse("programs:visits")).status_code == 200
    response = officer.post(
        reverse("programs:visit", args=[visit.pk]),
        {"done_on": "2026-02-01", "findings": "Tempat ada", "passed": "1"},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.state, app.verified_by) == (State.VERIFIED, cast.petugas)
    cast.client(checker).post(url("approve"), {"reason": "layak"})
    app.refresh_from_db()
    assert app.state == State.APPROVED
    photo = SimpleUploadedFile("serah.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    staff.post(url("award"), {"items": "Etalase; ET-01", "handover_photo": photo})
    app.refresh_from_db()
    assert app.state == State.AWARDED
    assert app.entitlement.items == [{"name": "Etalase", "serial": "ET-01"}]
    monitoring = app.visits.get(purpose="monitoring")
    officer.post(
        reverse("programs:visit", args=[monitoring.pk]),
        {"done_on": "2026-03-01", "still_running": "1", "equipment_in_use": "1", "turnover_change": "15"},
    )
    app.refresh_from_db()
    assert app.state == State.CLOSED
    assert list(app.transitions.values_list("to_state", flat=True)) == [
        "draft", "submitted", "verified", "approved", "awarded", "monitored", "closed",
    ]  # fmt: skip


def test_the_proposer_is_refused_approval_with_the_reason(cast, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    response = cast.client(cast.umkm).post(
        reverse("programs:transition", args=[app.pk, "approve"]), follow=True
    )
    assert "R36" in response.content.decode()


def test_bulk_approval_from_the_program_page(cast, checker, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    page = cast.client(checker).get(reverse("programs:detail", args=[program.pk]))
    assert "Belum pernah dibantu" in page.content.decode()
    response = cast.client(checker).post(
        reverse("programs:bulk_approve", args=[program.pk]), {"all": "1"}, follow=True
    )
    assert "1 disetujui" in response.content.decode()


def _voucher_app(cast, checker, enterprise):
    program = make_program(actor=cast.umkm, code="ongkir", name="Gratis Ongkir", kind=Kind.VOUCHER)
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    return application_approve(actor=checker, application=app)


def test_awarding_a_voucher_shows_the_card_with_a_qr_once(cast, checker, enterprise):
    app = _voucher_app(cast, checker, enterprise)
    client = cast.client(cast.umkm)
    response = client.post(reverse("programs:transition", args=[app.pk, "award"]))
    assert response.url == reverse("programs:voucher_card", args=[app.pk])
    card = client.get(response.url).content.decode()
    assert 'src="data:image/svg+xml' in card
    again = client.get(response.url)
    assert again.status_code == 302  # the code is not kept: a second look is refused


def test_a_partner_redeems_at_the_counter_after_checking_the_recipient(cast, checker, enterprise):
    app, code = application_award(actor=cast.umkm, application=_voucher_app(cast, checker, enterprise))
    partner = cast.client(make_staff(Role.MITRA, username="uji_mitra"))
    page = partner.post(reverse("programs:partner"), {"code": code.lower()}).content.decode()
    assert mask_name(enterprise.owner.name) in page  # masked name only (R33)
    assert enterprise.owner.name not in page
    wrong = partner.post(reverse("programs:partner_redeem"), {"code": code, "check": "0000"}, follow=True)
    assert "Penerima tidak cocok" in wrong.content.decode()
    right = partner.post(
        reverse("programs:partner_redeem"), {"code": code, "check": enterprise.owner.nik[-4:]}, follow=True
    )
    assert "berhasil ditukarkan" in right.content.decode()
    assert app.vouchers.get().status == VoucherStatus.REDEEMED
    voucher = app.vouchers.get()
    claimed = partner.post(reverse("programs:partner_vouchers"), {"ids": [voucher.pk]}, follow=True)
    assert "Klaim" in claimed.content.decode()
    voucher.refresh_from_db()
    assert voucher.claim is not None


def test_outreach_lists_the_eligible_who_have_not_applied_and_exports(cast, program, enterprise):
    client = cast.client(cast.umkm)
    page = client.get(reverse("programs:outreach", args=[program.pk]))
    assert enterprise.name in page.content.decode()
    application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    assert enterprise.name not in client.get(reverse("programs:outreach", args=[program.pk])).content.decode()
    response = client.get(reverse("programs:outreach", args=[program.pk]) + "?format=xlsx")
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 1  # headers only now


def test_the_report_page_and_its_xlsx(cast, program, enterprise):
    application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    client = cast.client(cast.kepala)
    assert client.get(reverse("programs:report", args=[program.pk])).status_code == 200
    response = client.get(reverse("programs:report", args=[program.pk]) + "?format=xlsx")
    assert load_workbook(io.BytesIO(response.content)).sheetnames == [
        "Ringkasan",
        "Kecamatan",
        "Sektor",
        "Jenis kelamin",
    ]


def test_the_benefit_history_shows_on_the_enterprise_and_person_pages(cast, program, enterprise):
    application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    client = cast.client(cast.umkm)
    for url in (
        reverse("umkm:detail", args=[enterprise.pk]),
        reverse("people:detail", args=[enterprise.owner_id]),
    ):
        page = client.get(url).content.decode()
        assert "Riwayat bantuan program" in page
        assert program.name in page


def test_the_overdue_list_groups_by_officer(cast, program, enterprise):
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    visit_assign(actor=cast.umkm, application=app, officer=cast.petugas, due_on=dt.date(2020, 1, 1))
    page = cast.client(cast.umkm).get(reverse("programs:visits") + "?terlambat=1").content.decode()
    assert "terlambat" in page
    assert cast.petugas.first_name in page


def _letter_app(cast, checker, enterprise):
    """An approved fee-waiver application awarded through the page, with its mark (R31)."""
    program = make_program(actor=cast.umkm, code="hki", kind=Kind.FEE_WAIVER, quota=15, amount=None)
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    application_submit(actor=cast.umkm, application=app)
    application_verify(actor=cast.petugas, application=app)
    application_approve(actor=checker, application=app)
    client = cast.client(cast.umkm)
    assert client.get(reverse("programs:letter", args=[app.pk])).status_code == 302  # no letter yet
    award = reverse("programs:transition", args=[app.pk, "award"])
    refused = client.post(award, {}, follow=True).content.decode()
    assert "satu surat untuk satu merek" in refused  # no mark, no letter
    client.post(award, {"mark": "PURUN BAIMBAI"})
    app.refresh_from_db()
    return client, app


# domain.md R31
def test_a_fee_waiver_letter_is_printable_with_its_number_and_mark(cast, checker, enterprise):
    client, app = _letter_app(cast, checker, enterprise)
    assert app.state == State.AWARDED
    number = f"500/001/DKUMP-UM/{app.awarded_on.year}"
    page = client.get(reverse("programs:letter", args=[app.pk])).content.decode()
    assert number in page and "PURUN BAIMBAI" in page and enterprise.owner.name in page
    assert "?format=pdf" in page


# domain.md R31: the same letter as a document
def test_the_letter_downloads_as_docx_holding_number_business_and_mark(cast, checker, enterprise):
    import docx

    client, app = _letter_app(cast, checker, enterprise)
    response = client.get(reverse("programs:letter", args=[app.pk]) + "?format=docx")
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert app.entitlement.letter_number in text
    assert enterprise.name in text and "PURUN BAIMBAI" in text and enterprise.owner.name in text
    assert AuditEntry.objects.filter(
        action="export", object_repr__contains=app.entitlement.letter_number
    ).exists()


def test_the_letter_downloads_as_a_pdf(cast, checker, enterprise):
    from berdaya.lib.documents import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF cannot be made here")
    client, app = _letter_app(cast, checker, enterprise)
    response = client.get(reverse("programs:letter", args=[app.pk]) + "?format=pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('.pdf"')


def test_a_missing_libreoffice_is_told_not_crashed(cast, checker, enterprise, monkeypatch):
    client, app = _letter_app(cast, checker, enterprise)
    monkeypatch.setattr("berdaya.lib.documents.soffice", lambda: None)
    response = client.get(reverse("programs:letter", args=[app.pk]) + "?format=pdf", follow=True)
    assert "tidak terpasang" in response.content.decode()


# domain.md R33: a one-time code sent to the recipient
def test_a_clerk_makes_a_one_time_code_the_partner_accepts(cast, checker, enterprise):
    app, code = application_award(actor=cast.umkm, application=_voucher_app(cast, checker, enterprise))
    response = cast.client(cast.umkm).post(reverse("programs:voucher_otp", args=[app.pk]), follow=True)
    text = response.content.decode()
    otp = text.split("Kode sekali pakai: ")[1][:6]
    partner = cast.client(make_staff(Role.MITRA, username="uji_mitra"))
    done = partner.post(reverse("programs:partner_redeem"), {"code": code, "check": otp}, follow=True)
    assert "berhasil ditukarkan" in done.content.decode()


def test_a_program_for_people_takes_applications_from_the_person_page(cast, person):
    program = make_program(actor=cast.umkm, code="pelatihan", target="person", rules=[("domicile", {})])
    client = cast.client(cast.umkm)
    response = client.post(
        reverse("programs:application_create") + f"?orang={person.pk}", {"program": program.pk}
    )
    application = Application.objects.get()
    assert response.url == reverse("programs:application", args=[application.pk])
    assert (application.person, application.enterprise, application.eligible) == (person, None, True)


def test_a_field_officer_records_only_visits_assigned_or_in_their_area(cast, program):
    from berdaya.test import make_person
    from berdaya.umkm.tests.conftest import make_enterprise

    far = make_enterprise(
        actor=cast.umkm,
        owner=make_person(actor=cast.umkm, kelurahan="63.71.03.1001"),
        kelurahan="63.71.03.1001",
    )
    app = application_create(actor=cast.umkm, program=program, enterprise=far)
    visit = visit_assign(actor=cast.umkm, application=app, officer=None, due_on=dt.date(2026, 2, 1))
    officer = cast.client(cast.petugas)
    assert officer.get(reverse("programs:visit", args=[visit.pk])).status_code == 404
    Visit.objects.filter(pk=visit.pk).update(officer=cast.petugas)
    assert officer.get(reverse("programs:visit", args=[visit.pk])).status_code == 200
    assert cast.client(cast.inspektur).get(reverse("programs:visit", args=[visit.pk])).status_code == 403


# domain.md R28: no active KUR or bank loan, declared
def test_a_declaration_re_checks_the_criteria_and_is_audited(cast, enterprise):
    from berdaya.audit.models import AuditEntry

    program = make_program(actor=cast.umkm, rules=[("no_active_loan", {})])
    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    assert app.eligible is None
    cast.client(cast.umkm).post(reverse("programs:declarations", args=[app.pk]), {"active_loan": "yes"})
    app.refresh_from_db()
    assert app.eligible is False
    assert app.eligibility[0]["reason"] == "Menyatakan sedang memiliki pinjaman bank/KUR"
    assert AuditEntry.objects.for_object(app).filter(changes__has_key="declarations").exists()


def test_a_partner_lands_on_a_home_page_with_the_voucher_menu_and_reads_no_registry(cast, person):
    client = cast.client(make_staff(Role.MITRA, username="uji_mitra"))
    page = client.get(reverse("dashboard:home"))
    assert page.status_code == 200
    assert reverse("programs:partner") in page.content.decode()
    assert person.name not in client.get(reverse("people:list")).content.decode()


def test_the_letter_stays_in_indonesian_for_an_english_interface(cast, checker, enterprise):
    import docx
    from django.utils import translation

    from berdaya.programs.letters import letter_docx

    _client, app = _letter_app(cast, checker, enterprise)
    with translation.override("en"):
        content = letter_docx(app)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    assert "SURAT KETERANGAN" in text and "LETTER OF STATEMENT" not in text


def test_opening_an_application_with_the_applicants_nik_unmasked_is_in_the_applicants_access_log(
    cast, program, enterprise, person
):
    """domain.md R46 (issue 17, finding 10): the application page shows the applicant's NIK unmasked to a
    role that sees personal data, so it writes a view entry carrying the applicant's person id."""
    from berdaya.audit.models import Action

    app = application_create(actor=cast.umkm, program=program, enterprise=enterprise)
    views = AuditEntry.objects.filter(action=Action.VIEW, object_type="programs.application")
    page = cast.client(cast.umkm).get(reverse("programs:application", args=[app.pk]))
    assert page.status_code == 200
    assert person.nik in page.content.decode()
    entry = views.get()
    assert (entry.object_id, entry.person_id, entry.actor) == (str(app.pk), person.pk, cast.umkm)
    assert cast.client(cast.kepala).get(reverse("programs:application", args=[app.pk])).status_code == 200
    assert views.count() == 1  # the head of office sees the NIK masked: nothing to log
