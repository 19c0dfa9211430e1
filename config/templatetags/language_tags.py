"""The language switch: links to the same page in the other languages (the language is in the URL)."""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

register = template.Library()


def path_in(language: str, full_path: str) -> str:
    """``full_path`` (with its query) in ``language``: Dutch without a prefix, others under /<code>/."""
    prefixes = [f"/{code}/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    bare = full_path
    for prefix in prefixes:
        if full_path == prefix.rstrip("/") or full_path.startswith(prefix):
            bare = "/" + full_path[len(prefix) :]
            break
    return bare if language == settings.LANGUAGE_CODE else f"/{language}{bare}"


@register.simple_tag(takes_context=True)
def other_languages(context) -> list[dict]:
    """The languages the current page is not in, each with its name (in that language) and URL."""
    request = context.get("request")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    full_path = request.get_full_path() if request is not None else "/"
    return [
        {"code": code, "name": get_language_info(code)["name_local"].capitalize(), "url": path_in(code, full_path)}
        for code, _name in settings.LANGUAGES
        if code != current
    ]
