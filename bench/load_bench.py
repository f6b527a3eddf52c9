"""Many users at once: 20 logged-in users browse lists, searches and record pages for 60 s against gunicorn
(3 workers, production settings) on PostgreSQL, and each page's p50 / p95 is printed. Then one request per
page is profiled in-process: queries, time in templates, session and audit writes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/load_bench.py --keep

Bounded and local only: the server listens on 127.0.0.1, the load stops after --seconds (default 60) with
--users (default 20) threads, each waiting for its answer before the next request. It creates its own
database `berdaya_bench_load` (kept with --keep) with --rows people and enterprises (bench/browse_bench.py
loads them). Target: p95 <= 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browse_bench  # noqa: E402  (the database, loader and server of the browsing benchmark)

browse_bench.DB_NAME = "berdaya_bench_load"
MAX_USERS = 50
MAX_SECONDS = 300


def pages(values: dict) -> dict[str, str]:
    return {
        "people list": "/orang/",
        "people search: name": "/orang/?q=siti",
        "people search: NIK": f"/orang/?q={values['nik']}",
        "person record": f"/orang/{values['person']}/",
        "enterprise list": "/usaha-mikro/",
        "enterprise list, kecamatan": "/usaha-mikro/?kecamatan=63.71.04",
        "enterprise search: name": "/usaha-mikro/?q=sasirangan",
        "enterprise record": f"/usaha-mikro/{values['enterprise']}/",
        "cooperative list": "/koperasi/",
        "home": "/",
    }


def sessions(count: int) -> list[str]:
    """One session per user: half micro-enterprise clerks (unmasked, every render logged), half heads of
    office and planners (masked)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from berdaya.accounts.models import User
    from berdaya.accounts.roles import Role

    cookies = []
    for i in range(count):
        role = [Role.USAHA_MIKRO, Role.KEPALA_DINAS, Role.KOPERASI, Role.SEKRETARIAT][i % 4]
        user, _ = User.objects.get_or_create(username=f"beban_{i}", defaults={"role": role})
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.set_expiry(3600)
        store.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
    return cookies


def load(base: str, urls: dict[str, str], cookies: list[str], seconds: float) -> tuple[dict, list]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def user(cookie: str, seed: int):
        rng = random.Random(seed)
        names = list(urls)
        while time.monotonic() < deadline:
            name = rng.choice(names)
            request = urllib.request.Request(base + urls[name], headers={"Cookie": cookie})  # noqa: S310
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
                    response.read()
                    ok = response.status == 200 and response.geturl() == base + urls[name]
            except Exception as error:  # counted, not raised: the load goes on
                ok = False
                detail = str(error)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                timings[name].append(elapsed)
                if not ok:
                    errors.append(f"{name}: {locals().get('detail', 'redirected or not 200')}")

    threads = [threading.Thread(target=user, args=(c, i)) for i, c in enumerate(cookies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings, errors


def profile(urls: dict[str, str], *, repeat: int = 5, pyinstrument_dir: str = "") -> None:
    """Each page through Django's test client, ``repeat`` times (the median is printed: in-process time
    depends less on the machine's other work than the load figures): queries, template time, writes per
    request. ``pyinstrument_dir``: one text profile per page written there."""
    from django.db import connection
    from django.template import Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from berdaya.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="beban_0"))
    template_time = [0.0]
    original = Template.render

    def timed(self, context):
        start = time.perf_counter()
        try:
            return original(self, context)
        finally:
            if (
                getattr(context, "render_context", None) is not None
                and len(context.render_context.dicts) <= 2
            ):
                template_time[0] += time.perf_counter() - start

    Template.render = timed
    print(
        f"\n{'page (in-process, as a clerk)':30} {'ms':>6} {'cpu ms':>6} {'queries':>7} {'templ ms':>8} "
        f"{'session w':>9} {'audit w':>7}"
    )
    try:
        for name, path in urls.items():
            client.get(path, HTTP_HOST="127.0.0.1")  # warm
            took, cpu, templ = [], [], []
            for _ in range(repeat):
                template_time[0] = 0.0
                start, start_cpu = time.perf_counter(), time.process_time()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path, HTTP_HOST="127.0.0.1")
                took.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)  # this process only: not the database's
                templ.append(template_time[0] * 1000)
                assert response.status_code == 200, (path, response.status_code)
            sql = [q["sql"].lower() for q in queries.captured_queries]
            session_writes = sum(1 for s in sql if "django_session" in s and not s.startswith("select"))
            audit_writes = sum(1 for s in sql if "audit_auditentry" in s and s.startswith("insert"))
            row = f"{len(sql):7} {statistics.median(templ):8.1f} {session_writes:9} {audit_writes:7}"
            print(f"{name:30} {statistics.median(took):6.0f} {statistics.median(cpu):6.0f} {row}")
            if pyinstrument_dir:
                _pyinstrument(client, name, path, pyinstrument_dir)
    finally:
        Template.render = original


def _pyinstrument(client, name: str, path: str, directory: str) -> None:
    from pyinstrument import Profiler  # pip install pyinstrument

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(3):
        client.get(path, HTTP_HOST="127.0.0.1")
    profiler.stop()
    target = Path(directory) / f"{name.replace(' ', '_').replace(':', '').replace(',', '')}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(profiler.output_text(unicode=False, color=False, show_all=False))


def run_load(url: str, urls: dict[str, str], cookies: list[str], args, *, users: int, seconds: float) -> None:
    from berdaya.people.models import Person
    from berdaya.umkm.models import Enterprise

    server = browse_bench.start_server(url, args.port, root=Path(args.code) if args.code else None)
    try:
        base = f"http://127.0.0.1:{args.port}"
        load(base, urls, cookies[:2], 3)  # warm up
        timings, errors = load(base, urls, cookies, seconds)
        total = sum(len(t) for t in timings.values())
        people, firms = Person.objects.count(), Enterprise.objects.count()
        code = f" (code of {args.code})" if args.code else ""
        print(f"\n{people:,} people, {firms:,} enterprises on PostgreSQL; {users} users for {seconds:.0f} s,")
        print(f"gunicorn 3 workers{code}: {total:,} requests, {len(errors)} errors")
        print(f"{'page':30} {'n':>5} {'p50 ms':>7} {'p95 ms':>7}")
        everything = []
        for name in urls:
            values = sorted(timings[name])
            everything += values
            if values:
                p95 = values[max(int(len(values) * 0.95) - 1, 0)]
                print(f"{name:30} {len(values):5} {statistics.median(values):7.0f} {p95:7.0f}")
        everything.sort()
        print(f"{'all pages':30} {len(everything):5} {statistics.median(everything):7.0f} "
              f"{everything[int(len(everything) * 0.95) - 1]:7.0f}")  # fmt: skip
        for error in errors[:5]:
            print("error:", error)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the benchmark database")
    parser.add_argument("--database", default=browse_bench.DB_NAME, help="the benchmark database's name")
    parser.add_argument("--code", default="", help="serve another checkout's code (main's: 'before')")
    parser.add_argument("--profile-only", action="store_true", help="no load: the in-process profile only")
    parser.add_argument("--pyinstrument", default="", help="write one pyinstrument profile per page here")
    args = parser.parse_args()
    if not args.database.replace("_", "").isalnum():
        raise SystemExit("--database: letters, digits and _ only")
    browse_bench.DB_NAME = args.database
    users, seconds = min(args.users, MAX_USERS), min(args.seconds, MAX_SECONDS)  # bounded
    base_url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base_url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database).")
    url = browse_bench.create_database(base_url, keep=args.keep)
    # Production settings in this process too: the in-process profile with debug on (query log, template
    # debug) showed pages two to four times slower than gunicorn serves them.
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    browse_bench.setup_django(url)
    from django.conf import settings
    from django.core.management import call_command

    if not settings.DEBUG:
        call_command("collectstatic", "--noinput", verbosity=0)  # the manifest the pages' {% static %} read
    browse_bench.load(args.rows)
    from berdaya.umkm.models import Enterprise

    sample = Enterprise.objects.select_related("owner").order_by("pk")[args.rows // 2]
    urls = pages({"nik": sample.owner.nik, "person": sample.owner_id, "enterprise": sample.pk})
    cookies = sessions(users)
    print("machine:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    if not args.profile_only:
        run_load(url, urls, cookies, args, users=users, seconds=seconds)
        print("machine:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    profile(urls, pyinstrument_dir=args.pyinstrument)
    if not args.keep:
        from django.db import connections

        connections.close_all()
        browse_bench.drop_database(base_url)


if __name__ == "__main__":
    main()
