from django.test import RequestFactory
from django.utils import timezone

from berdaya.lib.params import parse_year, year_param

THIS_YEAR = timezone.localdate().year


def _get(**query):
    return RequestFactory().get("/", query)


def test_a_year_in_range_is_read_from_the_query():
    assert year_param(_get(tahun="2022")) == 2022


def test_a_posted_year_counts_when_the_query_has_none():
    assert year_param(RequestFactory().post("/", {"tahun": "2021"})) == 2021


def test_missing_or_bad_years_fall_back_to_this_year_or_the_default():
    assert year_param(_get()) == THIS_YEAR
    assert year_param(_get(tahun="dua ribu")) == THIS_YEAR
    assert year_param(_get(tahun="1999")) == THIS_YEAR
    assert year_param(_get(tahun="x"), default=2020) == 2020


def test_a_page_can_refuse_future_years():
    assert year_param(_get(tahun=str(THIS_YEAR + 1)), last=THIS_YEAR) == THIS_YEAR
    assert year_param(_get(tahun="2015"), first=2016, default=2016) == 2016


def test_parse_year_accepts_what_a_form_field_holds():
    assert parse_year(" 2023 ") == 2023 and parse_year(None, default=2019) == 2019
