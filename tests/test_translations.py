"""Indonesian is the source language; every string has its English translation (locale/en)."""

import re
from pathlib import Path

import pytest

# The project's catalogue (berdaya/locale) and any app's own (berdaya/<app>/locale), which Django also loads.
BERDAYA = Path(__file__).resolve().parents[1] / "berdaya"
CATALOGUES = sorted(BERDAYA.glob("**/locale/en/LC_MESSAGES/django.po"))


def untranslated(po_text: str) -> list[str]:
    """msgids whose msgstr (or every msgstr[n]) is empty, skipping the header and obsolete entries."""
    missing = []
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        text = "\n".join(lines)
        if "msgid" not in text:
            continue
        msgid = "".join(re.findall(r'"(.*)"', text.split("msgstr")[0].split("msgid_plural")[0]))
        if msgid == "":
            continue  # the header
        values = re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', text + "\n", re.M)
        if not values or any("".join(re.findall(r'"(.*)"', v)) == "" for v in values):
            missing.append(msgid)
    return missing


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: str(path.relative_to(BERDAYA)))
def test_every_string_has_an_english_translation(po):
    assert untranslated(po.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: str(path.relative_to(BERDAYA)))
def test_every_catalogue_is_compiled(po):
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_size > 0, f"{mo} is missing: compile the catalogue"


def test_the_check_notices_a_missing_translation():
    po = 'msgid ""\nmsgstr "Content-Type: x"\n\nmsgid "Orang"\nmsgstr ""\n\nmsgid "Ya"\nmsgstr "Yes"\n\n'
    po += 'msgid ""\n"Dua "\n"baris"\nmsgstr ""\n'
    assert untranslated(po) == ["Orang", "Dua baris"]
