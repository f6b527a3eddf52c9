import datetime as dt

import pytest

from berdaya.regions.models import Region
from berdaya.test import make_person
from berdaya.umkm.models import Sector
from berdaya.umkm.services import enterprise_register


def make_enterprise(*, actor, owner=None, kelurahan="63.71.01.1001", sector="kuliner", **fields):
    """An enterprise registered through the service, as staff would (audit row included)."""
    data = {
        "owner": owner or make_person(actor=actor),
        "name": "Warung Acil Galuh",
        "sector": Sector.objects.get(code=sector),
        "kelurahan": Region.objects.get(code=kelurahan) if kelurahan else None,
        "registered_on": dt.date(2022, 1, 10),
    } | fields
    return enterprise_register(actor=actor, data=data)


@pytest.fixture
def enterprise(cast, person):
    return make_enterprise(actor=cast.umkm, owner=person)
