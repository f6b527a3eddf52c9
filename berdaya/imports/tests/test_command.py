import pytest
from django.core.management import CommandError, call_command

from berdaya.imports.models import ImportRun
from berdaya.people.models import Person
from berdaya.test import valid_nik

from .helpers import people_rows, write_xlsx

pytestmark = pytest.mark.django_db


def test_it_imports_a_file_and_prints_the_counts(tmp_path, capsys, cast):
    path = write_xlsx(tmp_path / "warga.xlsx", people_rows([valid_nik(), valid_nik(), "1"]))
    call_command("import", "people", str(path), "--user", cast.umkm.username)
    out = capsys.readouterr().out
    assert "Baru: 2" in out and "Ditolak: 1" in out and "ditolak.xlsx" in out
    assert Person.objects.count() == 2
    run = ImportRun.objects.get()
    assert run.created_by == cast.umkm and run.source == "warga"
    call_command("import", "people", str(path), "--mapping", "warga")
    assert "Tidak berubah: 2" in capsys.readouterr().out


def test_an_unknown_spec_fails_in_indonesian(tmp_path):
    with pytest.raises(CommandError, match="Jenis data 'kapal' tidak dikenal"):
        call_command("import", "kapal", str(tmp_path / "a.xlsx"))


def test_a_bad_file_fails_in_indonesian(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"rusak")
    with pytest.raises(CommandError, match="tidak dapat dibaca sebagai Excel"):
        call_command("import", "people", str(path))


def test_a_file_without_required_columns_fails(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", [[1]], ["No"])
    with pytest.raises(CommandError, match="Kolom wajib tidak ditemukan: NIK, Nama"):
        call_command("import", "people", str(path))


def test_an_unknown_mapping_name_fails(tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik()]))
    with pytest.raises(CommandError, match="Pemetaan 'lama' untuk people belum pernah disimpan"):
        call_command("import", "people", str(path), "--mapping", "lama")


def test_running_out_of_memory_while_reading_fails_in_indonesian_without_a_traceback(tmp_path, monkeypatch):
    """Issue 17, finding 3: a file too big for memory ends the command with an Indonesian message, not a
    MemoryError traceback (raised from None: nothing chained to print)."""
    import importlib

    command = importlib.import_module("berdaya.imports.management.commands.import")

    def out_of_memory(path):
        raise MemoryError

    monkeypatch.setattr(command, "open_table", out_of_memory)
    path = write_xlsx(tmp_path / "a.xlsx", people_rows([valid_nik()]))
    with pytest.raises(CommandError, match="Memori tidak cukup untuk berkas ini: pecah berkas") as error:
        call_command("import", "people", str(path))
    assert error.value.__cause__ is None and error.value.__suppress_context__
    assert not ImportRun.objects.exists()
