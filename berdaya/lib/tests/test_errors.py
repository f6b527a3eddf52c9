"""Error pages are Indonesian pages inside the layout, never a bare "403 Forbidden"."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from berdaya.lib.errors import server_error

pytestmark = pytest.mark.django_db


def test_a_refused_page_explains_itself_inside_the_layout(cast, person):
    response = cast.client(cast.inspektur).get(reverse("people:edit", args=[person.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Akses ditolak" in html and "data-error-page" in html
    assert 'id="main-nav"' in html  # the menu is there: the user can go on working
    assert "Forbidden" not in html


def test_an_unknown_page_is_an_indonesian_404_with_the_menu(cast):
    response = cast.client(cast.umkm).get("/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html and 'id="main-nav"' in html


def test_anonymous_visitors_get_the_public_layout_with_a_login_link():
    response = Client().get("/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html and reverse("accounts:login") in html


def test_a_server_error_page_keeps_the_layout(cast):
    request = RequestFactory().get("/")
    request.user = cast.umkm
    response = server_error(request)
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()


def test_a_server_error_page_survives_a_broken_layout(cast, monkeypatch):
    from berdaya.lib import errors

    def broken(name):
        raise RuntimeError("template engine down")

    monkeypatch.setattr(errors.loader, "get_template", broken)
    request = RequestFactory().get("/")
    response = server_error(request)
    assert response.status_code == 500 and "Terjadi kesalahan" in response.content.decode()


def test_an_expired_form_is_explained_not_a_bare_csrf_403(cast, person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.umkm)
    response = client.post(reverse("people:edit", args=[person.pk]), {})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Formulir kedaluwarsa" in html and "CSRF cookie" not in html
