import datetime
import time

import pytest

from berdaya.regions.loader import LoadResult, load_regions
from berdaya.regions.models import Kind, Level, Region

BANJARMASIN_KECAMATAN = {
    # domain.md R13
    "63.71.01": "Banjarmasin Selatan",
    "63.71.02": "Banjarmasin Timur",
    "63.71.03": "Banjarmasin Barat",
    "63.71.04": "Banjarmasin Utara",
    "63.71.05": "Banjarmasin Tengah",
}


@pytest.mark.usefixtures("no_regions")
class TestLoadRegions:
    def test_it_loads_a_prefix_with_its_ancestors_parents_first(self):
        result = load_regions(prefix="63.71")

        # 1 province + 1 city + 5 kecamatan + 52 kelurahan
        assert result == LoadResult(created=59, updated=0, retired=0)
        village = Region.objects.get(code="63.71.01.1001")
        assert village.name == "Mantuil"
        assert (village.level, village.kind) == (Level.VILLAGE, Kind.KELURAHAN)
        assert village.parent.parent.code == "63.71"
        assert village.parent.parent.parent.code == "63"
        assert Region.objects.get(code="63.71").kind == Kind.KOTA  # domain.md R12
        assert not Region.objects.filter(code="63.01").exists()

    def test_a_second_run_changes_nothing(self):
        load_regions(prefix="63")

        again = load_regions(prefix="63")

        assert again == LoadResult(created=0, updated=0, retired=0)
        assert not again.changed

    def test_it_accepts_a_prefix_typed_as_bare_digits(self):
        assert load_regions(prefix="6371").created == 59

    def test_it_corrects_a_name_that_changed_in_the_source(self):
        load_regions(prefix="63.71")
        Region.objects.filter(code="63.71.01.1001").update(name="Mantuil Lama")

        result = load_regions(prefix="63.71")

        assert result == LoadResult(created=0, updated=1, retired=0)
        assert Region.objects.get(code="63.71.01.1001").name == "Mantuil"

    def test_it_retires_a_code_missing_from_the_source_instead_of_deleting_it(self):
        # domain.md R13: keep old codes with a validity date.
        load_regions(prefix="63.71")
        Region.objects.create(
            code="63.71.01.1099",
            name="Kelurahan Lama",
            level=Level.VILLAGE,
            kind=Kind.KELURAHAN,
            parent_id="63.71.01",
        )
        today = datetime.date(2026, 1, 15)

        result = load_regions(prefix="63.71", today=today)

        assert result == LoadResult(created=0, updated=0, retired=1)
        old = Region.objects.get(code="63.71.01.1099")
        assert old.valid_to == today
        assert not Region.objects.current(on=today).filter(code=old.code).exists()
        assert Region.objects.current(on=datetime.date(2026, 1, 14)).filter(code=old.code).exists()
        # Retired stays retired, with its first date: the next run is a no-op.
        assert load_regions(prefix="63.71", today=datetime.date(2026, 2, 1)) == LoadResult()
        assert Region.objects.get(code="63.71.01.1099").valid_to == today

    def test_it_does_not_retire_codes_outside_the_prefix(self):
        Region.objects.create(code="11", name="Aceh Lama", level=Level.PROVINCE, kind=Kind.PROVINSI)

        assert load_regions(prefix="63.71").retired == 0
        assert Region.objects.get(code="11").valid_to is None

    def test_a_code_back_in_the_source_is_in_force_again(self):
        load_regions(prefix="63.71")
        Region.objects.filter(code="63.71.02.1001").update(valid_to=datetime.date(2020, 1, 1))

        assert load_regions(prefix="63.71").updated == 1
        assert Region.objects.get(code="63.71.02.1001").valid_to is None

    def test_it_reports_progress(self):
        messages = []

        load_regions(prefix="63.71", progress=messages.append)

        assert "59 wilayah dalam data sumber" in messages


@pytest.mark.django_db
def test_kota_banjarmasin_has_5_kecamatan_and_52_kelurahan(banjarmasin):
    # domain.md R13: the fixture-count test.
    kecamatan = Region.objects.filter(parent_id="63.71", level=Level.DISTRICT)
    assert dict(kecamatan.values_list("code", "name")) == BANJARMASIN_KECAMATAN
    kelurahan = Region.objects.filter(parent__parent_id="63.71", level=Level.VILLAGE)
    assert kelurahan.count() == 52
    assert set(kelurahan.values_list("kind", flat=True)) == {Kind.KELURAHAN}
    assert Region.objects.get(code="63.71").name == "Kota Banjarmasin"


@pytest.mark.django_db
def test_the_full_national_list_loads_in_seconds_and_only_once():
    already_there = Region.objects.count()  # province 63, preloaded for every test database
    started = time.monotonic()
    result = load_regions()
    seconds = time.monotonic() - started

    assert result.created + already_there == 38 + 514 + 7285 + 83762
    assert (result.updated, result.retired) == (0, 0)
    counts = {level: Region.objects.filter(level=level).count() for level in Level}
    assert counts == {Level.PROVINCE: 38, Level.REGENCY: 514, Level.DISTRICT: 7285, Level.VILLAGE: 83762}
    assert seconds < 60
    assert load_regions() == LoadResult()
