"""Verified vacancies on the portal (naker): only those staff verified (R36) and still open."""

import pytest
from django.urls import reverse

from berdaya.naker import services as naker
from berdaya.naker.tests.test_services import vacancy_data

pytestmark = pytest.mark.django_db


def test_only_verified_open_vacancies_are_shown(client, cast):
    verified = naker.vacancy_post(actor=cast.p3k, data=vacancy_data(title="Juru masak"))
    naker.vacancy_verify(actor=cast.admin, vacancy=verified)
    naker.vacancy_post(actor=cast.p3k, data=vacancy_data(title="Kasir belum diperiksa"))
    page = client.get(reverse("portal:vacancies")).text
    assert "Juru masak" in page and "PT Banua" in page
    assert "Kasir belum diperiksa" not in page
