import pytest
from django.db.models import F
from django.db.models.functions import Substr

from berdaya.lib.counting import count_by
from berdaya.regions.models import Region

pytestmark = pytest.mark.django_db
GROUPS = {"parent": lambda: F("parent_id"), "province": lambda: Substr("code", 1, 2)}


def test_without_a_group_it_is_the_number_of_records():
    villages = Region.objects.filter(code__startswith="63.71.01.")
    assert count_by(villages, None, GROUPS) == villages.count() > 0


def test_per_group_the_counts_add_up_and_the_keys_are_sorted():
    districts = Region.objects.filter(code__startswith="63.71.", level=3)
    counts = count_by(districts, "parent", GROUPS)
    assert counts == {"63.71": districts.count()}
    villages = Region.objects.filter(code__startswith="63.71.").exclude(level=3)
    per_district = count_by(villages.filter(level=4), "parent", GROUPS)
    assert (
        list(per_district) == sorted(per_district)
        and sum(per_district.values()) == villages.filter(level=4).count()
    )


def test_a_group_without_a_value_comes_last():
    provinces = Region.objects.filter(code="63") | Region.objects.filter(code="63.71")
    assert list(count_by(provinces, "parent", GROUPS)) == ["63", None]


def test_an_unknown_group_is_refused():
    with pytest.raises(ValueError):
        count_by(Region.objects.all(), "sector", GROUPS)
