import pytest

from berdaya.lib.masking import mask_address, mask_name, mask_nik, mask_phone

# domain.md R45: NIK, phone and address are masked in lists, exports and logs.

EMPTY = [None, ""]


class TestMaskNik:
    def test_it_keeps_only_the_last_four_digits(self):
        assert mask_nik("6371010101900001") == "************0001"

    def test_it_drops_separators_before_masking(self):
        assert mask_nik("6371 0101 0190 0001") == "************0001"

    def test_it_masks_a_short_value_completely(self):
        assert mask_nik("63710101") == "********"

    @pytest.mark.parametrize("value", EMPTY)
    def test_it_returns_an_empty_string_for_nothing(self, value):
        assert mask_nik(value) == ""


class TestMaskPhone:
    def test_it_keeps_the_country_code_operator_prefix_and_last_three_digits(self):
        assert mask_phone("+6281234567890") == "+62812*****890"

    def test_it_keeps_a_landline_area_code(self):
        assert mask_phone("+625113252123") == "+62511****123"

    def test_it_keeps_zero_and_three_digits_of_a_national_number(self):
        assert mask_phone("0812-3456-7890") == "0812*****890"

    def test_it_masks_a_number_too_short_to_hide_anything_completely(self):
        assert mask_phone("+62812345") == "+********"
        assert mask_phone("0812345") == "*******"

    @pytest.mark.parametrize("value", EMPTY)
    def test_it_returns_an_empty_string_for_nothing(self, value):
        assert mask_phone(value) == ""


class TestMaskAddress:
    def test_it_keeps_only_the_street_type(self):
        assert mask_address("Jl. Pramuka No. 12 RT 005 RW 002") == "Jl. ********"

    @pytest.mark.parametrize(
        ("address", "masked"),
        [
            ("Jalan Kelayan A Gg. Setia No. 7", "Jalan ********"),
            ("Gg. Mawar No. 3", "Gg. ********"),
            ("Komp. Bumi Mas Raya Blok C", "Komp. ********"),
            ("JL Sultan Adam", "JL ********"),
        ],
    )
    def test_it_recognises_the_usual_street_types(self, address, masked):
        assert mask_address(address) == masked

    def test_it_hides_an_address_without_a_street_type_completely(self):
        assert mask_address("Kuin Utara RT 005") == "********"

    def test_it_does_not_reveal_the_length_of_the_address(self):
        assert mask_address("Jl. A") == mask_address("Jl. Brigjen H. Hasan Basri No. 100 RT 040 RW 012")

    @pytest.mark.parametrize("value", [*EMPTY, "   "])
    def test_it_returns_an_empty_string_for_nothing(self, value):
        assert mask_address(value) == ""


class TestMaskName:
    def test_it_keeps_the_first_letter_of_each_word(self):
        assert mask_name("Siti Aminah") == "S*** A*****"

    def test_it_masks_titles_and_single_names_too(self):
        assert mask_name("Hj. Masitah") == "H** M******"
        assert mask_name("Utuh") == "U***"

    def test_it_trims_outer_spaces_and_keeps_inner_ones(self):
        assert mask_name("  Gusti Muhammad  Rizky ") == "G**** M*******  R****"

    @pytest.mark.parametrize("value", EMPTY)
    def test_it_returns_an_empty_string_for_nothing(self, value):
        assert mask_name(value) == ""
