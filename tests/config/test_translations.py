"""Dutch is the site's first language: every message has a reviewed Dutch text (none missing, none
a fuzzy guess of makemessages), and the compiled catalogue the site loads says the same."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


def _translated(catalogue):
    result = {}
    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            result[(entry.msgctxt, entry.msgid)] = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
        else:
            result[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return result


def test_every_dutch_message_is_translated_and_reviewed():
    po = polib.pofile(str(LOCALE / "django.po"))
    todo = [e.msgid for e in po if not e.obsolete and e.msgid and ("fuzzy" in e.flags or not e.translated())]
    assert todo == [], "run `python scripts/po_fill.py ...` with reviewed translations"


def test_the_compiled_catalogue_matches_the_source():
    po = _translated(polib.pofile(str(LOCALE / "django.po")))
    mo = _translated(polib.mofile(str(LOCALE / "django.mo")))
    assert po == mo, "run `make messages` (compilemessages) and commit django.mo"
