"""training.demo: seed 003's 2022 events from the demo registries, every state, once."""

from berdaya.kinerja import measures
from berdaya.kinerja.measures import Period
from berdaya.training.demo import populate
from berdaya.training.models import Certificate, Event, FollowUp, Participant, Status
from berdaya.training.seed_2022 import EVENTS


def test_demo_reproduces_seed_003_and_runs_once(cast, settings, tmp_path):
    from berdaya.koperasi.demo import populate_registry
    from berdaya.people.demo import populate as people_populate
    from berdaya.umkm.demo import populate as umkm_populate

    settings.MEDIA_ROOT = tmp_path
    people_populate(actor=cast.admin, seed=7, count=260)
    umkm_populate(actor=cast.admin, seed=7, count=120)
    populate_registry(actor=cast.admin, seed=7, count=30)
    assert populate(actor=cast.admin, seed=7) > 1000
    assert populate(actor=cast.admin, seed=7) == 0
    assert Event.objects.count() == len(EVENTS) + 1
    year = Period(2022)
    # Seed 003: 210 cooperative people trained; every event's attendance as printed.
    assert measures.get("training.coop_staff_trained").value(year, {}) == 210
    assert measures.get("training.participants").value(year, {}) == sum(row[8] for row in EVENTS)
    for code, *_rest in EVENTS[:3]:
        event = Event.objects.get(code=code)
        took_part = event.participants.filter(status__in=[Status.ATTENDED, Status.COMPLETED]).count()
        assert took_part == next(row[8] for row in EVENTS if row[0] == code)
    assert set(Participant.objects.values_list("status", flat=True)) >= {
        "completed",
        "attended",
        "no_show",
        "cancelled",
    }
    states = set(FollowUp.objects.values_list("state", flat=True))
    assert states == {"scheduled", "done", "skipped"}  # and overdue: scheduled past due
    assert FollowUp.objects.filter(
        state="scheduled", due_on__lt=Event.objects.get(code="DEMO-UM-01").ends_on
    ).exists()
    assert FollowUp.objects.filter(state="scheduled", participant__event__code="DEMO-UM-01").exists()
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert FollowUp.objects.filter(enterprise__isnull=False).exists()  # a WUB became a micro enterprise
