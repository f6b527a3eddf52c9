"""Events at scale: the fair invitation list of 30 out of 100,000 enterprises (R49), and checking
in 500 participants from two phones syncing their queues at the same time, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/events_bench.py

It creates (and at the end drops) its own database `berdaya_bench_events`, loads N enterprises with their
owners (browse_bench's loader), gives 10% of them a past benefit and 5% a past exhibition in the benefit
history (bulk_create), then times:
- the invitation proposal (candidates with "served" and "last same kind" from the history, population per
  kelurahan, the pure fair rule) and writing the 30 invitations;
- check-in: 500 registered participants, two clients (threads, each its own connection and session) posting
  their queues in batches of 25 scans to the check-in sync view; then both replay every batch (a dropped
  connection) and the count must stay 500.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import browse_bench  # noqa: E402  (its database helpers and loader)

browse_bench.DB_NAME = "berdaya_bench_events"


def timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def run(rows: int, places: int, checkins: int) -> None:
    import datetime as dt
    import json
    import statistics

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from berdaya.accounts.models import User
    from berdaya.accounts.roles import Division, Role
    from berdaya.benefits.models import Benefit
    from berdaya.people.models import Person
    from berdaya.training import selectors, services
    from berdaya.training.models import CheckIn, Participant
    from berdaya.umkm.models import Enterprise

    browse_bench.load(rows)
    staff, _ = User.objects.get_or_create(username="bench_events", defaults={"role": Role.USAHA_MIKRO})
    staff.set_password("bench-events-pass")
    staff.save()
    ct = ContentType.objects.get_for_model(Person)
    owners = list(Enterprise.objects.order_by("pk").values_list("pk", "owner_id", "kelurahan_id"))
    Benefit.objects.bulk_create(
        [
            Benefit(
                person_id=owner, enterprise_id=pk, kelurahan_id=kel, source="program" if i % 2 else "event",
                kind="hibah" if i % 2 else "pameran", title="past", received_on=dt.date(2021, 1 + i % 12, 1),
                year=2021, content_type=ct, object_id=pk,
            )
            for i, (pk, owner, kel) in enumerate(owners[::10])
        ],
        batch_size=5000,
    )  # fmt: skip
    print(f"benefit history: {Benefit.objects.count():,} rows over {len(owners):,} enterprises")

    expo = services.event_create(
        actor=staff,
        data={
            "title": "Pameran UMKM", "kind": "pameran", "division": Division.USAHA_MIKRO,
            "starts_on": dt.date(2026, 8, 1), "ends_on": dt.date(2026, 8, 3), "target_group": "umkm",
            "target": "enterprise",
        },
    )  # fmt: skip
    chosen = timed(
        f"fair invitation proposal: {places} of {len(owners):,} enterprises (pure rule + queries)",
        lambda: selectors.proposal(expo, places, "bench"),
    )
    print(f"  never served among them: {sum(not c.candidate.served for c in chosen)} of {len(chosen)}")
    print(f"  first reason: {chosen[0].reason}")
    invited = timed(
        f"fair invitation written: {places} participants invited",
        lambda: services.invitation_propose(actor=staff, event=expo, places=places, seed="bench"),
    )
    assert len(invited) == places

    training = services.event_create(
        actor=staff,
        data={
            "title": "Pelatihan Digital Marketing", "kind": "pelatihan", "division": Division.USAHA_MIKRO,
            "starts_on": dt.date(2026, 9, 1), "ends_on": dt.date(2026, 9, 1), "target_group": "umkm",
        },
    )  # fmt: skip
    people = list(Person.objects.order_by("pk")[:checkins])
    timed(
        f"registering {checkins} participants by person",
        lambda: [services.participant_register(actor=staff, event=training, person=p) for p in people],
    )
    session = training.sessions.get()
    tokens = list(Participant.objects.filter(event=training).values_list("token", flat=True))
    url = reverse("training:checkin_sync", args=[training.pk])
    batches = [[{"nonce": f"{t}-1", "code": t, "session": session.pk} for t in tokens[i : i + 25]]
               for i in range(0, len(tokens), 25)]  # fmt: skip
    latencies: list[float] = []
    connection.close()

    def phone(mine, name):
        client = Client(SERVER_NAME="localhost")
        client.force_login(staff)
        for batch in mine:
            for scan in batch:
                scan["device"] = name
            started = time.perf_counter()
            response = client.post(url, json.dumps({"scans": batch}), content_type="application/json")
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        from django.db import connection as own

        own.close()

    def two_phones():
        threads = [threading.Thread(target=phone, args=(batches[i::2], f"hp-{i}")) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    timed(f"check-in of {checkins} participants from two clients (batches of 25)", two_phones)
    print(
        f"  per batch: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms; accepted {CheckIn.objects.filter(accepted=True).count()}"
    )
    latencies.clear()
    timed("replay of every batch (dropped connection) from both clients", two_phones)
    accepted = CheckIn.objects.filter(accepted=True).count()
    print(f"  accepted after replay: {accepted} (each nonce counted once)")
    assert accepted == checkins


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--places", type=int, default=30)
    parser.add_argument("--checkins", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="keep the database for another run")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    url = browse_bench.create_database(base_url, keep=args.keep)
    browse_bench.setup_django(url)
    try:
        run(args.rows, args.places, args.checkins)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            browse_bench.drop_database(base_url)


if __name__ == "__main__":
    main()
