"""Fill the Dutch translations from reviewed JSON files, and report what is still missing.

    python scripts/po_fill.py locale/translations/*.json   # fill, then compile with `make messages`
    python scripts/po_fill.py --check                        # exit 1 if a Dutch message is missing or fuzzy

Each JSON file maps an English msgid to its Dutch text ({"Take task": "Taak oppakken"}); a plural
message maps to a list [singular, plural]. Filled entries lose their "fuzzy" mark (makemessages'
guesses are never kept unreviewed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
DUTCH = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def fill(po: polib.POFile, translations: dict) -> int:
    filled = 0
    for entry in po:
        if entry.obsolete or entry.msgid not in translations:
            continue
        text = translations[entry.msgid]
        if entry.msgid_plural:
            singular, plural = text if isinstance(text, list) else (text, text)
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        filled += 1
    return filled


def missing(po: polib.POFile) -> list[str]:
    return [
        entry.msgid
        for entry in po
        if not entry.obsolete and entry.msgid and ("fuzzy" in entry.flags or not entry.translated())
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="JSON files with reviewed Dutch translations")
    parser.add_argument("--check", action="store_true", help="only report; exit 1 when something is missing")
    args = parser.parse_args()
    po = polib.pofile(str(DUTCH), wrapwidth=120)
    if not args.check:
        translations = {}
        for path in args.files:
            translations.update(json.loads(path.read_text(encoding="utf-8")))
        print(f"filled {fill(po, translations)} Dutch messages")
        po.save(str(DUTCH))
    todo = missing(po)
    for msgid in todo:
        print(f"missing or fuzzy: {msgid!r}")
    return 1 if (args.check and todo) else 0


if __name__ == "__main__":
    sys.exit(main())
