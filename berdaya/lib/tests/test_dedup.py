from datetime import date

import pytest

from berdaya.lib.dedup import (
    DEFAULT_THRESHOLD,
    Record,
    blocking_keys,
    find_duplicates,
    match_one,
    normalize_address,
    normalize_name,
    normalize_nik,
    normalize_phone_or_blank,
    score_pair,
)
from berdaya.lib.fakedata import enterprises, ground_truth_pairs

KELURAHAN = ["63.71.01.1001", "63.71.02.1003", "63.71.03.1005", "63.71.04.1002", "63.71.05.1007"]


def owner(**changes) -> Record:
    """One registration of Hj. Siti Aminah's sasirangan shop; tests change what they are about."""
    fields = dict(
        id="A",
        nik="6371015203800011",
        owner_name="Hj. Siti Aminah",
        business_name="Sasirangan Galuh",
        phone="+6281234567890",
        address="Jl. Pramuka No. 12 RT 005 RW 002",
        kelurahan="63.71.02.1003",
        birth_date=date(1980, 3, 12),
    )
    fields.update(changes)
    return Record(**fields)


def is_duplicate(a: Record, b: Record) -> bool:
    return score_pair(a, b).score >= DEFAULT_THRESHOLD


class TestNormalisation:
    @pytest.mark.parametrize(
        "typed",
        ["Hj. Siti Aminah", "Hajjah Siti Aminah", "HJ SITI AMINAH", "Siti Aminah, S.E.", "Dra. Siti Aminah"],
    )
    def test_titles_and_degrees_are_dropped_from_names(self, typed):
        assert normalize_name(typed) == "siti aminah"

    @pytest.mark.parametrize("typed", ["Muhammad Rizky", "Muh. Rizky", "Moh. Rizky", "M. Rizky", "Mhd Rizky"])
    def test_abbreviations_of_muhammad_are_spelled_out(self, typed):
        assert normalize_name(typed) == "muhammad rizky"

    def test_abd_is_abdul_and_accents_are_stripped(self):
        assert normalize_name("H. Abd. Rahmân") == "abdul rahman"

    def test_address_variants_read_the_same(self):
        assert (
            normalize_address("Jl. Pramuka No. 12 RT 005 RW 002")
            == normalize_address("JALAN PRAMUKA Nomor 12 RT.5/RW.02")
            == normalize_address("Jl Pramuka no 12 Rt. 05 Rw. 2")
            == "jl pramuka 12 rt 5 rw 2"
        )

    def test_a_nik_is_kept_only_with_all_16_digits(self):
        assert normalize_nik("6371.0152-0380 0011") == "6371015203800011"
        assert normalize_nik("637101520380") == ""

    @pytest.mark.parametrize(
        "typed", ["0812-3456-7890", "62 812-3456-7890", "+62 812 3456 7890", "081234567890"]
    )
    def test_phones_in_any_format_become_e164(self, typed):
        assert normalize_phone_or_blank(typed) == "+6281234567890"

    @pytest.mark.parametrize("typed", ["", "-", "tidak ada", "12"])
    def test_an_unusable_phone_is_blank_not_an_error(self, typed):
        assert normalize_phone_or_blank(typed) == ""


class TestScoring:
    def test_the_same_nik_is_a_duplicate_and_says_so(self):
        candidate = score_pair(owner(), owner(id="B", owner_name="Siti Aminah", phone=""))
        assert candidate.score >= DEFAULT_THRESHOLD
        assert candidate.reasons[0] == "NIK sama"

    def test_a_phone_in_another_format_counts_as_the_same_phone(self):
        candidate = score_pair(owner(), owner(id="B", nik="", phone="0812-3456-7890"))
        assert "Nomor telepon sama" in candidate.reasons
        assert candidate.score >= DEFAULT_THRESHOLD

    def test_swapped_word_order_still_matches(self):
        candidate = score_pair(owner(nik=""), owner(id="B", nik="", owner_name="AMINAH SITI", phone=""))
        assert "Nama pemilik sama" in candidate.reasons
        assert candidate.score >= DEFAULT_THRESHOLD

    def test_a_typo_in_name_and_business_with_no_nik_or_phone_still_matches(self):
        a = owner(nik="", phone="")
        b = owner(id="B", nik="", phone="", owner_name="Siti Amnah", business_name="Sasiragan Galuh")
        assert is_duplicate(a, b)

    def test_a_mistyped_nik_digit_is_still_evidence(self):
        candidate = score_pair(owner(), owner(id="B", nik="6371015203800017", owner_name="Siti Aminnah"))
        assert candidate.reasons[0].startswith("NIK hampir sama")
        assert candidate.score >= DEFAULT_THRESHOLD

    def test_reasons_name_the_evidence_in_indonesian_with_similarities(self):
        a = owner()
        b = owner(
            id="B", owner_name="Siti Aminh", business_name="UD. Sasirangan Galih", phone="0812 3456 7890"
        )
        reasons = score_pair(a, b).reasons
        assert reasons[0] == "NIK sama"
        assert any(r.startswith("Nama pemilik mirip (") and r.endswith(")") for r in reasons)
        assert any(r.startswith("Nama usaha mirip (") for r in reasons)
        assert "Nomor telepon sama" in reasons
        assert "Alamat sama" in reasons
        assert "Tanggal lahir sama" in reasons

    def test_household_members_sharing_phone_and_address_are_not_merged(self):
        wife = owner()
        husband = owner(
            id="B",
            nik="6371011505780021",
            owner_name="H. Rahmat Hidayat",
            business_name="Bengkel Amang",
            birth_date=date(1978, 5, 15),
        )
        candidate = score_pair(wife, husband)
        assert candidate.score < DEFAULT_THRESHOLD
        assert {"Nomor telepon sama", "Alamat sama"} <= set(candidate.reasons)

    def test_household_members_without_nik_or_birth_date_are_not_merged_either(self):
        a = owner(nik="", birth_date=None, owner_name="Siti Hasanah", business_name="Kue Bingka Diang")
        b = owner(id="B", nik="", birth_date=None, owner_name="Rina Hasanah", business_name="Laundry Bungas")
        assert not is_duplicate(a, b)

    def test_different_people_with_the_same_name_in_other_kelurahan_are_not_merged(self):
        a = owner(owner_name="Muhammad Rahman", business_name="Toko Barokah", birth_date=None)
        b = Record(
            id="B",
            nik="6371040101850003",
            owner_name="Muhammad Rahman",
            business_name="Bengkel Barokah",
            phone="085298765432",
            address="Jl. Kuin Utara No. 3 RT 001 RW 001",
            kelurahan="63.71.04.1002",
        )
        assert not is_duplicate(a, b)

    def test_one_owner_with_two_different_businesses_is_not_one_business(self):
        candidate = score_pair(owner(), owner(id="B", business_name="Laundry Bersih"))
        assert candidate.score < DEFAULT_THRESHOLD
        assert "Pemilik sama, usaha berbeda" in candidate.reasons


class TestFindDuplicates:
    def test_it_reports_each_pair_once_with_ids_in_input_order(self):
        records = [
            owner(),
            owner(id="B", owner_name="Siti Aminah"),
            owner(id="C", owner_name="H. Siti Aminah"),
        ]
        found = find_duplicates(records)
        assert sorted((c.a_id, c.b_id) for c in found) == [("A", "B"), ("A", "C"), ("B", "C")]

    def test_records_sharing_no_blocking_key_are_never_compared(self):
        other = Record(
            id="B", owner_name="Budi Santoso", business_name="Servis HP Jaya", kelurahan="63.71.05.1007"
        )
        assert not blocking_keys(owner()) & blocking_keys(other)
        assert find_duplicates([owner(), other], threshold=0) == []

    def test_blocking_keys_include_nik_phone_and_name_keys(self):
        keys = blocking_keys(owner())
        assert "nik:6371015203800011" in keys
        assert "tel:+6281234567890" in keys
        assert any(key.startswith("nama:63.71.02.1003:") for key in keys)

    def test_it_gives_the_same_pairs_and_scores_every_time_and_in_any_order(self):
        records = [e.dedup_record() for e in enterprises(1_000, kelurahan_codes=KELURAHAN)]
        first = find_duplicates(records)
        assert first == find_duplicates(records)
        reversed_order = find_duplicates(list(reversed(records)))
        assert {(frozenset((c.a_id, c.b_id)), c.score) for c in first} == {
            (frozenset((c.a_id, c.b_id)), c.score) for c in reversed_order
        }

    def test_it_finds_97_percent_of_generated_duplicates_with_97_percent_precision(self):
        generated = list(enterprises(5_000, seed=11, kelurahan_codes=KELURAHAN))
        truth = ground_truth_pairs(generated)
        records = [e.dedup_record() for e in generated]
        found = {tuple(sorted((c.a_id, c.b_id))) for c in find_duplicates(records)}
        precision = len(found & truth) / len(found)
        recall = len(found & truth) / len(truth)
        assert len(truth) > 400
        assert precision >= 0.97, precision
        assert recall >= 0.97, recall


class TestMatchOne:
    def test_it_returns_the_likely_duplicates_best_first(self):
        new = owner(id="new", owner_name="Siti Aminah", nik="")
        candidates = [
            owner(id="1", owner_name="Rina Aminah", nik="6371016001900002", business_name="Kue Bingka Diang"),
            owner(id="2"),
            owner(id="3", phone="", nik=""),
        ]
        found = match_one(new, candidates)
        assert [c.b_id for c in found] == ["2", "3"]
        assert all(c.a_id == "new" for c in found)
        assert found[0].score >= found[1].score

    def test_it_skips_the_record_itself(self):
        assert match_one(owner(), [owner()]) == []


def test_an_owner_s_two_businesses_named_after_them_are_not_duplicates():
    # "Agen Hafsah" and "Bengkel Hafsah": one owner, two businesses (seen in the demo data)
    from berdaya.lib.dedup import Record, score_pair

    agen = Record(
        id="1",
        nik="6371024509970278",
        owner_name="Hafsah Ulfah",
        business_name="Agen Hafsah",
        phone="+628126830250",
        address="Jl. Veteran No. 15",
        kelurahan="63.71.02.1001",
    )
    bengkel = Record(
        id="2",
        nik="6371024509970278",
        owner_name="Hafsah Ulfah",
        business_name="Bengkel Hafsah",
        phone="+628126830250",
        address="Jl. Veteran No. 15",
        kelurahan="63.71.02.1001",
    )
    candidate = score_pair(agen, bengkel)
    assert candidate.score <= 40
    assert "Pemilik sama, usaha berbeda" in candidate.reasons


def test_the_same_business_named_after_its_owner_is_still_a_duplicate():
    from berdaya.lib.dedup import Record, score_pair

    a = Record(
        id="1",
        nik="6371024509970278",
        owner_name="Hj. Hafsah Ulfah",
        business_name="Warung Soto Hafsah",
        phone="+628126830250",
        address="Jl. Veteran No. 15",
        kelurahan="63.71.02.1001",
    )
    b = Record(
        id="2",
        nik="",
        owner_name="Hafsah Ulfah",
        business_name="Soto Hafsah",
        phone="0812-6830-250",
        address="Jalan Veteran 15",
        kelurahan="63.71.02.1001",
    )
    assert score_pair(a, b).score >= 55


def test_scores_above_the_threshold_stay_distinct_instead_of_all_100():
    # all 16 pairs scored 100, the certain and the doubtful alike.
    from berdaya.lib.dedup import DEFAULT_THRESHOLD, MAX_POINTS, _spread

    assert _spread(MAX_POINTS) == 100 and _spread(MAX_POINTS + 20) == 100
    assert _spread(DEFAULT_THRESHOLD) == DEFAULT_THRESHOLD and _spread(40) == 40
    assert DEFAULT_THRESHOLD < _spread(100) < _spread(120) < 100


class TestFellegiSunter:
    """issue 14: m/u weights estimated from the compared pairs themselves (EM, no labels)."""

    @staticmethod
    def comparisons(matches: int, others: int) -> list:
        from berdaya.lib.dedup import Comparison

        def pair(nik, name, birth):
            return Comparison(
                nik=nik, name=name, business=0, phone=None, address=None, birth=birth, kelurahan=0
            )

        # Matches: NIK equal 9 times in 10, names near; others: NIK different, names far, births differ.
        same = [pair(0 if i % 10 else 2, i % 2, 0) for i in range(matches)]
        different = [pair(2, 5 - i % 2, 2 if i % 5 else 0) for i in range(others)]
        return same + different

    def test_em_recovers_the_share_of_matches_and_the_level_probabilities(self):
        from berdaya.lib.dedup import estimate_model

        model = estimate_model(self.comparisons(1_000, 3_000))
        assert model.prior == pytest.approx(0.25, abs=0.01)
        assert model.m["nik"][0] == pytest.approx(0.9, abs=0.02)
        assert model.u["birth"][0] == pytest.approx(0.2, abs=0.02)
        assert model.weights["nik"][0] > 5 > 0 > model.weights["nik"][2]

    def test_too_few_pairs_keep_the_default_model(self):
        from berdaya.lib.dedup import DEFAULT_MODEL, estimate_model

        assert estimate_model(self.comparisons(10, 30)) is DEFAULT_MODEL

    def test_the_explanation_lists_each_comparison_and_adds_up_to_the_score(self):
        from berdaya.lib.dedup import DEFAULT_MODEL, explain

        x = explain(owner(), owner(id="B", owner_name="Siti Aminh", phone=""))
        labels = [c.label for c in x.contributions]
        assert labels[1] == "NIK sama" and labels[2].startswith("Nama pemilik")
        assert "Tanggal lahir sama" in labels and "Nomor telepon sama" not in " ".join(labels)
        assert sum(c.bits for c in x.contributions) == pytest.approx(x.bits)
        assert x.contributions[0].bits == pytest.approx(DEFAULT_MODEL.prior_bits)
        assert x.score >= DEFAULT_THRESHOLD and x.probability > 0.99

    def test_the_explanation_says_why_a_household_s_shared_phone_counts_for_nothing(self):
        from berdaya.lib.dedup import explain

        husband = owner(
            id="B", nik="6371011505780021", owner_name="Rahmat Hidayat", birth_date=date(1978, 5, 15)
        )
        x = explain(owner(), husband)
        phone = next(c for c in x.contributions if c.label == "Nomor telepon sama")
        assert phone.bits == 0 and "rumah tangga" in phone.note
        assert x.score < DEFAULT_THRESHOLD and "rumah tangga" in x.capped


class TestHarderNoise:
    def test_banjar_spellings_of_a_name_are_near(self):
        a = owner(nik="", owner_name="Fatimah Zubaidah")
        b = owner(id="B", nik="", owner_name="Patimah Jubaidah", phone="")
        assert "Nama pemilik mirip (99)" in score_pair(a, b).reasons
        assert is_duplicate(a, b)

    def test_siblings_sharing_a_long_second_name_fall_under_the_household_rule(self):
        a = owner(nik="", owner_name="Siti Kurniasih", business_name="Kue Bingka Diang")
        b = owner(id="B", nik="", owner_name="Rina Kurniasih", business_name="Laundry Bungas")
        assert score_pair(a, b).score <= 40

    def test_an_address_without_its_rt_rw_is_not_evidence_against(self):
        a = owner(nik="", phone="")
        b = owner(id="B", nik="", phone="", address="Jalan Pramuka Nomor 12")
        assert any(r.startswith("Alamat mirip") for r in score_pair(a, b).reasons)
        assert is_duplicate(a, b)

    def test_the_kind_left_out_of_a_business_named_after_its_owner_is_not_another_business(self):
        a = owner(owner_name="Halimah", business_name="Warung Galuh Halimah")
        b = owner(id="B", nik="", owner_name="Halimah", business_name="GALUH HALIMAH")
        candidate = score_pair(a, b)
        assert "Pemilik sama, usaha berbeda" not in candidate.reasons
        assert candidate.score >= DEFAULT_THRESHOLD

    def test_a_reworded_kind_of_business_is_the_same_kind(self):
        a = owner(business_name="Warung Soto Banjar Acil Siti")
        b = owner(id="B", nik="", business_name="Rumah Makan Soto Banjar Uma Siti")
        assert "Nama usaha mirip (99)" in score_pair(a, b).reasons


def test_a_scan_split_over_two_processes_finds_exactly_what_one_process_finds(monkeypatch):
    """R7a: comparing half the pairs in a second process is only faster, never different (the same pairs,
    scores, reasons and fitted weights)."""
    from berdaya.lib import dedup

    generated = list(enterprises(3_000, seed=11, kelurahan_codes=KELURAHAN))
    records = [e.dedup_record() for e in generated]
    monkeypatch.setattr(dedup, "PARALLEL_MIN_PAIRS", 10**9)
    alone = dedup.scan_records(records)
    monkeypatch.setattr(dedup, "PARALLEL_MIN_PAIRS", 1)
    monkeypatch.setattr(dedup.os, "cpu_count", lambda: 2)
    split = dedup.scan_records(records)
    assert alone.compared_pairs == split.compared_pairs > 1_000
    assert alone.model == split.model
    assert [(c.a_id, c.b_id, c.score, c.reasons) for c in split.candidates] == [
        (c.a_id, c.b_id, c.score, c.reasons) for c in alone.candidates
    ]
    assert len(split.candidates) > 50
