"""Every public URL, opened anonymously over demo-like data, shows no one's NIK, personal phone, exact
address or birth date (R53); only the business contact its owner agreed to publish appears.
And the portal is the only anonymous part of the product: staff pages still ask for a login."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import URLPattern, get_resolver, reverse
from django.utils import timezone

from berdaya.portal import services
from berdaya.portal.models import Kind
from berdaya.privacy.models import Channel
from berdaya.programs import services as programs
from berdaya.programs.models import Kind as ProgramKind
from berdaya.test import make_person
from berdaya.umkm.models import Product

from .conftest import BUSINESS_PHONE, OWNER


def _portal_patterns() -> list[URLPattern]:
    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) == "portal":
            return list(pattern.url_patterns)
    raise AssertionError("portal URLs are not included")


def _secrets(person) -> list[str]:
    birth = person.birth_date
    local = "0" + person.phone[3:]
    return [
        person.nik,
        person.nik[:6] + person.nik[6:12],  # any long run of it
        person.phone,
        person.phone[1:],
        local,
        person.address,
        "Gg. Mawar",
        birth.isoformat(),
        birth.strftime("%d-%m-%Y"),
        birth.strftime("%d/%m/%Y"),
        f"{birth.day} Maret {birth.year}",
    ]


@pytest.fixture
def world(cast, listed, owner, settings, tmp_path):
    """The catalogue, an open program with an application that received a voucher, a submission."""
    settings.MEDIA_ROOT = tmp_path
    other = make_person(
        actor=cast.umkm, name="Aluh Sari", phone="+6285248887777", address="Jl. Veteran Gg. Melati No. 3"
    )
    program = programs.program_create(
        actor=cast.umkm,
        data={
            "code": "gratis-ongkir",
            "name": "Voucher Gratis Ongkir",
            "kind": ProgramKind.VOUCHER,
            "starts_on": dt.date(2024, 1, 1),
            "amount": Decimal("50000"),
        },
        rules=[("domicile", {}), ("sector", {"sectors": ["kriya"]}), ("no_active_loan", {})],
    )
    from django.core.files.base import ContentFile

    from berdaya.umkm.services import product_record

    product = Product.objects.get(enterprise=listed.enterprise)
    product_record(
        actor=cast.umkm,
        enterprise=listed.enterprise,
        product=product,
        data={"photo": ContentFile(b"jpg", name="k.jpg")},
    )
    app = programs.application_create(actor=cast.umkm, program=program, enterprise=listed.enterprise)
    submission = services.submission_create(
        kind=Kind.COMPLAINT, data={"name": other.name, "phone": other.phone, "message": other.address}
    )
    from berdaya.training.tests.conftest import make_event

    soon = timezone.localdate() + dt.timedelta(days=7)
    event = make_event(actor=cast.umkm, starts_on=soon, ends_on=soon, status="open")
    return {
        "program": program,
        "app": app,
        "submission": submission,
        "people": [owner, other],
        "event": event,
    }


def _url_for(pattern: URLPattern, world) -> list[str]:
    name = f"portal:{pattern.name}"
    product = Product.objects.first()
    args = {
        "product": [product.pk],
        "product_photo": [product.pk],
        "listing": [world["listing"].pk] if "listing" in world else None,
        "program": [world["program"].code],
        "apply": None,  # POST only
        "event": [world["event"].pk],
        "status": [world["submission"].code],
        "dataset": ["usaha-mikro-sektor"],
        "dataset_csv": ["usaha-mikro-sektor"],
        "dataset_json": ["penerima-program"],
        "dataset_metadata": ["koperasi-aktif"],
        "my_data_open": ["0000-0000-0000"],
        "my_data_send": None,  # POST only
        "my_data_leave": None,
        "my_data_consent": None,
    }
    if pattern.name in args:
        return [reverse(name, args=args[pattern.name])] if args[pattern.name] else []
    return [reverse(name)]


def test_no_public_page_shows_anyones_personal_data(client, world, listed):
    # R53: never NIK, phone, exact address or birth date; the consented business contact only.
    world["listing"] = listed
    secrets = [s for person in world["people"] for s in _secrets(person)]
    pages = []
    for pattern in _portal_patterns():
        pages += _url_for(pattern, world)
    pages += [
        reverse("portal:catalogue") + "?q=kain",
        reverse("portal:verify_voucher") + "?kode=0000-0000-0000-0000-0",
        reverse("portal:track") + "?kode=" + world["submission"].code,
    ]
    assert len(pages) >= 20
    seen_contact = False
    for url in pages:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for secret in secrets:
            assert secret not in text, f"{secret!r} on {url}"
        assert not re.search(r"\b63\d{14}\b", text), f"a NIK-like number on {url}"
        seen_contact |= BUSINESS_PHONE in text
    assert seen_contact, "the consented business contact should be shown"


def test_the_owners_phone_is_shown_only_when_it_is_the_contact_they_agreed_to_publish(
    client, cast, listed, owner
):
    services.listing_publish(
        actor=cast.umkm, enterprise=listed.enterprise, channel=Channel.PAPER, public_phone=owner.phone
    )
    assert owner.phone in client.get(reverse("portal:listing", args=[listed.pk])).text


def test_every_portal_view_is_open_without_login(client, world, listed):
    world["listing"] = listed
    for pattern in _portal_patterns():
        assert getattr(pattern.callback, "login_required", True) is False, pattern.name


def test_staff_pages_still_need_a_login(client):
    for name in ("portal_staff:queue", "portal_staff:listings", "umkm:list", "people:list", "programs:list"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/akun/" in response["Location"], name


def test_the_portal_uses_its_own_base_template_without_the_staff_menu(client):
    response = client.get(reverse("portal:home"))
    names = [t.name for t in response.templates]
    assert "portal/base.html" in names and "base.html" not in names
    assert 'id="main-nav"' not in response.text


def test_status_pages_never_echo_what_the_citizen_sent(client, world):
    # Issue 13 point 9: nothing a citizen submits is shown to another citizen.
    page = client.get(reverse("portal:status", args=[world["submission"].code])).text
    assert "Aluh Sari" not in page and "Melati" not in page


_ = OWNER  # the cast's personal data is defined in conftest


def test_the_own_data_page_shows_only_its_holder_and_no_one_s_nik_phone_or_address(client, cast, world):
    # R46 / R53: after a one-time link, the holder sees the uses of their own record, by role and
    # division; no NIK, phone, address or birth date appears, theirs or anyone else's.
    from berdaya.people.services import person_record_view
    from berdaya.privacy.identity import link_issue

    owner, other = world["people"]
    person_record_view(actor=cast.umkm, person=owner)
    person_record_view(actor=cast.umkm, person=other)
    _link, code = link_issue(actor=cast.umkm, person=owner)
    client.post(reverse("portal:my_data_open", args=[code]))
    text = client.get(reverse("portal:my_data")).text
    assert "dilihat lengkap" in text
    for secret in _secrets(owner) + _secrets(other) + [other.name, cast.umkm.username]:
        assert secret not in text, secret
    assert not re.search(r"\b63\d{14}\b", text)
