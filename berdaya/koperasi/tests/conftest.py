import datetime as dt

import pytest

from berdaya.koperasi.models import Kind
from berdaya.koperasi.services import cooperative_register
from berdaya.regions.models import Region


def make_cooperative(*, actor, kelurahan="63.71.01.1001", **fields):
    """A cooperative registered through the service, as staff would (audit row included)."""
    data = {
        "name": "Koperasi Sasirangan Sejahtera",
        "kind": Kind.SIMPAN_PINJAM,
        "kelurahan": Region.objects.get(code=kelurahan) if kelurahan else None,
        "legal_entity_date": dt.date(2010, 5, 1),
        "registered_on": dt.date(2010, 6, 1),
    } | fields
    return cooperative_register(actor=actor, data=data)


@pytest.fixture
def cooperative(cast):
    return make_cooperative(actor=cast.koperasi)
