"""The menu is built once per role in each process (issue 17, load), yet each request sees it in its own
language and nobody's menu leaks into another role's."""

from __future__ import annotations

from django.utils import translation

from berdaya.accounts import navigation
from berdaya.accounts.roles import Role


class _User:
    def __init__(self, role):
        self.role = role


def test_the_menu_is_built_once_per_role_and_keeps_its_lazy_labels(monkeypatch):
    navigation._navigation.cache_clear()
    calls = []
    build = navigation._build
    monkeypatch.setattr(navigation, "_build", lambda role: calls.append(role) or build(role))
    admin = navigation.navigation_for(_User(Role.ADMIN))
    again = navigation.navigation_for(_User(Role.ADMIN))
    partner = navigation.navigation_for(_User(Role.MITRA))
    assert calls == [Role.ADMIN, Role.MITRA]
    assert admin == again and admin is not again  # a copy: a caller changing it changes nobody else's
    assert [item.key for item in partner] == ["programs"]
    assert "users" in {item.key for item in admin}
    with translation.override("id"):
        indonesian = str(admin[0].label)
    with translation.override("en"):
        english = str(admin[0].label)
    assert (indonesian, english) == ("Beranda", "Home")
