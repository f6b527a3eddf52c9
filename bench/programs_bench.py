"""Assistance programs at scale: the eligibility check of 100,000 businesses against a program,
and the bulk approval of 5,000 applications in one action, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/programs_bench.py

It creates (and at the end drops) its own database `berdaya_bench_programs`, loads N enterprises with their
owners from berdaya.lib.fakedata (the loader of browse_bench.py), gives 10% of the owners a past KUR and
cash aid (bulk_create), then times:
- eligibility: the enterprises meeting a BPUM-like rule set (R28: domicile, micro, occupation, never had
  cash aid, valid NIK) and a KUR-subsidy rule set (R29: never had KUR), counted and listed in the database;
- outreach: the eligible-or-unknown that have not applied;
- bulk approval: 5,000 verified applications approved in ranking order (R35) by a checker (R36).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browse_bench  # noqa: E402  (its database helpers and loader)

browse_bench.DB_NAME = "berdaya_bench_programs"


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def run(rows: int, approvals: int) -> None:
    import datetime as dt
    from decimal import Decimal

    from django.utils import timezone

    from berdaya.accounts.models import User
    from berdaya.accounts.roles import Role
    from berdaya.programs.models import Application, Kind, State
    from berdaya.programs.selectors import eligible, outreach
    from berdaya.programs.services import applications_approve, program_create
    from berdaya.umkm.models import Enterprise

    browse_bench.load(rows)
    maker, _ = User.objects.get_or_create(username="bench_maker", defaults={"role": Role.USAHA_MIKRO})
    checker, _ = User.objects.get_or_create(username="bench_checker", defaults={"role": Role.USAHA_MIKRO})
    today = timezone.localdate()

    def program(code, kind, rules, **extra):
        data = {"code": code, "name": code.upper(), "kind": kind, "starts_on": dt.date(2021, 1, 1)} | extra
        return program_create(actor=maker, data=data, rules=rules)

    kur = program("kur", Kind.CREDIT, [])
    old_cash = program("bpum-2021", Kind.CASH, [])
    bpum = program(
        "bpum",
        Kind.CASH,
        [
            ("domicile", {}),
            ("size_class", {"classes": ["mikro"]}),
            ("occupation_not_in", {}),
            ("never_received_kind", {"kind": Kind.CASH}),
            ("valid_nik", {}),
        ],
        amount=Decimal("1200000"),
        quota=approvals + 1000,
        need_weights={"female_owner": 1, "wub": 2},
    )
    subsidy = program("subsidi-kur", Kind.CREDIT_SUBSIDY, [("never_received_program", {"program": "kur"})])

    owners = list(Enterprise.objects.order_by("pk").values_list("pk", "owner_id", "kelurahan_id"))
    past = [
        Application(
            program=kur if i % 2 else old_cash,
            enterprise_id=pk,
            person_id=owner,
            kelurahan_id=kel,
            year=2021,
            state=State.CLOSED,
        )
        for i, (pk, owner, kel) in enumerate(owners[::10])
    ]
    Application.objects.bulk_create(past, batch_size=2000)
    print(f"past benefits: {len(past):,} (KUR and 2021 cash aid)")

    total = Enterprise.objects.count()
    n = timed(
        f"eligibility BPUM-like (5 criteria) over {total:,} enterprises, count",
        lambda: eligible(bpum).count(),
    )
    print(f"  eligible: {n:,}")
    timed("eligibility BPUM-like, all ids", lambda: len(list(eligible(bpum).values_list("pk", flat=True))))
    m = timed("eligibility KUR subsidy (never had KUR), count", lambda: eligible(subsidy).count())
    print(f"  eligible: {m:,}")
    o = timed("outreach BPUM (eligible or unknown, not applied), count", lambda: outreach(bpum).count())
    print(f"  to reach: {o:,}")

    candidates = list(eligible(bpum).order_by("pk").values_list("pk", "owner_id", "kelurahan_id")[:approvals])
    now = timezone.now()
    Application.objects.bulk_create(
        [
            Application(
                program=bpum,
                enterprise_id=pk,
                person_id=owner,
                kelurahan_id=kel,
                year=today.year,
                state=State.VERIFIED,
                amount=bpum.amount,
                proposed_by=maker,
                verified_by=maker,
                submitted_at=now,
                need_score=pk % 3,
            )
            for pk, owner, kel in candidates
        ],
        batch_size=2000,
    )
    ids = list(Application.objects.filter(program=bpum).values_list("pk", flat=True))
    result = timed(
        f"bulk approval of {len(ids):,} applications",
        lambda: applications_approve(actor=checker, program=bpum, ids=ids, year=today.year),
    )
    print(f"  {result}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--approvals", type=int, default=5_000)
    parser.add_argument("--keep", action="store_true", help="keep the database for another run")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = browse_bench.create_database(base_url, keep=args.keep)
    browse_bench.setup_django(url)
    try:
        run(args.rows, args.approvals)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            browse_bench.drop_database(base_url)


if __name__ == "__main__":
    main()
