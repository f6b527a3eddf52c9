"""Merging two enterprises, undoing it, and marking a pair "not a duplicate" (services and screens)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.umkm import figures, services
from berdaya.umkm.merging import CHILDREN, enterprise_merge, enterprise_unmerge
from berdaya.umkm.models import DuplicatePair, Enterprise, EnterpriseMerge, PairStatus

from .conftest import make_enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(cast, person):
    """One business registered twice: the kept record lacks brand, NIB and map point; the other has them."""
    keep = make_enterprise(actor=cast.umkm, owner=person, name="Warung Acil Galuh", phone="")
    merge = make_enterprise(
        actor=cast.umkm,
        owner=person,
        name="Warung Acil Galoh",
        brand="Acil Galuh",
        nib="1234567890123",
        latitude=Decimal("-3.320000"),
        longitude=Decimal("114.590000"),
        phone="+6281234567890",
        is_wub=True,
        source="sidt",
        source_id="SIDT-0042",
    )
    actor = cast.umkm
    services.observation_record(
        actor=actor, enterprise=keep, data={"observed_on": dt.date(2023, 12, 31), "annual_sales": Decimal(1)}
    )
    for day, sales in ((dt.date(2023, 12, 31), 250_000_000), (dt.date(2024, 12, 31), 5_000_000_000)):
        services.observation_record(
            actor=actor, enterprise=merge, data={"observed_on": day, "annual_sales": Decimal(sales)}
        )
    services.permit_record(actor=actor, enterprise=merge, data={"kind": "halal", "number": "ID63-1"})
    services.product_record(actor=actor, enterprise=merge, data={"name": "Kue bingka"})
    services.online_account_record(
        actor=actor, enterprise=merge, data={"platform": "shopee", "url": "https://shopee.co.id/acil"}
    )
    services.wub_assessment_record(
        actor=actor,
        enterprise=merge,
        year=2024,
        still_producing=True,
        has_turnover=True,
        operating_in_city=True,
        visited_on=dt.date(2024, 5, 2),
    )
    DuplicatePair.objects.create(a=keep, b=merge, score=88, reasons=["Nama pemilik sama"])
    return keep, merge


def state(*enterprises) -> dict:
    """Everything a merge may touch, to compare before and after an undo."""
    skip = {"updated_at", "updated_by_id"}
    records = {
        e.pk: {
            f.attname: getattr(Enterprise.all_objects.get(pk=e.pk), f.attname)
            for f in Enterprise._meta.concrete_fields
            if f.attname not in skip
        }
        for e in enterprises
    }
    children = {
        kind: sorted(model.objects.values_list("pk", "enterprise_id")) for kind, model in CHILDREN.items()
    }
    pairs = list(DuplicatePair.objects.values("pk", "status", "decided_by", "decided_at"))
    return {"records": records, "children": children, "pairs": pairs}


def test_merging_moves_the_children_and_fills_blank_fields(cast, two):
    keep, merge = two
    record = enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    keep.refresh_from_db()
    assert keep.permits.count() == keep.product_items.count() == keep.online_accounts.count() == 1
    assert keep.wub_assessments.count() == 1
    assert sorted(o.observed_on.year for o in keep.observations.all()) == [2023, 2024]
    assert (keep.brand, keep.nib, keep.phone, keep.is_wub) == (
        "Acil Galuh",
        "1234567890123",
        "+6281234567890",
        True,
    )
    assert keep.latitude == Decimal("-3.320000")
    assert keep.current_size_class == "kecil"  # the moved 2024 observation is now the latest
    assert keep.source_id == ""  # a source ID stays with its own row
    assert set(record.filled) >= {"brand", "nib", "phone", "latitude", "longitude", "is_wub"}
    assert "acil galuh" in keep.search_text


def test_a_conflicting_child_stays_with_the_merged_record_and_is_listed(cast, two):
    keep, merge = two
    record = enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    left = merge.observations.get()
    assert left.observed_on == dt.date(2023, 12, 31)
    assert record.moved["skipped"] == {"observation": [left.pk]}
    assert keep.observations.get(observed_on=dt.date(2023, 12, 31)).annual_sales == Decimal(1)


def test_the_merged_record_leaves_lists_and_figures_but_is_kept(cast, two):
    keep, merge = two
    at = dt.date(2025, 1, 1)
    assert figures.registered(at) == 2
    enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    assert list(Enterprise.objects.all()) == [keep]
    assert Enterprise.all_objects.get(pk=merge.pk).merged_into == keep
    assert figures.registered(at) == 1
    assert figures.active(at) == 1
    assert DuplicatePair.objects.get().status == PairStatus.MERGED
    # Its old page leads to the surviving record, no longer a 404.
    assert cast.client(cast.umkm).get(reverse("umkm:detail", args=[merge.pk])).status_code == 302


def test_merging_writes_audit_rows_for_both_records_and_each_moved_child(cast, two):
    keep, merge = two
    enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    merges = AuditEntry.objects.filter(action=Action.MERGE)
    assert sorted(merges.values_list("object_id", flat=True)) == sorted([str(keep.pk), str(merge.pk)])
    assert merges.get(object_id=str(keep.pk)).changes["brand"] == [None, "Acil Galuh"]
    moved = AuditEntry.objects.filter(note__startswith="Penggabungan", action=Action.UPDATE)
    assert moved.count() == 5  # one 2024 observation, a permit, a product, a shop, an assessment


def test_undoing_a_merge_restores_everything_exactly(cast, two):
    keep, merge = two
    before = state(keep, merge)
    record = enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    assert state(keep, merge) != before
    enterprise_unmerge(actor=cast.umkm, merge_record=record)
    assert state(keep, merge) == before
    record.refresh_from_db()
    assert record.undone_at is not None and record.undone_by == cast.umkm
    assert Enterprise.objects.count() == 2
    assert AuditEntry.objects.filter(note__startswith="Pembatalan").count() == 2 + 5


def test_an_undone_merge_cannot_be_undone_twice(cast, two):
    keep, merge = two
    record = enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    enterprise_unmerge(actor=cast.umkm, merge_record=record)
    with pytest.raises(ValidationError):
        enterprise_unmerge(actor=cast.umkm, merge_record=record)


def test_a_record_cannot_be_merged_twice_or_into_itself(cast, two):
    keep, merge = two
    with pytest.raises(ValidationError):
        enterprise_merge(actor=cast.umkm, keep=keep, merge=keep)
    enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    with pytest.raises(ValidationError):
        enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)


def test_the_cooperative_clerk_cannot_merge(cast, two):
    pair = DuplicatePair.objects.get()
    response = cast.client(cast.koperasi).post(reverse("umkm:dedup_merge", args=[pair.pk]), {"keep": "a"})
    assert response.status_code == 403
    assert not EnterpriseMerge.objects.exists()


def test_the_micro_enterprise_clerk_merges_into_the_right_hand_record(cast, two):
    keep, merge = two
    pair = DuplicatePair.objects.get()
    response = cast.client(cast.umkm).post(reverse("umkm:dedup_merge", args=[pair.pk]), {"keep": "b"})
    assert response.status_code == 302
    record = EnterpriseMerge.objects.get()
    assert (record.keep, record.merged) == (merge, keep)  # b is the right-hand side


def test_the_history_lists_a_merge_and_undoes_it(cast, two):
    keep, merge = two
    record = enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    client = cast.client(cast.umkm)
    page = client.get(reverse("umkm:merge_list")).content.decode()
    assert "SIDT-0042" in page and "Batalkan" in page
    assert cast.client(cast.koperasi).post(reverse("umkm:merge_undo", args=[record.pk])).status_code == 403
    assert client.post(reverse("umkm:merge_undo", args=[record.pk])).status_code == 302
    assert Enterprise.objects.count() == 2
    assert DuplicatePair.objects.get().status == PairStatus.OPEN


def test_a_merged_records_old_url_leads_to_the_surviving_record(cast, two):
    # the old URL of a merged record answered 404.
    keep, merge = two
    enterprise_merge(actor=cast.umkm, keep=keep, merge=merge)
    client = cast.client(cast.umkm)
    response = client.get(reverse("umkm:detail", args=[merge.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("umkm:detail", args=[keep.pk])
    response = client.get(reverse("umkm:edit", args=[merge.pk]))
    assert response["Location"] == reverse("umkm:edit", args=[keep.pk])
    assert client.get(reverse("umkm:detail", args=[999999])).status_code == 404
