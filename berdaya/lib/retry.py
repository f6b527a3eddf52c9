"""Run a write again when the database broke a deadlock by aborting it.

Services take their locks in one order (in programs: the program, then its applications by id), so
deadlocks should not happen; when one does anyway (a lock taken by a trigger, a future code path), the
database aborts one transaction and the user would see a 500. The whole transaction is run again instead,
a few times, with a short random pause so the two do not meet again.
"""

from __future__ import annotations

import functools
import random
import time

from django.db import OperationalError, connection

ATTEMPTS = 3
DEADLOCK_CODES = {"40P01", "40001"}  # PostgreSQL: deadlock_detected, serialization_failure


def is_deadlock(error: BaseException) -> bool:
    cause = error.__cause__ or error
    return (
        getattr(cause, "sqlstate", None) in DEADLOCK_CODES or getattr(cause, "pgcode", None) in DEADLOCK_CODES
    )


def retry_on_deadlock(function):
    """Decorate a service that opens its own transaction (put it outside ``transaction.atomic``)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return function(*args, **kwargs)
            except OperationalError as error:
                if attempt == ATTEMPTS or connection.in_atomic_block or not is_deadlock(error):
                    raise
                time.sleep(random.uniform(0.01, 0.05) * attempt)  # noqa: S311 (not for secrets)
        raise AssertionError("unreachable")

    return wrapper
