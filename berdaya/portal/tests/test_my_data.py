""" "See who used my data" on the portal (R46, R47) and the owner's own catalogue consent (R44), both opened
by a one-time link (privacy.identity): role and division, never staff names; single person; the link
expires and works once; rate limited; nothing about anyone else."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from berdaya.accounts.roles import Role
from berdaya.people.services import person_record_view
from berdaya.portal.abuse import LIMITS, form_stamp
from berdaya.privacy import identity
from berdaya.privacy.models import Channel, Consent, IdentityLink, OutboxMessage, Purpose
from berdaya.privacy.selectors import has_consent
from berdaya.test import make_person

pytestmark = pytest.mark.django_db


def _open(client, cast, person):
    _link, code = identity.link_issue(actor=cast.umkm, person=person)
    response = client.post(reverse("portal:my_data_open", args=[code]))
    return response, code


def test_a_citizen_sees_each_view_by_role_and_division_never_the_staff_name(client, cast, owner):
    # domain.md R46: every view of the full record is logged and retrievable per person.
    person_record_view(actor=cast.umkm, person=owner)
    response, _code = _open(client, cast, owner)
    assert response["Location"] == reverse("portal:my_data")
    page = client.get(reverse("portal:my_data"))
    text = page.text
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    assert str(Role.USAHA_MIKRO.label) in text and "Bidang: Usaha Mikro" in text
    assert "dilihat lengkap" in text
    assert cast.umkm.username not in text and cast.umkm.get_full_name() not in text


def test_changes_show_which_fields_changed_but_no_values(client, cast, owner):
    from berdaya.people.services import person_update

    person_update(actor=cast.umkm, person=owner, data={"address": "Jl. Baru Gg. Rahasia No. 9"})
    _open(client, cast, owner)
    text = client.get(reverse("portal:my_data")).text
    assert "diubah" in text and "alamat" in text.lower()
    assert "Gg. Rahasia" not in text and owner.nik not in text


def test_nothing_about_anyone_else_is_shown(client, cast, owner):
    # R46: single person. Another person's views stay in their own log.
    other = make_person(actor=cast.koperasi, name="Aluh Sari", phone="+6285248887777")
    for _ in range(3):
        person_record_view(actor=cast.koperasi, person=other)
    _open(client, cast, owner)
    text = client.get(reverse("portal:my_data")).text
    assert "Aluh Sari" not in text and other.nik not in text
    assert str(Role.KOPERASI.label) not in text


def test_a_reused_link_shows_nothing(client, cast, owner):
    person_record_view(actor=cast.umkm, person=owner)
    _response, code = _open(client, cast, owner)
    other_browser = type(client)()
    again = other_browser.post(reverse("portal:my_data_open", args=[code]))
    assert again.status_code == 410
    assert "dilihat lengkap" not in again.text
    assert "Buktikan dulu" in other_browser.get(reverse("portal:my_data")).text


def test_an_expired_link_shows_nothing(client, cast, owner):
    person_record_view(actor=cast.umkm, person=owner)
    link, code = identity.link_issue(actor=cast.umkm, person=owner)
    IdentityLink.objects.filter(pk=link.pk).update(
        created_at=timezone.now() - dt.timedelta(days=2), expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = client.post(reverse("portal:my_data_open", args=[code]))
    assert response.status_code == 410 and "dilihat lengkap" not in response.text
    assert "dilihat lengkap" not in client.get(reverse("portal:my_data")).text


def test_the_page_closes_when_the_session_time_is_over(client, cast, owner):
    _open(client, cast, owner)
    session = client.session
    session["portal_saya"] = session["portal_saya"] | {"until": 0}
    session.save()
    assert "Buktikan dulu" in client.get(reverse("portal:my_data")).text


def test_opening_the_link_by_get_does_not_spend_it(client, cast, owner):
    # A chat app's link preview must not use up the one-time link.
    _link, code = identity.link_issue(actor=cast.umkm, person=owner)
    assert client.get(reverse("portal:my_data_open", args=[code])).status_code == 200
    assert client.post(reverse("portal:my_data_open", args=[code])).status_code == 302


def test_the_code_from_the_counter_can_be_typed(client, cast, owner):
    _link, code = identity.link_issue(actor=cast.umkm, person=owner)
    response = client.post(reverse("portal:my_data"), {"kode": code.lower()})
    assert response["Location"] == reverse("portal:my_data")
    assert "Halo, Galuh" in client.get(reverse("portal:my_data")).text


def test_the_phone_link_is_sent_only_to_the_number_on_record_and_the_answer_is_the_same(client, owner):
    data = {"nik": owner.nik, "mulai": form_stamp()}
    wrong = client.post(reverse("portal:my_data_send"), data | {"phone": "081299998888"})
    right = client.post(reverse("portal:my_data_send"), data | {"phone": "0813 5111 2233"})
    assert wrong.status_code == right.status_code == 200
    assert "Bila NIK dan nomor HP cocok" in wrong.text and "Bila NIK dan nomor HP cocok" in right.text
    assert list(OutboxMessage.objects.values_list("to", flat=True)) == [owner.phone]


def test_sending_links_is_rate_limited_per_nik_whatever_the_address(client, owner):
    allowed, _window = LIMITS["identity_send"]
    for n in range(allowed):
        client.post(
            reverse("portal:my_data_send"),
            {"nik": owner.nik, "phone": owner.phone, "mulai": form_stamp()},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    response = client.post(
        reverse("portal:my_data_send"),
        {"nik": owner.nik, "phone": owner.phone, "mulai": form_stamp()},
        REMOTE_ADDR="10.0.9.9",
    )
    assert response.status_code == 429
    assert OutboxMessage.objects.count() == allowed


def test_guessing_codes_is_rate_limited(client):
    allowed, _window = LIMITS["identity_open"]
    for _ in range(allowed):
        assert client.post(reverse("portal:my_data"), {"kode": "0000-0000-0000"}).status_code == 410
    assert client.post(reverse("portal:my_data"), {"kode": "0000-0000-0000"}).status_code == 429


def test_the_owner_gives_consent_on_the_portal_and_the_business_is_listed(client, cast, owner, shop):
    # domain.md R44: a stored consent record (who, when, text version, channel "portal"), self-given.
    _open(client, cast, owner)
    client.post(reverse("portal:my_data_consent", args=[shop.pk]), {"setuju": "ya", "foto": "ya"})
    consent = Consent.objects.get(enterprise=shop, purpose=Purpose.CATALOGUE)
    assert consent.channel == Channel.PORTAL and consent.self_given and consent.text_version
    assert has_consent(Purpose.PHOTOS, enterprise=shop)
    assert "Sasirangan Galuh" in client.get(reverse("portal:catalogue")).text


def test_withdrawal_on_the_portal_hides_the_listing_at_once(client, cast, owner, listed):
    # R44 withdrawable at any time; R53 the listing disappears when it is withdrawn.
    assert client.get(reverse("portal:listing", args=[listed.pk])).status_code == 200
    _open(client, cast, owner)
    client.post(reverse("portal:my_data_consent", args=[listed.enterprise_id]), {"setuju": "tidak"})
    consent = Consent.objects.get(enterprise=listed.enterprise, purpose=Purpose.CATALOGUE)
    assert consent.withdrawn_at is not None and consent.withdrawal_channel == Channel.PORTAL
    assert consent.withdrawn_by_id is None
    assert client.get(reverse("portal:listing", args=[listed.pk])).status_code == 404


def test_a_citizen_cannot_change_the_consent_of_someone_else_s_business(client, cast, owner, listed):
    stranger = make_person(actor=cast.umkm, name="Aluh Sari")
    _open(client, cast, stranger)
    response = client.post(
        reverse("portal:my_data_consent", args=[listed.enterprise_id]), {"setuju": "tidak"}
    )
    assert response.status_code == 404
    assert has_consent(Purpose.CATALOGUE, enterprise=listed.enterprise)


def test_consent_needs_the_identity_proof(client, listed):
    response = client.post(
        reverse("portal:my_data_consent", args=[listed.enterprise_id]), {"setuju": "tidak"}
    )
    assert response["Location"] == reverse("portal:my_data")
    assert has_consent(Purpose.CATALOGUE, enterprise=listed.enterprise)


def test_a_portal_consent_publishes_nothing_the_citizen_typed(client, cast, owner, shop):
    # Issue 13 point 9: nothing a citizen submits is shown without staff review; the listing shows the
    # business name from the registry.
    _open(client, cast, owner)
    client.post(
        reverse("portal:my_data_consent", args=[shop.pk]),
        {"setuju": "ya", "display_name": "SPAM", "description": "<b>beli</b>"},
    )
    assert "SPAM" not in client.get(reverse("portal:catalogue")).text


def test_staff_issue_the_counter_code_after_checking_the_ktp(cast, owner):
    response = cast.client(cast.umkm).post(
        reverse("privacy:identity_link"), {"nik": owner.nik, "ktp_checked": "on"}
    )
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    code = response.context["issued"]["code"]
    assert identity.link_open(code=code) == owner.pk


def test_the_outbox_is_for_the_administrator(cast, owner):
    identity.link_send(nik=owner.nik, phone=owner.phone, base_url="https://dinas.test/")
    assert cast.client(cast.admin).get(reverse("privacy:outbox")).status_code == 200
    assert cast.client(cast.umkm).get(reverse("privacy:outbox")).status_code == 403
