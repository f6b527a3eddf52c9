"""Production's static storage works each URL out once (issue 17, load) and gives the manifest's names."""

from __future__ import annotations

import json

from berdaya.lib.staticfiles import ManifestStorage


def test_each_url_is_worked_out_once_from_the_manifest(tmp_path, monkeypatch):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"app.css": "app.abc123.css"}, "hash": "h"})
    )
    storage = ManifestStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("app.css") == "/static/app.abc123.css"
    calls = []
    monkeypatch.setattr(storage, "stored_name", lambda name: calls.append(name) or name)
    assert storage.url("app.css") == "/static/app.abc123.css"  # from the kept URL: no manifest lookup
    assert calls == []
    storage.url("app.css", force=True)  # force is never answered from the kept URLs
    assert calls == ["app.css"]
