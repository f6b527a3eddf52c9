"""The administrator issues a partner token on a phone, the interactive API docs render from the
repository's own assets under the Content Security Policy, and the token reads the registry."""

import pytest
from playwright.sync_api import expect

from berdaya.accounts.roles import Role
from berdaya.test import PASSWORD, make_staff

from .conftest import log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_issues_a_token_and_a_partner_uses_it(phone_page, live_server):
    page = phone_page
    make_staff(Role.ADMIN, username="b_admin")
    make_staff(Role.INSPEKTORAT, username="b_bank")
    log_in(page, "b_admin", PASSWORD)
    page.goto("/token-api/")
    expect(page.locator("main")).to_contain_text("Belum ada token API")
    page.get_by_role("link", name="Buat token").first.click()
    page.fill("input[name=name]", "Bank Kalsel")
    page.select_option("select[name=user]", label="b_bank (Inspektorat)")
    page.get_by_label("Usaha mikro: baca").check()
    page.get_by_label("Wilayah: baca").check()
    page.locator("main form button[type=submit]").click()
    raw = page.locator("#raw-token").input_value()
    assert raw.startswith("bdy_")
    screenshot(page, "api-token-issued-360")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    answer = page.request.get(
        f"{live_server.url}/api/v1/wilayah/?induk=63.71", headers={"Authorization": f"Bearer {raw}"}
    )
    assert answer.status == 200 and any(r["code"] == "63.71.01" for r in answer.json())
    refused = page.request.get(
        f"{live_server.url}/api/v1/koperasi/", headers={"Authorization": f"Bearer {raw}"}
    )
    assert refused.status == 403


def test_the_interactive_docs_render_without_a_cdn_or_csp_violation(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    external = []
    page.on(
        "request",
        lambda request: (
            external.append(request.url)
            if "127.0.0.1" not in request.url and "localhost" not in request.url
            else None
        ),
    )
    page.goto("/api/v1/docs")
    expect(page.locator(".swagger-ui .title").first).to_contain_text("Berdaya API")
    expect(page.locator(".opblock-tag").first).to_be_visible()
    screenshot(page, "api-docs")
    assert external == []
    assert not [e for e in errors if "Content Security Policy" in e]
