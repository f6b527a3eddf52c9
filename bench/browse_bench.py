"""Browsing speed at scale: list, filter and search pages with N micro enterprises on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/browse_bench.py --rows 1000000

It creates (and at the end drops) its own database `berdaya_bench_browse`, loads regions and N enterprises
with their owners (PostgreSQL COPY, from berdaya.lib.fakedata), starts gunicorn on 127.0.0.1 with production
settings, and times each page with a bounded number of requests from a second process (a small HTTP load
client on loopback), printing p50 / p95 / max server round-trip per page. Target: p95 <= 200 ms.
Use --keep to keep the database for another run (loading 1M rows takes a few minutes).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "berdaya_bench_browse"


def admin_url(url: str, dbname: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{dbname}"))


SECRET = "bench-" + "x" * 50  # the server's and this process's, so the session cookie made here is valid


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["SECRET_KEY"] = SECRET
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "berdaya.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def create_database(base_url: str, *, keep: bool) -> str:
    import psycopg

    with psycopg.connect(admin_url(base_url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if exists and not keep:
            conn.execute(f"DROP DATABASE {DB_NAME}")
            exists = None
        if not exists:
            conn.execute(f"CREATE DATABASE {DB_NAME}")
    return admin_url(base_url, DB_NAME)


def drop_database(base_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url(base_url, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def copy_rows(model, columns: list[str], rows) -> int:
    """COPY rows (tuples in ``columns`` order) into the model's table."""
    from django.db import connection

    table = model._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg 3 cursor
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def load(rows: int) -> None:
    import datetime as dt

    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from berdaya.lib.fakedata import enterprises, people
    from berdaya.people.models import Person
    from berdaya.regions.loader import load_regions
    from berdaya.regions.models import Region
    from berdaya.umkm.models import Enterprise, Sector
    from berdaya.umkm.selectors import normalize_search

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)  # the default cache (DatabaseCache) the pages use
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics after any migration, as autovacuum would in production
    load_regions(prefix="63.71")
    if Enterprise.objects.count() >= rows:
        print(f"database already holds {Enterprise.objects.count():,} enterprises")
        return
    codes = list(Region.objects.filter(level=4, code__startswith="63.71.").values_list("code", flat=True))
    sectors = {s.code: s.pk for s in Sector.objects.all()}
    fallback_sector = next(iter(sectors.values()))
    now = timezone.now()
    started = time.perf_counter()
    person_columns = [
        "created_at", "updated_at", "nik", "name", "sex", "birth_date", "birth_place", "phone", "address",
        "rt", "rw", "kelurahan_id", "occupation", "education", "disability", "needs_review", "review_reason",
        "nik_issue", "nik_issue_note",
    ]  # fmt: skip
    people_iter = people(rows, seed=7, kelurahan_codes=codes)
    copy_rows(
        Person,
        person_columns,
        (
            (now, now, p.nik, p.name, p.sex, p.birth_date, p.birth_place, p.phone, p.address.split(" RT ")[0],
             p.rt, p.rw, p.kelurahan_code, p.occupation, "", False, False, "", "", "")
            for p in people_iter
        ),
    )  # fmt: skip
    print(f"people: {rows:,} in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM people_person ORDER BY id")
        owner_ids = [row[0] for row in cursor.fetchall()]
    classes = ["mikro"] * 90 + ["kecil"] * 8 + ["menengah"] * 2
    enterprise_columns = [
        "created_at", "updated_at", "owner_id", "name", "brand", "sector_id", "kbli", "main_activity",
        "products", "legal_form", "address", "rt", "rw", "kelurahan_id", "phone", "founded_year", "nib",
        "workers_male", "workers_female", "workers_paid", "workers_unpaid", "workers_disabled", "status",
        "status_reason", "registered_on", "photo", "is_wub", "source", "source_id", "current_size_class",
        "search_text",
    ]  # fmt: skip
    source = enterprises(rows, seed=7, kelurahan_codes=codes, duplicate_share=0, household_share=0,
                         second_business_share=0)  # fmt: skip
    started = time.perf_counter()

    def enterprise_rows():
        for i, (e, owner_id) in enumerate(zip(source, owner_ids, strict=False)):
            nib = f"{9120000000000 + i}" if i % 3 == 0 else ""
            yield (
                now, now, owner_id, e.business_name, e.brand, sectors.get(e.sector, fallback_sector),
                "", "", "", "perorangan", e.address.split(" RT ")[0], e.rt, e.rw,
                e.kelurahan_code, _phone(e.phone), e.founding_year, nib, 1, 1, 1, 1, 0, "aktif", "",
                dt.date(2020 + i % 6, 1 + i % 12, 1), "",
                i % 20 == 0, "bench", e.record_id, classes[i % 100],
                normalize_search(f"{e.business_name} {e.brand} {e.owner_name}"),
            )  # fmt: skip

    copy_rows(Enterprise, enterprise_columns, enterprise_rows())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"enterprises: {rows:,} in {time.perf_counter() - started:.0f} s")


def _phone(typed: str) -> str:
    from berdaya.lib.phone import normalize_phone

    try:
        return normalize_phone(typed) if typed else ""
    except ValueError:
        return ""


def session_cookie() -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from berdaya.accounts.models import User
    from berdaya.accounts.roles import Role

    user, _ = User.objects.get_or_create(username="bench_umkm", defaults={"role": Role.USAHA_MIKRO})
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.set_expiry(3600)
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def start_server(database_url: str, port: int, *, root: Path | None = None) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port serving this checkout's code (or ``root``'s: another checkout)."""
    root = root or ROOT
    env = os.environ | {
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(root),
    }
    subprocess.run(
        [sys.executable, "-m", "berdaya", "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=root
    )
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "berdaya.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "3", "--log-level", "warning"],
        env=env,
        cwd=root,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/akun/masuk/", timeout=1)  # noqa: S310 - loopback
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not start")


def measure(url: str, cookie: str, *, requests: int, concurrency: int) -> list[float]:
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker():
        try:
            run()
        except Exception as error:  # reported once below, not as a thread traceback
            errors.append(f"{url}: {error}")

    def run():
        for _ in range(per_thread):
            request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310 - loopback only
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                body = response.read()
                if response.status != 200 or b"<html" not in body or response.geturl() != url:
                    raise SystemExit(f"{url} answered {response.status} at {response.geturl()}")
            with lock:
                timings.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(errors[0])
    return timings


PAGES = {
    "list, first page": "/usaha-mikro/",
    "list, page 400 (deepest)": "/usaha-mikro/?page=400",
    "list sorted by registration": "/usaha-mikro/?sort=-registered",
    "filter: kecamatan": "/usaha-mikro/?kecamatan=63.71.04",
    "filter: sector + class": "/usaha-mikro/?sector={sector}&size_class=kecil",
    "filter: no NIB + WUB": "/usaha-mikro/?no_nib=1&is_wub=1",
    "search: business name": "/usaha-mikro/?q=sasirangan",
    "search: owner name": "/usaha-mikro/?q=siti+aminah",
    "search: NIK prefix": "/usaha-mikro/?q={nik}",
    "search: phone": "/usaha-mikro/?q={phone}",
    "record page": "/usaha-mikro/{pk}/",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=60, help="requests per page (bounded)")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the benchmark database")
    args = parser.parse_args()
    base = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not base.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL server (the benchmark creates its own database).")
    url = create_database(base, keep=args.keep)
    setup_django(url)
    load(args.rows)
    from berdaya.umkm.models import Enterprise

    sample = Enterprise.objects.select_related("owner").order_by("pk")[args.rows // 2]
    values = {
        "sector": "kriya",
        "nik": sample.owner.nik[:10],
        "phone": quote("0" + sample.phone[3:]),
        "pk": sample.pk,
    }
    cookie = session_cookie()
    server = start_server(url, args.port)
    out = io.StringIO()
    try:
        count = Enterprise.objects.count()
        print(f"\n{count:,} enterprises on PostgreSQL; {args.requests} requests per page, "
              f"concurrency {args.concurrency}, gunicorn 3 workers, production settings")  # fmt: skip
        print(f"{'page':32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        worst = 0.0
        for name, path in PAGES.items():
            full = f"http://127.0.0.1:{args.port}{path.format(**values)}"
            measure(full, cookie, requests=args.concurrency * 2, concurrency=args.concurrency)  # warm up
            timings = sorted(measure(full, cookie, requests=args.requests, concurrency=args.concurrency))
            p95 = timings[int(len(timings) * 0.95) - 1]
            worst = max(worst, p95)
            print(f"{name:32} {statistics.median(timings):8.0f} {p95:8.0f} {timings[-1]:8.0f}", file=out)
            print(out.getvalue().splitlines()[-1])
        print(f"worst p95: {worst:.0f} ms (target <= 200 ms)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        if not args.keep:
            from django.db import connections

            connections.close_all()
            drop_database(base)


if __name__ == "__main__":
    main()
