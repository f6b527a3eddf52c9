"""umkm.selectors: search, filters, legality gaps, dormant accounts, naik kelas (domain.md R18)."""

import datetime as dt
from decimal import Decimal

import pytest

from berdaya.test import make_person
from berdaya.umkm.models import Enterprise, OnlineAccount, Permit, PermitKind
from berdaya.umkm.selectors import (
    dormant_accounts,
    enterprise_filter,
    enterprise_search,
    missing_legality,
    normalize_search,
    scale_up_counts,
    scaled_up_events,
    with_dormant_flag,
)
from berdaya.umkm.services import enterprise_update, observation_record

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db
M = Decimal(10**9)


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_normalisation_forgives_case_accents_punctuation_and_titles():
    assert normalize_search("Hj. SİTI Aminah") == normalize_search("siti  aminah")
    assert (
        normalize_search("Muh. Ramli") == normalize_search("Muhammad Ramli") == normalize_search("Mhd Ramli")
    )
    assert normalize_search("Kue Noor") == normalize_search("kue nur")
    assert normalize_search("Café Galuh") == "cafe galuh | cafegaluh"


def test_search_finds_by_name_brand_owner_nik_and_phone(cast):
    owner = make_person(actor=cast.umkm, name="Hj. Siti Aminah", phone="+6281255501234")
    make_enterprise(actor=cast.umkm, owner=owner, name="Warung Acil", brand="Soto Banjar Bang Amat")
    make_enterprise(actor=cast.umkm, name="Toko Muh. Ramli", nib="9120301234567")
    enterprises = Enterprise.objects.all()
    assert names(enterprise_search(enterprises, "warung ACIL")) == ["Warung Acil"]
    assert names(enterprise_search(enterprises, "warungacil")) == ["Warung Acil"]  # spaces forgiven
    assert names(enterprise_search(enterprises, "soto banjar")) == ["Warung Acil"]
    assert names(enterprise_search(enterprises, "siti aminah")) == ["Warung Acil"]  # title dropped
    assert names(enterprise_search(enterprises, "Hj Siti")) == ["Warung Acil"]
    assert names(enterprise_search(enterprises, "Muhammad Ramli")) == ["Toko Muh. Ramli"]
    assert names(enterprise_search(enterprises, owner.nik)) == ["Warung Acil"]
    assert names(enterprise_search(enterprises, "0812-5550-1234")) == ["Warung Acil"]
    assert names(enterprise_search(enterprises, "91203012")) == ["Toko Muh. Ramli"]
    assert enterprise_search(enterprises, "  ").count() == 2


@pytest.mark.parametrize(("days", "dormant"), [(89, False), (90, True), (91, True)])
def test_an_account_is_dormant_after_90_days_without_activity(enterprise, days, dormant):
    today = dt.date(2025, 6, 30)
    OnlineAccount.objects.create(
        enterprise=enterprise,
        platform="shopee",
        handle="acil",
        last_active_on=today - dt.timedelta(days=days),
    )
    assert dormant_accounts(on=today).exists() is dormant
    flagged = with_dormant_flag(Enterprise.objects.all(), on=today).get()
    assert flagged.has_dormant_account is dormant


def test_an_account_never_seen_active_is_not_called_dormant(enterprise):
    OnlineAccount.objects.create(enterprise=enterprise, platform="instagram", handle="acil")
    assert not dormant_accounts().exists()


def test_missing_legality_lists_the_nib_the_sector_permits_and_expired_ones(cast, enterprise):
    today = dt.date(2025, 6, 30)
    assert [gap.text for gap in missing_legality(enterprise, on=today)] == [
        "NIB belum ada", "PIRT belum ada", "Sertifikat halal belum ada",
    ]  # fmt: skip
    Permit.objects.create(enterprise=enterprise, kind=PermitKind.PIRT, expires_on=dt.date(2025, 6, 29))
    Permit.objects.create(enterprise=enterprise, kind=PermitKind.HALAL, expires_on=dt.date(2025, 6, 30))
    enterprise = enterprise_update(actor=cast.umkm, enterprise=enterprise, data={"nib": "9120301234567"})
    assert [gap.text for gap in missing_legality(enterprise, on=today)] == [
        "PIRT kedaluwarsa sejak 29 Jun 2025"
    ]
    Permit.objects.create(enterprise=enterprise, kind=PermitKind.PIRT, expires_on=None)  # renewed, no expiry
    assert missing_legality(enterprise, on=today) == []


def test_a_shop_has_no_expected_permits_beyond_the_nib(cast):
    shop = make_enterprise(actor=cast.umkm, sector="perdagangan")
    assert [gap.kind for gap in missing_legality(shop)] == ["nib"]


def test_filters_combine(cast):
    cohort_owner = make_person(actor=cast.umkm, name="Galuh Sari")
    a = make_enterprise(actor=cast.umkm, name="A", kelurahan="63.71.01.1001", sector="kriya-sasirangan")
    b = make_enterprise(actor=cast.umkm, name="B", kelurahan="63.71.02.1001", nib="9120301234567")
    make_enterprise(actor=cast.umkm, owner=cohort_owner, name="C", sector="jasa", is_wub=True)
    observation_record(
        actor=cast.umkm, enterprise=b, data={"observed_on": dt.date(2024, 12, 31), "capital": 2 * M}
    )
    OnlineAccount.objects.create(
        enterprise=a, platform="shopee", handle="a", last_active_on=dt.date(2020, 1, 1)
    )
    everyone = Enterprise.objects.all()
    assert names(enterprise_filter(everyone, {"kecamatan": "63.71.02"})) == ["B"]
    assert names(enterprise_filter(everyone, {"kelurahan": "63.71.01.1001"})) == ["A", "C"]
    assert names(enterprise_filter(everyone, {"sector": "kriya"})) == ["A"]  # sub-sectors included
    assert names(enterprise_filter(everyone, {"size_class": "kecil"})) == ["B"]
    assert names(enterprise_filter(everyone, {"size_class": "unknown"})) == ["A", "C"]
    assert names(enterprise_filter(everyone, {"no_nib": "1"})) == ["A", "C"]
    assert names(enterprise_filter(everyone, {"is_wub": True})) == ["C"]
    assert names(enterprise_filter(everyone, {"dormant": "1"})) == ["A"]
    assert names(enterprise_filter(everyone, {"status": "aktif", "no_nib": "0"})) == ["B"]
    assert names(enterprise_filter(everyone, {"q": "galuh sari"})) == ["C"]


def record(cast, enterprise, on, capital):
    observation_record(actor=cast.umkm, enterprise=enterprise, data={"observed_on": on, "capital": capital})


def test_naik_kelas_is_a_move_up_from_micro_between_consecutive_observations(cast, enterprise):
    # domain.md R18
    record(cast, enterprise, dt.date(2022, 12, 31), M)  # mikro
    record(cast, enterprise, dt.date(2023, 12, 31), 3 * M)  # kecil: naik kelas in 2023
    record(cast, enterprise, dt.date(2024, 12, 31), 6 * M)  # menengah: not from micro, not counted
    other = make_enterprise(actor=cast.umkm, name="Toko Lain")
    record(cast, other, dt.date(2023, 6, 30), 2 * M)  # kecil
    record(cast, other, dt.date(2024, 6, 30), M)  # mikro (turun)
    record(cast, other, dt.date(2024, 12, 31), 11 * M)  # besar: naik kelas in 2024
    events = scaled_up_events(2023)
    assert [(e.enterprise_id, e.before.size_class, e.after.size_class) for e in events] == [
        (enterprise.pk, "mikro", "kecil")
    ]
    assert [(e.enterprise_id, e.after.size_class) for e in scaled_up_events(2024)] == [(other.pk, "besar")]
    assert scale_up_counts() == {2023: 1, 2024: 1}
    assert scaled_up_events(2024, queryset=Enterprise.objects.filter(pk=enterprise.pk)) == []


def test_a_first_observation_is_never_naik_kelas(cast, enterprise):
    record(cast, enterprise, dt.date(2024, 12, 31), 3 * M)
    assert scaled_up_events(2024) == []


@pytest.mark.django_db
def test_the_filter_bars_sectors_are_read_once_and_renewed_when_a_sector_changes():
    """Issue 17 (load): every enterprise list page asked for the same sectors; this process keeps them for a
    few minutes, and saving a sector renews them at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from berdaya.umkm.models import Sector
    from berdaya.umkm.selectors import forget_sector_choices, sector_choice_pairs

    forget_sector_choices()
    first = sector_choice_pairs()
    active = Sector.objects.filter(is_active=True)
    assert {code for code, _label in first} == set(active.values_list("code", flat=True))
    assert any(" · " in label for _code, label in first)  # a sub-sector is named under its parent
    with CaptureQueriesContext(connection) as queries:
        assert sector_choice_pairs() == first
    assert not queries.captured_queries
    retired = active.filter(parent__isnull=False).first()
    retired.is_active = False
    retired.save()
    assert retired.code not in {code for code, _label in sector_choice_pairs()}
