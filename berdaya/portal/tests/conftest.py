import datetime as dt
from decimal import Decimal

import pytest

from berdaya.portal import services
from berdaya.privacy.models import Channel
from berdaya.test import make_person
from berdaya.umkm.services import product_record
from berdaya.umkm.tests.conftest import make_enterprise

# Personal data of the demo-like cast: none of it may ever appear on a public page (R53).
OWNER = {
    "nik": "6371014503850042",
    "name": "Galuh Rahmawati",
    "phone": "+6281351112233",
    "address": "Jl. Pangeran Antasari Gg. Mawar No. 17",
    "birth_date": dt.date(1985, 3, 5),
    "sex": "P",
}
BUSINESS_PHONE = "+6281159990001"  # the number the owner agreed to publish


@pytest.fixture(autouse=True)
def _no_time_trap(settings):
    # Tests post forms at once; the time trap has its own tests (test_abuse.py).
    settings.PORTAL_MIN_FILL_SECONDS = 0


@pytest.fixture
def owner(cast):
    return make_person(actor=cast.umkm, **OWNER)


@pytest.fixture
def shop(cast, owner):
    enterprise = make_enterprise(
        actor=cast.umkm,
        owner=owner,
        name="Sasirangan Galuh",
        sector="kriya-sasirangan",
        address="Jl. Pangeran Antasari Gg. Mawar No. 17 RT 04",
        phone=owner.phone,
    )
    product_record(
        actor=cast.umkm,
        enterprise=enterprise,
        data={"name": "Kain sasirangan 2 m", "price": Decimal("150000"), "description": "Pewarna alami."},
    )
    return enterprise


@pytest.fixture
def listed(cast, shop):
    return services.listing_publish(
        actor=cast.umkm, enterprise=shop, channel=Channel.IN_PERSON, public_phone=BUSINESS_PHONE
    )
