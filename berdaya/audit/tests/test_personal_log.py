"""R46: every render or export of unmasked personal data writes one entry per person, in one multi-row INSERT
per batch (issue 17, load): the rows read back through the model exactly as bulk_create wrote them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from berdaya.audit.models import Action, AuditEntry
from berdaya.audit.services import personal_data_logged
from berdaya.people.models import Person

pytestmark = pytest.mark.django_db


def test_one_entry_per_person_in_one_insert(cast):
    before = timezone.now()
    shown = [(10, 1), (11, 2), (10, 1), (12, None), ("13", 3)]  # a repeat and a row without a person
    with CaptureQueriesContext(connection) as queries:
        count = personal_data_logged(actor=cast.umkm, model=Person, shown=shown, note="daftar orang " * 40)
    assert count == 3
    inserts = [q for q in queries.captured_queries if q["sql"].upper().startswith("INSERT")]
    assert len(inserts) == 1
    entries = list(AuditEntry.objects.order_by("person_id"))
    assert [(e.object_id, e.person_id) for e in entries] == [("10", 1), ("11", 2), ("13", 3)]
    for entry in entries:
        assert entry.actor == cast.umkm and entry.actor_name == cast.umkm.get_username()
        assert entry.action == Action.VIEW and entry.object_type == "people.person"
        assert entry.object_repr == str(Person._meta.verbose_name)
        assert entry.changes == {} and len(entry.note) == 300
        assert before <= entry.at <= timezone.now()
    # The person's own access log (R46) finds them.
    assert AuditEntry.objects.filter(person_id=2, action=Action.VIEW).count() == 1


def test_a_long_export_is_written_in_batches_within_the_databases_parameter_limit(cast, monkeypatch):
    monkeypatch.setattr(connection.features, "max_query_params", 100)  # 10 rows of 10 columns a statement
    with CaptureQueriesContext(connection) as queries:
        count = personal_data_logged(
            actor=None,
            model=Person,
            shown=[(i, i) for i in range(1, 46)],
            note="ekspor",
            action=Action.EXPORT,
        )
    assert count == 45
    assert len([q for q in queries.captured_queries if q["sql"].upper().startswith("INSERT")]) == 5
    assert (
        AuditEntry.objects.filter(action=Action.EXPORT, actor__isnull=True, actor_name="sistem").count() == 45
    )


def test_nothing_shown_writes_nothing(cast):
    with CaptureQueriesContext(connection) as queries:
        assert personal_data_logged(actor=cast.umkm, model=Person, shown=[(1, None)], note="x") == 0
    assert not queries.captured_queries
