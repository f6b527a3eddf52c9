import pytest

from berdaya.lib.phone import is_mobile, normalize_phone

# domain.md section 2, "Phone numbers": store E.164 (+62…); accept 08…, 62…, +62…, spaces and dashes.


class TestNormalizePhone:
    @pytest.mark.parametrize(
        "typed",
        [
            "0812-3456-7890",
            "081234567890",
            "62812 3456 7890",
            "+62 812 3456 7890",
            "+62-812-3456-7890",
            "0812.3456.7890",
            "(0812) 3456 7890",
            " 0812 3456 7890 ",
        ],
    )
    def test_it_turns_every_usual_way_of_typing_a_mobile_into_e164(self, typed):
        assert normalize_phone(typed) == "+6281234567890"

    def test_it_turns_a_banjarmasin_landline_with_area_code_into_e164(self):
        assert normalize_phone("(0511) 3252 123") == "+625113252123"

    def test_it_accepts_the_international_call_prefix_00(self):
        assert normalize_phone("0062 812 3456 7890") == "+6281234567890"

    def test_it_drops_the_trunk_zero_people_keep_after_plus_62(self):
        assert normalize_phone("+62 0812 3456 7890") == "+6281234567890"

    def test_it_accepts_8_national_digits(self):
        assert normalize_phone("0511-3252-1") == "+6251132521"

    def test_it_accepts_13_national_digits(self):
        assert normalize_phone("0812-3456-7890-12") == "+628123456789012"

    def test_it_rejects_7_national_digits_as_too_short(self):
        with pytest.raises(ValueError, match="^Nomor telepon tidak valid: terlalu pendek"):
            normalize_phone("0511-3252")

    def test_it_rejects_14_national_digits_as_too_long(self):
        with pytest.raises(ValueError, match="^Nomor telepon tidak valid: terlalu panjang"):
            normalize_phone("0812-3456-7890-123")

    def test_it_counts_the_length_after_62_too(self):
        with pytest.raises(ValueError, match="terlalu pendek"):
            normalize_phone("+62 511 3252")

    @pytest.mark.parametrize("typed", ["0812-3456-789O", "telp 08123456789", "0812345678x1"])
    def test_it_rejects_letters(self, typed):
        with pytest.raises(ValueError, match="^Nomor telepon tidak valid: hanya boleh berisi angka"):
            normalize_phone(typed)

    @pytest.mark.parametrize("typed", ["+60 12 345 6789", "+1 202 555 0143", "0065 9123 4567"])
    def test_it_rejects_a_foreign_country_code(self, typed):
        with pytest.raises(ValueError, match=r"^Nomor telepon tidak valid: hanya nomor Indonesia \(\+62\)"):
            normalize_phone(typed)

    def test_it_rejects_a_number_without_0_or_62_in_front(self):
        with pytest.raises(ValueError, match="harus diawali 0, 62 atau \\+62"):
            normalize_phone("81234567890")

    def test_it_rejects_a_plus_sign_in_the_middle(self):
        with pytest.raises(ValueError):
            normalize_phone("0812+34567890")

    @pytest.mark.parametrize("typed", ["", "   ", "--", None])
    def test_it_rejects_an_empty_value(self, typed):
        with pytest.raises(ValueError, match="nomor kosong"):
            normalize_phone(typed)


class TestIsMobile:
    def test_it_knows_an_08_number_is_mobile(self):
        assert is_mobile(normalize_phone("0812-3456-7890"))

    def test_it_knows_a_landline_is_not_mobile(self):
        assert not is_mobile(normalize_phone("(0511) 3252 123"))

    def test_it_says_no_to_an_empty_value(self):
        assert not is_mobile("")
