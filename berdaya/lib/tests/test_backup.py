"""`berdaya backup` / `berdaya restore`: a backup restored into a copy holds the same records and uploads
(runs on SQLite and on PostgreSQL, whichever the suite runs on)."""

import sqlite3

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from berdaya.lib.backup import BackupError, read_manifest, restore
from berdaya.people.models import Person
from berdaya.umkm.tests.conftest import make_enterprise

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _reference_data(db):
    from berdaya.test import restore_reference_data

    restore_reference_data()


def _copy_url_and_reader(tmp_path):
    """A fresh database of the same kind to restore into, and a function counting rows in it."""
    if connection.vendor == "sqlite":
        path = tmp_path / "salinan.sqlite3"

        def count(sql, params=()):
            with sqlite3.connect(path) as db:
                return db.execute(sql, params).fetchone()[0]

        return f"sqlite:///{path}", count, lambda: None
    import psycopg

    db = connection.settings_dict
    name = f"{db['NAME']}_salinan"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"

    def count(sql, params=()):
        with psycopg.connect(url.replace("postgres://", "postgresql://")) as conn:
            return conn.execute(sql.replace("?", "%s"), params).fetchone()[0]

    def drop():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return url, count, drop


def test_a_backup_restored_into_a_copy_has_the_records_and_the_uploads(cast, person, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    business = make_enterprise(actor=cast.umkm, owner=person)
    business.photo.save("warung.png", ContentFile(b"foto-warung"), save=True)
    archive = tmp_path / "cadangan.tar"
    call_command("backup", output=str(archive))
    manifest = read_manifest(archive)
    assert manifest["vendor"] == connection.vendor and manifest["media_files"] == 1

    url, count, drop = _copy_url_and_reader(tmp_path)
    try:
        restored_media = tmp_path / "media-pulih"
        call_command("restore", str(archive), yes=True, target_url=url, media_root=str(restored_media))
        assert count("SELECT COUNT(*) FROM people_person WHERE nik = ?", (person.nik,)) == 1
        assert count("SELECT COUNT(*) FROM umkm_enterprise") == 1
        assert count("SELECT COUNT(*) FROM audit_auditentry") > 0
        assert (restored_media / business.photo.name).read_bytes() == b"foto-warung"
    finally:
        drop()
    assert Person.objects.filter(pk=person.pk).exists()  # the live database was not touched


def test_restore_refuses_without_yes_and_keeps_the_data(cast, person, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "cadangan.tar"
    call_command("backup", output=str(archive))
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive))


def test_restore_refuses_another_kind_of_database(cast, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "cadangan.tar"
    call_command("backup", output=str(archive))
    other = "postgres://u@127.0.0.1/x" if connection.vendor == "sqlite" else f"sqlite:///{tmp_path}/x.db"
    with pytest.raises(BackupError, match="sejenis"):
        restore(archive, target_url=other, media_root=tmp_path / "m")


def test_a_broken_archive_is_reported_not_crashed(tmp_path):
    bad = tmp_path / "rusak.tar"
    bad.write_bytes(b"bukan arsip")
    with pytest.raises(CommandError, match="tidak terbaca"):
        call_command("restore", str(bad), yes=True)
