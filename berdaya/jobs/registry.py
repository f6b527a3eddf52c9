"""Which function runs each kind of job. Apps register their handlers at import time (apps.ready()).

A handler is ``handler(job: Job, progress: Progress) -> dict`` returning the figures to show at the end.
It calls ``progress(done, total, message)`` as it goes; the row is written at most every half second.

A kind that costs real work (an import, a duplicate scan, an export, a report) registers with
``heavy=True`` and says what "the same job" is with ``once=`` (params -> key, "" for "one per kind"):
``job_start`` then returns the pending job of the same kind and key instead of queueing another, and
refuses a user's heavy job beyond ``services.HEAVY_PER_USER`` pending (issue 17 finding 13: a button pressed
540 times queued 540 LibreOffice runs).
"""

from collections.abc import Callable

HANDLERS: dict[str, Callable] = {}
# Kinds that are heavy, with the key of "the same job" (None: every job of the kind is its own).
HEAVY: dict[str, Callable[[dict], str] | None] = {}


def register(kind: str, *, heavy: bool = False, once: Callable[[dict], str] | None = None):
    def decorator(function: Callable) -> Callable:
        HANDLERS[kind] = function
        if heavy:
            HEAVY[kind] = once
        else:
            HEAVY.pop(kind, None)
        return function

    return decorator


def same_params(*names: str) -> Callable[[dict], str]:
    """``once=same_params("run_id")``: one pending job per value of these params (an import run, an event)."""
    return lambda params: ":".join(str(params.get(name, "")) for name in names)


def one_per_kind(params: dict) -> str:
    """``once=one_per_kind``: one pending job of the kind in the whole office (a registry-wide scan)."""
    return ""


# What to do when a job's worker died under it (killed, out of memory, machine restarted): the app that
# owns the job kind marks its own records (an import run) failed too. ``handler(job: Job) -> None``.
ABANDONED_HANDLERS: dict[str, Callable] = {}


def on_abandoned(kind: str):
    def decorator(function: Callable) -> Callable:
        ABANDONED_HANDLERS[kind] = function
        return function

    return decorator
