"""sitemap.xml, robots.txt and the search page over all public content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.models import NewsPage
from tests.cms.conftest import news


def test_sitemap_lists_live_public_pages_only(client, public_site):
    draft = NewsPage(title="Concept", slug="concept", intro="x", live=False)
    public_site["news_index"].add_child(instance=draft)
    private = news(public_site["news_index"], 40)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    for key in ["news", "step", "advice", "region", "form"]:
        assert f"<loc>http://localhost{public_site[key].url}</loc>" in body
    assert "/nieuws/concept/" not in body and private.url not in body
    assert "<lastmod>" in body


def test_sitemap_query_count_does_not_grow_with_pages(client, public_site):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sitemap.xml").status_code == 200
        return len(context.captured_queries)

    client.get("/sitemap.xml")
    few = count()
    for n in range(10, 30):
        news(public_site["news_index"], n)
    assert count() == few


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_portal(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /portal/" in lines and "Disallow: /admin/" in lines and "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_search_finds_words_in_the_body_of_any_page_type(client, public_site):
    response = client.get("/zoeken/", {"q": "signalen"})  # a guiding question of the step page
    assert response.status_code == 200
    assert [r.title for r in response.context["page_obj"]] == [public_site["step"].title]
    body = response.content.decode()
    assert "1 resultaat voor “signalen”" in body
    assert f'href="{public_site["step"].url}"' in body
    assert '<meta name="robots" content="noindex">' in body


def test_search_leaves_out_drafts_and_private_pages(client, public_site):
    draft = NewsPage(title="Geheim concept", slug="concept", intro="zoekwoordxyz", live=False)
    public_site["news_index"].add_child(instance=draft)
    private = news(public_site["news_index"], 41)
    private.intro = "zoekwoordxyz"
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/zoeken/", {"q": "zoekwoordxyz"})
    assert list(response.context["page_obj"]) == []
    assert "Niets gevonden" in response.content.decode()


@pytest.mark.parametrize("q", ["", "   ", "x" * 500, "<script>alert(1)</script>", "a' OR 1=1 --"])
def test_search_never_fails_on_odd_input(client, public_site, q):
    response = client.get("/zoeken/", {"q": q, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_results_are_paginated_with_bounded_queries(client, public_site):
    for n in range(10, 35):
        news(public_site["news_index"], n)
    client.get("/zoeken/", {"q": "Nieuwsbericht"})
    with CaptureQueriesContext(connection) as context:
        response = client.get("/zoeken/", {"q": "Nieuwsbericht"})
    assert response.context["page_obj"].paginator.count == 26
    assert len(response.context["page_obj"]) == 10
    assert len(context.captured_queries) <= 10
    second = client.get("/zoeken/", {"q": "Nieuwsbericht", "page": 3})
    assert len(second.context["page_obj"]) == 6


def test_search_finds_an_advice_page_by_the_text_of_the_advice_itself(client, public_site):
    response = client.get("/zoeken/", {"q": "interprofessionele"})  # in learning.Advice 1's summary only
    assert [r.title for r in response.context["page_obj"]] == [public_site["advice"].title]
