"""The plan, indicator, manual-measure, action-plan and SWOT writes: each one audited (style.md 3, 8)."""

import pytest
from django.core.exceptions import ValidationError

from berdaya.audit.models import Action, AuditEntry
from berdaya.kinerja import services
from berdaya.kinerja.models import BudgetItem, Indicator, SwotItem, SwotStrategy

pytestmark = pytest.mark.django_db


def _rows(obj, action):
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action)


def test_a_goal_and_its_target_are_created_with_an_audit_row_each(cast, renstra):
    goal = services.goal_create(actor=cast.sekretariat, renstra=renstra, data={"code": "9", "name": "Tujuan"})
    target = services.strategic_target_create(
        actor=cast.sekretariat, data={"goal": goal, "code": "9.1", "name": "Sasaran"}
    )
    assert goal.created_by == cast.sekretariat and target.goal == goal
    assert _rows(goal, Action.CREATE).get().changes["name"] == [None, "Tujuan"]
    assert _rows(target, Action.CREATE).get().actor == cast.sekretariat


def test_a_second_goal_with_the_same_code_in_the_plan_is_refused(cast, renstra):
    services.goal_create(actor=cast.sekretariat, renstra=renstra, data={"code": "9", "name": "A"})
    with pytest.raises(ValidationError):
        services.goal_create(actor=cast.sekretariat, renstra=renstra, data={"code": "9", "name": "B"})


def test_changing_an_indicators_formula_keys_says_who_changed_them_from_what(cast, indicator):
    # issue: an indicator's formula can change and the trail must tell who changed it
    changes = services.indicator_update(
        actor=cast.sekretariat,
        indicator=indicator,
        data={"numerator_key": "umkm.active", "name": indicator.name},
    )
    assert changes == {"numerator_key": ["umkm.wub_mandiri", "umkm.active"]}
    row = _rows(indicator, Action.UPDATE).get()
    assert row.actor == cast.sekretariat and row.changes == changes
    assert Indicator.objects.get(pk=indicator.pk).numerator_key == "umkm.active"


def test_an_indicator_edit_that_changes_nothing_writes_no_row(cast, indicator):
    assert (
        services.indicator_update(actor=cast.sekretariat, indicator=indicator, data={"name": indicator.name})
        == {}
    )
    assert not _rows(indicator, Action.UPDATE).exists()


def test_a_new_indicator_records_its_keys(cast, renstra):
    created = services.indicator_create(
        actor=cast.sekretariat,
        renstra=renstra,
        data={
            "code": "baru",
            "name": "Baru",
            "unit": "%",
            "kind": Indicator.Kind.RATIO,
            "numerator_key": "umkm.wub_mandiri",
            "denominator_key": "umkm.wub_trained",
            "responsible_unit": "usaha_mikro",
        },
    )
    changes = _rows(created, Action.CREATE).get().changes
    assert changes["numerator_key"] == [None, "umkm.wub_mandiri"]
    assert changes["denominator_key"] == [None, "umkm.wub_trained"]


def test_a_manual_measure_and_an_action_plan_are_audited(cast, indicator):
    measure = services.manual_measure_create(
        actor=cast.sekretariat, data={"key": "manual.x", "label": "Ukuran X", "unit": "orang"}
    )
    plan = services.action_plan_create(
        actor=cast.sekretariat, year=2022, data={"unit": "p3k", "indicator": indicator, "action": "Job fair"}
    )
    assert _rows(measure, Action.CREATE).get().changes["key"] == [None, "manual.x"]
    assert _rows(plan, Action.CREATE).get().changes["year"] == [None, "2022"]


def test_swot_items_and_strategies_are_audited_with_their_programs(cast):
    item = services.swot_item_create(
        actor=cast.sekretariat, year=2022, data={"quadrant": "S", "text": "Kuat"}
    )
    program = BudgetItem.objects.create(
        year=2022, level=BudgetItem.Level.PROGRAM, code="1", name="Program A", pagu=1
    )
    strategy = services.swot_strategy_create(
        actor=cast.sekretariat, year=2022, data={"kind": "SO", "text": "Strategi", "programs": [program]}
    )
    assert isinstance(item, SwotItem) and _rows(item, Action.CREATE).exists()
    assert isinstance(strategy, SwotStrategy) and list(strategy.programs.all()) == [program]
    assert _rows(strategy, Action.CREATE).get().changes["programs"] == [None, str(program)]
