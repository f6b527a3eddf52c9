"""Bulk matching speed: every job seeker against every vacancy (2,000 × 500 in seconds).

    .venv/bin/python bench/matching_bench.py [--seekers 2000] [--vacancies 500]

Pure in-memory profiles shaped like the demo's (KBJI occupations, ~50 skills, five kecamatan, majors with
typos), scored by ``naker.matching.score_matrix``; prints the time to score all pairs, to rank the top 20
per vacancy, and to write the Indonesian reasons for those pairs. No database needed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "berdaya.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from berdaya.naker import matching  # noqa: E402
from berdaya.naker.matching import Names, SeekerProfile, VacancyProfile  # noqa: E402

MAJORS = ["Tata Boga", "tata boga", "Tata Busana", "Akuntansi", "akuntansi", "Perhotelan", "TKJ", "Otomotif",
          "Manajemen", "Teknik Informatika", ""]  # fmt: skip


def profiles(n_seekers: int, n_vacancies: int, seed: int = 7):
    rand = random.Random(seed)
    occupations, skills = list(range(1, 48)), list(range(100, 153))
    places = [*matching.KECAMATAN_CENTRES, None]
    seekers = [
        SeekerProfile(
            pk=i, education=rand.choice(matching.EDUCATION_ORDER[1:]), major=rand.choice(MAJORS),
            occupations=frozenset(rand.sample(occupations, rand.choice((1, 2, 3)))),
            skills=frozenset(rand.sample(skills, rand.randint(0, 6))),
            experience_years=rand.choice((0, 0, 0.5, 1, 2, 3, 5)), kecamatan=rand.choice(places),
            kecamatan_name="", expected_wage=rand.choice((None, 3_000_000, 3_500_000, 4_500_000)),
            willing_abroad=rand.random() < 0.05,
        )
        for i in range(n_seekers)
    ]  # fmt: skip
    vacancies = [
        VacancyProfile(
            pk=j, education=rand.choice(("smp", "sma", "sma", "diploma", "s1")),
            occupation=rand.choice(occupations),
            majors=rand.choice(((), (), ("Tata Boga",), ("Akuntansi", "Manajemen"))),
            must_skills=frozenset(rand.sample(skills, rand.randint(0, 2))),
            nice_skills=frozenset(rand.sample(skills, rand.randint(0, 3))),
            experience_years=rand.choice((0, 0, 1, 2)), kecamatan=rand.choice(places),
            wage_max=rand.choice((None, 3_500_000, 4_000_000)), abroad=rand.random() < 0.02,
        )
        for j in range(n_vacancies)
    ]  # fmt: skip
    related = {o: frozenset({o + 1, o - 1}) for o in occupations}
    names = Names(
        occupations={o: f"Jabatan {o}" for o in occupations}, skills={s: f"Keterampilan {s}" for s in skills}
    )
    return seekers, vacancies, related, names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seekers", type=int, default=2000)
    parser.add_argument("--vacancies", type=int, default=500)
    args = parser.parse_args()
    seekers, vacancies, related, names = profiles(args.seekers, args.vacancies)
    pairs = len(seekers) * len(vacancies)

    started = time.perf_counter()
    scores = matching.score_matrix(seekers, vacancies, related=related)
    scored = time.perf_counter() - started

    started = time.perf_counter()
    best = scores.best_per_vacancy(20)
    tops = [[int(i) for i in best[:, j]] for j in range(len(vacancies))]
    ranked = time.perf_counter() - started

    started = time.perf_counter()
    explained = [
        matching.explain(seekers[i], vacancies[j], related=related, names=names)
        for j, top in enumerate(tops)
        for i in top
    ]
    reasons = time.perf_counter() - started

    started = time.perf_counter()
    for i in range(0, len(seekers), max(1, len(seekers) // 50)):
        for j in range(0, len(vacancies), max(1, len(vacancies) // 20)):
            matching.explain(seekers[i], vacancies[j], related=related, names=names)
    sample = 50 * 20
    one_by_one = (time.perf_counter() - started) / sample * pairs

    print(f"job seekers × vacancies      {len(seekers):,} × {len(vacancies):,} = {pairs:,} pairs")
    print(f"score every pair (numpy)     {scored:.3f} s  ({pairs / scored / 1e6:.1f} M pairs/s)")
    print(f"rank top 20 per vacancy      {ranked:.3f} s")
    print(f"write reasons for top 20s    {reasons:.3f} s  ({len(explained):,} explained pairs)")
    print(f"total                        {scored + ranked + reasons:.3f} s")
    print(f"pair by pair (estimated)     {one_by_one:.1f} s  (the per-criterion functions on every pair)")
    fits = int(((~scores.must_failed) & (scores.score >= 60)).any(axis=1).sum())
    print(f"job seekers with a fit (≥60) {fits:,} of {len(seekers):,}")


if __name__ == "__main__":
    main()
