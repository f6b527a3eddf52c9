"""The public "Cek kelayakan": one plain question per criterion, answered from what the citizen says only."""

import pytest

from berdaya.portal import eligibility
from berdaya.programs.criteria import ENTERPRISE, LIBRARY, MET, NOT_MET, PERSON, UNKNOWN

pytestmark = pytest.mark.django_db


def _status(key, params, answers):
    return eligibility.verdict_for(0, key, params, answers).status


def test_every_citizen_criterion_of_the_library_has_a_plain_label():
    # A criterion added to programs.criteria later must get a plain label (and a question) here.
    citizen = {k for k, c in LIBRARY.items() if set(c.targets) & {PERSON, ENTERPRISE}}
    assert citizen <= set(eligibility.PLAIN_LABELS)


def test_an_unknown_criterion_is_left_to_staff_never_passed():
    assert _status("some_future_rule", {}, {}) == UNKNOWN


def test_domicile_is_met_by_a_kecamatan_of_the_city_only():
    assert _status("domicile", {}, {"kecamatan": "63.71.01"}) == MET
    assert _status("domicile", {}, {"kecamatan": "luar"}) == NOT_MET
    assert _status("domicile", {}, {}) == UNKNOWN


def test_an_area_of_some_kelurahan_only_is_left_to_staff():
    params = {"codes": ["63.71.02.1001"]}
    assert _status("area", params, {"kecamatan": "63.71.02"}) == UNKNOWN
    assert _status("area", params, {"kecamatan": "63.71.01"}) == NOT_MET
    assert _status("area", {"codes": ["63.71.01"]}, {"kecamatan": "63.71.01"}) == MET


def test_size_class_uses_the_dated_criteria_table_at_its_boundary():
    # R15/R16: annual sales up to Rp2 billion (inclusive) is micro under PP 7/2021.
    micro = {"classes": ["mikro"]}
    assert _status("size_class", micro, {"sales": "2000000000"}) == MET
    assert _status("size_class", micro, {"sales": "2000000001"}) == NOT_MET


def test_sector_accepts_a_sub_sector_of_a_target_sector():
    assert _status("sector", {"sectors": ["kriya"]}, {"sector": "kriya-sasirangan"}) == MET
    assert _status("sector", {"sectors": ["kriya"]}, {"sector": "kuliner"}) == NOT_MET


def test_history_and_declarations_are_answered_from_the_citizen_only():
    # R28/R35: "never received" is asked, then checked by staff against the benefit history.
    assert _status("never_received_program", {"program": "kur"}, {"received_0": "tidak"}) == MET
    assert _status("never_received_program", {"program": "kur"}, {"received_0": "ya"}) == NOT_MET
    assert _status("occupation_not_in", {}, {"occupation": "ya"}) == NOT_MET
    assert _status("no_active_loan", {}, {"loan": "tidak"}) == MET
    assert _status("valid_nik", {}, {}) == UNKNOWN  # the KTP is checked at the counter


def test_one_kecamatan_question_serves_domicile_and_area():
    questions = eligibility.questions(
        [("domicile", {}), ("area", {"codes": ["63.71.01"]}), ("valid_nik", {})]
    )
    assert [q.name for q in questions] == ["kecamatan"]


def test_the_loan_answer_becomes_the_declaration_the_programs_module_reads():
    assert eligibility.declarations({"loan": "ya"}) == {"active_loan": True}
    assert eligibility.declarations({}) == {}


def test_the_check_reveals_nothing_from_the_registry(owner):
    # The answers decide; a registered NIK changes nothing (there is no NIK in the check at all).
    verdicts, overall = eligibility.check([("domicile", {})], {"kecamatan": "63.71.01"})
    assert overall is True and owner.name not in str(verdicts)
