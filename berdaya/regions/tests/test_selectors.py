import datetime

import pytest

from berdaya.regions.models import Region
from berdaya.regions.selectors import (
    is_in_jurisdiction,
    jurisdiction,
    kecamatan_in_jurisdiction,
    kelurahan_in,
)


@pytest.mark.usefixtures("banjarmasin")
class TestJurisdiction:
    def test_the_jurisdiction_is_the_region_of_the_setting(self, settings):
        # domain.md R13: the office's jurisdiction is a setting, Kota Banjarmasin by default.
        assert jurisdiction().code == "63.71"
        settings.BERDAYA_JURISDICTION = "63"
        assert jurisdiction().name == "Kalimantan Selatan"

    def test_it_lists_the_five_kecamatan_of_kota_banjarmasin(self):
        assert [k.code for k in kecamatan_in_jurisdiction()] == [f"63.71.0{i}" for i in range(1, 6)]

    def test_kelurahan_in_leaves_out_retired_kelurahan(self):
        Region.objects.filter(code="63.71.01.1001").update(valid_to=datetime.date(2020, 1, 1))

        codes = [k.code for k in kelurahan_in("63.71.01")]

        assert len(codes) == 11
        assert "63.71.01.1001" not in codes
        assert all(code.startswith("63.71.01.") for code in codes)


class TestIsInJurisdiction:
    @pytest.mark.parametrize("code", ["63.71", "63.71.03", "63.71.03.1005", "6371031005"])
    def test_codes_inside_kota_banjarmasin_are_in_it(self, code):
        assert is_in_jurisdiction(code)

    @pytest.mark.parametrize("code", ["63", "63.72", "63.710", "63.01.01.2001", "", "63.7"])
    def test_codes_outside_or_above_it_are_not(self, code):
        assert not is_in_jurisdiction(code)


@pytest.mark.django_db
def test_the_filter_bars_kecamatan_are_read_once_and_renewed_after_loading():
    """Issue 17 (load): every list page asked for the same kecamatan; this process keeps them for a few
    minutes, and loading regions renews them at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from berdaya.regions.loader import load_regions
    from berdaya.regions.selectors import forget_kept, kecamatan_in_jurisdiction, kecamatan_pairs

    forget_kept()
    first = kecamatan_pairs()
    assert first == tuple(kecamatan_in_jurisdiction().values_list("code", "name")) and len(first) == 5
    with CaptureQueriesContext(connection) as queries:
        assert kecamatan_pairs() == first
    assert not queries.captured_queries
    Region.objects.filter(code=first[0][0]).update(name="Banjarmasin Baru")
    assert kecamatan_pairs() == first  # kept for a few minutes ...
    load_regions(prefix="63.71")  # ... but loading regions renews them (and restores the official name)
    with CaptureQueriesContext(connection) as queries:
        assert kecamatan_pairs() == first
    assert len(queries.captured_queries) == 1
