import pytest

from berdaya.lib.pagination import CappedPaginator
from berdaya.regions.models import Region

pytestmark = pytest.mark.django_db


def test_below_the_cap_the_count_is_exact():
    kelurahan = Region.objects.filter(code__startswith="63.71.", level=4)
    paginator = CappedPaginator(kelurahan, 10, cap=100)
    assert paginator.count == 52
    assert not paginator.capped
    assert paginator.num_pages == 6


def test_past_the_cap_the_count_stops_and_says_so():
    villages = Region.objects.filter(level=4).order_by("code")  # province 63: about two thousand
    paginator = CappedPaginator(villages, 25, cap=100)
    assert paginator.count == 101
    assert paginator.capped
    assert paginator.num_pages == 4
    assert paginator.display_count == "100+"
    assert len(paginator.get_page(4).object_list) == 25


def test_a_page_keeps_the_queryset_order():
    villages = Region.objects.filter(level=4, code__startswith="63.71.").order_by("-name", "-code")
    page = CappedPaginator(villages, 10).get_page(2)
    assert [r.code for r in page] == [r.code for r in villages[10:20]]


def test_narrow_first_sorts_the_matches_exactly_below_the_cap():
    villages = Region.objects.filter(level=4, code__startswith="63.71.").order_by("name", "code")
    paginator = CappedPaginator(villages, 10, narrow_first=True)
    assert paginator.count == 52
    assert [r.code for r in paginator.get_page(3)] == [r.code for r in villages[20:30]]


def test_narrow_first_past_the_cap_keeps_the_first_matches_found_in_order():
    villages = Region.objects.filter(level=4).order_by("name", "code")
    paginator = CappedPaginator(villages, 25, cap=100, narrow_first=True)
    assert paginator.capped
    names = [r.name for r in paginator.get_page(1)]
    assert names == sorted(names)
    assert len(names) == 25


def test_narrow_first_reads_the_page_by_its_keys_without_testing_the_filter_again():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    villages = Region.objects.filter(level=4, name__icontains="a").select_related("parent").order_by("name")
    paginator = CappedPaginator(villages, 10, narrow_first=True)
    with CaptureQueriesContext(connection) as queries:
        page = list(paginator.get_page(2))
    assert [r.code for r in page] == [r.code for r in villages[10:20]]
    assert page[0].parent.name  # the joins of the list are kept
    filtering = [q["sql"] for q in queries.captured_queries if "LIKE" in q["sql"].upper()]
    assert len(filtering) == 1  # only the search for the keys tests the filter


@pytest.mark.parametrize("order", [("name", "code"), ("-name", "-code")])
def test_sparse_first_sorts_a_small_match_here_in_the_lists_order(order):
    villages = Region.objects.filter(level=4, code__startswith="63.71.").order_by(*order)
    paginator = CappedPaginator(villages, 10, sparse_first=True)
    assert not paginator.capped
    assert [r.code for r in paginator.get_page(2)] == [r.code for r in villages[10:20]]
    assert paginator._sorted_keys is not None  # the keys were sorted here, not by walking an index


def test_sparse_first_past_the_cap_walks_the_database_order():
    villages = Region.objects.filter(level=4).order_by("name", "code")
    paginator = CappedPaginator(villages, 25, cap=100, sparse_first=True)
    assert paginator.capped
    assert [r.code for r in paginator.get_page(2)] == [r.code for r in villages[25:50]]


def test_a_list_past_the_cap_is_remembered_and_not_counted_again():
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from berdaya.lib import pagination

    villages = Region.objects.filter(level=4).order_by("code")
    assert CappedPaginator(villages, 25, cap=100).capped
    pagination._over_cap_here.forget()  # another process: the shared cache answers, and this one keeps it
    with CaptureQueriesContext(connection) as queries:
        assert CappedPaginator(villages, 25, cap=100).capped
    assert not [q for q in queries.captured_queries if "COUNT" in q["sql"].upper()]
    cache.clear()  # the shared cache emptied: this process still remembers
    with CaptureQueriesContext(connection) as queries:
        again = CappedPaginator(villages, 25, cap=100)
        assert again.capped and again.display_count == "100+"
    assert not [q for q in queries.captured_queries if "COUNT" in q["sql"].upper()]
    # Another filter, or another cap, is its own count; under the cap the count is always made afresh.
    assert CappedPaginator(villages.filter(code__startswith="63.71."), 25, cap=100).count == 52
    with CaptureQueriesContext(connection) as queries:
        assert CappedPaginator(villages.filter(code__startswith="63.71."), 25, cap=100).count == 52
    assert len([q for q in queries.captured_queries if "COUNT" in q["sql"].upper()]) == 1
    assert CappedPaginator(villages, 25, cap=5000).count < 5001


def test_a_filter_that_can_match_nothing_counts_zero():
    assert CappedPaginator(Region.objects.filter(code__in=[]).order_by("code"), 25).count == 0
