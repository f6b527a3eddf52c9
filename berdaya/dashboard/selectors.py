"""The figures on the home page: which cards a role sees, and their counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.accounts.access import scoped
from berdaya.accounts.models import User
from berdaya.accounts.roles import AUDIT_READER_ROLES, Role
from berdaya.audit.models import AuditEntry
from berdaya.people.models import Person
from berdaya.regions.models import Level, Region
from berdaya.regions.selectors import jurisdiction_code

AUDIT_CARD_DAYS = 7


@dataclass(frozen=True)
class Card:
    label: str
    value: int
    url: str
    note: str = ""


def cards_for(user) -> list[Card]:
    people = scoped(Person.objects.all(), user)
    field_officer = user.role == Role.PETUGAS_LAPANGAN
    people_url = reverse("people:list")
    cards = [
        Card(
            _("Orang terdaftar"),
            people.count(),
            people_url,
            _("di wilayah tugas Anda") if field_officer else _("semua registri"),
        ),
        Card(
            _("Data orang perlu diperiksa"),
            people.filter(needs_review=True).count(),
            f"{people_url}?needs_review=1",
            _("jenis kelamin atau tanggal lahir tidak sesuai NIK"),
        ),
    ]
    kelurahan = Region.objects.current().filter(level=Level.VILLAGE)
    if field_officer:
        area = user.area
        count = kelurahan.within(area).count() if area else 0
        cards.append(
            Card(_("Kelurahan di wilayah tugas"), count, reverse("regions:list"), area or _("belum diatur"))
        )
    else:
        count = kelurahan.within(jurisdiction_code()).count()
        cards.append(
            Card(_("Kelurahan di wilayah kerja"), count, reverse("regions:list"), jurisdiction_code())
        )
    if user.role == Role.ADMIN:
        active = User.objects.filter(is_active=True).count()
        cards.append(
            Card(_("Pengguna aktif"), active, reverse("accounts:users"), _("akun staf yang dapat masuk"))
        )
    if user.role in {Role.KEPALA_DINAS, Role.SEKRETARIAT}:
        from berdaya.kinerja.selectors import iku_below_target, latest_agreed_year

        year = latest_agreed_year()
        if year is not None:
            cards.append(
                Card(
                    _("IKU di bawah target"),
                    iku_below_target(year),
                    f"{reverse('kinerja:dashboard')}?tahun={year}",
                    _("Perjanjian Kinerja %(year)s") % {"year": year},
                )
            )
    if user.role in {Role.PHIJS, Role.MEDIATOR}:
        from berdaya.hubind.reminders import cards as hubind_cards

        cards += [Card(label, value, url, note) for label, value, url, note in hubind_cards(user)]
    if user.role in AUDIT_READER_ROLES:
        since = timezone.now() - dt.timedelta(days=AUDIT_CARD_DAYS)
        recent = AuditEntry.objects.filter(at__gte=since).count()
        cards.append(
            Card(
                _("Catatan jejak audit"),
                recent,
                reverse("audit:list"),
                _("%(days)d hari terakhir") % {"days": AUDIT_CARD_DAYS},
            )
        )
    return cards
