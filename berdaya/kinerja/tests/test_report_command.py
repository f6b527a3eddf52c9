"""berdaya lakip --year 2022 --out DIR."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def test_it_writes_the_three_files_and_the_time(db, tmp_path, monkeypatch):  # the emblem setting is read
    monkeypatch.setattr("berdaya.lib.documents.soffice", lambda: None)  # PDF: test_report_build
    out = StringIO()
    call_command("lakip", "--year", "2022", "--out", str(tmp_path), "--sample", "--no-pdf", stdout=out)
    assert (tmp_path / "LAKIP-2022.docx").exists() and (tmp_path / "LAKIP-2022.xlsx").exists()
    assert "LAKIP 2022 (contoh seed 003) in " in out.getvalue()


def test_without_a_plan_it_says_so(db, tmp_path):
    with pytest.raises(CommandError, match="Belum ada Renstra"):
        call_command("lakip", "--year", "2022", "--out", str(tmp_path), stdout=StringIO())


def test_a_missing_pdf_is_an_error_unless_skipped(db, tmp_path, monkeypatch):
    monkeypatch.setattr("berdaya.lib.documents.soffice", lambda: None)
    with pytest.raises(CommandError, match="PDF"):
        call_command(
            "lakip",
            "--year",
            "2022",
            "--out",
            str(tmp_path),
            "--sample",
            stdout=StringIO(),
            stderr=StringIO(),
        )
    assert (tmp_path / "LAKIP-2022.docx").exists()
