"""umkm.models: seeded reference data and the invariants the database itself enforces (style.md 7)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from berdaya.umkm.models import (
    Enterprise,
    Observation,
    OnlineAccount,
    Permit,
    PermitKind,
    Sector,
    SizeCriteria,
    Status,
    WubAssessment,
    WubCohort,
)

pytestmark = pytest.mark.django_db


def refused(**changes):
    """The database refuses saving these values on a fresh enterprise."""
    enterprise = Enterprise.objects.order_by("pk").first()
    for name, value in changes.items():
        setattr(enterprise, name, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        enterprise.save()


def test_the_local_sector_list_is_seeded_with_kriya_sub_sectors():
    assert set(Sector.objects.filter(parent=None).values_list("code", flat=True)) == {
        "kuliner", "fashion", "kriya", "jasa", "perdagangan", "pertanian-perikanan", "lainnya",
    }  # fmt: skip
    assert set(Sector.objects.get(code="kriya").children.values_list("name", flat=True)) == {
        "Sasirangan", "Purun", "Rajut",
    }  # fmt: skip
    assert str(Sector.objects.get(code="kriya-purun")) == "Kriya — Purun"


def test_the_size_criteria_of_r14_and_r15_are_seeded_exactly():
    # domain.md R14
    old = SizeCriteria.objects.get(basis="assets_or_sales")
    assert (old.valid_from, old.valid_to, old.legal_basis, old.tie_break) == (
        None, dt.date(2021, 2, 1), "UU 20/2008", "smaller",
    )  # fmt: skip
    assert old.bounds("assets") == (Decimal("50000000"), Decimal("500000000"), Decimal("10000000000"))
    assert old.bounds("sales") == (Decimal("300000000"), Decimal("2500000000"), Decimal("50000000000"))
    # domain.md R15
    capital = SizeCriteria.objects.get(basis="capital")
    sales = SizeCriteria.objects.get(basis="sales")
    assert capital.valid_from == sales.valid_from == dt.date(2021, 2, 2)
    assert capital.legal_basis == sales.legal_basis == "PP 7/2021"
    assert capital.bounds("capital") == (Decimal("1000000000"), Decimal("5000000000"), Decimal("10000000000"))
    assert sales.bounds("sales") == (Decimal("2000000000"), Decimal("15000000000"), Decimal("50000000000"))


def test_the_database_refuses_a_nib_that_is_not_13_characters(enterprise):
    refused(nib="123")


def test_the_database_refuses_impossible_values(enterprise):
    refused(latitude=Decimal("91"), longitude=Decimal("114.5"))
    refused(latitude=Decimal("-3.3"), longitude=None)  # a map point needs both coordinates
    refused(start_month=13)
    refused(founding_capital=Decimal("-1"))
    refused(status=Status.TUTUP, status_date=None)  # closed needs its date
    refused(status="bangkrut", status_date=dt.date(2024, 1, 1))
    refused(wub_cohort=WubCohort.objects.create(name="A", year=2022), is_wub=False)


def test_the_import_key_is_unique_per_source_when_given(cast, enterprise):
    from .conftest import make_enterprise

    make_enterprise(actor=cast.umkm, source="sidt", source_id="")
    make_enterprise(actor=cast.umkm, source="sidt", source_id="")
    Enterprise.objects.filter(pk=enterprise.pk).update(source="sidt", source_id="R-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        Enterprise.objects.filter(source_id="").update(source_id="R-1")


def test_one_observation_per_enterprise_and_date_and_no_negative_figures(enterprise):
    Observation.objects.create(enterprise=enterprise, observed_on=dt.date(2024, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(enterprise=enterprise, observed_on=dt.date(2024, 12, 31))
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(enterprise=enterprise, observed_on=dt.date(2025, 12, 31), annual_sales=-1)


def test_a_permit_cannot_expire_before_it_is_issued(enterprise):
    with pytest.raises(IntegrityError), transaction.atomic():
        Permit.objects.create(
            enterprise=enterprise,
            kind=PermitKind.PIRT,
            issued_on=dt.date(2024, 5, 1),
            expires_on=dt.date(2024, 4, 30),
        )
    Permit.objects.create(
        enterprise=enterprise,
        kind=PermitKind.PIRT,
        issued_on=dt.date(2024, 5, 1),
        expires_on=dt.date(2024, 5, 1),
    )


def test_an_online_account_needs_a_url_or_a_handle(enterprise):
    with pytest.raises(IntegrityError), transaction.atomic():
        OnlineAccount.objects.create(enterprise=enterprise, platform="shopee")


def test_mandiri_can_only_be_stored_as_all_three_conditions(enterprise):
    fields = {"enterprise": enterprise, "visited_on": dt.date(2024, 9, 1)}
    with pytest.raises(IntegrityError), transaction.atomic():
        WubAssessment.objects.create(
            year=2024,
            still_producing=True,
            has_turnover=False,
            operating_in_city=True,
            mandiri=True,
            **fields,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        WubAssessment.objects.create(
            year=2024,
            still_producing=True,
            has_turnover=True,
            operating_in_city=True,
            mandiri=False,
            **fields,
        )


def test_worker_class_is_separate_from_the_legal_class(enterprise):
    # domain.md R17
    enterprise.workers_male, enterprise.workers_female = 3, 3
    assert enterprise.workers_total == 6
    assert enterprise.worker_class == "kecil"
    assert enterprise.current_size_class == ""
