"""The first page must stay light for cheap phones on slow connections (≤ 150 KB of
HTML + CSS + JS transferred), and must not need JavaScript at all."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db
BUDGET = 150 * 1024


def _assets(html: str) -> list[Path]:
    urls = re.findall(r'(?:href|src)="/static/([^"#?]+)', html)
    return [Path(finders.find(url)) for url in dict.fromkeys(urls)]


def page_weight(client, url: str) -> tuple[int, dict]:
    html = client.get(url).content
    sizes = {"html": len(html)}
    for path in _assets(html.decode()):
        sizes[path.name] = path.stat().st_size
    return sum(sizes.values()), sizes


def test_the_first_page_weighs_under_150_kb(client):
    total, sizes = page_weight(client, reverse("portal:home"))
    print(f"home page: {total} bytes {sizes}")
    assert total <= BUDGET, sizes


def test_the_catalogue_with_htmx_stays_under_150_kb(client, listed):
    total, sizes = page_weight(client, reverse("portal:catalogue"))
    print(f"catalogue: {total} bytes {sizes}")
    assert total <= BUDGET, sizes


def test_the_first_page_needs_no_script(client):
    assert "<script" not in client.get(reverse("portal:home")).text


def test_every_icon_the_portal_uses_is_in_its_sprite():
    root = Path(__file__).resolve().parents[1]
    sprite = (root / "static/portal/icons.svg").read_text()
    symbols = set(re.findall(r'<symbol id="([a-z-]+)"', sprite))
    used = set()
    for template in (root / "templates/portal").glob("*.html"):
        used |= set(re.findall(r'_icon.html" with name="([a-z-]+)"', template.read_text()))
    assert used and used <= symbols, used - symbols
