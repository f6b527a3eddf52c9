"""Writes to staff accounts, each with its audit row (style.md 3, 8)."""

from __future__ import annotations

from django.db import transaction

from berdaya.audit.models import Action
from berdaya.audit.services import audit_log, diff, snapshot

from .models import User

# What the audit trail records about a staff account (never the password hash).
AUDITED_USER_FIELDS = (
    "username", "first_name", "last_name", "email", "phone", "nip", "rank", "position", "role", "area",
    "is_active",
)  # fmt: skip


def user_snapshot(user: User) -> dict:
    return snapshot(user, AUDITED_USER_FIELDS)


def user_create(*, actor: User, form) -> User:
    """Save a validated UserCreateForm (it hashes the initial password) and audit the new account."""
    with transaction.atomic():
        user = form.save()
        audit_log(actor=actor, action=Action.CREATE, obj=user, changes=diff({}, user_snapshot(user)))
    return user


def user_update(*, actor: User, form, before: dict) -> User:
    """Save a validated UserEditForm; ``before`` is ``user_snapshot`` taken before the form was validated."""
    with transaction.atomic():
        user = form.save()
        changes = diff(before, user_snapshot(user))
        # Stored as written, whatever the editor's language: the trail is read years later.
        note = "kata sandi diganti" if form.cleaned_data.get("new_password1") else ""
        if changes or note:
            audit_log(actor=actor, action=Action.UPDATE, obj=user, changes=changes, note=note)
    return user


def user_login_record(*, user: User) -> None:
    audit_log(actor=user, action=Action.LOGIN, obj=user)


def user_password_change(*, user: User, password: str) -> User:
    """A user changes their own password (validated by the form); audited without any hash."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit_log(actor=user, action=Action.UPDATE, obj=user, note="kata sandi diganti sendiri")
    return user
