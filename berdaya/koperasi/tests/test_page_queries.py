"""Issue 17 (load): the cooperative list of the load scenario (bench/load_bench.py) takes a fixed number of
queries whatever the number of rows shown (a query per row, N+1, fails here)."""

import pytest
from django.urls import reverse

from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", [{}, {"q": "sasirangan"}, {"kecamatan": "63.71.01"}, {"page": "2"}])
def test_the_cooperative_list_takes_a_fixed_number_of_queries(cast, query, django_assert_max_num_queries):
    for i in range(30):  # more than a page (25)
        make_cooperative(actor=cast.koperasi, name=f"Koperasi Sasirangan {i:02d}")
    client = cast.client(cast.kepala)
    client.get(reverse("koperasi:list"))  # the session's first write, the status refresh: not the page's cost
    with django_assert_max_num_queries(10):
        response = client.get(reverse("koperasi:list"), query)
    assert response.status_code == 200
    assert "Koperasi Sasirangan" in response.content.decode()
