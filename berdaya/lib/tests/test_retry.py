from django.db import OperationalError

from berdaya.lib.retry import retry_on_deadlock


class Deadlock(Exception):
    sqlstate = "40P01"


def failing(times: int, cause: type[Exception] = Deadlock):
    calls = []

    @retry_on_deadlock
    def service():
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("deadlock detected") from cause()
        return "ok"

    return service, calls


def test_a_deadlocked_transaction_is_run_again():
    service, calls = failing(2)
    assert service() == "ok" and len(calls) == 3


def test_it_gives_up_after_three_attempts():
    service, calls = failing(5)
    try:
        service()
    except OperationalError:
        assert len(calls) == 3
    else:
        raise AssertionError("expected the deadlock to be raised")


def test_other_database_errors_are_not_retried():
    service, calls = failing(1, cause=ValueError)
    try:
        service()
    except OperationalError:
        assert len(calls) == 1
    else:
        raise AssertionError("expected the error to be raised")
