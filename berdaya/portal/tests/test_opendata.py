"""Open data by kecamatan and year (R53: cells under 5 people suppressed), as pages, CSV and JSON."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.portal import opendata
from berdaya.portal.suppression import suppress_row, suppress_total
from berdaya.umkm.tests.conftest import make_enterprise

pytestmark = pytest.mark.django_db


def test_cells_from_1_to_4_are_hidden_and_5_is_shown():
    # R53: "cells under 5 people".
    assert suppress_row([4, 5, 0, 7]) == [None, None, 0, 7]  # the smallest other cell hides the 4 with it
    assert suppress_row([1, 2, 9]) == [None, None, 9]  # two hidden cells cannot be told apart
    assert suppress_row([5, 6]) == [5, 6]
    assert suppress_row([3, 0, 0]) == [None, 0, 0]
    assert suppress_total(4) is None and suppress_total(5) == 5 and suppress_total(0) == 0


@pytest.fixture
def enterprises(cast):
    # Six crafts businesses in one kecamatan, three food stalls in another.
    for i in range(6):
        make_enterprise(
            actor=cast.umkm, name=f"Sasirangan {i}", sector="kriya-sasirangan", kelurahan="63.71.01.1001"
        )
    for i in range(3):
        make_enterprise(actor=cast.umkm, name=f"Warung {i}", sector="kuliner", kelurahan="63.71.02.1001")


def test_micro_enterprises_by_sector_suppress_small_cells(enterprises):
    table = opendata.umkm_by_sector(timezone.localdate().year)
    rows = {row.code: row for row in table.rows}
    kriya = table.columns.index("Kriya")
    assert rows["63.71.01"].values[kriya] == 6 and rows["63.71.01"].total == 6
    assert rows["63.71.02"].total is None and all(v in (None, 0) for v in rows["63.71.02"].values)
    assert table.grand_total == 9 and table.suppressed


def test_the_page_draws_bars_and_shows_less_than_5(client, enterprises):
    page = client.get(reverse("portal:dataset", args=["usaha-mikro-sektor"])).text
    assert "<svg" in page and "&lt;5" in page and "<table" in page


def test_csv_and_json_carry_the_same_suppressed_figures_and_metadata(client, enterprises):
    url = reverse("portal:dataset_csv", args=["usaha-mikro-sektor"])
    rows = list(csv.DictReader(io.StringIO(client.get(url).content.decode())))
    kuliner = [r for r in rows if r["kode_kecamatan"] == "63.71.02" and r["kategori"] == "Kuliner"]
    assert kuliner[0]["jumlah"] == "" and kuliner[0]["keterangan"] == "<5"
    data = client.get(reverse("portal:dataset_json", args=["usaha-mikro-sektor"])).json()
    for key in ("judul", "produsen_data", "satuan", "tahun", "frekuensi", "sumber", "lisensi", "catatan"):
        assert data["metadata"][key] != "", key
    assert 3 not in [r["jumlah"] for r in data["data"]]


def test_every_dataset_renders_for_every_year(client, enterprises):
    for slug in opendata.DATASETS:
        for year in opendata.years()[:2]:
            assert client.get(reverse("portal:dataset", args=[slug]), {"tahun": year}).status_code == 200


def test_cooperatives_are_counted_without_suppression_because_they_are_not_people():
    table = opendata.cooperatives_active(timezone.localdate().year)
    assert table.people is False and not table.suppressed
