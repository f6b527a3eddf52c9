from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from berdaya.lib.nik import (
    MSG_BIRTH_DATE_MISMATCH,
    MSG_DAY,
    MSG_LENGTH,
    MSG_MONTH,
    MSG_REGION_ZERO,
    MSG_SERIAL,
    MSG_SEX_MISMATCH,
    MSG_UNKNOWN_REGION,
    NikResult,
    nik_matches,
    parse_nik,
    validate_kk,
    validate_nik,
)

TODAY = date(2026, 11, 22)


def make_nik(region="637101", day="01", month="01", yy="90", serial="0001"):
    return f"{region}{day}{month}{yy}{serial}"


def parse(value, **kwargs):
    kwargs.setdefault("today", TODAY)
    return parse_nik(value, **kwargs)


class TestDigits:
    # domain.md R1

    def test_it_accepts_sixteen_digits(self):
        result = parse("6371010101900001")
        assert result.valid
        assert result.nik == "6371010101900001"
        assert result.errors == [] and result.warnings == []

    @pytest.mark.parametrize(
        "typed",
        [
            "6371 0101 0190 0001",
            "63.71.01.010190.0001",
            "637101-010190-0001",
            " 6371010101900001 ",
            "6371\t0101 0190-0001",
        ],
    )
    def test_it_strips_spaces_dots_and_dashes(self, typed):
        assert parse(typed).nik == "6371010101900001"
        assert parse(typed).valid

    @pytest.mark.parametrize(
        "typed", ["637101010190001", "63710101019000011", "6371O10101900001", "6371/0101/9000/01"]
    )
    def test_it_rejects_anything_but_sixteen_digits(self, typed):
        result = parse(typed)
        assert result.errors == [MSG_LENGTH]
        assert result.nik is None
        assert not result.valid

    @pytest.mark.parametrize("typed", ["", None])
    def test_it_rejects_an_empty_value(self, typed):
        assert parse(typed).errors == [MSG_LENGTH]

    def test_it_decodes_the_region_codes_and_serial(self):
        result = parse("6371050101900123")
        assert (result.province_code, result.regency_code, result.district_code) == (
            "63",
            "63.71",
            "63.71.05",
        )
        assert result.serial == "0123"


class TestDayAndSex:
    # domain.md R2

    def test_it_reads_day_01_as_a_man(self):
        result = parse(make_nik(day="01"))
        assert result.valid
        assert (result.sex, result.birth_date) == ("L", date(1990, 1, 1))

    def test_it_reads_day_31_as_a_man(self):
        result = parse(make_nik(day="31"))
        assert (result.sex, result.birth_date) == ("L", date(1990, 1, 31))

    @pytest.mark.parametrize("day", ["32", "35", "40"])
    def test_it_rejects_a_day_between_32_and_40(self, day):
        result = parse(make_nik(day=day))
        assert result.errors == [MSG_DAY]
        assert result.sex is None and result.birth_date is None

    def test_it_rejects_day_00(self):
        assert parse(make_nik(day="00")).errors == [MSG_DAY]

    def test_it_reads_day_41_as_a_woman_born_on_the_1st(self):
        result = parse(make_nik(day="41"))
        assert result.valid
        assert (result.sex, result.birth_date) == ("P", date(1990, 1, 1))

    def test_it_reads_day_71_as_a_woman_born_on_the_31st(self):
        result = parse(make_nik(day="71"))
        assert (result.sex, result.birth_date) == ("P", date(1990, 1, 31))

    @pytest.mark.parametrize("day", ["72", "80", "99"])
    def test_it_rejects_a_day_above_71(self, day):
        assert parse(make_nik(day=day)).errors == [MSG_DAY]


class TestBirthDate:
    # domain.md R3

    @pytest.mark.parametrize("month", ["00", "13", "99"])
    def test_it_rejects_a_month_outside_01_to_12(self, month):
        result = parse(make_nik(month=month))
        assert result.errors == [MSG_MONTH]
        assert result.birth_date is None

    def test_it_accepts_months_01_and_12(self):
        assert parse(make_nik(month="01")).valid
        assert parse(make_nik(month="12")).valid

    def test_it_rejects_a_date_that_does_not_exist(self):
        result = parse(make_nik(day="31", month="04"))
        assert len(result.errors) == 1
        assert result.errors[0].startswith("Tanggal lahir pada NIK tidak valid")
        assert "31-04-90 tidak ada" in result.errors[0]

    def test_it_rejects_a_womans_date_that_does_not_exist(self):
        assert not parse(make_nik(day="71", month="06")).valid  # 31 June

    def test_it_accepts_29_february_00_because_2000_was_a_leap_year(self):
        result = parse(make_nik(day="29", month="02", yy="00"))
        assert result.valid
        assert result.birth_date == date(2000, 2, 29)

    def test_it_accepts_29_february_00_for_a_woman(self):
        result = parse(make_nik(day="69", month="02", yy="00"))
        assert (result.sex, result.birth_date) == ("P", date(2000, 2, 29))

    def test_it_rejects_29_february_01_which_exists_in_neither_century(self):
        result = parse(make_nik(day="29", month="02", yy="01"))
        assert not result.valid
        assert "29-02-01 tidak ada" in result.errors[0]

    def test_it_accepts_29_february_in_a_leap_year_of_the_1900s(self):
        assert parse(make_nik(day="29", month="02", yy="96")).birth_date == date(1996, 2, 29)


class TestCentury:
    # domain.md R3: the NIK has no century; parse_nik picks the one that is not in the future.

    def test_it_places_a_year_after_today_in_the_1900s(self):
        assert parse(make_nik(yy="90")).birth_date == date(1990, 1, 1)

    def test_it_places_a_year_up_to_today_in_the_2000s(self):
        assert parse(make_nik(yy="05")).birth_date == date(2005, 1, 1)

    def test_it_places_a_date_later_this_year_in_the_1900s(self):
        # 1 December 26 has not happened yet on 22 November 2026.
        assert parse(make_nik(day="01", month="12", yy="26")).birth_date == date(1926, 12, 1)

    def test_it_places_a_date_earlier_this_year_in_the_2000s(self):
        assert parse(make_nik(day="22", month="11", yy="26")).birth_date == date(2026, 11, 22)

    def test_it_counts_from_the_given_today(self):
        assert parse(make_nik(yy="05"), today=date(2004, 6, 1)).birth_date == date(1905, 1, 1)

    def test_it_counts_from_the_real_today_by_default(self):
        today = timezone.localdate()
        nik = make_nik(day=f"{today.day:02d}", month=f"{today.month:02d}", yy=f"{today.year % 100:02d}")
        assert parse_nik(nik).birth_date == today


class TestSerialAndRegion:
    # domain.md R4

    def test_it_rejects_serial_0000(self):
        assert parse(make_nik(serial="0000")).errors == [MSG_SERIAL]

    def test_it_accepts_serial_0001_and_9999(self):
        assert parse(make_nik(serial="0001")).valid
        assert parse(make_nik(serial="9999")).valid

    def test_it_rejects_region_000000(self):
        assert parse(make_nik(region="000000")).errors == [MSG_REGION_ZERO]

    def test_it_reports_every_error_at_once(self):
        result = parse(make_nik(region="000000", day="35", month="13", serial="0000"))
        assert result.errors == [MSG_REGION_ZERO, MSG_SERIAL, MSG_DAY, MSG_MONTH]


class TestProvinceAndRegion:
    # domain.md R5

    def test_it_rejects_unknown_province_99(self):
        result = parse(make_nik(region="997101"))
        assert result.errors == ["Kode provinsi pada NIK tidak dikenal: 99."]

    def test_it_rejects_province_00_even_when_the_rest_of_the_region_is_set(self):
        assert not parse(make_nik(region="007101")).valid

    @pytest.mark.parametrize("province", ["11", "31", "63", "96"])
    def test_it_knows_the_current_provinces_from_lokal(self, province):
        assert parse(make_nik(region=f"{province}0101")).valid

    def test_it_asks_the_given_province_lookup(self):
        asked = []
        result = parse(make_nik(region="637101"), province_exists=lambda code: asked.append(code) or False)
        assert asked == ["63"]
        assert not result.valid

    def test_it_warns_but_accepts_an_unknown_district(self):
        known = {"63.71", "63.71.01"}
        result = parse(make_nik(region="637109"), region_exists=known.__contains__)
        assert result.valid
        assert result.warnings == [MSG_UNKNOWN_REGION]

    def test_it_warns_but_accepts_an_unknown_regency(self):
        result = parse(make_nik(region="639901"), region_exists={"63.71", "63.71.01"}.__contains__)
        assert result.valid
        assert result.warnings == [MSG_UNKNOWN_REGION]

    def test_it_does_not_warn_about_a_known_district(self):
        result = parse(make_nik(region="637101"), region_exists={"63.71", "63.71.01"}.__contains__)
        assert result.warnings == []

    def test_it_asks_the_region_lookup_with_dotted_codes(self):
        asked = []
        parse(make_nik(region="637105"), region_exists=lambda code: asked.append(code) or True)
        assert asked == ["63.71", "63.71.05"]

    def test_it_skips_the_region_check_without_a_lookup(self):
        assert parse(make_nik(region="639999")).warnings == []


class TestValidateNik:
    # domain.md R1-R5 as a Django validator

    def test_it_returns_the_clean_digits(self):
        assert validate_nik("6371 0101 0190 0001") == "6371010101900001"

    def test_it_raises_every_error_with_code_invalid_nik(self):
        with pytest.raises(ValidationError) as caught:
            validate_nik(make_nik(day="35", serial="0000"))
        assert caught.value.messages == [MSG_SERIAL, MSG_DAY]
        assert {error.code for error in caught.value.error_list} == {"invalid_nik"}

    def test_it_raises_for_a_short_value(self):
        with pytest.raises(ValidationError) as caught:
            validate_nik("12345")
        assert caught.value.messages == [MSG_LENGTH]

    def test_it_passes_the_province_lookup_on(self):
        with pytest.raises(ValidationError):
            validate_nik(make_nik(), province_exists=lambda code: False)


class TestNikMatches:
    # domain.md R6

    def test_it_finds_no_mismatch_when_sex_and_birth_date_agree(self):
        result = parse(make_nik(day="45", month="08", yy="85"))
        assert nik_matches(result, sex="P", birth_date=date(1985, 8, 5)) == []

    def test_it_reports_a_different_sex(self):
        result = parse(make_nik(day="05"))
        assert nik_matches(result, sex="P", birth_date=date(1990, 1, 5)) == [MSG_SEX_MISMATCH]

    def test_it_reports_a_different_birth_date(self):
        result = parse(make_nik(day="05"))
        assert nik_matches(result, sex="L", birth_date=date(1990, 1, 6)) == [MSG_BIRTH_DATE_MISMATCH]

    def test_it_reports_both(self):
        result = parse(make_nik(day="05"))
        assert nik_matches(result, sex="P", birth_date=date(1991, 1, 5)) == [
            MSG_SEX_MISMATCH,
            MSG_BIRTH_DATE_MISMATCH,
        ]

    def test_it_ignores_the_century_the_nik_cannot_hold(self):
        result = parse(make_nik(day="01", month="01", yy="20"))  # decoded as 2020
        assert nik_matches(result, sex="L", birth_date=date(1920, 1, 1)) == []

    def test_it_skips_fields_that_are_not_known(self):
        assert nik_matches(parse(make_nik(day="05")), sex=None, birth_date=None) == []
        assert (
            nik_matches(NikResult(nik=None, errors=[MSG_LENGTH]), sex="L", birth_date=date(1990, 1, 1)) == []
        )


class TestValidateKk:
    # domain.md R8

    def test_it_accepts_sixteen_digits_with_a_recording_date(self):
        assert validate_kk("6371 0115 0310 0002") == "6371011503100002"

    def test_it_refuses_anything_but_sixteen_digits(self):
        with pytest.raises(ValidationError) as caught:
            validate_kk("63710115031000")
        assert caught.value.code == "invalid_kk"

    def test_it_has_no_plus_40_rule(self):
        with pytest.raises(ValidationError):
            validate_kk("6371014103100002")  # day 41 would be a woman's NIK, not a date

    def test_it_refuses_month_13(self):
        with pytest.raises(ValidationError):
            validate_kk("6371011513100002")

    def test_it_refuses_a_date_that_does_not_exist(self):
        with pytest.raises(ValidationError):
            validate_kk("6371012902010002")

    def test_it_accepts_29_february_00(self):
        assert validate_kk("6371012902000002") == "6371012902000002"
