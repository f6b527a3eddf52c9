"""Which function runs each kind of job. Apps register their handlers at import time (apps.ready()).

A handler is ``handler(job: Job, progress: Progress) -> dict`` returning the figures to show at the end.
It calls ``progress(done, total, message)`` as it goes; the row is written at most every half second.
"""

from collections.abc import Callable

HANDLERS: dict[str, Callable] = {}


def register(kind: str):
    def decorator(function: Callable) -> Callable:
        HANDLERS[kind] = function
        return function

    return decorator


# What to do when a job's worker died under it (killed, out of memory, machine restarted): the app that
# owns the job kind marks its own records (an import run) failed too. ``handler(job: Job) -> None``.
ABANDONED_HANDLERS: dict[str, Callable] = {}


def on_abandoned(kind: str):
    def decorator(function: Callable) -> Callable:
        ABANDONED_HANDLERS[kind] = function
        return function

    return decorator
