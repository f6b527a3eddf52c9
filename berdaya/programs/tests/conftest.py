import datetime as dt
from decimal import Decimal

import pytest

from berdaya.accounts.roles import Role
from berdaya.programs.models import Kind
from berdaya.programs.services import program_create
from berdaya.test import make_staff
from berdaya.umkm.tests.conftest import make_enterprise


def make_program(*, actor, rules=(), **fields):
    data = {
        "code": fields.pop("code", "bpum"),
        "name": "Bantuan Tunai Usaha Mikro",
        "kind": Kind.CASH,
        "starts_on": dt.date(2026, 1, 1),
        "amount": Decimal("1200000"),
    } | fields
    return program_create(actor=actor, data=data, rules=rules)


@pytest.fixture
def program(cast):
    return make_program(actor=cast.umkm)


@pytest.fixture
def enterprise(cast, person):
    return make_enterprise(actor=cast.umkm, owner=person)


@pytest.fixture
def checker(db):
    """A second micro-enterprise clerk: the checker of maker-checker (R36)."""
    return make_staff(Role.USAHA_MIKRO, username="uji_pemeriksa")
