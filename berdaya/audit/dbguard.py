"""SQLite's side of the append-only trail: a DELETE on the audit table is refused by a trigger (migration
0003) unless this process allowed it. The trigger asks ``berdaya_audit_delete_allowed()``, a function each
Berdaya connection registers; any other client (the sqlite3 shell) has no such function, so its DELETE
fails too. Only the test runner allows it (its flush empties every table between transactional tests)."""

from __future__ import annotations

DELETE_ALLOWED = False  # set True only by the test suite's conftest


def register(sender, connection, **kwargs) -> None:
    """connection_created receiver: gives SQLite connections the function the trigger calls."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "berdaya_audit_delete_allowed", 0, lambda: int(DELETE_ALLOWED), deterministic=False
        )
