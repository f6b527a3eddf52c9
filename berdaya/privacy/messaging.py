"""Messages to a person's phone (the one-time links of R46), behind one small interface.

``send(to=, body=)`` hands the message to the sender named by ``settings.BERDAYA_MESSAGE_SENDER`` (a dotted
path to a class with ``send(self, *, to, body)``). The default, ``OutboxSender``, sends nothing: it stores
the message in ``OutboxMessage`` for staff to read (``/privasi/kotak-keluar/``), which is what development,
tests and a demo need. No third-party service is called from here; an office with an SMS gateway writes
its own sender class and names it in the setting.
"""

from __future__ import annotations

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

DEFAULT_SENDER = "berdaya.privacy.messaging.OutboxSender"


class Sender(Protocol):
    def send(self, *, to: str, body: str) -> None: ...


class OutboxSender:
    def send(self, *, to: str, body: str) -> None:
        from .models import OutboxMessage

        OutboxMessage(to=to, body=body, sender=type(self).__name__).save()


def sender() -> Sender:
    return import_string(getattr(settings, "BERDAYA_MESSAGE_SENDER", "") or DEFAULT_SENDER)()


def send(*, to: str, body: str) -> None:
    sender().send(to=to, body=body)
