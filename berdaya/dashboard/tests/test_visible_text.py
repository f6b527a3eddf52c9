"""The main pages of each role, read as a user reads them: no word said twice in a row ("Masukkan nama
pengguna nama pengguna", "Aktif Aktif:", "Voucher Voucher"), no region code where a name belongs, and every
date in the one date format of the language (settings FORMAT_MODULE_PATH, berdaya/formats)."""

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from berdaya.accounts.roles import Role
from berdaya.koperasi.tests.assessing import hold_rat
from berdaya.koperasi.tests.conftest import make_cooperative
from berdaya.test import make_person, make_staff

pytestmark = pytest.mark.django_db

SKIPPED_TAGS = {"script", "style", "head", "template", "svg"}
# Numbers are words too ("Voucher 12 Voucher" is not doubled); a hyphenated word is one ("laki-laki").
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)


class VisibleText(HTMLParser):
    """The text a reader sees, in document order; each element's text is its own run (a table cell ends
    where the next begins, so "Nama | Nama" in two columns is not a doubled word)."""

    BLOCKS = {"td", "th", "li", "p", "div", "h1", "h2", "h3", "label", "option", "dt", "dd", "tr", "section"}

    def __init__(self):
        super().__init__()
        self.runs: list[str] = [""]
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        if tag in self.BLOCKS or tag in {"br", "option", "select"}:
            self.runs.append("")

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        if tag in self.BLOCKS:
            self.runs.append("")

    def handle_data(self, data):
        if not self.skipping:
            self.runs[-1] += data


def doubled_words(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    found = []
    # an arrow, a dash or a dot separates two values ("Status: Tidak aktif → Aktif"): a new run
    runs = [part for run in parser.runs for part in re.split(r"[→—·|]", run)]
    for run in runs:
        words = [w.lower() for w in WORD.findall(run)]
        pairs = zip(words, words[1:], strict=False)
        if any(a == b and a.isalpha() and len(a) > 2 for a, b in pairs):
            found.append(" ".join(run.split())[:160])  # the whole run, to find where it comes from
    return found


@pytest.fixture
def records(cast):
    person = make_person(actor=cast.umkm)
    cooperative = make_cooperative(actor=cast.koperasi, name="Koperasi Sasirangan Sejahtera")
    hold_rat(cooperative, cast.koperasi, timezone_year() - 1)
    return person, cooperative


def timezone_year() -> int:
    from django.utils import timezone

    return timezone.localdate().year


def main_pages(person, cooperative) -> dict[str, list[str]]:
    common = [reverse("dashboard:home"), reverse("accounts:password_change")]
    registries = [
        reverse("people:list"),
        reverse("people:detail", args=[person.pk]),
        reverse("koperasi:list"),
        reverse("koperasi:detail", args=[cooperative.pk]),
        reverse("koperasi:watch_list"),
        reverse("umkm:list"),
        reverse("programs:list"),
    ]
    return {
        "admin": [*common, *registries, reverse("accounts:users"), reverse("audit:list")],
        "kepala": [*common, reverse("koperasi:assessment_figures"), reverse("audit:list")],
        "koperasi": [*common, *registries, reverse("koperasi:follow_ups")],
        "umkm": [*common, *registries],
        "p3k": [*common, reverse("naker:jobseekers"), reverse("naker:vacancies")],
        "phijs": [*common, reverse("hubind:deadlines")],
        "petugas": [*common, reverse("koperasi:my_visits"), reverse("koperasi:watch_list")],
        "inspektur": [*common, reverse("audit:list")],
        "mitra": [*common, reverse("programs:partner"), reverse("programs:partner_vouchers")],
    }


@pytest.mark.parametrize(
    "persona", ["admin", "kepala", "koperasi", "umkm", "p3k", "phijs", "petugas", "inspektur", "mitra"]
)
def test_no_page_says_a_word_twice_in_a_row(cast, records, persona):
    user = make_staff(Role.MITRA) if persona == "mitra" else getattr(cast, persona)
    user.first_name, user.last_name = "Rahmat", "Hidayat"  # a person's name, not "Uji Inspektorat"
    user.save()
    client = cast.client(user)
    problems = {}
    for url in main_pages(*records)[persona]:
        response = client.get(url)
        assert response.status_code == 200, url
        if found := doubled_words(response.content.decode()):
            problems[url] = found
    assert problems == {}


def test_the_failed_login_message_names_the_field_once(client, cast):
    # Django's Indonesian catalogue says "Masukkan nama pengguna %(username)s" with username = "nama pengguna"
    response = client.post(reverse("accounts:login"), {"username": cast.umkm.username, "password": "salah"})
    html = response.content.decode()
    assert "nama pengguna" in html.lower()
    assert doubled_words(html) == []


def test_the_kelurahan_card_names_the_region_instead_of_its_code(cast):
    admin = {c.label: c for c in cast.client(cast.admin).get(reverse("dashboard:home")).context["cards"]}
    officer = {c.label: c for c in cast.client(cast.petugas).get(reverse("dashboard:home")).context["cards"]}
    assert admin["Kelurahan di wilayah kerja"].note == "Kota Banjarmasin"  # not "63.71"
    assert officer["Kelurahan di wilayah tugas"].note == "Banjarmasin Selatan"  # not "63.71.01"


def test_dates_have_one_format_per_language(cast, records):
    # one DATE_FORMAT in berdaya/formats/<lang>/formats.py, used by templates (|date) and messages alike
    day = dt.date(2025, 3, 10)
    with translation.override("id"):
        assert date_format(day) == "10 Mar 2025"
        assert date_format(dt.datetime(2025, 3, 10, 14, 5), "DATETIME_FORMAT") == "10 Mar 2025 14:05"
    with translation.override("en"):
        assert date_format(day) == "10 Mar 2025"
    _person, cooperative = records
    html = cast.client(cast.koperasi).get(reverse("koperasi:detail", args=[cooperative.pk])).content.decode()
    held = f"10 Mar {timezone_year()}"  # hold_rat: held on 10 March of the year after the books
    assert held in html
    assert not re.search(r"\b\d{2}-\d{2}-\d{4}\b", html)  # no "10-03-2025" beside "10 Mar 2025"
