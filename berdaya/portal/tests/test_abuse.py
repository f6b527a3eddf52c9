"""Spam and abuse on public forms: rate limits, honeypot, time trap."""

import time

import pytest
from django.urls import reverse

from berdaya.portal import abuse
from berdaya.portal.models import Submission

pytestmark = pytest.mark.django_db


def _data(**extra):
    return {"name": "Aluh", "phone": "085248887777", "message": "Halo", "mulai": abuse.form_stamp()} | extra


def test_a_form_sent_back_too_fast_is_refused_and_nothing_is_stored(client, settings):
    settings.PORTAL_MIN_FILL_SECONDS = 3
    response = client.post(reverse("portal:complaint"), _data())
    assert response.status_code == 200 and "Formulir belum bisa dikirim" in response.text
    assert not Submission.objects.exists()
    old = abuse.form_stamp(now=time.time() - 10)
    assert client.post(reverse("portal:complaint"), _data(mulai=old)).status_code == 302


def test_the_time_trap_boundaries(settings):
    settings.PORTAL_MIN_FILL_SECONDS = 3
    now = time.time()
    assert abuse.stamp_problem(abuse.form_stamp(now=now - 3), now=now) is None
    assert abuse.stamp_problem(abuse.form_stamp(now=now - 2), now=now) == "too fast"
    assert abuse.stamp_problem(abuse.form_stamp(now=now - abuse.FORM_MAX_AGE - 1), now=now) == "expired"
    assert abuse.stamp_problem("forged:stamp", now=now) == "bad stamp"


def test_a_filled_honeypot_is_refused(client):
    client.post(reverse("portal:complaint"), _data(situs_web="http://spam.example"))
    assert not Submission.objects.exists()


def test_public_forms_are_rate_limited_per_address(client):
    allowed, _window = abuse.LIMITS["complaint"]
    for _ in range(allowed):
        assert client.post(reverse("portal:complaint"), _data()).status_code == 302
    response = client.post(reverse("portal:complaint"), _data())
    assert response.status_code == 429 and Submission.objects.count() == allowed
    other = client.post(reverse("portal:complaint"), _data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_behind_a_proxy_the_limit_counts_the_client_address_the_login_throttle_uses(client, settings):
    # One definition of the client address (accounts.throttle.client_address, BERDAYA_CLIENT_IP_HEADER):
    # behind the proxy every request has the proxy's REMOTE_ADDR, yet two citizens are counted apart.
    from berdaya.accounts import throttle

    assert abuse.client_address is throttle.client_address
    settings.BERDAYA_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    allowed, _window = abuse.LIMITS["complaint"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(allowed):
        client.post(reverse("portal:complaint"), _data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    refused = client.post(reverse("portal:complaint"), _data(), HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    other = client.post(reverse("portal:complaint"), _data(), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    assert refused.status_code == 429 and other.status_code == 302


def test_status_lookups_are_rate_limited_too(client):
    allowed, _window = abuse.LIMITS["lookup"]
    for _ in range(allowed):
        client.get(reverse("portal:status", args=["A-0000-0000-0"]))
    assert client.get(reverse("portal:status", args=["A-0000-0000-0"])).status_code == 429


def test_uploads_and_bodies_are_size_limited(settings):
    # The portal takes no file from citizens; Django refuses request bodies over the limit.
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
