"""Each role sees its own work on the home page (dashboard.selectors.ROLE_CARDS), and the page stays cheap."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.accounts.roles import Role
from berdaya.dashboard.selectors import ROLE_CARDS
from berdaya.koperasi.services import visit_plan
from berdaya.koperasi.tests.conftest import make_cooperative
from berdaya.programs.tests.conftest import make_program
from berdaya.programs.tests.test_approvers import verified_application
from berdaya.test import make_staff

pytestmark = pytest.mark.django_db

# The cards that say "this is your work" for each role (the first of its cards, in order)
OWN_WORK = {
    "umkm": ["Pengajuan menunggu persetujuan Anda", "Pengajuan bantuan perlu diverifikasi"],
    "koperasi": ["Koperasi dalam pengawasan", "Tindak lanjut kunjungan lewat waktu"],
    "p3k": ["Laporan AK/1 lewat waktu", "Lowongan perlu diverifikasi"],
    "phijs": ["Tenggat perkara lewat batas", "Tenggat perkara 3 hari ke depan"],
    "petugas": ["Kunjungan koperasi jatuh tempo", "Kunjungan program lewat waktu"],
    "kepala": ["Pengajuan menunggu persetujuan Anda"],
    "inspektur": ["Catatan jejak audit", "Ekspor data"],
    "mitra": ["Voucher ditukarkan bulan ini", "Penukaran belum diklaim"],
    "admin": ["Permintaan data pribadi lewat tenggat", "Pengguna aktif"],
}
QUERY_BUDGET = 25  # the session, the user, the menu and one or two COUNTs per card


def user_of(cast, persona):
    return make_staff(Role.MITRA) if persona == "mitra" else getattr(cast, persona)


def cards(cast, user) -> dict:
    return {c.label: c for c in cast.client(user).get(reverse("dashboard:home")).context["cards"]}


def test_every_role_has_its_cards_in_the_one_registry():
    assert set(ROLE_CARDS) == set(Role.values)


@pytest.mark.parametrize("persona", sorted(OWN_WORK))
def test_each_role_sees_its_own_work_first(cast, persona):
    labels = list(cards(cast, user_of(cast, persona)))
    assert labels[: len(OWN_WORK[persona])] == OWN_WORK[persona]


@pytest.mark.parametrize("persona", sorted(OWN_WORK))
def test_the_home_page_stays_within_its_query_budget(cast, persona, django_assert_max_num_queries):
    client = cast.client(user_of(cast, persona))
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get(reverse("dashboard:home")).status_code == 200


def test_a_partner_sees_no_registry_card(cast):
    labels = set(cards(cast, make_staff(Role.MITRA)))
    assert not {"Data orang perlu diperiksa", "Kelurahan di wilayah kerja", "Catatan jejak audit"} & labels


def test_the_field_officer_sees_the_visits_due_this_week_in_their_area(cast):
    cooperative = make_cooperative(actor=cast.koperasi)  # in 63.71.01, the officer's kecamatan
    today = timezone.localdate()
    for days in (2, 30):  # due this week, and next month
        visit_plan(
            actor=cast.petugas,
            cooperative=cooperative,
            data={"planned_on": today + dt.timedelta(days=days), "purpose": "Pembinaan"},
        )
    card = cards(cast, cast.petugas)["Kunjungan koperasi jatuh tempo"]
    assert card.value == 1 and card.urgent
    assert cards(cast, cast.petugas)["Kelurahan di wilayah tugas"].note == "Banjarmasin Selatan"


def test_an_approver_sees_the_applications_waiting_for_them_only(cast):  # R36
    head_program = make_program(actor=cast.umkm, code="hibah", approver_role=Role.KEPALA_DINAS)
    verified_application(cast, head_program)
    assert cards(cast, cast.kepala)["Pengajuan menunggu persetujuan Anda"].value == 1
    assert cards(cast, cast.umkm)["Pengajuan menunggu persetujuan Anda"].value == 0
