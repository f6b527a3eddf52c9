"""Changing one's own password; passwords a guesser tries first are refused."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from berdaya.audit.models import AuditEntry
from berdaya.test import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "password", ["Banjarmasin1", "banjarmasin2024!", "K0perasi#1", "Bismillah123", "password1234"]
)
def test_a_local_word_with_digits_is_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["kopi susu pasar terapung", "Jembatan-Barito-Malam-7"])
def test_several_words_are_accepted(password):
    validate_password(password)


def test_a_user_changes_their_own_password_and_stays_signed_in(cast):
    client = cast.client(cast.kepala)
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200 and "Ganti kata sandi" in page.content.decode()
    new = "kopi susu pasar terapung"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    cast.kepala.refresh_from_db()
    assert cast.kepala.check_password(new)
    assert client.get("/").status_code == 200  # this session survives the change
    assert AuditEntry.objects.filter(actor=cast.kepala, note="kata sandi diganti sendiri").count() == 1


def test_the_current_password_is_required_and_weak_ones_are_refused(cast):
    client = cast.client(cast.kepala)
    weak = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "Banjarmasin1", "new_password2": "Banjarmasin1"},
    )
    assert "terlalu mudah ditebak" in weak.content.decode()
    wrong = client.post(
        reverse("accounts:password_change"),
        {"old_password": "salah", "new_password1": "kopi susu pasar", "new_password2": "kopi susu pasar"},
    )
    assert wrong.status_code == 200
    cast.kepala.refresh_from_db()
    assert cast.kepala.check_password(PASSWORD)
