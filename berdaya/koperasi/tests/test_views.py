"""The registry's pages through the test client: one permission line per role, and each page's work."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from berdaya.audit.models import AuditEntry
from berdaya.koperasi import services
from berdaya.koperasi.models import Cooperative, Rat, Visit, WatchStage

from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def test_the_list_is_read_by_every_staff_role_and_scoped_for_a_field_officer(cast):
    inside = make_cooperative(actor=cast.koperasi, name="KSP Kelayan")  # 63.71.01: the officer's area
    outside = make_cooperative(actor=cast.koperasi, name="Kopwan Teluk Dalam", kelurahan="63.71.03.1001")
    for user in (cast.kepala, cast.sekretariat, cast.koperasi, cast.umkm, cast.inspektur, cast.admin):
        html = cast.client(user).get(reverse("koperasi:list")).content.decode()
        assert inside.name in html and outside.name in html
    html = cast.client(cast.petugas).get(reverse("koperasi:list")).content.decode()
    assert inside.name in html and outside.name not in html
    assert cast.client(None).get(reverse("koperasi:list")).status_code == 302


def test_only_the_koperasi_division_and_admin_register_cooperatives(cast):
    url = reverse("koperasi:create")
    assert cast.client(cast.koperasi).get(url).status_code == 200
    assert cast.client(cast.admin).get(url).status_code == 200
    for user in (cast.kepala, cast.umkm, cast.inspektur, cast.petugas, cast.sekretariat):
        assert cast.client(user).get(url).status_code == 403


def test_registering_through_the_form(cast):
    response = cast.client(cast.koperasi).post(
        reverse("koperasi:create"),
        {
            "name": "Koperasi Galuh Banjar",
            "kind": "konsumen",
            "kelurahan_kecamatan": "63.71.01",
            "kelurahan": "63.71.01.1001",
            "membership_area": "kota",
            "nomor_induk_koperasi": "6371010020001",
            "phone": "0812 3456 7890",
            "employees": "2",
            "registered_on": "2024-01-10",
            "legal_entity_date": "2023-12-01",
        },
    )
    cooperative = Cooperative.objects.get()
    assert response.status_code == 302 and response.url == reverse("koperasi:detail", args=[cooperative.pk])
    assert cooperative.phone == "+6281234567890" and cooperative.kelurahan_id == "63.71.01.1001"
    # domain.md R11: a 13-digit cooperative number is kept as typed, not checked as a person's NIK
    assert cooperative.nomor_induk_koperasi == "6371010020001"


def test_the_record_page_shows_status_reason_next_action_and_history(cast, cooperative):
    html = cast.client(cast.koperasi).get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    assert cooperative.status_reason in html
    assert reverse("koperasi:warning_add", args=[cooperative.pk]) in html  # R22 next action
    assert "Riwayat perubahan" in html
    officer_html = (
        cast.client(cast.petugas).get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    )
    assert reverse("koperasi:warning_add", args=[cooperative.pk]) not in officer_html  # the division's letter
    assert cast.client(cast.umkm).get(reverse("koperasi:edit", args=[cooperative.pk])).status_code == 403


def test_recording_a_rat_through_the_form_takes_it_off_the_watch_list(cast):
    # domain.md R21: a RAT in the last N fiscal years makes it active
    cooperative = make_cooperative(actor=cast.koperasi, legal_entity_date=dt.date(2015, 1, 1))
    assert cooperative.watch_stage == WatchStage.INACTIVE
    last = services.evaluate_cooperative(cooperative).last_passed_year
    client = cast.client(cast.koperasi)
    assert cooperative.name in client.get(reverse("koperasi:watch_list")).content.decode()
    response = client.post(
        reverse("koperasi:rat_add", args=[cooperative.pk]),
        {"fiscal_year": last, "held_on": f"{last + 1}-03-01", "attendance": "40"},
    )
    assert response.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.status == "aktif" and Rat.objects.filter(cooperative=cooperative).count() == 1
    assert cooperative.name not in client.get(reverse("koperasi:watch_list")).content.decode()


def test_a_rat_before_the_year_closes_is_refused_with_a_message(cast, cooperative):
    response = cast.client(cast.koperasi).post(
        reverse("koperasi:rat_add", args=[cooperative.pk]), {"fiscal_year": "2024", "held_on": "2024-12-01"}
    )
    assert response.status_code == 200 and "setelah tahun buku ditutup" in response.content.decode()
    assert not cooperative.rats.exists()  # nothing saved


def test_filters_by_status_stage_kind_and_kecamatan(cast):
    make_cooperative(actor=cast.koperasi, name="Kop Satu", kind="jasa")
    make_cooperative(actor=cast.koperasi, name="Kop Dua", kind="konsumen", kelurahan="63.71.03.1001")
    client = cast.client(cast.koperasi)
    html = client.get(reverse("koperasi:list"), {"kind": "jasa"}).content.decode()
    assert "Kop Satu" in html and "Kop Dua" not in html
    html = client.get(reverse("koperasi:list"), {"kecamatan": "63.71.03"}).content.decode()
    assert "Kop Satu" not in html and "Kop Dua" in html
    html = client.get(
        reverse("koperasi:list"), {"stage": "inactive", "status": "tidak_aktif"}
    ).content.decode()
    assert "Kop Satu" in html and "Kop Dua" in html
    html = client.get(reverse("koperasi:list"), {"q": "satu"}).content.decode()
    assert "Kop Satu" in html and "Kop Dua" not in html


def test_the_export_holds_the_filtered_rows_and_is_audited(cast):
    make_cooperative(actor=cast.koperasi, name="Kop Satu", kind="jasa", phone="+6281234567890")
    make_cooperative(actor=cast.koperasi, name="Kop Dua", kind="konsumen")
    response = cast.client(cast.kepala).get(reverse("koperasi:list"), {"kind": "jasa", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert len(rows) == 2 and rows[1][1] == "Kop Satu"
    assert rows[1][11] == "+62812*****890"  # domain.md R45: the head of office sees the phone masked
    assert AuditEntry.objects.filter(action="export", object_type="koperasi.cooperative").count() == 1
    csv_text = b"".join(
        cast.client(cast.koperasi).get(reverse("koperasi:list"), {"format": "csv"}).streaming_content
    ).decode()
    assert "Kop Satu" in csv_text and "Kop Dua" in csv_text


def test_a_field_officer_sees_their_assignments_and_reports_a_visit(cast, cooperative):
    visit = services.visit_plan(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"officer": cast.petugas, "planned_on": dt.date(2025, 3, 1), "purpose": "Pembinaan RAT"},
    )
    client = cast.client(cast.petugas)
    html = client.get(reverse("koperasi:my_visits")).content.decode()
    assert reverse("koperasi:visit_report", args=[visit.pk]) in html
    response = client.post(
        reverse("koperasi:visit_report", args=[visit.pk]),
        {
            "status": "done",
            "visited_on": "2025-03-02",
            "findings": "Pengurus siap RAT.",
            "follow_up_1": "Kirim undangan RAT",
            "owner_1": "Sekretaris",
            "due_1": "2025-03-20",
        },
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "done" and visit.follow_ups.count() == 1
    overdue = client.get(reverse("koperasi:follow_ups")).content.decode()
    assert "Kirim undangan RAT" in overdue
    follow_up = visit.follow_ups.get()
    client.post(reverse("koperasi:follow_up_done", args=[follow_up.pk]), {"next": "https://evil.example/"})
    follow_up.refresh_from_db()
    assert follow_up.done_on is not None


def test_a_field_officer_cannot_report_a_visit_outside_their_area_and_assignment(cast):
    other = make_cooperative(actor=cast.koperasi, kelurahan="63.71.03.1001")
    visit = services.visit_plan(
        actor=cast.koperasi, cooperative=other, data={"planned_on": dt.date(2025, 3, 1), "purpose": "Cek"}
    )
    assert cast.client(cast.petugas).get(reverse("koperasi:visit_report", args=[visit.pk])).status_code == 404
    assert cast.client(cast.petugas).get(reverse("koperasi:visit_plan", args=[other.pk])).status_code == 404
    assert cast.client(cast.umkm).get(reverse("koperasi:visit_report", args=[visit.pk])).status_code == 403


def test_a_field_officer_plans_their_own_visit(cast, cooperative):
    response = cast.client(cast.petugas).post(
        reverse("koperasi:visit_plan", args=[cooperative.pk]),
        {"planned_on": "2025-05-01", "purpose": "Cek buku"},
    )
    assert response.status_code == 302
    assert Visit.objects.get().officer == cast.petugas


def test_dissolution_through_the_pages(cast, cooperative):
    # domain.md R27
    client = cast.client(cast.koperasi)
    client.post(
        reverse("koperasi:dissolution_start", args=[cooperative.pk]),
        {"ground": "pp17_3_1c", "on": "2025-01-06"},
    )
    response = client.post(
        reverse("koperasi:dissolution_step", args=[cooperative.pk]), {"stage": "notice", "on": "2025-01-10"}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("koperasi:dissolution_step", args=[cooperative.pk]), {"stage": "decision", "on": "2025-01-11"}
    )
    assert response.status_code == 200  # not the next step: re-rendered with a message
    assert cooperative.dissolutions.get().stage == "notice"
    history = client.get(reverse("koperasi:detail", args=[cooperative.pk])).context["history"]
    assert {"koperasi.dissolution", "koperasi.dissolutionstep"} <= {entry.object_type for entry in history}
    assert (
        cast.client(cast.inspektur)
        .get(reverse("koperasi:dissolution_step", args=[cooperative.pk]))
        .status_code
        == 403
    )


def test_warning_letter_board_and_yearly_figures_pages(cast, cooperative):
    client = cast.client(cast.koperasi)
    assert (
        client.post(
            reverse("koperasi:warning_add", args=[cooperative.pk]),
            {"number": "500/7/KOP", "issued_on": "2025-08-01"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("koperasi:year_add", args=[cooperative.pk]),
            {"fiscal_year": "2024", "members_men": "10", "members_women": "12", "own_capital": "1000000"},
        ).status_code
        == 302
    )
    from berdaya.test import valid_nik

    response = client.post(
        reverse("koperasi:board_add", args=[cooperative.pk]),
        {
            "person_nik": valid_nik(),
            "person_name": "Siti Aminah",
            "role": "ketua",
            "term_start": "2024-01-01",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    assert "500/7/KOP" in html and "Siti Aminah" in html and "2024" in html


def test_watch_list_and_figures_pages_render_for_readers(cast, cooperative):
    # domain.md R22: with nobody due soon, the page says when the early warning starts
    html = cast.client(cast.koperasi).get(reverse("koperasi:watch_list")).content.decode()
    assert "Peringatan dini RAT tahun buku" in html
    for user in (cast.kepala, cast.inspektur, cast.koperasi):
        assert cast.client(user).get(reverse("koperasi:watch_list")).status_code == 200
        assert cast.client(user).get(reverse("koperasi:figures"), {"tahun": "2025"}).status_code == 200


def test_the_visit_report_form_starts_with_today_as_the_visit_date(cast, cooperative):
    visit = services.visit_plan(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"officer": cast.petugas, "planned_on": dt.date(2025, 3, 1), "purpose": "Cek"},
    )
    html = cast.client(cast.petugas).get(reverse("koperasi:visit_report", args=[visit.pk])).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in html


def test_a_field_officer_reaches_their_visits_from_the_division_page(cast):
    html = cast.client(cast.petugas).get(reverse("dashboard:division", args=["koperasi"])).content.decode()
    assert reverse("koperasi:my_visits") in html
    assert cast.client(cast.petugas).get(reverse("koperasi:my_visits")).status_code == 200


def test_the_figures_page_shows_the_figures_functions_values(cast):
    # the page and the accountability module read the same functions
    from berdaya.koperasi import figures

    make_cooperative(actor=cast.koperasi, name="Kop Satu", registered_on=dt.date(2020, 1, 1))
    make_cooperative(
        actor=cast.koperasi, name="Kop Dua", registered_on=dt.date(2020, 1, 1), membership_area="provinsi"
    )
    response = cast.client(cast.kepala).get(reverse("koperasi:figures"), {"tahun": "2024"})
    at = dt.date(2024, 12, 31)
    context = response.context
    assert (
        (context["registered"], context["supervised"], context["active"])
        == (
            figures.registered(at),
            figures.supervised(at),
            figures.active(at),
        )
        == (2, 1, 0)
    )
    assert context["active_pct"] == figures.active_pct(at) == 0
    assert context["rat_required"] == figures.rat_required(2023) == 1


def test_filters_by_health_rating_supervision_and_overdue_follow_ups_and_sorts(cast):
    sehat = make_cooperative(actor=cast.koperasi, name="Kop Sehat")
    Cooperative.objects.filter(pk=sehat.pk).update(
        health_category="sehat", rating_predicate="Berkualitas", rating_quality=True
    )
    other = make_cooperative(actor=cast.koperasi, name="Kop Lain", membership_area="provinsi")
    visit = services.visit_plan(
        actor=cast.koperasi, cooperative=other, data={"planned_on": dt.date(2025, 1, 1), "purpose": "Cek"}
    )
    services.follow_up_add(
        actor=cast.koperasi,
        visit=visit,
        data={"action": "Tutup buku", "owner": "Ketua", "due_on": dt.date(2025, 2, 1)},
    )
    client = cast.client(cast.koperasi)

    def names(**params):
        return [c.name for c in client.get(reverse("koperasi:list"), params).context["rows"]]

    assert names(health="sehat") == ["Kop Sehat"]
    assert names(health="none") == ["Kop Lain"]
    assert names(rating="quality") == ["Kop Sehat"] and names(rating="none") == ["Kop Lain"]
    assert names(supervised="0") == ["Kop Lain"]  # domain.md R19
    assert names(overdue="1") == ["Kop Lain"]
    assert names(sort="-name") == ["Kop Sehat", "Kop Lain"] and names(sort="name") == [
        "Kop Lain",
        "Kop Sehat",
    ]


def test_a_rat_keeps_its_uploaded_minutes(cast, cooperative, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    minutes = SimpleUploadedFile("notulen.pdf", b"%PDF-1.4 notulen", content_type="application/pdf")
    response = cast.client(cast.koperasi).post(
        reverse("koperasi:rat_add", args=[cooperative.pk]),
        {"fiscal_year": "2023", "held_on": "2024-03-01", "minutes": minutes},
    )
    assert response.status_code == 302
    rat = Rat.objects.get()
    assert rat.minutes.name.endswith(".pdf") and rat.minutes.read() == b"%PDF-1.4 notulen"
    html = cast.client(cast.koperasi).get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    assert rat.minutes.url in html


def test_the_list_shows_and_filters_health_by_its_readable_category(cast, cooperative):
    Cooperative.objects.filter(pk=cooperative.pk).update(health_category="cukup_sehat", health_year=2025)
    client = cast.client(cast.koperasi)
    page = client.get(reverse("koperasi:list"), {"health": "cukup_sehat"})
    html = page.content.decode()
    assert [c.pk for c in page.context["page_obj"]] == [cooperative.pk]
    assert "Cukup Sehat" in html and ">cukup_sehat<" not in html
    export = client.get(reverse("koperasi:list"), {"format": "csv"})
    assert "Cukup Sehat" in b"".join(export.streaming_content).decode("utf-8-sig")
