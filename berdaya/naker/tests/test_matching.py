"""Matching: one function per criterion, explained in Indonesian, and the bulk matrix agrees with them."""

import random

import pytest

from berdaya.naker import matching
from berdaya.naker.matching import MET, NOT_MET, PARTLY, Names, SeekerProfile, VacancyProfile

NAMES = Names(
    occupations={1: "Juru masak", 2: "Kepala juru masak", 3: "Penjahit"},
    skills={10: "Memasak", 11: "HACCP", 12: "Menjahit"},
)
RELATED = {1: frozenset({2}), 2: frozenset({1})}


def seeker(**kw):
    base = {"pk": 1, "education": "sma", "major": "Tata Boga", "occupations": frozenset({1}),
            "skills": frozenset({10}), "experience_years": 2, "kecamatan": "63.71.04",
            "kecamatan_name": "Banjarmasin Utara"}  # fmt: skip
    return SeekerProfile(**(base | kw))


def vacancy(**kw):
    base = {"pk": 1, "education": "sma", "occupation": 1, "majors": ("Tata Boga",),
            "must_skills": frozenset({10}), "experience_years": 2, "kecamatan": "63.71.04"}  # fmt: skip
    return VacancyProfile(**(base | kw))


def test_education_names_the_level_and_major():
    result = matching.education(seeker(), vacancy())
    assert (result.result, result.text) == (MET, "Pendidikan SMA/SMK Tata Boga ✓")


def test_education_below_the_minimum_is_a_failed_must_have():
    result = matching.education(seeker(education="smp", major=""), vacancy())
    assert result.result == NOT_MET and result.must


def test_another_major_counts_partly_and_typos_in_majors_are_tolerated():
    assert matching.education(seeker(major="Akuntansi"), vacancy()).result == PARTLY
    assert matching.education(seeker(major="tataboga"), vacancy()).result == MET


def test_a_substitutable_occupation_counts_partly():
    assert matching.occupation(seeker(), vacancy(), RELATED, NAMES).result == MET
    partly = matching.occupation(seeker(occupations=frozenset({2})), vacancy(), RELATED, NAMES)
    assert partly.result == PARTLY and "Kepala juru masak" in partly.reason
    assert (
        matching.occupation(seeker(occupations=frozenset({3})), vacancy(), RELATED, NAMES).result == NOT_MET
    )


def test_a_missing_must_have_skill_is_named():
    result = matching.skills(seeker(skills=frozenset()), vacancy(), NAMES)
    assert result.result == NOT_MET and "Memasak" in result.reason


def test_fewer_than_half_the_nice_to_have_skills_counts_partly():
    asked = vacancy(nice_skills=frozenset({11, 12}))
    assert matching.skills(seeker(), asked, NAMES).result == PARTLY  # 0 of 2
    assert matching.skills(seeker(skills=frozenset({10, 11})), asked, NAMES).result == MET  # 1 of 2


@pytest.mark.parametrize(("years", "result"), [(2, MET), (1.5, PARTLY), (1.4, NOT_MET), (1, NOT_MET)])
def test_experience_at_its_boundaries(years, result):
    assert matching.experience(seeker(experience_years=years), vacancy()).result == result


def test_experience_reason_reads_as_the_office_says_it():
    text = matching.experience(seeker(experience_years=1), vacancy()).text
    assert text == "Pengalaman 1 th dari 2 th yang diminta ✗"


def test_location_by_distance_between_kecamatan():
    same = matching.location(seeker(), vacancy())
    assert same.result == MET and same.reason == "Domisili Banjarmasin Utara, 0 km"
    far = matching.location(seeker(kecamatan="63.71.01", kecamatan_name="Banjarmasin Selatan"), vacancy())
    assert (far.result, far.reason) == (PARTLY, "Domisili Banjarmasin Selatan, 6 km")  # > 5 km, <= 10 km
    near = matching.location(seeker(kecamatan="63.71.05", kecamatan_name="Banjarmasin Tengah"), vacancy())
    assert near.result == MET  # ~3.6 km
    assert matching.location(seeker(kecamatan=None), vacancy()).result == PARTLY


def test_an_abroad_vacancy_needs_willingness():
    assert matching.location(seeker(), vacancy(abroad=True)).result == NOT_MET
    assert matching.location(seeker(willing_abroad=True), vacancy(abroad=True)).result == MET


@pytest.mark.parametrize(
    ("want", "result"), [(None, MET), (4_000_000, MET), (4_800_000, PARTLY), (4_800_001, NOT_MET)]
)
def test_wage_at_its_boundaries(want, result):
    assert matching.wage(seeker(expected_wage=want), vacancy(wage_max=4_000_000)).result == result


def test_a_failed_must_have_ranks_below_a_lower_score_that_meets_them():
    good = matching.explain(seeker(pk=1, experience_years=0), vacancy(), related=RELATED, names=NAMES)
    failed = matching.explain(seeker(pk=2, skills=frozenset()), vacancy(), related=RELATED, names=NAMES)
    assert failed.must_failed and not good.must_failed
    assert sorted([failed, good], key=matching.rank_key)[0] is good


def test_the_bulk_matrix_agrees_with_the_functions_on_every_pair():
    rand = random.Random(5)
    levels = matching.EDUCATION_ORDER
    places = [*matching.KECAMATAN_CENTRES, None, "63.72.01"]
    seekers = [
        SeekerProfile(
            pk=i, education=rand.choice(levels),
            major=rand.choice(["Tata Boga", "tata boga", "Akuntansi", ""]),
            occupations=frozenset(rand.sample([1, 2, 3], rand.randint(0, 2))),
            skills=frozenset(rand.sample([10, 11, 12], rand.randint(0, 3))),
            experience_years=rand.choice([0, 0.5, 1, 1.5, 2, 3]), kecamatan=rand.choice(places),
            expected_wage=rand.choice([None, 3_000_000, 4_500_000, 6_000_000]),
            willing_abroad=rand.random() < 0.3,
        )
        for i in range(60)
    ]  # fmt: skip
    vacancies = [
        VacancyProfile(
            pk=j, education=rand.choice(levels), occupation=rand.choice([1, 2, 3]),
            majors=rand.choice([(), ("Tata Boga",), ("Akuntansi", "Manajemen")]),
            must_skills=frozenset(rand.sample([10, 11, 12], rand.randint(0, 2))),
            nice_skills=frozenset(rand.sample([10, 11, 12], rand.randint(0, 2))),
            experience_years=rand.choice([0, 1, 2]), kecamatan=rand.choice(places),
            wage_max=rand.choice([None, 4_000_000]), abroad=rand.random() < 0.1,
        )
        for j in range(25)
    ]  # fmt: skip
    scores = matching.score_matrix(seekers, vacancies, related=RELATED)
    for i, s in enumerate(seekers):
        for j, v in enumerate(vacancies):
            one = matching.explain(s, v, related=RELATED, names=NAMES)
            assert scores.score[i, j] == pytest.approx(one.score), (s, v)
            assert bool(scores.must_failed[i, j]) == one.must_failed, (s, v)
