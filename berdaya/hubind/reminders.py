"""The PHIJS reminders on the home page: deadlines overdue or due within 3 working days' reach, and PPs
to renew within 60 days (R41a, R43)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.accounts.access import scoped
from berdaya.accounts.roles import Role

from .models import CaseDeadline, ComplianceItem
from .selectors import due_soon, overdue_deadlines, renewals_due


def cards(user) -> list[tuple[str, int, str, str]]:
    today = timezone.localdate()
    deadlines = scoped(CaseDeadline.objects.filter(dispute__isnull=False), user)
    result = [
        (
            _("Tenggat perkara lewat batas"),
            overdue_deadlines(deadlines, today).count(),
            reverse("hubind:deadlines"),
            _("dihitung dalam hari kerja"),
        ),
        (
            _("Tenggat perkara 3 hari ke depan"),
            due_soon(deadlines, today).count(),
            reverse("hubind:deadlines"),
            _("sidang, anjuran, jawaban"),
        ),
    ]
    if user.role == Role.PHIJS:
        items = scoped(ComplianceItem.objects.all(), user)
        result.append(
            (
                _("PP perlu diperbarui"),
                renewals_due(items, today).count(),
                reverse("hubind:renewals"),
                _("berakhir dalam 60 hari"),
            )
        )
    return result
