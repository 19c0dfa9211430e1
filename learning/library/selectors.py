"""Reads of the public library of lessons. Every function takes ``lessons``: the public lesson pages
(``LessonPage.objects.for_everyone()``, live pages only), so a draft, a lesson under review or a declined one
never shows: not in the list, the search, the feeds or the API. (The page models pass it in: they
call these reads from ``get_context``, so this module does not import them.) A page of the library
costs a fixed number of queries."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from wagtail.search.query import And, PlainText

from learning.library.filters import LessonFilterSet

LESSONS_PER_PAGE = 12
RELATED_SHOWN = 3
_DUTCH_ENDINGS = ("'s", "en", "s")


def _search_stems_natively() -> bool:
    """PostgreSQL's full-text search stems Dutch words (SEARCH_CONFIG "dutch"); SQLite's does not."""
    return connection.vendor == "postgresql"


def _light_dutch_stem(word: str) -> str:
    """A plural reduced to its singular for databases without a Dutch stemmer (the SQLite demo):
    "samenwerkingsverbanden" -> "samenwerkingsverband", "scholen" stays (too short to be sure)."""
    for ending in _DUTCH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def search_query(text: str):
    """The query for ``text``: every word must match. On PostgreSQL the Dutch configuration stems
    the words; elsewhere each word also matches its singular."""
    if _search_stems_natively():
        return PlainText(text, operator="and")
    words = [w for w in re.split(r"\W+", text.lower()) if w]
    if not words:
        return PlainText(text)
    parts = [PlainText(" ".join(dict.fromkeys([w, _light_dutch_stem(w)])), operator="or") for w in words]
    return parts[0] if len(parts) == 1 else And(parts)


def public_years(lessons) -> list[int]:
    return list(
        lessons.annotate(year=ExtractYear("lesson_date")).order_by("-year").values_list("year", flat=True).distinct()
    )


def library(lessons, params) -> dict:
    """The library's page: the filter form, the search text, the sort order and one page of results.

    Filters and search combine; everything stays in the URL. Sorting by relevance only applies when
    there is a search text."""
    base = lessons
    filterset = LessonFilterSet(params or None, queryset=base, years=public_years(lessons))
    filtered = filterset.qs
    data = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    text = (data.get("q") or "").strip()
    sort = data.get("sort") or ("relevance" if text else "newest")
    ordered = filtered.order_by("-lesson_date", "-pk")
    if text:
        matches = base.filter(pk__in=filtered.values("pk")).order_by("-lesson_date", "-id").listing()
        results = matches.search(search_query(text), order_by_relevance=(sort == "relevance"))
    else:
        results = ordered.listing()
    page_obj = Paginator(results, LESSONS_PER_PAGE).get_page(params.get("page") if params else None)
    active = {key: value for key, value in (params or {}).items() if key != "page" and value}
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "lessons": list(page_obj.object_list),
        "search_text": text,
        "sort": sort,
        "is_filtered": bool(active),
        "feed_query": urlencode({"advice": data["advice"].number}) if data.get("advice") else "",
    }


def related_lessons(page, lessons, limit: int = RELATED_SHOWN):
    """Other public lessons that share the most advices and themes with ``page`` (newest first among
    equals); one query plus the listing's prefetches."""
    advice_ids = [a.pk for a in page.advices.all()]
    theme_ids = [t.pk for t in page.themes.all()]
    if not advice_ids and not theme_ids:
        return []
    shared = Count("advices", filter=Q(advices__in=advice_ids), distinct=True) + Count(
        "themes", filter=Q(themes__in=theme_ids), distinct=True
    )
    related = (
        lessons.exclude(pk=page.pk)
        .filter(Q(advices__in=advice_ids) | Q(themes__in=theme_ids))
        .annotate(shared=shared)
        .order_by("-shared", "-lesson_date", "-pk")
    )
    ids = list(related.values_list("pk", flat=True)[:limit])
    pages = {p.pk: p for p in lessons.filter(pk__in=ids).listing()}
    return [pages[pk] for pk in ids if pk in pages]


def share_links(url: str, title: str) -> list[dict]:
    """Plain links to share a lesson (no third-party scripts, nothing loads until clicked)."""
    text = f"{title} {url}"
    return [
        {
            "name": "e-mail",
            "label": "E-mail",
            "href": f"mailto:?{urlencode({'subject': title, 'body': url}, quote_via=quote)}",
        },
        {
            "name": "linkedin",
            "label": "LinkedIn",
            "href": f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url})}",
        },
        {"name": "bluesky", "label": "Bluesky", "href": f"https://bsky.app/intent/compose?{urlencode({'text': text})}"},
        {"name": "whatsapp", "label": "WhatsApp", "href": f"https://wa.me/?{urlencode({'text': text})}"},
    ]


def lesson_detail(page, lessons, request) -> dict:
    """What a lesson page shows besides its own fields."""
    files = list(page.files.select_related("image", "document"))
    region_page = getattr(page.region, "public_page", None) if hasattr(page.region, "public_page") else None
    url = page.get_full_url(request)
    return {
        "related": related_lessons(page, lessons),
        "share_links": share_links(url, page.title),
        "images": [f for f in files if f.image_id],
        "documents": [f for f in files if f.document_id],
        "region_page": region_page if region_page is not None and region_page.live else None,
        "advice_list": list(page.advices.all()),
        "theme_list": list(page.themes.all()),
    }
