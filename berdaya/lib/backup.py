"""Backup and restore of everything Berdaya keeps: the database and the uploads (MEDIA_ROOT).

One archive (``.tar``) holds ``manifest.json``, the database and ``media/``:

- SQLite: a consistent copy made with SQLite's online backup API (safe while Berdaya runs, WAL included).
- PostgreSQL: ``pg_dump --format=custom`` (consistent snapshot, while Berdaya runs), restored with
  ``pg_restore --clean --if-exists`` in one transaction.

Restore writes into the configured database, or into another one (``target_url``): restoring into a copy
first is how a backup is checked (tests/test_backup.py does exactly that on both databases). Uploads are
unpacked next to MEDIA_ROOT and swapped in; the previous folder is kept beside it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Indonesian, for the operator."""


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    names = (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"))
    for key, name in names:
        if db.get(key):
            env[name] = str(db[key])
    return env


def _run(command: list[str], env: dict) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=3600)
    except FileNotFoundError:
        raise BackupError(f"Program {command[0]} tidak ditemukan: pasang klien PostgreSQL.") from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} gagal: {result.stderr.strip()[:2000]}")


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).migration_qs.order_by("id").values_list("app", "name"):
        latest[app] = name
    return latest


def backup(output: Path, *, media_root: Path | None = None) -> dict:
    """Write the archive ``output``; returns its manifest."""
    media_root = Path(media_root or settings.MEDIA_ROOT)
    db = connection.settings_dict
    vendor = connection.vendor
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as work:
        work = Path(work)
        if vendor == "sqlite":
            database = work / "database.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(database)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        elif vendor == "postgresql":
            database = work / "database.pgdump"
            _run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(database),
                 "--dbname", db["NAME"]],
                _pg_env(db),
            )  # fmt: skip
        else:
            raise BackupError(f"Basis data {vendor} belum didukung untuk cadangan.")
        files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
        manifest = {
            "format": FORMAT,
            "vendor": vendor,
            "created_at": timezone.now().isoformat(),
            "database": database.name,
            "media_files": len(files),
            "media_bytes": sum(p.stat().st_size for p in files),
            "migrations": _latest_migrations(),
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = output.with_suffix(output.suffix + ".sebagian")
        with tarfile.open(partial, "w") as archive:
            archive.add(work / "manifest.json", arcname="manifest.json")
            archive.add(database, arcname=database.name)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial.replace(output)  # a half-written archive never carries the final name
    return manifest


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path) as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except (tarfile.TarError, KeyError, OSError, ValueError) as error:
        raise BackupError(f"Berkas cadangan tidak terbaca: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError("Format berkas cadangan tidak dikenal.")
    return manifest


def _target(target_url: str | None) -> dict:
    if target_url:
        parsed = dj_database_url.parse(target_url)
        vendor = (
            "sqlite"
            if "sqlite" in parsed["ENGINE"]
            else "postgresql"
            if "postgres" in parsed["ENGINE"]
            else ""
        )
        return parsed | {"vendor": vendor}
    return dict(connection.settings_dict) | {"vendor": connection.vendor}


def _safe_members(archive: tarfile.TarFile, prefix: str):
    for member in archive.getmembers():
        name = member.name
        if not name.startswith(prefix) or not member.isfile():
            continue
        parts = Path(name).parts
        if ".." in parts or Path(name).is_absolute():
            raise BackupError(f"Berkas cadangan berisi jalur tidak sah: {name}")
        yield member


def restore(archive_path: Path, *, target_url: str | None = None, media_root: Path | None = None) -> dict:
    """Restore the archive into the configured database (or ``target_url``) and MEDIA_ROOT (or
    ``media_root``). Returns the manifest."""
    manifest = read_manifest(archive_path)
    target = _target(target_url)
    if target["vendor"] != manifest["vendor"]:
        raise BackupError(
            f"Cadangan ini dari {manifest['vendor']}, tujuan pemulihan "
            f"{target['vendor'] or 'tidak dikenal'}: pulihkan ke basis data yang sejenis."
        )
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path) as archive:
        work = Path(work)
        member = archive.getmember(manifest["database"])
        archive.extract(member, work, filter="data")
        database = work / manifest["database"]
        if target["vendor"] == "sqlite":
            if not target_url:
                connections.close_all()
            source = sqlite3.connect(database)
            destination = sqlite3.connect(target["NAME"])
            try:
                source.backup(destination)
            finally:
                source.close()
                destination.close()
        else:
            _run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                 "--single-transaction", "--exit-on-error", "--dbname", target["NAME"], str(database)],
                _pg_env(target),
            )  # fmt: skip
        # Uploads: unpack beside MEDIA_ROOT, then swap, keeping the previous folder.
        media_root.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=".pulih-", dir=media_root.parent))
        for item in _safe_members(archive, "media/"):
            archive.extract(item, fresh, filter="data")
        unpacked = fresh / "media"
        unpacked.mkdir(exist_ok=True)
        if media_root.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            media_root.rename(media_root.with_name(f"{media_root.name}.sebelum-pulih-{stamp}"))
        shutil.move(str(unpacked), str(media_root))
        shutil.rmtree(fresh, ignore_errors=True)
    return manifest
