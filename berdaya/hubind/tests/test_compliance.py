"""hubind.compliance.assess at its boundaries (R41, R42): sizes 9/10 and 49/50, PKB instead of PP, a PP's
last valid day, BPJS programmes."""

import datetime as dt

from berdaya.hubind.compliance import Item, Rules, assess

D = dt.date
ON = D(2022, 12, 31)
RULES = Rules()
WAGE = Item("wage_structure", D(2021, 1, 1))
BPJS = Item("bpjs", D(2020, 1, 1), programmes=("jkk", "jkm", "jht"))


def keys(assessment):
    return [r.key for r in assessment.requirements]


def test_nine_workers_need_no_pp_ten_do():  # R41
    assert "pp_pkb" not in keys(assess(workers=9, items=[WAGE, BPJS], on=ON, rules=RULES))
    assert assess(workers=9, items=[WAGE, BPJS], on=ON, rules=RULES).layak
    ten = assess(workers=10, items=[WAGE, BPJS], on=ON, rules=RULES)
    assert not ten.layak
    assert ten.missing[0].key == "pp_pkb" and "10" in ten.missing[0].reason


def test_a_valid_pkb_replaces_the_pp():  # R41
    pkb = Item("pkb", D(2022, 1, 1), D(2023, 12, 31), number="PKB/1")
    assert assess(workers=30, items=[pkb, WAGE, BPJS], on=ON, rules=RULES).layak


def test_lks_bipartit_from_fifty_workers():  # R41
    pp = Item("pp", D(2022, 1, 1), D(2023, 12, 31))
    assert assess(workers=49, items=[pp, WAGE, BPJS], on=ON, rules=RULES).layak
    fifty = assess(workers=50, items=[pp, WAGE, BPJS], on=ON, rules=RULES)
    assert [r.key for r in fifty.missing] == ["lks"]
    lks = Item("lks", D(2019, 5, 1))
    assert assess(workers=50, items=[pp, lks, WAGE, BPJS], on=ON, rules=RULES).layak


def test_a_pp_counts_up_to_its_last_day_and_says_when_it_ended():  # R41
    pp = Item("pp", D(2021, 1, 1), D(2022, 12, 31), number="KEP-PP/2021/0001")
    assert assess(workers=20, items=[pp, WAGE, BPJS], on=D(2022, 12, 31), rules=RULES).layak
    later = assess(workers=20, items=[pp, WAGE, BPJS], on=D(2023, 1, 1), rules=RULES)
    assert not later.layak and "31 Des 2022" in later.missing[0].detail


def test_bpjs_needs_every_required_programme():  # R42
    partial = Item("bpjs", D(2020, 1, 1), programmes=("jkk", "jkm"))
    result = assess(workers=5, items=[WAGE, partial], on=ON, rules=RULES)
    assert not result.layak and "JHT" in result.missing[0].detail


def test_every_employer_needs_a_wage_structure():  # R42
    result = assess(workers=1, items=[BPJS], on=ON, rules=RULES)
    assert [r.key for r in result.missing] == ["wage_structure"]


def test_the_thresholds_are_the_dated_table_s():  # R41a: thresholds are data
    rules = Rules(pp_min_workers=20)
    assert assess(workers=15, items=[WAGE, BPJS], on=ON, rules=rules).layak
