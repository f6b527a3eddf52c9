"""The home page: each role sees its own work as cards of counts, read through the apps' selectors.

``ROLE_CARDS`` is the one place that says which cards a role gets: a role maps to a tuple of card
functions ``(user) -> list[Card]``. A new role (or a new card for a role) is one entry there and, where the
app has no selector for the count yet, a small one in that app's ``selectors.py``. Each card costs one or two
``COUNT`` queries: the home page stays fast (``tests/test_home.py`` counts its queries per role).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from berdaya.accounts.access import scoped
from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.audit.models import Action, AuditEntry
from berdaya.people.models import Person
from berdaya.regions.models import Level, Region
from berdaya.regions.selectors import jurisdiction_code

AUDIT_CARD_DAYS = 7
DUE_VISIT_DAYS = 7  # a field officer's planned cooperative visits up to a week ahead


@dataclass(frozen=True)
class Card:
    label: str
    value: int | str
    url: str
    note: str = ""
    urgent: bool = False  # shown highlighted when there is something to do


def _card(label, value, url, note="", *, urgent_when_any=False) -> Card:
    return Card(str(label), value, url, str(note), urgent=bool(urgent_when_any and value))


def _region_name(code: str) -> str:
    """A region's name for a card note ("Kota Banjarmasin", "Kec. Banjarmasin Utara"), never its code."""
    region = Region.objects.current().filter(code=code).only("name").first()
    return region.name if region else code


# --- Cards shared by several roles ------------------------------------------------------------------


def people_to_review(user) -> list[Card]:
    people = scoped(Person.objects.all(), user)
    return [
        _card(
            _("Data orang perlu diperiksa"),
            people.filter(needs_review=True).count(),
            f"{reverse('people:list')}?needs_review=1",
            _("jenis kelamin atau tanggal lahir tidak sesuai NIK"),
        )
    ]


def approvals(user) -> list[Card]:
    from berdaya.programs.selectors import awaiting_approval

    return [
        _card(
            _("Pengajuan menunggu persetujuan Anda"),
            scoped(awaiting_approval(user.role), user).count(),
            reverse("programs:list"),
            _("terverifikasi, program yang Anda setujui"),
            urgent_when_any=True,
        )
    ]


def iku_below(user) -> list[Card]:
    from berdaya.kinerja.selectors import iku_below_target, latest_agreed_year

    year = latest_agreed_year()
    if year is None:
        return []
    return [
        _card(
            _("IKU di bawah target"),
            iku_below_target(year),
            f"{reverse('kinerja:dashboard')}?tahun={year}",
            _("Perjanjian Kinerja %(year)s") % {"year": year},
        )
    ]


def audit_recent(user) -> list[Card]:
    since = timezone.now() - dt.timedelta(days=AUDIT_CARD_DAYS)
    recent = AuditEntry.objects.filter(at__gte=since)
    note = _("%(days)d hari terakhir") % {"days": AUDIT_CARD_DAYS}
    cards = [_card(_("Catatan jejak audit"), recent.count(), reverse("audit:list"), note)]
    if user.role == Role.INSPEKTORAT:
        exports = recent.filter(action=Action.EXPORT).count()
        cards.append(_card(_("Ekspor data"), exports, f"{reverse('audit:list')}?action=export", note))
    return cards


def privacy_overdue(user) -> list[Card]:
    from berdaya.privacy.models import DataRequest, RequestStatus

    overdue = DataRequest.objects.filter(status=RequestStatus.OPEN, due_at__lt=timezone.now()).count()
    return [
        _card(
            _("Permintaan data pribadi lewat tenggat"),
            overdue,
            reverse("privacy:request_list"),
            _("72 jam (R47)"),
            urgent_when_any=True,
        )
    ]


# --- Cards of one role ------------------------------------------------------------------------------


def umkm_work(user) -> list[Card]:
    from berdaya.programs.models import Application, State
    from berdaya.umkm.models import Permit
    from berdaya.umkm.selectors import expired_permits

    submitted = scoped(Application.objects.filter(state=State.SUBMITTED), user).count()
    return [
        _card(_("Pengajuan bantuan perlu diverifikasi"), submitted, reverse("programs:list"), _("diajukan")),
        _card(
            _("Izin usaha kedaluwarsa"),
            expired_permits(scoped(Permit.objects.all(), user)).count(),
            reverse("umkm:list"),
            _("perlu diperbarui pemiliknya"),
        ),
    ]


def koperasi_work(user) -> list[Card]:
    from berdaya.koperasi.assessment.figures import quality_share
    from berdaya.koperasi.models import Cooperative, FollowUp
    from berdaya.koperasi.selectors import overdue_follow_ups

    cooperatives = scoped(Cooperative.objects.all(), user)
    year = timezone.localdate().year
    share = quality_share(dt.date(year, 12, 31), queryset=cooperatives)
    return [
        _card(
            _("Koperasi dalam pengawasan"),
            cooperatives.exclude(watch_stage="").count(),
            reverse("koperasi:watch_list"),
            _("RAT terlambat atau berisiko (R22)"),
        ),
        _card(
            _("Tindak lanjut kunjungan lewat waktu"),
            overdue_follow_ups(scoped(FollowUp.objects.all(), user)).count(),
            reverse("koperasi:follow_ups"),
            urgent_when_any=True,
        ),
        _card(
            _("Persentase koperasi berkualitas"),
            "—" if share is None else f"{share:.2f}%",
            f"{reverse('koperasi:assessment_figures')}?tahun={year}",
            _("diperingkat tahun %(year)s, dari koperasi aktif") % {"year": year},
        ),
    ]


def p3k_work(user) -> list[Card]:
    from berdaya.naker.models import JobSeeker, Vacancy
    from berdaya.naker.selectors import reports_overdue

    today = timezone.localdate()
    return [
        _card(
            _("Laporan AK/1 lewat waktu"),
            reports_overdue(scoped(JobSeeker.objects.all(), user), today).count(),
            reverse("naker:due"),
            _("pencari kerja yang belum melapor (R37)"),
            urgent_when_any=True,
        ),
        _card(
            _("Lowongan perlu diverifikasi"),
            scoped(Vacancy.objects.filter(state=Vacancy.State.DRAFT), user).count(),
            f"{reverse('naker:vacancies')}?state={Vacancy.State.DRAFT}",
            _("sebelum tampil untuk pencari kerja"),
        ),
    ]


def blk_work(user) -> list[Card]:
    from berdaya.blk.models import Cohort

    today = timezone.localdate()
    cohorts = scoped(Cohort.objects.all(), user)
    return [
        _card(
            _("Angkatan berjalan"),
            cohorts.filter(event__starts_on__lte=today, event__ends_on__gte=today).count(),
            reverse("blk:cohorts"),
            _("isi daftar hadir harian"),
        ),
        _card(
            _("Angkatan selesai tanpa hasil uji"),
            cohorts.filter(event__ends_on__lt=today)
            .exclude(event__participants__blk_results__isnull=False)
            .count(),
            reverse("blk:cohorts"),
            _("catat hasil uji kompetensi sebelum sertifikat (R40a)"),
            urgent_when_any=True,
        ),
    ]


def hubind_work(user) -> list[Card]:
    from berdaya.hubind.reminders import cards

    return [_card(label, value, url, note, urgent_when_any=True) for label, value, url, note in cards(user)]


def field_work(user) -> list[Card]:
    from berdaya.koperasi.models import Cooperative, Visit, VisitStatus
    from berdaya.programs.selectors import overdue_visits, pending_verification

    today = timezone.localdate()
    planned = scoped(Visit.objects.all(), user).filter(
        officer=user, status=VisitStatus.PLANNED, planned_on__lte=today + dt.timedelta(days=DUE_VISIT_DAYS)
    )
    area = user.area
    kelurahan = Region.objects.current().filter(level=Level.VILLAGE)
    return [
        _card(
            _("Kunjungan koperasi jatuh tempo"),
            planned.count(),
            reverse("koperasi:my_visits"),
            _("direncanakan sampai %(days)d hari ke depan") % {"days": DUE_VISIT_DAYS},
            urgent_when_any=True,
        ),
        _card(
            _("Kunjungan program lewat waktu"),
            overdue_visits(on=today, officer=user).count(),
            reverse("programs:visits"),
            _("verifikasi %(n)d belum selesai") % {"n": pending_verification(user).count()},
            urgent_when_any=True,
        ),
        _card(
            _("Koperasi dalam pengawasan di wilayah Anda"),
            scoped(Cooperative.objects.exclude(watch_stage=""), user).count(),
            reverse("koperasi:watch_list"),
        ),
        _card(
            _("Kelurahan di wilayah tugas"),
            kelurahan.within(area).count() if area else 0,
            reverse("regions:list"),
            _region_name(area) if area else _("belum diatur"),
        ),
    ]


def partner_work(user) -> list[Card]:
    from berdaya.programs.selectors import partner_vouchers

    redeemed = partner_vouchers(user)
    month = timezone.localdate().replace(day=1)
    return [
        _card(
            _("Voucher ditukarkan bulan ini"),
            redeemed.filter(redeemed_at__date__gte=month).count(),
            reverse("programs:partner_vouchers"),
        ),
        _card(
            _("Penukaran belum diklaim"),
            redeemed.filter(claim__isnull=True).count(),
            reverse("programs:partner_vouchers"),
            _("ajukan penggantian ke dinas"),
        ),
        _card(_("Tukarkan voucher"), "→", reverse("programs:partner"), _("ketik atau pindai kode")),
    ]


def admin_work(user) -> list[Card]:
    active = User.objects.filter(is_active=True).count()
    return [_card(_("Pengguna aktif"), active, reverse("accounts:users"), _("akun staf yang dapat masuk"))]


def jurisdiction(user) -> list[Card]:
    code = jurisdiction_code()
    kelurahan = Region.objects.current().filter(level=Level.VILLAGE).within(code).count()
    return [_card(_("Kelurahan di wilayah kerja"), kelurahan, reverse("regions:list"), _region_name(code))]


CardFunction = Callable[[User], list[Card]]

# The one registry: the cards each role sees on its home page, in this order.
ROLE_CARDS: dict[str, tuple[CardFunction, ...]] = {
    Role.USAHA_MIKRO: (approvals, umkm_work, people_to_review),
    Role.KOPERASI: (koperasi_work, people_to_review),
    Role.P3K: (p3k_work,),
    Role.BLK: (blk_work,),
    Role.PHIJS: (hubind_work,),
    Role.MEDIATOR: (hubind_work,),
    Role.PETUGAS_LAPANGAN: (field_work,),
    Role.MITRA: (partner_work,),
    Role.KEPALA_DINAS: (approvals, iku_below, privacy_overdue, audit_recent),
    Role.SEKRETARIAT: (iku_below, jurisdiction),
    Role.INSPEKTORAT: (audit_recent, iku_below),
    Role.ADMIN: (privacy_overdue, admin_work, people_to_review, audit_recent, jurisdiction),
}


def cards_for(user) -> list[Card]:
    return [card for function in ROLE_CARDS.get(user.role, ()) for card in function(user)]
