"""umkm.services: audit rows, atomicity, database rules and the stored size class (domain.md R9, R14-R18)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import Action, AuditEntry
from berdaya.umkm import services
from berdaya.umkm.models import Enterprise, Observation, Permit, PermitKind, SizeCriteria, Status, WubCohort
from berdaya.umkm.services import (
    enterprise_status_change,
    enterprise_update,
    observation_record,
    online_account_record,
    permit_record,
    sector_add,
    wub_assessment_record,
)

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db
M = Decimal(10**9)


def test_registering_an_enterprise_is_audited_on_the_owner(cast, enterprise, person):
    entry = AuditEntry.objects.for_object(enterprise).get()
    assert entry.action == Action.CREATE
    assert entry.actor == cast.umkm
    assert entry.person_id == person.pk
    assert entry.changes["name"] == [None, "Warung Acil Galuh"]
    assert entry.changes["status"] == [None, "Aktif"]
    assert enterprise.created_by == cast.umkm


def test_one_person_may_own_several_enterprises(cast, person, enterprise):
    make_enterprise(actor=cast.umkm, owner=person, name="Sasirangan Galuh", sector="kriya-sasirangan")
    assert person.enterprises.count() == 2


def test_registering_is_atomic(cast, person, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr("berdaya.audit.services.audit_log", broken)
    with pytest.raises(RuntimeError):
        make_enterprise(actor=cast.umkm, owner=person)
    assert Enterprise.objects.count() == 0


def test_a_nib_of_another_business_actor_is_refused_with_a_message(cast, enterprise):
    # domain.md R9: one NIB per business actor
    enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"nib": "9120301234567"})
    with pytest.raises(ValidationError) as error:
        make_enterprise(actor=cast.umkm, name="Kue Bingka", nib="9120301234567")
    assert "sudah dipakai oleh usaha Warung Acil Galuh milik pelaku usaha lain" in str(error.value)


def test_one_owner_s_enterprises_may_share_their_nib(cast, enterprise):
    # domain.md R9: the NIB identifies the business actor, who may run several businesses
    enterprise = enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"nib": "9120301234567"})
    second = make_enterprise(actor=cast.umkm, owner=enterprise.owner, name="Kue Bingka", nib="9120301234567")
    assert second.nib == enterprise.nib == "9120301234567"


def test_a_nib_must_be_13_digits(cast):
    # domain.md R9
    with pytest.raises(ValidationError):
        make_enterprise(actor=cast.umkm, nib="91203012345AB")


def test_an_update_is_audited_old_to_new_and_a_no_op_is_not(cast, enterprise):
    enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"name": enterprise.name})
    assert AuditEntry.objects.for_object(enterprise).count() == 1
    enterprise = enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"brand": "Galuh Banua"})
    entry = AuditEntry.objects.for_object(enterprise).filter(action=Action.UPDATE).get()
    assert entry.changes == {"brand": [None, "Galuh Banua"]}
    assert "galuh banua" in enterprise.search_text


def test_an_update_refuses_fields_that_are_not_editable(cast, enterprise):
    with pytest.raises(ValueError):
        enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"current_size_class": "besar"})
    with pytest.raises(ValueError):
        enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"status": Status.TUTUP})


def test_a_closure_records_its_date_and_reason(cast, enterprise):
    enterprise = enterprise_status_change(
        actor=cast.umkm,
        enterprise=enterprise,
        status=Status.TUTUP,
        on=dt.date(2024, 6, 1),
        reason="Modal habis",
    )
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.status_date, enterprise.status_reason) == (
        Status.TUTUP, dt.date(2024, 6, 1), "Modal habis",
    )  # fmt: skip
    entry = AuditEntry.objects.for_object(enterprise).filter(action=Action.UPDATE).get()
    assert entry.changes["status"] == ["Aktif", "Tutup"]


def test_a_closure_needs_a_reason_and_a_date_after_registration(cast, enterprise):
    with pytest.raises(ValidationError):
        enterprise_status_change(
            actor=cast.umkm, enterprise=enterprise, status=Status.PINDAH, on=dt.date(2024, 6, 1), reason=" "
        )
    with pytest.raises(ValidationError):
        enterprise_status_change(
            actor=cast.umkm,
            enterprise=enterprise,
            status=Status.TUTUP,
            on=dt.date(2020, 1, 1),
            reason="Tutup",
        )


def test_an_observation_stores_the_class_computed_by_the_criteria_of_its_date(cast, enterprise, person):
    # domain.md R15, R16: capital exactly Rp 1 M is micro, by PP 7/2021.
    observation = observation_record(
        actor=cast.umkm,
        enterprise=enterprise,
        data={"observed_on": dt.date(2024, 12, 31), "capital": 1 * M, "annual_sales": Decimal("1800000000")},
    )
    assert observation.size_class == "mikro"
    assert observation.size_reason == "Mikro: modal Rp 1 M ≤ Rp 1 M, PP 7/2021"
    assert observation.criteria == SizeCriteria.objects.get(basis="capital")
    entry = AuditEntry.objects.for_object(observation).get()
    assert entry.person_id == person.pk
    assert entry.changes["size_class"] == [None, "Mikro"]


def test_the_criteria_follow_the_observation_date(cast, enterprise):
    # domain.md R14 before 2021-02-02, R15 from it.
    data = {"assets_excl_land_buildings": 100 * Decimal(10**6), "annual_sales": 200 * Decimal(10**6)}
    old = observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2021, 2, 1)} | data
    )
    new = observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2021, 2, 2)} | data
    )
    assert (old.size_class, old.criteria.legal_basis) == ("mikro", "UU 20/2008")  # smaller class wins
    assert "diambil kelas terkecil" in old.size_reason
    assert (new.size_class, new.criteria.legal_basis) == ("mikro", "PP 7/2021")  # sales 200 jt <= 2 M


def test_the_current_class_follows_the_latest_observation_by_date(cast, enterprise):
    observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2024, 12, 31), "capital": 2 * M}
    )
    enterprise.refresh_from_db()
    assert enterprise.current_size_class == "kecil"
    # An older observation recorded later does not change the current class.
    observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2023, 12, 31), "capital": M}
    )
    enterprise.refresh_from_db()
    assert enterprise.current_size_class == "kecil"


def test_a_correction_recomputes_the_class_and_a_second_observation_on_the_same_date_is_refused(
    cast, enterprise
):
    observation = observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2024, 12, 31), "capital": M}
    )
    with pytest.raises(ValidationError):
        observation_record(
            actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2024, 12, 31), "capital": M}
        )
    observation = observation_record(
        actor=cast.umkm, enterprise=enterprise, observation=observation, data={"capital": M + 1}
    )
    assert observation.size_class == "kecil"  # domain.md R16: one rupiah over the bound
    enterprise.refresh_from_db()
    assert enterprise.current_size_class == "kecil"
    entry = AuditEntry.objects.for_object(observation).filter(action=Action.UPDATE).get()
    assert entry.changes["size_class"] == ["Mikro", "Kecil"]
    assert Observation.objects.count() == 1


def test_deleting_the_latest_observation_restores_the_previous_class(cast, enterprise):
    observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2023, 12, 31), "capital": M}
    )
    latest = observation_record(
        actor=cast.umkm, enterprise=enterprise, data={"observed_on": dt.date(2024, 12, 31), "capital": 6 * M}
    )
    services.observation_delete(actor=cast.umkm, observation=latest)
    enterprise.refresh_from_db()
    assert enterprise.current_size_class == "mikro"
    assert AuditEntry.objects.filter(action=Action.DELETE, object_type="umkm.observation").count() == 1


def test_permits_are_recorded_with_audit_and_checked(cast, enterprise):
    permit = permit_record(
        actor=cast.umkm,
        enterprise=enterprise,
        data={
            "kind": PermitKind.HALAL,
            "number": "ID12345",
            "issued_on": dt.date(2023, 1, 1),
            "expires_on": dt.date(2027, 1, 1),
        },  # fmt: skip
    )
    assert AuditEntry.objects.for_object(permit).get().person_id == enterprise.owner_id
    with pytest.raises(ValidationError):
        permit_record(
            actor=cast.umkm,
            enterprise=enterprise,
            data={
                "kind": PermitKind.PIRT,
                "issued_on": dt.date(2023, 1, 1),
                "expires_on": dt.date(2022, 1, 1),
            },
        )
    assert Permit.objects.count() == 1


def test_online_accounts_need_a_url_or_handle_and_are_not_recorded_twice(cast, enterprise):
    data = {
        "platform": "shopee",
        "url": "https://shopee.co.id/acilgaluh",
        "last_active_on": dt.date(2025, 1, 1),
    }
    online_account_record(actor=cast.umkm, enterprise=enterprise, data=data)
    with pytest.raises(ValidationError):
        online_account_record(actor=cast.umkm, enterprise=enterprise, data=data)
    with pytest.raises(ValidationError):
        online_account_record(actor=cast.umkm, enterprise=enterprise, data={"platform": "instagram"})


def test_wub_mandiri_is_all_three_conditions_and_one_assessment_per_year(cast, person):
    cohort = WubCohort.objects.create(name="Angkatan I", year=2022)
    wub = make_enterprise(actor=cast.umkm, owner=person, is_wub=True, wub_cohort=cohort)
    kwargs = {"actor": cast.umkm, "enterprise": wub, "year": 2024, "visited_on": dt.date(2024, 9, 2)}
    first = wub_assessment_record(**kwargs, still_producing=True, has_turnover=True, operating_in_city=False)
    assert not first.mandiri
    again = wub_assessment_record(**kwargs, still_producing=True, has_turnover=True, operating_in_city=True)
    assert again.pk == first.pk and again.mandiri
    assert again.officer == cast.umkm
    entry = AuditEntry.objects.for_object(again).filter(action=Action.UPDATE).get()
    assert entry.changes["mandiri"] == ["Tidak", "Ya"]


def test_only_new_entrepreneurs_are_assessed_and_in_the_year_visited(cast, enterprise):
    with pytest.raises(ValidationError):
        wub_assessment_record(
            actor=cast.umkm, enterprise=enterprise, year=2024, visited_on=dt.date(2024, 9, 2),
            still_producing=True, has_turnover=True, operating_in_city=True,
        )  # fmt: skip
    Enterprise.objects.filter(pk=enterprise.pk).update(is_wub=True)
    enterprise.refresh_from_db()
    with pytest.raises(ValidationError):
        wub_assessment_record(
            actor=cast.umkm, enterprise=enterprise, year=2024, visited_on=dt.date(2025, 1, 2),
            still_producing=True, has_turnover=True, operating_in_city=True,
        )  # fmt: skip


def test_the_office_can_extend_its_sector_list(cast):
    from berdaya.umkm.models import Sector

    kriya = Sector.objects.get(code="kriya")
    sector = sector_add(actor=cast.umkm, code="kriya-ukir", name="Ukir Kayu", parent=kriya)
    assert str(sector) == "Kriya — Ukir Kayu"
    with pytest.raises(ValidationError):
        sector_add(actor=cast.umkm, code="kriya-ukir", name="Lagi")


def test_renaming_the_owner_in_the_people_registry_keeps_the_business_findable_by_the_new_name(cast):
    from berdaya.people.services import person_update
    from berdaya.umkm.selectors import enterprise_search

    enterprise = make_enterprise(actor=cast.umkm, name="Warung Berkah")
    person_update(actor=cast.umkm, person=enterprise.owner, data={"name": "Siti Rahmah Aulia"})
    found = enterprise_search(Enterprise.objects.all(), "rahmah aulia")
    assert list(found) == [enterprise]
