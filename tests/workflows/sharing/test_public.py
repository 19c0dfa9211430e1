"""The public library: only published lessons, through the index, search, feeds and the API;
filters and search in the URL; Dutch stemming; constant query counts; sanitised rich text."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.library.models import LessonPage
from learning.models import Advice, LessonTheme
from workflows.sharing.richtext import sanitise_rich_text

from .conftest import make_page, published, reviewed, submitted, written

pytestmark = pytest.mark.django_db


@pytest.fixture
def states(lessons_world):
    """One lesson in every state: published (A), submitted (A), draft (B), declined (B), changes (A)."""
    w = lessons_world
    w.published = published(w, title="Gepubliceerde les over samenwerkingsverband en school")
    w.submitted = submitted(w, title="Ingediende les GEHEIM-INGEDIEND")
    w.draft = written(w, "b", title="Concept les GEHEIM-CONCEPT")
    w.declined = reviewed(
        w, submitted(w, "b", title="Afgewezen les GEHEIM-AFGEWEZEN"), outcome="decline", message="Nee.", side="b"
    )
    w.changes = reviewed(w, submitted(w, title="Aan te passen les GEHEIM-AANPASSEN"), outcome="changes", message="Aub.")
    return w


SECRETS = ("GEHEIM-INGEDIEND", "GEHEIM-CONCEPT", "GEHEIM-AFGEWEZEN", "GEHEIM-AANPASSEN")
HIDDEN_TITLES = ("Ingediende les", "Concept les", "Afgewezen les", "Aan te passen les")


def _no_secrets(text):
    for secret in SECRETS:
        assert secret not in text


def test_index_lists_only_published_lessons(client, states):
    response = client.get(states.index.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gepubliceerde les over samenwerkingsverband" in body
    _no_secrets(body)


@pytest.mark.parametrize("text", ["GEHEIM", *SECRETS])
def test_search_never_finds_unpublished_lessons(client, states, text):
    response = client.get(states.index.url, {"q": text})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0
    body = response.content.decode()
    for title in HIDDEN_TITLES:  # (the search text itself is echoed in the search box)
        assert title not in body


def test_site_search_does_not_find_unpublished_lessons(client, states):
    response = client.get("/zoeken/", {"q": "GEHEIM-INGEDIEND"})
    if response.status_code == 200:  # the site search belongs to the public site
        assert "Ingediende les" not in response.content.decode()


def test_dutch_stemming_plural_finds_singular(client, lessons_world):
    """On PostgreSQL the Dutch text search configuration stems both words to
    "samenwerkingsverband"; on SQLite (no stemmer) the library reduces the plural itself."""
    make_page(lessons_world.index, lessons_world.region_a, title="Afspraken met het samenwerkingsverband")
    make_page(lessons_world.index, lessons_world.region_a, title="Iets heel anders: vrije tijd")
    response = client.get(lessons_world.index.url, {"q": "samenwerkingsverbanden"})
    titles = [p.title for p in response.context["lessons"]]
    assert titles == ["Afspraken met het samenwerkingsverband"]


def test_search_and_filters_combine_and_stay_in_the_url(client, lessons_world):
    w = lessons_world
    advice1, advice4 = Advice.objects.get(number=1), Advice.objects.get(number=4)
    theme = LessonTheme.objects.get(slug="thuiszitters")
    make_page(w.index, w.region_a, title="Thuiszitters terug naar school", advices=[advice1], themes=[theme])
    make_page(w.index, w.region_b, title="Thuiszitters in Regio B", advices=[advice4], themes=[theme])
    make_page(
        w.index,
        w.region_a,
        title="Online pesten aanpakken",
        advices=[advice1],
        life_domains=",online,",
        school_types=",vo,",
        lesson_date=datetime.date(2023, 3, 1),
    )
    for _i in range(13):
        make_page(w.index, w.region_a, title=f"Thuiszitters reeks {_i}", advices=[advice1], themes=[theme])

    def titles(**params):
        return [p.title for p in client.get(w.index.url, params).context["lessons"]]

    assert titles(q="thuiszitters", advice="4") == ["Thuiszitters in Regio B"]
    assert titles(region="regio-b") == ["Thuiszitters in Regio B"]
    assert titles(life_domain="online") == ["Online pesten aanpakken"]
    assert titles(school_type="vo") == ["Online pesten aanpakken"]
    assert titles(year="2023") == ["Online pesten aanpakken"]
    assert "Online pesten aanpakken" not in titles(theme="thuiszitters")
    # Pagination keeps the search and the filters in its links.
    response = client.get(w.index.url, {"q": "thuiszitters", "advice": "1", "sort": "newest"})
    assert response.context["page_obj"].paginator.count == 14
    body = response.content.decode()
    assert "q=thuiszitters&amp;advice=1&amp;sort=newest&amp;page=2" in body
    assert len(client.get(w.index.url, {"q": "thuiszitters", "advice": "1", "page": "2"}).context["lessons"]) == 2


def test_bad_filter_values_give_a_page_not_an_error(client, lessons_world):
    response = client.get(lessons_world.index.url, {"advice": "99", "year": "abc", "page": "x", "sort": "<b>"})
    assert response.status_code == 200


def test_sort_newest_and_relevance(client, lessons_world):
    w = lessons_world
    make_page(
        w.index,
        w.region_a,
        title="Oud: jeugdhulp",
        summary="Jeugdhulp jeugdhulp jeugdhulp op school.",
        lesson_date=datetime.date(2022, 1, 1),
    )
    make_page(w.index, w.region_a, title="Nieuw", summary="Iets over jeugdhulp.", lesson_date=datetime.date(2025, 1, 1))
    newest = [p.title for p in client.get(w.index.url, {"q": "jeugdhulp", "sort": "newest"}).context["lessons"]]
    assert newest == ["Nieuw", "Oud: jeugdhulp"]
    relevance = [p.title for p in client.get(w.index.url, {"q": "jeugdhulp", "sort": "relevance"}).context["lessons"]]
    if connection.vendor == "postgresql":
        assert relevance[0] == "Oud: jeugdhulp"  # ts_rank: title and three mentions beat one
    else:  # SQLite's FTS ranking is the backend's own; the sort must still list every match
        assert sorted(relevance) == ["Nieuw", "Oud: jeugdhulp"]


def _index_queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


QUERY_PARAMS = ({}, {"q": "les"}, {"advice": "1", "theme": "thuiszitters", "life_domain": "school", "sort": "newest"})


def test_index_query_count_is_the_same_for_10_and_500_lessons(client, lessons_world):
    w = lessons_world
    advices = list(Advice.objects.filter(number__in=[1, 4]))
    themes = list(LessonTheme.objects.all())

    def add(count, start):
        for number in range(start, start + count):
            make_page(
                w.index,
                (w.region_a, w.region_b)[number % 2],
                title=f"Les {number}",
                advices=advices,
                themes=themes,
                lesson_date=datetime.date(2020 + number % 5, 1, 1),
                revision=False,
            )

    add(10, 0)
    small = [_index_queries(client, w.index.url, params) for params in QUERY_PARAMS]
    add(490, 10)
    large = [_index_queries(client, w.index.url, params) for params in QUERY_PARAMS]
    assert small == large, (small, large)


def test_lesson_page_shows_content_related_lessons_and_plain_share_links(client, lessons_world):
    w = lessons_world
    submission = published(w)
    advice = Advice.objects.get(number=1)
    make_page(w.index, w.region_b, title="Verwante les", advices=[advice])
    make_page(w.index, w.region_b, title="Ongerelateerde les", advices=[Advice.objects.get(number=7)])
    page = LessonPage.objects.get(pk=submission.page_id)
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Jeugdhulp in de klas" in body and "Sanne de Vries" in body
    assert [p.title for p in response.context["related"]] == ["Verwante les"]
    assert "https://www.linkedin.com/sharing/share-offsite/?url=" in body
    assert "mailto:?subject=" in body
    assert "<script" not in body.split("</header>", 1)[-1].split("<footer", 1)[0]


def test_rich_text_is_sanitised_on_the_way_to_the_public_page(client, lessons_world):
    w = lessons_world
    evil = (
        '<p onclick="steal()">Goed <strong>verhaal</strong><script>alert(1)</script>'
        '<a href="javascript:alert(2)">klik</a> <a href="https://example.org/les">bron</a>'
        '<img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe></p><style>body{}</style>'
    )
    submission = published(w, situation=evil, tips="Regel 1\nRegel 2 <b>vet</b>")
    page = LessonPage.objects.get(pk=submission.page_id)
    for stored in (submission.situation, page.situation):
        assert "script" not in stored and "onclick" not in stored and "javascript:" not in stored
        assert "onerror" not in stored and "iframe" not in stored and "body{}" not in stored
        assert "<b>verhaal</b>" in stored or "<strong>verhaal</strong>" in stored
        assert 'href="https://example.org/les"' in stored
    body = client.get(page.url).content.decode()
    assert "alert(" not in body and "steal()" not in body


def test_plain_text_becomes_escaped_paragraphs():
    assert sanitise_rich_text("Eén & twee\n\nDrie > twee") == "<p>Eén &amp; twee</p><p>Drie &gt; twee</p>"
    assert sanitise_rich_text("regel 1\nregel 2") == "<p>regel 1<br/>regel 2</p>"


# --- Feeds and API ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url", ["/feeds/lessen/rss/", "/feeds/lessen/atom/", "/feeds/lessen/advies/1/rss/", "/feeds/lessen/advies/4/atom/"]
)
def test_feeds_hold_only_published_lessons(client, states, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gepubliceerde les over samenwerkingsverband" in body
    _no_secrets(body)


def test_feed_per_advice_holds_only_that_advice(client, lessons_world):
    w = lessons_world
    make_page(w.index, w.region_a, title="Over advies zeven", advices=[Advice.objects.get(number=7)])
    make_page(w.index, w.region_a, title="Over advies twee", advices=[Advice.objects.get(number=2)])
    body = client.get("/feeds/lessen/advies/7/rss/").content.decode()
    assert "Over advies zeven" in body and "Over advies twee" not in body
    assert client.get("/feeds/lessen/advies/99/rss/").status_code == 404


def test_api_lists_only_published_lessons(client, states):
    response = client.get("/api/v2/lessons/")
    assert response.status_code == 200
    data = json.loads(response.content)
    titles = [item["title"] for item in data["items"]]
    assert titles == ["Gepubliceerde les over samenwerkingsverband en school"]
    assert data["items"][0]["region"] == "Regio A"
    _no_secrets(response.content.decode())
    for text in ("GEHEIM", "samenwerkingsverband"):
        found = json.loads(client.get("/api/v2/lessons/", {"search": text}).content)["items"]
        _no_secrets(json.dumps(found))


def test_api_detail_of_an_unpublished_page_is_404(client, lessons_world):
    w = lessons_world
    page = make_page(w.index, w.region_a, title="Nog niet live GEHEIM-CONCEPT", live=False)
    assert client.get(f"/api/v2/lessons/{page.pk}/").status_code == 404
    live = make_page(w.index, w.region_a, title="Live les")
    detail = json.loads(client.get(f"/api/v2/lessons/{live.pk}/").content)
    assert detail["title"] == "Live les" and detail["life_domains"] == ["school"]
    # Other page types are not served by this endpoint.
    assert client.get(f"/api/v2/lessons/{w.index.pk}/").status_code == 404
    assert client.get("/api/v2/lessons/", {"type": "wagtailcore.Page"}).status_code == 400


def test_unpublishing_removes_a_lesson_everywhere(client, lessons_world):
    w = lessons_world
    page = published(w).page.specific
    page.unpublish()
    assert client.get(page.url if page.url else "/lessen/jeugdhulp-in-de-klas/").status_code == 404
    assert "Jeugdhulp in de klas" not in client.get(w.index.url).content.decode()
    assert "Jeugdhulp in de klas" not in client.get("/feeds/lessen/rss/").content.decode()
    assert json.loads(client.get("/api/v2/lessons/").content)["items"] == []


def test_region_page_lists_its_published_lessons_only(client, states):
    from cms.region_pages import region_page_ensure

    page_a = region_page_ensure(region=states.region_a, publish=True)
    page_b = region_page_ensure(region=states.region_b, publish=True)
    body = client.get(page_a.url).content.decode()
    assert "Lessen uit deze regio" in body
    assert f'href="{states.published.page.url}"' in body or states.published.page.title in body
    _no_secrets(body)
    body_b = client.get(page_b.url).content.decode()
    assert "Lessen uit deze regio" not in body_b  # region B has nothing published
    _no_secrets(body_b)


def test_advice_page_links_its_published_lessons_and_the_filtered_library(client, states):
    from cms.models import AdviceIndexPage, AdvicePage, HomePage
    from learning.models import Advice

    home = HomePage.objects.first()
    advices = home.add_child(instance=AdviceIndexPage(title="Adviezen", slug="adviezen-test"))
    page = advices.add_child(instance=AdvicePage(title="Advies 1", slug="a-1", advice=Advice.objects.get(number=1)))
    body = client.get(page.url).content.decode()
    assert "Lessen over dit advies" in body
    assert states.published.page.title in body
    assert f'href="{states.index.url}?advice=1"' in body
    _no_secrets(body)
