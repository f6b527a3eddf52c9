"""The home page: who may see it, which cards each role gets, and the page's security headers."""

import re

import pytest
from django.urls import reverse

from berdaya.people.models import Sex
from berdaya.test import make_person, valid_nik

pytestmark = pytest.mark.django_db


def card_labels(response) -> list[str]:
    return [card.label for card in response.context["cards"]]


def test_an_anonymous_user_is_redirected_to_login_from_home(client):
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_home_greets_the_user_by_name_with_their_role(cast):
    html = cast.client(cast.koperasi).get(reverse("dashboard:home")).content.decode()
    assert f"Selamat datang, {cast.koperasi}" in html
    assert "Bidang Koperasi" in html


def test_home_highlights_the_home_menu_item(cast):
    response = cast.client(cast.koperasi).get(reverse("dashboard:home"))
    assert response.context["nav"] == "home"
    assert re.search(r'<a href="/" aria-current="page">', response.content.decode())


def test_a_field_officer_does_not_see_the_audit_card(cast):
    labels = card_labels(cast.client(cast.petugas).get(reverse("dashboard:home")))
    assert "Catatan jejak audit" not in labels
    assert "Pengguna aktif" not in labels
    assert "Kelurahan di wilayah tugas" in labels


def test_the_inspector_sees_the_audit_card(cast):
    make_person(actor=cast.umkm)  # writes one audit entry
    response = cast.client(cast.inspektur).get(reverse("dashboard:home"))
    cards = {card.label: card for card in response.context["cards"]}
    assert cards["Catatan jejak audit"].value >= 1
    assert "Pengguna aktif" not in cards


def test_the_head_of_office_sees_the_audit_card(cast):
    assert "Catatan jejak audit" in card_labels(cast.client(cast.kepala).get(reverse("dashboard:home")))


def test_the_administrator_sees_active_staff(cast):
    cast.umkm.is_active = False
    cast.umkm.save()
    cards = {c.label: c for c in cast.client(cast.admin).get(reverse("dashboard:home")).context["cards"]}
    assert cards["Pengguna aktif"].value == 8


def test_a_division_clerk_sees_their_own_work_but_not_audit(cast):
    labels = card_labels(cast.client(cast.umkm).get(reverse("dashboard:home")))
    assert labels == [
        "Pengajuan menunggu persetujuan Anda",
        "Pengajuan bantuan perlu diverifikasi",
        "Izin usaha kedaluwarsa",
        "Data orang perlu diperiksa",
    ]


def test_people_to_review_counts_the_flagged_records(cast):
    make_person(actor=cast.umkm, kelurahan="63.71.01.1001")
    # flagged: the NIK says male, the record says female (domain.md R6).
    make_person(actor=cast.umkm, kelurahan="63.71.04.1001", nik=valid_nik(female=False), sex=Sex.FEMALE)
    clerk = {c.label: c.value for c in cast.client(cast.umkm).get(reverse("dashboard:home")).context["cards"]}
    assert clerk["Data orang perlu diperiksa"] == 1


def test_the_kelurahan_card_counts_the_52_kelurahan_of_banjarmasin(cast):
    cards = {c.label: c for c in cast.client(cast.admin).get(reverse("dashboard:home")).context["cards"]}
    assert cards["Kelurahan di wilayah kerja"].value == 52  # domain.md R13
    assert cards["Kelurahan di wilayah kerja"].note == "Kota Banjarmasin"


@pytest.mark.parametrize("url", ["/", "/akun/masuk/", "/bidang/koperasi/", "/akun/pengguna/"])
def test_every_response_has_the_content_security_policy_header(cast, url):
    response = cast.client(cast.admin).get(url, follow=False)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_login_page_has_the_content_security_policy_header(client):
    assert "style-src 'self'" in client.get(reverse("accounts:login"))["Content-Security-Policy"]


@pytest.mark.parametrize("persona", ["admin", "petugas"])
def test_pages_have_no_inline_script_style_or_event_handler(cast, persona):
    html = cast.client(getattr(cast, persona)).get(reverse("dashboard:home")).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "includeIndicatorStyles" in html  # htmx would otherwise inject a <style>
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
