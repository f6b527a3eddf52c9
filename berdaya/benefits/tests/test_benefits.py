import datetime as dt

from berdaya.benefits import selectors, services
from berdaya.benefits.models import Benefit
from berdaya.people.models import Person
from berdaya.test import make_person


def test_record_is_one_row_per_source_and_withdraw_removes_it(cast, person):
    other = make_person(actor=cast.umkm, name="Lain")
    services.benefit_record(
        actor=cast.umkm,
        ref=other,
        source="event",
        kind="pelatihan",
        title="A",
        received_on=dt.date(2022, 3, 1),
        person=person,
    )
    services.benefit_record(
        actor=cast.umkm,
        ref=other,
        source="event",
        kind="pelatihan",
        title="B",
        received_on=dt.date(2022, 3, 2),
        person=person,
    )
    assert list(selectors.history(person=person).values_list("title", "year")) == [("B", 2022)]
    assert services.benefit_withdraw(actor=cast.umkm, ref=other)
    assert not services.benefit_withdraw(actor=cast.umkm, ref=other)
    assert not Benefit.objects.exists()


def test_served_q_by_kind_and_since(cast, person):
    never = make_person(actor=cast.umkm, name="Belum pernah")
    services.benefit_record(
        actor=cast.umkm,
        ref=never,
        source="event",
        kind="pameran",
        title="Expo",
        received_on=dt.date(2021, 5, 1),
        person=person,
    )
    served = Person.objects.annotate(s=selectors.served_q(person_ref="pk")).order_by("pk")
    assert dict(served.values_list("pk", "s")) == {person.pk: True, never.pk: False}
    by_kind = Person.objects.filter(selectors.served_q(person_ref="pk", kind="pelatihan"))
    assert not by_kind.exists()
    recent = Person.objects.filter(selectors.served_q(person_ref="pk", since=dt.date(2022, 1, 1)))
    assert not recent.exists()
    assert list(selectors.served_ids("person_id")) == [person.pk]
