"""Issue 17 (load): the micro-enterprise pages of the load scenario (bench/load_bench.py) take a fixed number
of queries whatever the number of rows shown (a query per row, N+1, fails here); R46: the owners' unmasked
NIKs on a page are still logged, in one INSERT."""

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.umkm.models import Enterprise

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db

ROWS = 30  # more than a page (25)


@pytest.fixture
def enterprises(cast):
    return [make_enterprise(actor=cast.umkm, name=f"Sasirangan Galuh {i:02d}") for i in range(ROWS)]


@pytest.mark.parametrize("role", ["umkm", "kepala"])  # unmasked and logged (R46) / masked (R45)
@pytest.mark.parametrize(
    ("query", "most"),
    [({}, 11), ({"q": "sasirangan"}, 11), ({"kecamatan": "63.71.01"}, 12), ({"page": "2"}, 11)],
)
def test_the_enterprise_list_takes_a_fixed_number_of_queries(
    cast, enterprises, role, query, most, django_assert_max_num_queries
):
    client = cast.client(getattr(cast, role))
    client.get(reverse("umkm:list"))  # the session's first write is not the page's cost
    with django_assert_max_num_queries(most):
        response = client.get(reverse("umkm:list"), query)
    assert response.status_code == 200
    assert "Sasirangan Galuh" in response.content.decode()


def test_the_clerks_list_page_is_logged_in_one_insert(cast, enterprises, django_assert_max_num_queries):
    client = cast.client(cast.umkm)
    client.get(reverse("umkm:list"))
    before = AuditEntry.objects.filter(action=Action.VIEW).count()
    client.get(reverse("umkm:list"))
    assert (
        AuditEntry.objects.filter(action=Action.VIEW).count() - before == 25
    )  # R46: one row per owner shown


def test_an_enterprise_record_takes_a_fixed_number_of_queries(
    cast, enterprises, django_assert_max_num_queries
):
    client = cast.client(cast.umkm)
    client.get(reverse("umkm:list"))
    enterprise = Enterprise.objects.get(pk=enterprises[0].pk)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("umkm:detail", args=[enterprise.pk]))
    assert response.status_code == 200
    assert AuditEntry.objects.filter(person_id=enterprise.owner_id, action=Action.VIEW).exists()  # R46
