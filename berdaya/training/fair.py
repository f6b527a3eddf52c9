"""Fair invitation (domain.md R49, extending R35): a pure function over candidates, no database.

1. Places are spread over kecamatan, then over their kelurahan, in proportion to the registered target
   population (largest remainders); a kelurahan with nobody registered gets no place, and places a
   kelurahan cannot fill go back to a city-wide pool.
2. Inside each share, those never served by the office (any program or event in the benefit history)
   come first; then, for exhibitions and other rotating events, who attended the same kind longest ago
   (never first); then a lottery: a number drawn from the shown seed and the candidate's id, so the
   same seed gives the same list.
3. A kecamatan quota (if set) caps the places of that kecamatan.
Every choice carries its reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Candidate:
    id: int
    kelurahan: str | None  # region code 63.71.01.1001
    served: bool
    last_same_kind: dt.date | None = None
    label: str = ""

    @property
    def kecamatan(self) -> str | None:
        return self.kelurahan.rsplit(".", 1)[0] if self.kelurahan else None


@dataclass(frozen=True)
class Choice:
    candidate: Candidate
    rank: int
    reason: str
    draw: int


def draw(seed: str, candidate_id: int) -> int:
    """The lottery number of a candidate: reproducible from the seed alone."""
    digest = hashlib.sha256(f"{seed}:{candidate_id}".encode()).hexdigest()
    return int(digest[:12], 16)


def apportion(places: int, weights: dict) -> dict:
    """Largest-remainder split of ``places`` over keys in proportion to ``weights`` (zero weight, no place).
    Ties in remainders go to the larger weight, then the smaller key (deterministic)."""
    total = sum(w for w in weights.values() if w > 0)
    if places <= 0 or total <= 0:
        return {key: 0 for key in weights}
    exact = {key: places * w / total if w > 0 else 0 for key, w in weights.items()}
    shares = {key: int(value) for key, value in exact.items()}
    left = places - sum(shares.values())
    order = sorted(
        (key for key in weights if weights[key] > 0),
        key=lambda k: (-(exact[k] - shares[k]), -weights[k], str(k)),
    )
    for key in order[:left]:
        shares[key] += 1
    return shares


def _sort_key(candidate: Candidate, seed: str, rotation: bool):
    rotation_key = (
        ((0, dt.date.min) if candidate.last_same_kind is None else (1, candidate.last_same_kind))
        if rotation
        else (0, dt.date.min)
    )
    return (candidate.served, rotation_key, draw(seed, candidate.id))


def _tie_key(candidate: Candidate, rotation: bool):
    return (candidate.served, candidate.last_same_kind if rotation else None)


def propose(
    candidates: Iterable[Candidate],
    places: int,
    *,
    population: dict[str, int],
    seed: str,
    rotation: bool = False,
    kecamatan_quota: dict[str, int] | None = None,
    names: dict[str, str] | None = None,
) -> list[Choice]:
    """The invitation list (R49): at most ``places`` choices, in rank order, each with its reason.

    ``population``: registered target group per kelurahan code (the proportional base).
    ``kecamatan_quota``: kecamatan code -> maximum places."""
    pool = list(candidates)
    quota = dict(kecamatan_quota or {})
    by_kecamatan: dict[str, dict[str, int]] = defaultdict(dict)
    for kelurahan, count in population.items():
        by_kecamatan[kelurahan.rsplit(".", 1)[0]][kelurahan] = count
    kec_shares = apportion(places, {kec: sum(v.values()) for kec, v in by_kecamatan.items()})
    shares: dict[str, int] = {}
    for kec, share in kec_shares.items():
        shares.update(apportion(share, by_kecamatan[kec]))

    by_kelurahan: dict[str | None, list[Candidate]] = defaultdict(list)
    for candidate in pool:
        by_kelurahan[candidate.kelurahan].append(candidate)
    for group in by_kelurahan.values():
        group.sort(key=lambda c: _sort_key(c, seed, rotation))

    taken_per_kec: dict[str, int] = defaultdict(int)
    chosen: list[tuple[Candidate, str]] = []
    chosen_ids: set[int] = set()

    def fits(candidate: Candidate) -> bool:
        kec = candidate.kecamatan
        return kec not in quota or taken_per_kec[kec] < quota[kec]

    def why(candidate: Candidate, where: str, tie: bool) -> str:
        parts = [_("belum pernah dilayani") if not candidate.served else _("sudah pernah dilayani")]
        if rotation:
            parts.append(
                _("belum pernah ikut kegiatan sejenis")
                if candidate.last_same_kind is None
                else _("terakhir ikut kegiatan sejenis %(date)s")
                % {"date": candidate.last_same_kind.strftime("%d/%m/%Y")}
            )
        parts.append(where)
        if tie:
            parts.append(
                _("undian: nomor %(n)s (benih %(seed)s)")
                % {"n": draw(seed, candidate.id) % 100000, "seed": seed}
            )
        return "; ".join(parts)

    def take(group: list[Candidate], n: int, where: str) -> None:
        eligible = [c for c in group if c.id not in chosen_ids]
        picked: list[Candidate] = []
        for candidate in eligible:
            if len(picked) >= n:
                break
            if fits(candidate):
                picked.append(candidate)
                taken_per_kec[candidate.kecamatan] += 1
        # The lottery decided when someone left out ties with someone picked.
        left_out = {_tie_key(c, rotation) for c in eligible if c not in picked}
        for candidate in picked:
            chosen.append((candidate, why(candidate, where, _tie_key(candidate, rotation) in left_out)))
            chosen_ids.add(candidate.id)

    for kelurahan in sorted(shares, key=lambda k: (-shares[k], k)):
        if shares[kelurahan]:
            where = _("jatah kelurahan %(code)s: %(n)s tempat dari populasi %(pop)s") % {
                "code": (names or {}).get(kelurahan, kelurahan),
                "n": shares[kelurahan],
                "pop": population[kelurahan],
            }
            take(by_kelurahan.get(kelurahan, []), shares[kelurahan], where)
    # Places a kelurahan could not fill (too few candidates, or a kecamatan quota) go to the city pool.
    remaining = places - len(chosen)
    if remaining > 0:
        rest = sorted((c for c in pool if c.id not in chosen_ids), key=lambda c: _sort_key(c, seed, rotation))
        take(rest, remaining, _("sisa tempat seluruh kota"))
    chosen.sort(key=lambda pair: _sort_key(pair[0], seed, rotation))
    return [
        Choice(candidate=c, rank=i, reason=reason, draw=draw(seed, c.id))
        for i, (c, reason) in enumerate(chosen, start=1)
    ]


def coverage(served: dict[str, int], registered: dict[str, int]) -> list[dict]:
    """Per kelurahan: served vs registered and the share; every registered kelurahan appears,
    those no event reached with zero."""
    rows = []
    for code in sorted(set(registered) | set(served)):
        reg, srv = registered.get(code, 0), served.get(code, 0)
        rows.append(
            {
                "kelurahan": code,
                "registered": reg,
                "served": srv,
                "share": round(100 * srv / reg, 1) if reg else None,
            }
        )
    return rows
