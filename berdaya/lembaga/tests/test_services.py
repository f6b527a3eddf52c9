import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from berdaya.audit.models import AuditEntry
from berdaya.lembaga import selectors, services
from berdaya.lembaga.models import Bkk

LPK = {
    "name": "LPK Excel",
    "permit_number": "563/01/LPK/2019",
    "permit_date": dt.date(2019, 1, 7),
    "accreditation": "B",
    "accredited_on": dt.date(2021, 5, 1),
    "programmes": "Tata rias\nPotong rambut",
}
BKK = {
    "name": "BKK SMKN 4",
    "school": "SMKN 4 Banjarmasin",
    "npsn": "30304031",
    "decree_number": "560/12/BKK",
    "decree_date": dt.date(2019, 2, 1),
    "registration_mark": "TP-BKK-012",
    "registered_on": dt.date(2019, 2, 1),
}
REPORT = {"year": 2022, "alumni": 320, "registered": 150, "placed": 96, "placed_female": 40,
          "reported_on": dt.date(2023, 2, 20)}  # fmt: skip


@pytest.fixture
def bkk(cast):
    return services.bkk_register(actor=cast.p3k, data=BKK)


def test_an_lpk_is_registered_with_permit_accreditation_and_programmes(cast):  # domain.md R39
    lpk = services.lpk_register(actor=cast.p3k, data=LPK)
    assert lpk.programme_list == ["Tata rias", "Potong rambut"]
    assert AuditEntry.objects.for_object(lpk).count() == 1


def test_one_lpk_per_permit_number(cast):
    services.lpk_register(actor=cast.p3k, data=LPK)
    with pytest.raises(ValidationError):
        services.lpk_register(actor=cast.p3k, data=LPK | {"name": "Lain"})


def test_coaching_is_dated_and_for_exactly_one_institution(cast, bkk):
    lpk = services.lpk_register(actor=cast.p3k, data=LPK)
    data = {"held_on": dt.date(2022, 6, 1), "topic": "Standar pelatihan berbasis kompetensi"}
    services.coaching_record(actor=cast.p3k, data=data, lpk=lpk)
    assert lpk.coachings.get().held_on == dt.date(2022, 6, 1)
    with pytest.raises(ValidationError):
        services.coaching_record(actor=cast.p3k, data=data, lpk=lpk, bkk=bkk)
    with pytest.raises(ValidationError):
        services.coaching_record(actor=cast.p3k, data=data)


def test_a_yearly_report_keeps_the_mark_valid(cast, bkk):  # domain.md R39a
    on = dt.date(2023, 6, 1)
    assert not selectors.bkk_with_mark(Bkk.objects.all(), on).get().mark_valid_db
    services.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT)
    assert selectors.bkk_with_mark(Bkk.objects.all(), on).get().mark_valid_db
    assert selectors.bkk_filter_mark(selectors.bkk_with_mark(Bkk.objects.all(), on), "0", on).count() == 0


def test_a_report_with_placements_abroad_is_refused(cast, bkk):  # domain.md R39, R39a (naker's wording)
    with pytest.raises(ValidationError, match="luar negeri"):
        services.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT, placed_abroad=3)
    assert not bkk.reports.exists()


def test_a_second_report_for_the_year_corrects_the_first(cast, bkk):
    services.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT)
    services.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT | {"placed": 100})
    assert bkk.reports.get().placed == 100


def test_placed_cannot_exceed_those_registered(cast, bkk):
    with pytest.raises((ValidationError, IntegrityError)):
        services.bkk_report_record(actor=cast.p3k, bkk=bkk, data=REPORT | {"placed": 151})
