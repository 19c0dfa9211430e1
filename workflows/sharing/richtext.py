"""Rich text of lessons: what the team writes, cleaned to what Wagtail may store and show."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from learning.models import LESSON_RICH_TEXT_FEATURES

# The fields of a lesson written as rich text.
RICH_FIELDS = ("situation", "approach", "worked", "did_not_work", "tips")

_converter = EditorHTMLConverter(features=LESSON_RICH_TEXT_FEATURES)
_DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math")


def sanitise_rich_text(text: str) -> str:
    """Rich text as Wagtail stores it, keeping only bold, italic, lists and http(s)/mailto links.

    Plain text (no tags) becomes paragraphs (blank lines) with line breaks; HTML is cleaned by
    Wagtail's own whitelist after scripts, styles and embeds were dropped with their content."""
    text = (text or "").strip()
    if not text:
        return ""
    if "<" not in text:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]
        return "".join("<p>" + "<br/>".join(html.escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROP_WITH_CONTENT):
        tag.decompose()
    return _converter.to_database_format(str(soup)).strip()
