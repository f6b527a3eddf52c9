"""`berdaya demo` (what `./dev up` runs) fills every module on an empty database and adds nothing the
second time: one test of all the apps' demo data together, as a new user gets it."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_demo_fills_every_module_and_is_safe_to_run_again(tmp_path, settings, capsys):
    from berdaya.kinerja.models import Renstra
    from berdaya.koperasi.models import Cooperative, HealthAssessment
    from berdaya.programs.models import Application
    from berdaya.umkm.models import Enterprise

    settings.VAR_DIR = tmp_path  # demo passwords go to a throwaway file
    call_command("demo", seed=7)
    first = capsys.readouterr().out
    counts = {
        "enterprises": Enterprise.objects.count(),
        "cooperatives": Cooperative.objects.count(),
        "assessments": HealthAssessment.objects.count(),
        "applications": Application.objects.count(),
        "plans": Renstra.objects.count(),
    }
    assert all(counts.values()), counts
    assert "ditambahkan" in first
    call_command("demo", seed=7)
    assert "ditambahkan" not in capsys.readouterr().out
    assert counts == {
        "enterprises": Enterprise.objects.count(),
        "cooperatives": Cooperative.objects.count(),
        "assessments": HealthAssessment.objects.count(),
        "applications": Application.objects.count(),
        "plans": Renstra.objects.count(),
    }


def test_every_role_opens_every_page_of_the_menu_on_the_demo_data(tmp_path, settings):
    """A walk through the menu and the division pages as each demo account: no server error anywhere."""
    import re

    from django.test import Client

    from berdaya.accounts.models import User

    settings.VAR_DIR = tmp_path
    call_command("demo", seed=7)
    failures, visited = [], set()
    for user in User.objects.filter(is_active=True).order_by("username"):
        client = Client()
        client.force_login(user)
        home = client.get("/")
        links = set(re.findall(r'href="(/[^"#?]*)"', home.content.decode()))
        pages = {link for link in links if not link.startswith(("/static/", "/akun/keluar"))}
        for division in [link for link in pages if link.startswith("/bidang/")]:
            pages |= set(re.findall(r'href="(/[^"#?]*)"', client.get(division).content.decode()))
        for page in sorted(pages):
            if page.startswith(("/static/", "/akun/keluar", "/i18n/")):
                continue
            status = client.get(page).status_code
            visited.add(page)
            if status >= 500:
                failures.append((user.username, page, status))
    assert failures == []
    assert len(visited) >= 25  # the walk reached the registries' pages, not just the menu
