"""Free-text skills and majors normalised to the office's lists, typo- and synonym-tolerant (rapidfuzz).

"jait baju, ms ofice; bahasa inggirs" -> Menjahit, Microsoft Office, Bahasa Inggris. A phrase is compared with
each list entry's name and synonyms (lower-cased, punctuation dropped); the best score at or above
``THRESHOLD`` wins. What nothing matches is kept apart, so staff can add it to the list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

THRESHOLD = 85  # rapidfuzz WRatio; 85 accepts one or two typos in a word, refuses different words
MAJOR_THRESHOLD = 85
_SPLIT = re.compile(r"[,;/\n]+| dan ")


def split_phrases(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text or "") if part.strip()]


def _key(text: str) -> str:
    return utils.default_process(text)


@dataclass(frozen=True)
class Vocabulary:
    """Lookup of names and synonyms -> entry id."""

    keys: tuple[str, ...]
    ids: tuple[int, ...]

    @classmethod
    def build(cls, entries: Iterable[tuple[int, str, str]]) -> Vocabulary:
        keys, ids = [], []
        for pk, name, synonyms in entries:
            for phrase in [name, *split_phrases(synonyms)]:
                key = _key(phrase)
                if key:
                    keys.append(key)
                    ids.append(pk)
        return cls(tuple(keys), tuple(ids))

    def match(self, phrase: str) -> int | None:
        key = _key(phrase)
        if not key or not self.keys:
            return None
        if key in self.keys:
            return self.ids[self.keys.index(key)]
        found = process.extractOne(key, self.keys, scorer=fuzz.WRatio, score_cutoff=THRESHOLD, processor=None)
        if found is None:
            return None
        # WRatio scores a short key inside a long one high ("las" in "kelas"): when either side is very
        # short the two must be near-identical as a whole
        if min(len(key), len(found[0])) <= 4 and fuzz.ratio(key, found[0]) < THRESHOLD:
            return None
        return self.ids[found[2]]


def normalise(text: str, vocabulary: Vocabulary) -> tuple[list[int], list[str]]:
    """(ids found in order, without repeats; phrases not recognised)."""
    found: list[int] = []
    unknown: list[str] = []
    for phrase in split_phrases(text):
        pk = vocabulary.match(phrase)
        # a phrase with a typo in a short word ("jait baju") scores low as a whole: try its words
        words = [word for word in phrase.split() if len(word) >= 4]
        hits = [pk] if pk is not None else [vocabulary.match(word) for word in words]
        hits = [hit for hit in hits if hit is not None]
        if not hits:
            unknown.append(phrase)
        for hit in hits:
            if hit not in found:
                found.append(hit)
    return found, unknown


@functools.lru_cache(maxsize=4096)
def same_major(a: str, b: str) -> bool:
    """Two majors as written name the same one ("Tata Boga" / "tataboga", "T. Komputer Jaringan")."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    return (
        ka == kb or fuzz.token_set_ratio(ka, kb) >= MAJOR_THRESHOLD or fuzz.ratio(ka, kb) >= MAJOR_THRESHOLD
    )
