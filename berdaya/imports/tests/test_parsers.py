import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from berdaya.imports import parsers


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (1500000, Decimal("1500000.00")),
        (1500000.0, Decimal("1500000.00")),
        ("1.500.000", Decimal("1500000.00")),
        ("1,500,000", Decimal("1500000.00")),
        ("Rp 1.500.000,00", Decimal("1500000.00")),
        ("Rp. 1.500.000", Decimal("1500000.00")),
        ("Rp 1,5 jt", Decimal("1500000.00")),
        ("1.5 juta", Decimal("1500000.00")),
        ("500rb", Decimal("500000.00")),
        ("500 ribu", Decimal("500000.00")),
        ("2 M", Decimal("2000000000.00")),
        ("1,8 miliar", Decimal("1800000000.00")),
        ("1.500", Decimal("1500.00")),
        ("1,5", Decimal("1.50")),
        ("IDR 250.000", Decimal("250000.00")),
        ("0", Decimal("0.00")),
    ],
)
def test_amounts_are_read_as_the_office_types_them(typed, expected):
    assert parsers.amount(typed) == expected


@pytest.mark.parametrize("typed", ["-500", "Rp -1.000", "(1.000)", -5])
def test_a_negative_amount_is_refused(typed):
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        parsers.amount(typed)


@pytest.mark.parametrize("typed", ["banyak", "1,5 ton", "Rp", "12abc34"])
def test_an_unreadable_amount_says_so(typed):
    with pytest.raises(ValueError, match="tidak dikenal"):
        parsers.amount(typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12/03/2021", dt.date(2021, 3, 12)),
        ("12-03-2021", dt.date(2021, 3, 12)),
        ("1.3.2021", dt.date(2021, 3, 1)),
        ("2021-03-12", dt.date(2021, 3, 12)),
        ("2021-03-12 00:00:00", dt.date(2021, 3, 12)),
        ("12 Maret 2021", dt.date(2021, 3, 12)),
        ("12 Mar 2021", dt.date(2021, 3, 12)),
        ("5 agustus 1990", dt.date(1990, 8, 5)),
        ("12/03/85", dt.date(1985, 3, 12)),
        (44267, dt.date(2021, 3, 12)),  # Excel serial
        (44267.0, dt.date(2021, 3, 12)),
        ("44267", dt.date(2021, 3, 12)),
        (dt.datetime(2021, 3, 12, 0, 0), dt.date(2021, 3, 12)),
        (dt.date(2021, 3, 12), dt.date(2021, 3, 12)),
    ],
)
def test_dates_in_every_usual_form(typed, expected):
    assert parsers.date()(typed) == expected


def test_a_future_date_is_refused_unless_the_field_allows_it():
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValueError, match="masa depan"):
        parsers.date()(tomorrow)
    assert parsers.date(allow_future=True)(tomorrow) == tomorrow


@pytest.mark.parametrize(
    ("typed", "message"),
    [("31/02/2021", "tidak ada"), ("kemarin", "tidak dikenal"), ("12 Maretan 2021", "bulan tidak dikenal")],
)
def test_bad_dates_say_why(typed, message):
    with pytest.raises(ValueError, match=message):
        parsers.date()(typed)


def test_nik_is_cleaned_and_explained():
    assert parsers.nik("6371 0112 0385 0001") == "6371011203850001"
    with pytest.raises(ValueError, match="NIK tidak valid: NIK harus 16 digit"):
        parsers.nik("63710112")
    with pytest.raises(ValueError, match="hari harus 01–31"):
        parsers.nik("6371013203850001")


def test_a_nik_stored_as_a_number_hints_at_the_text_format():
    with pytest.raises(ValueError, match="format kolom NIK sebagai Teks"):
        parsers.nik(6371011203850000.0)


@pytest.mark.parametrize("typed", ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", 81234567890])
def test_phones_become_e164(typed):
    assert parsers.phone(typed) == "+6281234567890"


def test_a_bad_phone_says_why():
    with pytest.raises(ValueError, match="Nomor telepon tidak valid"):
        parsers.phone("12345")


@pytest.mark.parametrize(
    ("typed", "expected"), [("ya", True), ("Tidak", False), ("Y", True), (0, False), (True, True)]
)
def test_yes_no(typed, expected):
    assert parsers.yes_no(typed) is expected


def test_yes_no_refuses_anything_else():
    with pytest.raises(ValueError, match="'ya' atau 'tidak'"):
        parsers.yes_no("mungkin")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("L", "L"), ("p", "P"), ("Laki-laki", "L"), ("PEREMPUAN", "P"), ("Pria", "L"), ("Lk.", "L")],
)
def test_sex(typed, expected):
    assert parsers.sex(typed) == expected


def test_sex_refuses_anything_else():
    with pytest.raises(ValueError, match="L atau P"):
        parsers.sex("X")


@pytest.mark.parametrize(("typed", "expected"), [(5, "005"), ("05", "005"), ("RT 005", "005"), ("12", "012")])
def test_rt_rw(typed, expected):
    assert parsers.rt_rw(typed) == expected


def test_year_and_count():
    assert parsers.year(2015) == 2015
    assert parsers.year("2015") == 2015
    with pytest.raises(ValueError, match="masa depan"):
        parsers.year(timezone.localdate().year + 1)
    assert parsers.count("3 orang") == 3
    with pytest.raises(ValueError, match="negatif"):
        parsers.count("-2")


def test_text_refuses_what_does_not_fit():
    assert parsers.text(11)("  Warung   Acil ") == "Warung Acil"
    with pytest.raises(ValueError, match="paling banyak 5"):
        parsers.text(5)("Warung Acil")


def test_names_compare_without_titles_case_or_spaces():
    assert parsers.normalize_name("Hj.  SITI Aminah") == parsers.normalize_name("siti aminah")
    assert parsers.normalize_name("H. Ahmad Fauzi, S.E.") == "ahmad fauzi"
    assert parsers.normalize_name("Dr. Ir. Budi") == "budi"


def test_choice_matches_values_and_labels():
    parse = parsers.choice({"sma": "SMA/SMK/sederajat", "s1": "S1"}, label="Pendidikan")
    assert parse("S1") == "s1"
    assert parse("sma/smk/sederajat") == "sma"
    with pytest.raises(ValueError, match="Pendidikan tidak dikenal"):
        parse("SD")


@pytest.mark.django_db
class TestKelurahan:
    def test_by_name_in_any_case_and_spacing(self):
        parsers.clear_caches()
        assert parsers.kelurahan("KELAYAN  BARAT").code.startswith("63.71.")
        assert parsers.kelurahan("Kel. kelayan barat") == parsers.kelurahan("Kelayan Barat")

    def test_by_code_dotted_or_bare(self):
        parsers.clear_caches()
        assert parsers.kelurahan("63.71.01.1001").code == "63.71.01.1001"
        assert parsers.kelurahan("6371011001").code == "63.71.01.1001"

    def test_an_unknown_kelurahan_is_named_in_the_message(self):
        parsers.clear_caches()
        with pytest.raises(ValueError, match="Kelurahan 'Antah Berantah' tidak dikenal di wilayah kerja"):
            parsers.kelurahan("Antah Berantah")

    def test_a_kelurahan_outside_the_jurisdiction_is_unknown(self):
        parsers.clear_caches()
        with pytest.raises(ValueError, match="tidak dikenal di wilayah kerja"):
            parsers.kelurahan("63.72.01.1001")
