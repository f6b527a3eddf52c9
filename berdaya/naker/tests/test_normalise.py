"""Free-text skills normalised to the office's list: typo- and synonym-tolerant (rapidfuzz)."""

import pytest

from berdaya.naker.models import Skill
from berdaya.naker.normalise import normalise, same_major
from berdaya.naker.services import skill_vocabulary

pytestmark = pytest.mark.django_db


def test_typos_and_synonyms_find_the_listed_skill():
    found, unknown = normalise("jait baju, ms ofice; bahasa inggirs, jualan online", skill_vocabulary())
    names = list(Skill.objects.filter(pk__in=found).values_list("name", flat=True))
    assert set(names) == {"Menjahit", "Microsoft Office", "Bahasa Inggris", "Menjual daring"}
    assert unknown == []


def test_what_nothing_matches_is_kept_apart_for_the_office_to_add():
    found, unknown = normalise("menyelam, Memasak", skill_vocabulary())
    assert [Skill.objects.get(pk=pk).name for pk in found] == ["Memasak"]
    assert unknown == ["menyelam"]


def test_short_words_must_match_closely():
    _found, unknown = normalise("kelas", skill_vocabulary())
    assert unknown == ["kelas"]  # not "las" (welding)


def test_majors_as_written():
    assert same_major("Tata Boga", "tataboga")
    assert not same_major("Tata Boga", "Tata Busana")
