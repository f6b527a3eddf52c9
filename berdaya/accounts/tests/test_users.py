"""Staff accounts managed by the Administrator: list, create, edit, deactivate (never delete)."""

import pytest
from django.urls import reverse

from berdaya.accounts.models import User
from berdaya.accounts.roles import Role
from berdaya.audit.models import Action, AuditEntry

pytestmark = pytest.mark.django_db

NOT_ADMINS = ["kepala", "sekretariat", "koperasi", "umkm", "p3k", "phijs", "petugas", "inspektur"]
NEW_PASSWORD = "Lanting-Kelayan-2026"


def new_user_data(**overrides):
    return {
        "username": "fitri",
        "first_name": "Fitri",
        "last_name": "Handayani",
        "email": "fitri@example.org",
        "phone": "",
        "role": Role.KOPERASI,
        "area": "",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    } | overrides


@pytest.mark.parametrize("persona", NOT_ADMINS)
@pytest.mark.parametrize("url_name", ["accounts:users", "accounts:user_create"])
def test_the_user_pages_are_forbidden_to_everyone_but_the_administrator(cast, persona, url_name):
    assert cast.client(getattr(cast, persona)).get(reverse(url_name)).status_code == 403


def test_a_clerk_cannot_edit_a_user(cast):
    url = reverse("accounts:user_edit", args=[cast.umkm.pk])
    response = cast.client(cast.umkm).post(url, {"role": Role.ADMIN})
    assert response.status_code == 403
    cast.umkm.refresh_from_db()
    assert cast.umkm.role == Role.USAHA_MIKRO


def test_the_administrator_sees_every_staff_member_with_role(cast):
    response = cast.client(cast.admin).get(reverse("accounts:users"))
    assert response.status_code == 200
    html = response.content.decode()
    assert cast.petugas.username in html
    assert "Petugas Lapangan" in html


def test_the_list_filters_by_role(cast):
    response = cast.client(cast.admin).get(reverse("accounts:users"), {"role": Role.INSPEKTORAT})
    html = response.content.decode()
    assert cast.inspektur.username in html
    assert cast.petugas.username not in html


def test_the_administrator_creates_a_user_with_a_role_and_it_appears_in_the_list(cast):
    client = cast.client(cast.admin)
    response = client.post(reverse("accounts:user_create"), new_user_data())
    assert response.status_code == 302
    user = User.objects.get(username="fitri")
    assert user.role == Role.KOPERASI
    assert user.check_password(NEW_PASSWORD)
    assert "fitri" in client.get(reverse("accounts:users")).content.decode()
    entry = AuditEntry.objects.get(action=Action.CREATE, object_id=str(user.pk))
    assert entry.actor == cast.admin
    assert "password" not in str(entry.changes)


def test_a_field_officer_is_created_with_an_area(cast):
    client = cast.client(cast.admin)
    data = new_user_data(username="rudi", role=Role.PETUGAS_LAPANGAN, area="63.71.02")
    assert client.post(reverse("accounts:user_create"), data).status_code == 302
    assert User.objects.get(username="rudi").area == "63.71.02"


def test_a_field_officer_without_an_area_is_refused(cast):
    client = cast.client(cast.admin)
    response = client.post(reverse("accounts:user_create"), new_user_data(role=Role.PETUGAS_LAPANGAN))
    assert response.status_code == 200
    assert "Petugas lapangan harus punya wilayah tugas." in response.content.decode()
    assert not User.objects.filter(username="fitri").exists()


def test_an_area_outside_the_jurisdiction_is_refused(cast):
    client = cast.client(cast.admin)
    data = new_user_data(role=Role.PETUGAS_LAPANGAN, area="63.72.01")  # Kota Banjarbaru
    assert client.post(reverse("accounts:user_create"), data).status_code == 200
    assert not User.objects.filter(username="fitri").exists()


def test_a_weak_initial_password_is_refused(cast):
    client = cast.client(cast.admin)
    response = client.post(
        reverse("accounts:user_create"), new_user_data(password1="12345", password2="12345")
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="fitri").exists()


def test_a_username_differing_only_in_case_is_refused(cast):
    client = cast.client(cast.admin)
    before = User.objects.count()
    response = client.post(
        reverse("accounts:user_create"), new_user_data(username=cast.umkm.username.upper())
    )
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors.get("username")
    assert User.objects.count() == before
    assert not User.objects.filter(username=cast.umkm.username.upper()).exists()


def edit_data(user, **overrides):
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "phone": user.phone,
        "role": user.role,
        "area": user.area,
        "is_active": "on" if user.is_active else "",
        "new_password1": "",
        "new_password2": "",
    } | overrides


def test_the_administrator_deactivates_a_user_instead_of_deleting(cast):
    url = reverse("accounts:user_edit", args=[cast.umkm.pk])
    response = cast.client(cast.admin).post(url, edit_data(cast.umkm, is_active=""))
    assert response.status_code == 302
    cast.umkm.refresh_from_db()
    assert not cast.umkm.is_active
    entry = AuditEntry.objects.get(action=Action.UPDATE, object_id=str(cast.umkm.pk))
    assert entry.changes == {"is_active": ["Ya", "Tidak"]}


def test_the_administrator_changes_a_role_and_it_is_audited(cast):
    url = reverse("accounts:user_edit", args=[cast.inspektur.pk])
    cast.client(cast.admin).post(url, edit_data(cast.inspektur, role=Role.KEPALA_DINAS))
    cast.inspektur.refresh_from_db()
    assert cast.inspektur.role == Role.KEPALA_DINAS
    entry = AuditEntry.objects.get(action=Action.UPDATE, object_id=str(cast.inspektur.pk))
    assert entry.changes["role"] == ["Inspektorat", "Kepala Dinas"]


def test_the_administrator_resets_a_password(cast):
    url = reverse("accounts:user_edit", args=[cast.umkm.pk])
    data = edit_data(cast.umkm, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    assert cast.client(cast.admin).post(url, data).status_code == 302
    cast.umkm.refresh_from_db()
    assert cast.umkm.check_password(NEW_PASSWORD)


def test_the_administrator_cannot_deactivate_or_demote_themselves(cast):
    url = reverse("accounts:user_edit", args=[cast.admin.pk])
    client = cast.client(cast.admin)
    assert client.post(url, edit_data(cast.admin, is_active="")).status_code == 200
    assert client.post(url, edit_data(cast.admin, role=Role.INSPEKTORAT)).status_code == 200
    cast.admin.refresh_from_db()
    assert cast.admin.is_active
    assert cast.admin.role == Role.ADMIN


def test_editing_an_unknown_user_is_not_found(cast):
    assert cast.client(cast.admin).get(reverse("accounts:user_edit", args=[999999])).status_code == 404
