"""The audit trail page: who reads it, and its list paged like the registries (keys first, capped count)."""

import pytest
from django.urls import reverse

from berdaya.audit.models import Action
from berdaya.audit.services import Entry, audit_log_many
from berdaya.lib.pagination import CappedPaginator
from berdaya.regions.models import Region

pytestmark = pytest.mark.django_db


def test_the_inspectorate_reads_the_trail_and_a_clerk_does_not(cast):
    assert cast.client(cast.inspektur).get(reverse("audit:list")).status_code == 200
    assert cast.client(cast.umkm).get(reverse("audit:list")).status_code == 403


def test_the_list_is_paged_by_the_capped_paginator_and_a_filter_narrows_it(cast):
    audit_log_many(
        actor=cast.umkm,
        action=Action.UPDATE,
        model=Region,
        entries=[Entry(i, f"wilayah {i}") for i in range(60)],
    )
    audit_log_many(
        actor=cast.koperasi, action=Action.EXPORT, model=Region, entries=[Entry("*", "ekspor khusus")]
    )
    client = cast.client(cast.inspektur)
    page = client.get(reverse("audit:list")).context["page_obj"]
    assert isinstance(page.paginator, CappedPaginator)
    assert page.paginator.count >= 61 and len(page.object_list) == 50
    filtered = client.get(reverse("audit:list"), {"action": "export"})
    assert [e.object_repr for e in filtered.context["page_obj"].object_list] == ["ekspor khusus"]
    assert "ekspor khusus" in filtered.content.decode()
