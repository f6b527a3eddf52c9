import pytest

from berdaya.regions.models import Kind, Level, kind_of, level_of, normalize_code, parent_code_of


class TestLevelOf:
    # domain.md R12: the level comes from the length of the dotted code.
    @pytest.mark.parametrize(
        ("code", "level"),
        [
            ("63", Level.PROVINCE),
            ("63.71", Level.REGENCY),
            ("63.71.01", Level.DISTRICT),
            ("63.71.01.1001", Level.VILLAGE),
        ],
    )
    def test_it_reads_the_level_from_the_length_of_the_code(self, code, level):
        assert level_of(code) == level

    @pytest.mark.parametrize("code", ["", "6", "637", "63.71.0", "6371011001"])
    def test_it_refuses_a_code_of_no_known_length(self, code):
        with pytest.raises(ValueError, match="Kode wilayah tidak dikenal"):
            level_of(code)


class TestKindOf:
    # domain.md R12: regency digits 01-69 = Kabupaten, 71-99 = Kota.
    @pytest.mark.parametrize(
        ("code", "kind"),
        [
            ("63.01", Kind.KABUPATEN),
            ("63.69", Kind.KABUPATEN),
            ("63.71", Kind.KOTA),
            ("63.72", Kind.KOTA),
            ("31.99", Kind.KOTA),
        ],
    )
    def test_it_tells_a_kabupaten_from_a_kota_by_the_regency_digits(self, code, kind):
        assert kind_of(code) == kind

    # domain.md R12: village first digit 1 = kelurahan, 2 = desa, 3 = desa adat.
    @pytest.mark.parametrize(
        ("code", "kind"),
        [
            ("63.71.01.1001", Kind.KELURAHAN),
            ("63.01.01.2001", Kind.DESA),
            ("51.03.01.3001", Kind.DESA_ADAT),
        ],
    )
    def test_it_tells_kelurahan_desa_and_desa_adat_by_the_first_village_digit(self, code, kind):
        assert kind_of(code) == kind

    def test_it_calls_provinces_and_districts_by_their_level(self):
        assert kind_of("63") == Kind.PROVINSI
        assert kind_of("63.71.01") == Kind.KECAMATAN


class TestCodeHelpers:
    def test_it_accepts_a_code_typed_as_bare_digits(self):
        assert normalize_code("6371011001") == "63.71.01.1001"
        assert normalize_code(" 6371 ") == "63.71"
        assert normalize_code("63.71.01") == "63.71.01"

    def test_the_parent_of_a_code_drops_its_last_part(self):
        assert parent_code_of("63.71.01.1001") == "63.71.01"
        assert parent_code_of("63") is None
