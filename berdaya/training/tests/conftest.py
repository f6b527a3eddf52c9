import datetime as dt

import pytest

from berdaya.accounts.roles import Division
from berdaya.training.services import event_create


def make_event(*, actor, **fields):
    data = {
        "title": "Pelatihan Pemasaran Digital",
        "kind": "pelatihan",
        "division": Division.USAHA_MIKRO,
        "starts_on": dt.date(2022, 6, 14),
        "ends_on": dt.date(2022, 6, 15),
        "venue": "Aula Dinas",
        "target_group": "umkm",
    } | fields
    sessions = fields.pop("sessions", None)
    data.pop("sessions", None)
    return event_create(actor=actor, data=data, sessions=sessions)


@pytest.fixture
def event(cast):
    return make_event(actor=cast.umkm)
