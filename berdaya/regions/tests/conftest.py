import pytest
from django.contrib.auth import get_user_model

from berdaya.regions.loader import load_regions


@pytest.fixture
def banjarmasin(db):
    """Kota Banjarmasin and its ancestors only: enough for most tests, in milliseconds."""
    return load_regions(prefix="63.71")


@pytest.fixture
def no_regions(db):
    """An empty Region table (the session database starts with province 63 loaded, see /conftest.py)."""
    from berdaya.regions.models import Level, Region

    for level in sorted(Level, reverse=True):  # children first: parent is PROTECT
        Region.objects.filter(level=level).delete()


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_user(username="admin", role="admin")  # no password: no hashing
    client.force_login(user)
    return client
