"""The versioned rubrics (domain.md R23, R24, R26) as JSON files, one per kind and version.

A new version (new weights, bands or checklist) is a new file with its own ``version`` and
``effective_from``; ``load`` puts the files into the ``Rubric`` table (idempotent) and a data migration
calls it, so every database has them. Rows already used by assessments are never rewritten.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

HERE = Path(__file__).parent


def read_files() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(HERE.glob("*.json"))]


def read(kind: str) -> dict:
    """The newest file of ``kind`` (tests and pure computations use it without a database)."""
    matching = [data for data in read_files() if data["kind"] == kind]
    return max(matching, key=lambda data: data["effective_from"])


def load(rubric_model) -> int:
    """Create the rubrics not in the table yet; return how many were created."""
    created = 0
    for data in read_files():
        _, new = rubric_model.objects.get_or_create(
            kind=data["kind"],
            version=data["version"],
            defaults={
                "effective_from": dt.date.fromisoformat(data["effective_from"]),
                "legal_basis": data.get("legal_basis", ""),
                "data": data,
            },
        )
        created += new
    return created
