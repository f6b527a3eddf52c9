"""Issue 15: the audit trail showed internals ("accounts.user#8", "Sektor: ∅ → 7", "Search text", criteria
as Python lists) and empty changes. Every field and value now reads as users know them."""

import pytest
from django.urls import reverse

from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import audit_log, audited_update

pytestmark = pytest.mark.django_db


def test_the_trail_names_the_kind_of_record_not_its_internal_label(cast, person):
    page = cast.client(cast.admin).get(reverse("audit:list"))
    html = page.content.decode()
    assert "people.person#" not in html and "accounts.user#" not in html
    assert "Orang" in html


def test_derived_fields_never_show_and_never_make_a_change(cast, person):
    entry = audit_log(actor=cast.umkm, action=Action.UPDATE, obj=person, changes={"search_text": ["a", "b"]})
    assert entry is None
    entry = audit_log(
        actor=cast.umkm,
        action=Action.UPDATE,
        obj=person,
        changes={"search_text": ["a", "b"], "name": ["A", "B"]},
    )
    assert entry.changes == {"name": ["A", "B"]}


def test_an_update_without_a_change_or_note_writes_nothing(cast, person):
    before = AuditEntry.objects.count()
    assert audit_log(actor=cast.umkm, action=Action.UPDATE, obj=person, changes={}) is None
    assert audited_update(actor=cast.umkm, obj=person, data={"name": person.name}, fields=["name"]) == {}
    assert AuditEntry.objects.count() == before


def test_lists_are_stored_as_text_not_python_reprs(cast, person):
    entry = audit_log(
        actor=cast.umkm, action=Action.UPDATE, obj=person, changes={"criteria": [None, ["has_nib", "wub"]]}
    )
    assert entry.changes == {"criteria": [None, "has_nib, wub"]}


def test_an_imported_business_shows_its_sector_by_name(tmp_path):
    from berdaya.test import valid_nik
    from berdaya.umkm.tests.test_importing import import_rows, row

    import_rows(tmp_path / "a.xlsx", [row(valid_nik())])
    entry = AuditEntry.objects.get(object_type="umkm.enterprise")
    assert entry.changes["sector"][1] == "Kuliner"
    assert entry.changes["owner"][1] == "Hj. Siti Aminah"
