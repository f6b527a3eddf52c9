"""Division pages: sections from domain.md section 1, staff of the division, honest empty states."""

import pytest
from django.urls import reverse

from berdaya.dashboard.divisions import DIVISIONS

pytestmark = pytest.mark.django_db


def test_an_unknown_division_is_not_found(cast):
    assert cast.client(cast.umkm).get(reverse("dashboard:division", args=["keuangan"])).status_code == 404


@pytest.mark.parametrize("key", list(DIVISIONS))
def test_every_division_page_opens_and_highlights_its_menu_item(cast, key):
    response = cast.client(cast.kepala).get(reverse("dashboard:division", args=[key]))
    assert response.status_code == 200
    assert response.context["nav"] == key
    assert (
        f'href="{reverse("dashboard:division", args=[key])}" aria-current="page"' in response.content.decode()
    )


def test_the_koperasi_page_shows_its_three_sections_its_staff_and_links_its_pages(cast):
    html = cast.client(cast.umkm).get(reverse("dashboard:division", args=["koperasi"])).content.decode()
    for section in ["Kelembagaan dan Pengawasan", "Pengembangan Usaha", "Fasilitasi Permodalan"]:
        assert section in html
    assert str(cast.koperasi) in html
    assert str(cast.umkm) not in html.split('id="staff-heading"')[1]
    for name in ["koperasi:list", "koperasi:watch_list", "koperasi:my_visits", "koperasi:follow_ups"]:
        assert f'href="{reverse(name)}"' in html
    assert f'href="{reverse("koperasi:figures")}"' in html


def test_the_labour_page_lists_the_training_centre(cast):
    html = cast.client(cast.p3k).get(reverse("dashboard:division", args=["tenaga_kerja"])).content.decode()
    assert "UPTD Balai Latihan Kerja (BLK)" in html
    assert str(cast.p3k) in html


def test_the_performance_page_lists_the_planning_documents_and_the_secretariat(cast):
    html = cast.client(cast.sekretariat).get(reverse("dashboard:division", args=["kinerja"])).content.decode()
    for document in ["Renstra", "IKU", "Perjanjian Kinerja", "LAKIP"]:
        assert document in html
    assert str(cast.sekretariat) in html


def test_inactive_staff_are_not_listed(cast):
    cast.koperasi.is_active = False
    cast.koperasi.save()
    html = cast.client(cast.umkm).get(reverse("dashboard:division", args=["koperasi"])).content.decode()
    assert "Belum ada akun staf aktif untuk bidang ini." in html


def test_the_micro_enterprise_page_leads_to_the_registry_pages(cast):
    html = cast.client(cast.umkm).get(reverse("dashboard:division", args=["usaha_mikro"])).content.decode()
    for name in ["umkm:list", "umkm:dedup_list", "umkm:figures"]:
        assert f'href="{reverse(name)}"' in html
    assert "Registri usaha mikro sedang disiapkan" not in html


def test_the_performance_page_leads_to_the_yearly_report(cast):
    html = cast.client(cast.sekretariat).get(reverse("dashboard:division", args=["kinerja"])).content.decode()
    assert f'href="{reverse("kinerja:report")}"' in html
