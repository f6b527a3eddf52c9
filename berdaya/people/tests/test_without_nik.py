"""People imported without a (valid) NIK: listed to complete, completed by staff, merged on a clash (R7)."""

import datetime as dt

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.people.importing import owners_without_nik, same_person_without_nik
from berdaya.people.models import NikIssue, Person
from berdaya.test import make_person, valid_nik

pytestmark = pytest.mark.django_db


def incomplete(name="Siti Aminah", issue=NikIssue.MISSING, **details) -> Person:
    owner = {"name": name, "nik_issue": issue, "nik_issue_note": "", "row": 2} | details
    (pk,) = owners_without_nik([owner], actor=None, source="sidt")
    return Person.objects.get(pk=pk)


def test_matching_without_nik_needs_the_name_and_one_more_detail_agreeing():
    row = {"name": "Hj. Siti Aminah", "phone": "+628111", "birth_date": dt.date(1970, 1, 2)}
    assert same_person_without_nik(row, {"name": "SITI AMINAH", "phone": "+628111"})
    assert same_person_without_nik(row, {"name": "Siti Aminah", "birth_date": dt.date(1970, 1, 2)})
    assert not same_person_without_nik(row, {"name": "Siti Aminah"})  # the name alone is not enough
    assert not same_person_without_nik(
        row, {"name": "Siti Aminah", "phone": "+628111", "birth_date": dt.date(1999, 1, 1)}
    )
    assert not same_person_without_nik(row, {"name": "Siti Amina", "phone": "+628111"})
    by_address = {"name": "Siti Aminah", "address": "Jalan Kelayan A"}
    assert same_person_without_nik({"name": "Siti Aminah", "address": "Jl. Kelayan A"}, by_address)
    # A recorded person is not claimed on an address alone (a household shares it).
    assert not same_person_without_nik(
        {"name": "Siti Aminah", "address": "Jl. Kelayan A"}, by_address | {"nik": "1"}
    )


def test_the_records_to_complete_are_one_filter_of_the_people_list(cast):
    missing = incomplete()
    make_person(name="Rahmat")
    response = cast.client(cast.umkm).get(reverse("people:list"), {"needs_review": "lengkapi"})
    rows = [row["person"] for row in response.context["rows"]]
    assert rows == [missing]
    assert "NIK belum tercatat" in response.content.decode()


def test_staff_add_the_nik_later_and_the_record_is_complete(cast):
    person = incomplete(phone="+6281234567890")
    nik = valid_nik(birth=dt.date(1980, 5, 6), female=True)
    data = {"nik": nik, "name": person.name, "phone": "0812-3456-7890", "sex": "", "birth_date": ""}
    response = cast.client(cast.umkm).post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.nik, person.nik_issue, person.sex, person.birth_date) == (
        nik,
        "",
        "P",
        dt.date(1980, 5, 6),
    )


def test_an_incomplete_record_can_be_saved_without_its_nik(cast):
    person = incomplete()
    data = {"nik": "", "name": person.name, "phone": "0812-3456-7890", "sex": "", "birth_date": ""}
    response = cast.client(cast.umkm).post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.nik, person.phone, person.nik_issue) == (None, "+6281234567890", NikIssue.MISSING)


def test_a_nik_that_is_already_registered_offers_the_merge_and_the_merge_moves_the_business(cast, tmp_path):
    # domain.md R7: one person per NIK; the clash offers the merge.
    from berdaya.umkm.models import Enterprise
    from berdaya.umkm.tests.test_importing import import_rows, row

    recorded = make_person(name="Siti Aminah", phone="+628555")
    import_rows(tmp_path / "a.xlsx", [row(None)], actor=cast.umkm)
    person = Person.objects.get(nik_issue=NikIssue.MISSING)
    client = cast.client(cast.umkm)
    data = {"nik": recorded.nik, "name": person.name, "phone": "", "sex": "", "birth_date": ""}
    response = client.post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 200 and response.context["form"].existing == recorded
    assert reverse("people:merge", args=[person.pk]) in response.content.decode()
    response = client.post(reverse("people:merge", args=[person.pk]), {"target": recorded.pk})
    assert response["Location"] == reverse("people:detail", args=[recorded.pk])
    assert Enterprise.objects.get().owner == recorded
    assert not Person.objects.filter(pk=person.pk).exists()
    assert AuditEntry.objects.filter(action=Action.MERGE, person_id=recorded.pk).exists()


def test_only_a_record_without_nik_can_be_merged_away(cast):
    first, second = make_person(name="A"), make_person(name="B")
    response = cast.client(cast.umkm).post(reverse("people:merge", args=[first.pk]), {"target": second.pk})
    assert response.status_code == 302
    assert Person.objects.filter(pk=first.pk).exists()
