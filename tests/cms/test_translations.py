"""Dutch is the default and must be complete: every source string translated, nothing fuzzy,
and the compiled catalogue the server loads says the same as the .po file."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


def test_every_dutch_string_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert len(po) > 100
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


def test_compiled_dutch_catalogue_matches_the_po_file():
    po = {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(CATALOGUE / "django.po"))
        if not entry.msgid_plural
    }
    mo = {
        entry.msgid: entry.msgstr
        for entry in polib.mofile(str(CATALOGUE / "django.mo"))
        if not entry.msgid_plural
    }
    assert po == mo, "run `make messages` to compile the Dutch catalogue"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Stap 3 van 9"),
        ("en", "Step 3 of 9"),
    ],
)
def test_progress_text_in_each_language(language, expected):
    with translation.override(language):
        text = translation.gettext("Step %(number)s of %(total)s") % {"number": 3, "total": 9}
    assert text == expected


@pytest.mark.django_db
def test_pages_are_dutch_whatever_the_browser_asks_until_english_is_chosen(client):
    page = client.get("/inloggen/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Wachtwoord" in page.content.decode()
    assert '<html lang="nl">' in page.content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/inloggen/"})
    page = client.get("/inloggen/")
    assert "Password" in page.content.decode()
    assert '<html lang="en">' in page.content.decode()
