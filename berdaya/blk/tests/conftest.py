import datetime as dt

import pytest

from berdaya.accounts.roles import Role
from berdaya.blk import services
from berdaya.test import make_person, make_staff
from berdaya.training import services as training


@pytest.fixture
def blk_staff(db):
    return make_staff(Role.BLK)


@pytest.fixture
def programme(blk_staff):
    programme = services.programme_create(
        actor=blk_staff,
        data={"code": "BKR-01", "title": "Bakery", "vocation": "Pengolahan hasil pertanian", "jp_hours": 140,
              "requirements": "Usia 18-45 tahun, pendidikan minimal SMP"},
    )  # fmt: skip
    for code, title, jp in (
        ("P.854110.001.01", "Menerapkan higiene dan sanitasi", 20),
        ("P.854110.002.01", "Membuat roti manis", 60),
        ("P.854110.003.01", "Membuat kue kering", 60),
    ):
        services.unit_add(
            actor=blk_staff, programme=programme, data={"code": code, "title": title, "jp_hours": jp}
        )
    return programme


@pytest.fixture
def cohort(blk_staff, programme):
    return services.cohort_create(
        actor=blk_staff,
        programme=programme,
        data={"starts_on": dt.date(2022, 5, 9), "ends_on": dt.date(2022, 5, 13), "capacity": 16},
    )


def enrol(cohort, actor, count, *, attend_days=None):
    """Register ``count`` people and tick them present on ``attend_days`` days (default all)."""
    people = []
    sessions = list(cohort.event.sessions.order_by("number"))
    for n in range(count):
        person = make_person(actor=actor, name=f"Peserta {n + 1}")
        participant = training.participant_register(actor=actor, event=cohort.event, person=person)
        for session in sessions[: len(sessions) if attend_days is None else attend_days]:
            services.attendance_mark(actor=actor, cohort=cohort, session=session, participant=participant)
        people.append(participant)
    return people
