"""Services of the cooperative registry, called directly."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from berdaya.audit.models import AuditEntry
from berdaya.koperasi import services
from berdaya.koperasi.models import DissolutionGround, DissolutionStage, Rat, Status, WatchStage
from berdaya.koperasi.selectors import overdue_follow_ups, rat_held_for
from berdaya.test import make_person

from .conftest import make_cooperative

pytestmark = pytest.mark.django_db


def record_rats(cooperative, actor, years):
    for year in years:
        services.rat_record(
            actor=actor,
            cooperative=cooperative,
            data={"fiscal_year": year, "held_on": dt.date(year + 1, 3, 10)},
        )


def test_registering_audits_and_computes_the_status(cast):
    cooperative = make_cooperative(actor=cast.koperasi, legal_entity_date=dt.date(2010, 1, 1))
    assert AuditEntry.objects.filter(object_type="koperasi.cooperative", action="create").count() == 1
    # domain.md R21: no RAT in the last three fiscal years
    assert cooperative.status == Status.TIDAK_AKTIF and cooperative.watch_stage == WatchStage.INACTIVE
    assert cooperative.status_reason


def test_recording_rats_makes_it_active_and_leaves_the_watch_list(cast, cooperative):
    # domain.md R21
    last = timezone.localdate().year - 1
    record_rats(cooperative, cast.koperasi, range(last - 3, last))
    cooperative.refresh_from_db()
    assert cooperative.status == Status.AKTIF
    assert rat_held_for(cooperative, last - 1) and not rat_held_for(cooperative, last - 5)
    status_changes = AuditEntry.objects.filter(object_type="koperasi.cooperative", action="update")
    assert status_changes.filter(actor_name="sistem").exists()


def test_a_rat_cannot_be_held_before_its_fiscal_year_closes_or_in_the_future(cast, cooperative):
    # domain.md R20
    with pytest.raises(ValidationError):
        services.rat_record(
            actor=cast.koperasi,
            cooperative=cooperative,
            data={"fiscal_year": 2023, "held_on": dt.date(2023, 12, 31)},
        )
    with pytest.raises(ValidationError):
        services.rat_record(
            actor=cast.koperasi,
            cooperative=cooperative,
            data={"fiscal_year": 2023, "held_on": timezone.localdate() + dt.timedelta(days=1)},
        )


def test_a_second_rat_for_the_same_year_corrects_the_first(cast, cooperative):
    record_rats(cooperative, cast.koperasi, [2022])
    services.rat_record(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"fiscal_year": 2022, "held_on": dt.date(2023, 4, 1)},
    )
    assert Rat.objects.get(cooperative=cooperative).held_on == dt.date(2023, 4, 1)
    assert AuditEntry.objects.filter(object_type="koperasi.rat", action="update").count() == 1


def test_a_duplicate_nomor_induk_koperasi_is_refused(cast):
    # domain.md R11: its own field, unique, never validated as a person's NIK
    make_cooperative(actor=cast.koperasi, nomor_induk_koperasi="6371010001")
    with pytest.raises(ValidationError) as error:
        make_cooperative(actor=cast.koperasi, name="Lain", nomor_induk_koperasi="6371010001")
    assert "nomor_induk_koperasi" in error.value.error_dict


def test_a_warning_letter_moves_the_next_action_to_dissolution(cast, cooperative):
    # domain.md R22
    assert services.evaluate_cooperative(cooperative).next_action == "warning_letter"
    services.warning_letter_issue(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"number": "500/1/KOP", "issued_on": timezone.localdate()},
    )
    assert services.evaluate_cooperative(cooperative).next_action == "propose_dissolution"


def dissolve_to(cooperative, actor, stages, start=dt.date(2025, 1, 6)):
    dissolution = services.dissolution_start(
        actor=actor, cooperative=cooperative, ground=DissolutionGround.NOT_VIABLE, on=start
    )
    day = start
    for stage, days in stages:
        day += dt.timedelta(days=days)
        services.cooperative_dissolve_step(actor=actor, dissolution=dissolution, stage=stage, on=day)
    dissolution.refresh_from_db()
    return dissolution


def test_dissolution_goes_step_by_step_and_dissolves_at_the_decision(cast, cooperative):
    # domain.md R27
    dissolution = dissolve_to(
        cooperative,
        cast.koperasi,
        [(DissolutionStage.NOTICE, 7), (DissolutionStage.OBJECTION, 1), (DissolutionStage.DECISION, 62)],
    )
    assert dissolution.stage == DissolutionStage.DECISION
    cooperative.refresh_from_db()
    assert cooperative.status == Status.DIBUBARKAN and cooperative.watch_stage == ""
    with pytest.raises(ValidationError):  # no cancelling after the decision
        services.cooperative_dissolve_step(
            actor=cast.koperasi,
            dissolution=dissolution,
            stage=DissolutionStage.CANCELLED,
            on=dt.date(2025, 6, 1),
        )


def test_dissolution_refuses_skipping_a_step_and_an_early_decision(cast, cooperative):
    # domain.md R27: objection period (2 months) after the notice
    dissolution = dissolve_to(cooperative, cast.koperasi, [])
    with pytest.raises(ValidationError):
        services.cooperative_dissolve_step(
            actor=cast.koperasi,
            dissolution=dissolution,
            stage=DissolutionStage.DECISION,
            on=dt.date(2025, 2, 1),
        )
    services.cooperative_dissolve_step(
        actor=cast.koperasi, dissolution=dissolution, stage=DissolutionStage.NOTICE, on=dt.date(2025, 1, 10)
    )
    services.cooperative_dissolve_step(
        actor=cast.koperasi,
        dissolution=dissolution,
        stage=DissolutionStage.OBJECTION,
        on=dt.date(2025, 1, 10),
    )
    with pytest.raises(ValidationError):
        services.cooperative_dissolve_step(
            actor=cast.koperasi,
            dissolution=dissolution,
            stage=DissolutionStage.DECISION,
            on=dt.date(2025, 3, 9),
        )
    services.cooperative_dissolve_step(
        actor=cast.koperasi, dissolution=dissolution, stage=DissolutionStage.DECISION, on=dt.date(2025, 3, 10)
    )


def test_a_cancelled_dissolution_allows_a_new_one(cast, cooperative):
    dissolve_to(cooperative, cast.koperasi, [(DissolutionStage.CANCELLED, 3)])
    assert services.open_dissolution(cooperative) is None
    services.dissolution_start(
        actor=cast.koperasi, cooperative=cooperative, ground=DissolutionGround.MEMBERS, on=dt.date(2025, 2, 1)
    )
    with pytest.raises(ValidationError):
        services.dissolution_start(
            actor=cast.koperasi,
            cooperative=cooperative,
            ground=DissolutionGround.MEMBERS,
            on=dt.date(2025, 2, 2),
        )


def test_a_visit_is_recorded_with_follow_ups_and_overdue_ones_are_listed(cast, cooperative):
    visit = services.visit_plan(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"officer": cast.petugas, "planned_on": dt.date(2025, 3, 1), "purpose": "Pembinaan RAT"},
    )
    services.visit_record(
        actor=cast.petugas,
        visit=visit,
        data={"visited_on": dt.date(2025, 3, 2), "findings": "Buku kas belum tutup."},
        follow_ups=[
            {"action": "Tutup buku", "owner": "Bendahara", "due_on": dt.date(2025, 4, 1)},
            {"action": "Jadwalkan RAT", "owner": "Ketua", "due_on": dt.date(2025, 5, 1)},
        ],
    )
    overdue = overdue_follow_ups(on=dt.date(2025, 4, 2))
    assert [f.action for f in overdue] == ["Tutup buku"]
    services.follow_up_done(actor=cast.petugas, follow_up=overdue.get(), on=dt.date(2025, 4, 2))
    assert not overdue_follow_ups(on=dt.date(2025, 4, 2)).exists()
    assert not overdue_follow_ups(on=dt.date(2025, 5, 1)).exists()  # due today is not overdue


def test_a_visit_marked_done_needs_its_date(cast, cooperative):
    visit = services.visit_plan(
        actor=cast.petugas,
        cooperative=cooperative,
        data={"planned_on": dt.date(2025, 3, 1), "purpose": "Cek"},
    )
    assert visit.officer == cast.petugas
    with pytest.raises(ValidationError):
        services.visit_record(actor=cast.petugas, visit=visit, data={"findings": "x"})


def test_board_members_and_yearly_figures(cast, cooperative):
    person = make_person(actor=cast.koperasi)
    services.board_member_add(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"person": person, "role": "ketua", "term_start": dt.date(2022, 1, 1)},
    )
    services.cooperative_year_record(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"fiscal_year": 2024, "members_men": 30, "members_women": 40},
    )
    year = services.cooperative_year_record(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"fiscal_year": 2024, "members_men": 31, "members_women": 40},
    )
    assert year.members_total == 71 and cooperative.years.count() == 1
    assert cooperative.board.get().person == person


def test_the_daily_command_moves_a_cooperative_along_as_deadlines_pass(cast):
    # domain.md R20-R22: nothing recorded, only the date moves
    from django.core.management import call_command

    cooperative = make_cooperative(actor=cast.koperasi, legal_entity_date=dt.date(2015, 1, 1))
    record_rats(cooperative, cast.koperasi, range(2015, 2024))
    call_command("koperasi_refresh_status", on=dt.date(2025, 6, 30))
    cooperative.refresh_from_db()
    assert cooperative.watch_stage == WatchStage.DUE_SOON
    call_command("koperasi_refresh_status", on=dt.date(2025, 7, 1))
    cooperative.refresh_from_db()
    assert cooperative.watch_stage == WatchStage.MISSED_ONCE


def test_the_creation_entry_holds_the_computed_status_and_no_empty_changes(cast, cooperative):
    entries = AuditEntry.objects.filter(object_type="koperasi.cooperative", object_id=str(cooperative.pk))
    assert [e.action for e in entries] == ["create"]  # the first computation is part of the creation
    assert entries.get().changes["status"] == [None, "Tidak aktif"]
    rat = services.rat_record(
        actor=cast.koperasi,
        cooperative=cooperative,
        data={"fiscal_year": 2023, "held_on": dt.date(2024, 3, 1)},
    )
    created = AuditEntry.objects.get(object_type="koperasi.rat", object_id=str(rat.pk))
    assert "minutes" not in created.changes and "accountability_report" not in created.changes


def test_the_watch_list_queues_one_refresh_when_statuses_are_stale(
    cast, cooperative, django_capture_on_commit_callbacks
):
    # Dates move: a status computed yesterday is refreshed today in the background, once.
    from berdaya.jobs.models import Job
    from berdaya.koperasi import status_job
    from berdaya.koperasi.models import Cooperative

    assert status_job.refresh_if_stale(actor=cast.koperasi) is None  # computed today at registration
    Cooperative.objects.filter(pk=cooperative.pk).update(status_on=dt.date(2020, 1, 1), watch_stage="")
    with django_capture_on_commit_callbacks(execute=True):
        job = status_job.refresh_if_stale(actor=cast.koperasi)
    job.refresh_from_db()
    assert job.status == "done" and job.result == {"Berubah status atau tahap": 1}
    cooperative.refresh_from_db()
    assert cooperative.status_on == timezone.localdate() and cooperative.watch_stage == WatchStage.INACTIVE
    assert Job.objects.filter(kind=status_job.JOB_KIND).count() == 1
