"""Another office (another regency of Kalimantan Selatan) sees its own kecamatan on the cooperative and
micro-enterprise pages: the jurisdiction is settings.BERDAYA_JURISDICTION, never a literal (R13)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from berdaya.regions.selectors import kecamatan_in_jurisdiction, kelurahan_in
from berdaya.umkm.tests.conftest import make_enterprise

from .conftest import make_cooperative

pytestmark = pytest.mark.django_db
BANJARBARU = "63.72"  # Kota Banjarbaru, in the test regions (province 63)
BANJARMASIN_KECAMATAN = "Banjarmasin Selatan"  # a kecamatan of the default jurisdiction, 63.71


@pytest.fixture
def banjarbaru(settings):
    settings.BERDAYA_JURISDICTION = BANJARBARU
    kecamatan = list(kecamatan_in_jurisdiction())
    assert kecamatan and all(k.code.startswith(f"{BANJARBARU}.") for k in kecamatan)
    return kecamatan


def _page(cast, name, **query):
    response = cast.client(cast.kepala).get(reverse(name), query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_watch_list_counts_by_the_offices_own_kecamatan(cast, banjarbaru):
    first = banjarbaru[0]
    make_cooperative(
        actor=cast.koperasi, kelurahan=kelurahan_in(first.code)[0].code, legal_entity_date=dt.date(2010, 1, 1)
    )
    html = _page(cast, "koperasi:watch_list")
    for kecamatan in banjarbaru:
        assert escape(kecamatan.name) in html
    assert BANJARMASIN_KECAMATAN not in html


def test_the_figures_pages_label_the_offices_kecamatan(cast, banjarbaru):
    first = banjarbaru[0]
    kelurahan = kelurahan_in(first.code)[0].code
    make_cooperative(actor=cast.koperasi, kelurahan=kelurahan, name="Koperasi Banjarbaru")
    make_enterprise(actor=cast.umkm, kelurahan=kelurahan, registered_on=dt.date(2020, 1, 1))
    year = timezone.localdate().year
    for name in ("koperasi:figures", "umkm:figures"):
        html = _page(cast, name, tahun=year)
        assert escape(first.name) in html, name  # the name, not the code
        assert first.code not in html, name
        assert BANJARMASIN_KECAMATAN not in html, name
    assessment = _page(cast, "koperasi:assessment_figures", tahun=year)
    assert BANJARMASIN_KECAMATAN not in assessment
