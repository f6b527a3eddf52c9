"""Issue 17 finding 11: a viewer from outside the office (the voucher partner) sees staff as roles, never
their names, usernames or e-mails, on the division pages and every page they link; staff still see names.
Staff identities are personal data like the registries' people (R45) and the audit trail shows the acting
account to the roles that audit (R46)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from berdaya.accounts.identity import staff_email, staff_label
from berdaya.accounts.roles import Role
from berdaya.audit.models import AuditEntry
from berdaya.dashboard.divisions import DIVISIONS
from berdaya.test import make_person, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_staff(cast):
    """Every staff account with a recognisable name and e-mail."""
    for n, user in enumerate(cast.all()):
        user.first_name, user.last_name, user.email = f"Namastaf{n}", "Rahasia", f"staf{n}@berdaya.test"
        user.save()
    return cast


def _identities(cast) -> list[str]:
    out = []
    for user in cast.all():
        out += [user.first_name, user.email, user.username]
    return out


def _leaks(page: str, cast) -> list[str]:
    return [text for text in _identities(cast) if text in page]


def _linked_pages(key: str) -> list[str]:
    urls = []
    for page in DIVISIONS[key].pages:
        try:
            urls.append(reverse(page.url_name))
        except NoReverseMatch:
            continue
    return urls


def test_the_partner_walks_the_division_pages_and_sees_no_staff_identity(named_staff):
    cast = named_staff
    make_person(actor=cast.umkm)  # a record with an audit row by a named clerk
    partner = cast.client(make_staff(Role.MITRA, username="uji_mitra"))
    walked = 0
    for key in DIVISIONS:
        for url in [reverse("dashboard:division", args=[key]), *_linked_pages(key)]:
            response = partner.get(url)
            if response.status_code != 200:
                continue
            walked += 1
            assert _leaks(response.content.decode(), cast) == [], url
    assert walked >= len(DIVISIONS)
    # The division page lists the staff by role.
    page = partner.get(reverse("dashboard:division", args=["usaha_mikro"])).content.decode()
    assert "Bidang Usaha Mikro" in page and "mailto:" not in page


def test_staff_still_see_their_colleagues_names_and_e_mails(named_staff):
    cast = named_staff
    page = cast.client(cast.kepala).get(reverse("dashboard:division", args=["usaha_mikro"])).content.decode()
    assert cast.umkm.first_name in page and cast.umkm.email in page


def test_the_helper_names_staff_for_staff_and_roles_for_outsiders(named_staff):
    cast = named_staff
    partner = make_staff(Role.MITRA, username="uji_mitra2")
    assert staff_label(cast.umkm, cast.inspektur) == str(cast.umkm)  # the inspectorate audits people
    assert staff_label(cast.umkm, partner) == "Bidang Usaha Mikro"
    assert staff_email(cast.umkm, partner) == "" and staff_email(cast.umkm, cast.kepala) == cast.umkm.email
    assert staff_label(None, partner) == "—"


def test_an_audit_timeline_shows_the_actor_by_role_to_an_outsider(named_staff):
    cast = named_staff
    person = make_person(actor=cast.umkm)
    entries = list(AuditEntry.objects.for_object(person))
    template = Template('{% include "partials/_audit_history.html" %}')
    request = RequestFactory().get("/")
    request.user = make_staff(Role.MITRA, username="uji_mitra3")
    outsider = template.render(Context({"entries": entries, "masked": True, "request": request}))
    assert cast.umkm.username not in outsider and "Bidang Usaha Mikro" in outsider
    request.user = cast.inspektur
    insider = template.render(Context({"entries": entries, "masked": True, "request": request}))
    assert cast.umkm.username in insider
