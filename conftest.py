import pytest

from berdaya.audit import dbguard
from berdaya.test import Cast, make_person

# Transactional tests are followed by a flush that DELETEs every table, the audit trail's included.
dbguard.DELETE_ALLOWED = True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with Kalimantan Selatan's regions (province 63), as after regions_load."""
    from django.core.management import call_command

    from berdaya.regions.loader import load_regions

    with django_db_blocker.unblock():
        load_regions(prefix="63")
        call_command("createcachetable", verbosity=0)


@pytest.fixture
def cast(db) -> Cast:
    return Cast.create()


@pytest.fixture
def person(cast):
    return make_person(actor=cast.umkm)


@pytest.fixture(autouse=True)
def _locmem_cache(settings):
    # Each test gets a clean in-memory cache (login throttling counts), whatever the configured backend.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    from django.core.cache import cache

    from berdaya.lib.kept import forget_all

    cache.clear()
    forget_all()  # what each process keeps for minutes (lib.kept: kecamatan, sectors, the over-cap memo)
