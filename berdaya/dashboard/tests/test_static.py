"""The in-repo assets (no CDN): present, findable by staticfiles, and complete for the menu's icons."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from berdaya.accounts.navigation import navigation_for

STATIC = Path(__file__).resolve().parents[2] / "static" / "berdaya"
ASSETS = [
    "css/berdaya.css",
    "js/app.js",
    "js/htmx.min.js",
    "js/LICENSE-htmx.txt",
    "fonts/inter-latin-400-normal.woff2",
    "fonts/inter-latin-600-normal.woff2",
    "fonts/LICENSE-OFL.txt",
    "icons/sprite.svg",
    "icons/LICENSE-lucide.txt",
    "icons/favicon.svg",
]


@pytest.mark.parametrize("asset", ASSETS)
def test_every_asset_is_a_file_in_the_repository(asset):
    assert (STATIC / asset).is_file()


@pytest.mark.parametrize("asset", ["css/berdaya.css", "js/app.js", "js/htmx.min.js", "icons/sprite.svg"])
def test_staticfiles_finds_the_assets(asset):
    # Needs STATICFILES_DIRS = [BASE_DIR / "static"]: berdaya/ itself is not an installed app.
    assert finders.find(f"berdaya/{asset}"), f"berdaya/{asset} is not found by the staticfiles finders"


def test_the_stylesheet_loads_nothing_from_another_site():
    css = (STATIC / "css/berdaya.css").read_text()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert "@import" not in css


def test_htmx_is_version_2():
    assert "htmx 2." in (STATIC / "js/htmx.min.js").read_text()[:200]


@pytest.mark.django_db
def test_the_sprite_has_every_icon_the_menu_and_pages_use(cast):
    sprite = (STATIC / "icons/sprite.svg").read_text()
    symbols = set(re.findall(r'<symbol id="([a-z-]+)"', sprite))
    used = {item.icon for item in navigation_for(cast.admin)}
    used |= {"menu", "x", "logout", "search", "plus", "edit", "download", "globe", "check", "alert"}
    assert used <= symbols, used - symbols
