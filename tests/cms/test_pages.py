"""Every public page type renders for everyone, within a bounded number of queries that does not grow
with the number of pages; parent/child rules; SEO tags; listings and pagination."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from cms import models as cms
from learning.models import Advice
from learning.services import checklist_item_update, region_advices_set
from regions.models import Organisation, Region
from tests.cms.conftest import add, meeting, news
from tests.factories import OrganisationFactory, RegionFactory

MAX_QUERIES = 15
PAGE_KEYS = [
    "content",
    "news_index",
    "news",
    "meeting_index",
    "meeting",
    "newsletter_index",
    "newsletter",
    "advice_index",
    "advice",
    "step_index",
    "step",
    "region_index",
    "region",
    "members",
    "form",
]


def queries(client, url, status=200):
    client.get(url)  # warm caches (site root paths, image renditions)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status, url
    return len(context.captured_queries)


@pytest.mark.parametrize("key", ["home", *PAGE_KEYS])
def test_every_page_type_renders_within_the_query_budget(client, public_site, key):
    page = public_site.home if key == "home" else public_site[key]
    count = queries(client, page.url)
    assert count <= MAX_QUERIES, f"{type(page).__name__}: {count} queries"


def test_signed_in_visitors_see_the_same_pages_within_budget(client, login, public_site, world):
    login(world["team_a"])
    for key in ["news_index", "advice", "members"]:
        assert queries(client, public_site[key].url) <= MAX_QUERIES + 3


def test_every_page_type_has_a_template_and_is_in_the_fixture(public_site):
    rendered = {type(public_site.home)} | {type(public_site[key]) for key in PAGE_KEYS}
    page_models = {
        m for m in vars(cms).values() if isinstance(m, type) and issubclass(m, Page) and m._meta.app_label == "cms"
    }
    assert page_models <= rendered


@pytest.mark.parametrize(
    ("key", "grow"),
    [
        (
            "home",
            lambda site: (
                [news(site["news_index"], n) for n in range(10, 20)]
                + [meeting(site["meeting_index"], n, n) for n in range(10, 16)]
            ),
        ),
        ("news_index", lambda site: [news(site["news_index"], n) for n in range(10, 30)]),
        ("meeting_index", lambda site: [meeting(site["meeting_index"], n, (-1) ** n * n) for n in range(10, 30)]),
        (
            "newsletter_index",
            lambda site: [
                add(
                    site["newsletter_index"],
                    cms.NewsletterPage(title=f"Nummer {n}", slug=f"n-{n}", number=n, intro="x"),
                )
                for n in range(2, 15)
            ],
        ),
        (
            "advice_index",
            lambda site: [
                add(site["advice_index"], cms.AdvicePage(title=a.title, slug=f"a-{a.number}", advice=a))
                for a in Advice.objects.exclude(number=1)
            ],
        ),
        (
            "step_index",
            lambda site: [
                add(
                    site["step_index"],
                    cms.StepPage(title=f"Stap {n}", slug=f"s-{n}", number=n, result="r", involves="<p>i</p>"),
                )
                for n in range(3, 8)
            ],
        ),
        (
            "region_index",
            lambda site: [region_index_page_for(RegionFactory(province=p)) for p in ["utrecht", "limburg"] * 6],
        ),
        ("members", lambda site: OrganisationFactory.create_batch(15, kind=Organisation.Kind.COALITION_MEMBER)),
    ],
)
def test_listing_query_count_does_not_grow(client, public_site, key, grow):
    page = public_site.home if key == "home" else public_site[key]
    few = queries(client, page.url)
    grow(public_site)
    many = queries(client, page.url)
    assert few == many <= MAX_QUERIES


def region_index_page_for(region):
    from cms.region_pages import region_page_ensure

    return region_page_ensure(region=region, publish=True)


def test_news_is_paginated_newest_first(client, public_site):
    for n in range(2, 13):
        news(public_site["news_index"], n)
    url = public_site["news_index"].url
    first = client.get(url)
    assert [a.title for a in first.context["page_obj"]][:2] == ["Nieuwsbericht 12", "Nieuwsbericht 11"]
    assert len(first.context["page_obj"]) == cms.NEWS_PER_PAGE
    assert "Pagina 1 van 2" in first.content.decode()
    second = client.get(url, {"page": 2})
    assert [a.title for a in second.context["page_obj"]] == ["Nieuwsbericht 2", "Nieuwsbericht 1"]
    for bad in ["abc", "999", "-1"]:
        assert client.get(url, {"page": bad}).status_code == 200


def test_meetings_are_split_into_upcoming_and_past(client, public_site):
    response = client.get(public_site["meeting_index"].url)
    assert [m.title for m in response.context["upcoming"]] == ["Bijeenkomst 1"]
    assert [m.title for m in response.context["page_obj"]] == ["Bijeenkomst 2"]
    past = client.get(public_site["past_meeting"].url).content.decode()
    assert "heeft plaatsgevonden" in past and "Aanmelden" not in past
    coming = client.get(public_site["meeting"].url).content.decode()
    assert 'href="https://example.org/aanmelden"' in coming


def test_meeting_needs_a_place_or_link_and_an_end_after_its_start(public_site):
    from django.core.exceptions import ValidationError

    page = public_site["meeting"]
    page.location = ""
    page.online_url = ""
    with pytest.raises(ValidationError) as place:
        page.full_clean()
    assert "online link" in str(place.value) or "plaats" in str(place.value)
    page.location = "Utrecht"
    page.end = page.start.replace(year=page.start.year - 1)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_home_shows_latest_news_upcoming_meetings_and_regions(client, public_site):
    for n in range(2, 6):
        news(public_site["news_index"], n)
    response = client.get("/")
    assert [a.title for a in response.context["latest_news"]] == [
        "Nieuwsbericht 5",
        "Nieuwsbericht 4",
        "Nieuwsbericht 3",
    ]
    assert [m.title for m in response.context["upcoming_meetings"]] == ["Bijeenkomst 1"]
    assert [r.title for r in response.context["region_pages"]] == ["Regio A"]
    body = response.content.decode()
    assert 'href="/nieuws/"' in body and 'href="/regios/regio-a/"' in body


def test_pages_in_a_private_section_are_left_out_of_lists(client, public_site):
    secret = news(public_site["news_index"], 50)
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    assert secret.title not in client.get("/").content.decode()
    assert secret.title not in client.get(public_site["news_index"].url).content.decode()


def test_menu_shows_pages_marked_for_menus_with_the_current_one(client, public_site):
    body = client.get(public_site["news"].url).content.decode()
    assert '<a href="/nieuws/" aria-current="true">Nieuws</a>' in body
    assert '<a href="/contact/">Contact</a>' in body
    assert "Over ons" not in body.split("</nav>")[0]  # not marked "show in menus"
    index = client.get(public_site["news_index"].url).content.decode()
    assert '<a href="/nieuws/" aria-current="page">Nieuws</a>' in index


def test_seo_title_description_open_graph_and_canonical(client, public_site):
    page = public_site["news"]
    page.seo_title = "Nieuws voor zoekmachines"
    page.search_description = "Korte beschrijving voor zoekmachines."
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "<title>Nieuws voor zoekmachines | " in body
    assert '<meta name="description" content="Korte beschrijving voor zoekmachines.">' in body
    assert '<link rel="canonical" href="http://localhost/nieuws/nieuws-1/">' in body
    assert '<meta property="og:type" content="article">' in body
    assert '<meta property="og:title" content="Nieuws voor zoekmachines">' in body
    assert '<meta property="og:image" content="http://testserver/' in body
    content = client.get(public_site["content"].url).content.decode()
    assert '<meta name="description" content="Wie wij zijn.">' in content  # falls back to the introduction
    assert '<meta property="og:type" content="website">' in content


def test_all_blocks_render_without_inline_styles_or_scripts(client, public_site):
    body = client.get(public_site["content"].url).content.decode()
    for expected in [
        "<h2>Kop</h2>",
        'alt="Twee cirkels"',
        "<blockquote><p>Samen leren.</p></blockquote>",
        'class="button" href="/">Aanmelden</a>',
        "Werkblad stap 1</a>",
        'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Uitleg in twee minuten"',
        "<summary>Wat is een regio?</summary>",
    ]:
        assert expected in body, expected
    assert " style=" not in body and "<script>" not in body and " onclick" not in body


def test_step_page_has_result_questions_worksheet_and_next_step(client, public_site):
    body = client.get(public_site["step"].url).content.decode()
    assert "Een gedeeld beeld." in body
    assert "<li>Welke signalen zien wij allemaal?</li>" in body
    assert public_site["step"].worksheet.url in body
    assert 'rel="next"' in body and "Stap 1 van 2" in body
    index = client.get(public_site["step_index"].url).content.decode()
    assert index.index("Zoek naar de gezamenlijkheid") < index.index("Organiseer de samenwerking")


def test_advice_page_shows_aggregated_progress_of_participating_regions_only(client, public_site, world):
    advice = Advice.objects.get(number=1)
    region_advices_set(region=world.region_a, advices=[advice])
    region_advices_set(region=world.region_b, advices=[advice])
    applicant = RegionFactory(name="Aanvrager", status=Region.Status.APPLICANT)
    region_advices_set(region=applicant, advices=[advice])
    items = list(advice.checklist_items.filter(is_active=True))
    checklist_item_update(region=world.region_a, item=items[0], status="embedded", explanation="Klaar.")
    checklist_item_update(region=world.region_b, item=items[0], status="started", explanation="Begonnen.")
    checklist_item_update(region=applicant, item=items[0], status="embedded", explanation="Telt niet.")
    response = client.get(public_site["advice"].url)
    progress = response.context["progress"]
    assert progress.region_count == 2
    assert progress.total == 2 * len(items)
    rows = {status: count for status, _label, count in progress.rows()}
    assert rows["embedded"] == 1 and rows["started"] == 1 and rows["not_started"] == 2 * len(items) - 2
    body = response.content.decode()
    assert "2 inspiratieregio's werken aan dit advies." in body
    for region in ("Regio A", "Regio B", "Aanvrager"):
        assert region not in body


def test_members_page_shows_national_organisations_with_logos_and_links(client, public_site, world):
    world.org_a.website = "https://example.org/lid-a"
    world.org_a.save()
    body = client.get(public_site["members"].url).content.decode()
    assert '<a href="https://example.org/lid-a">Ledenorganisatie A</a>' in body
    assert "Ledenorganisatie B" in body and "NJi" in body
    assert "Gemeente A" not in body  # local partners are not coalition members
    assert body.count('class="logo-grid__logo"') == 1


def test_region_index_groups_regions_by_province(client, public_site):
    from cms.region_pages import region_page_ensure

    region_page_ensure(region=RegionFactory(name="Zuid-Limburg", province="limburg"), publish=True)
    body = client.get(public_site["region_index"].url).content.decode()
    assert body.index(">Limburg</h2>") < body.index("Zuid-Limburg</a>") < body.index(">Utrecht</h2>")


def test_draft_pages_are_not_served(client, public_site):
    draft = cms.NewsPage(title="Concept", slug="concept", intro="x", live=False)
    public_site["news_index"].add_child(instance=draft)
    assert client.get("/nieuws/concept/").status_code == 404
    assert "Concept" not in client.get(public_site["news_index"].url).content.decode()


# --- Parent and child rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (cms.HomePage, cms.NewsIndexPage, True),
        (cms.HomePage, cms.NewsPage, False),
        (cms.NewsIndexPage, cms.NewsPage, True),
        (cms.NewsIndexPage, cms.ContentPage, False),
        (cms.MeetingIndexPage, cms.MeetingPage, True),
        (cms.MeetingPage, cms.FormPage, True),
        (cms.NewsletterIndexPage, cms.NewsletterPage, True),
        (cms.AdviceIndexPage, cms.AdvicePage, True),
        (cms.AdviceIndexPage, cms.StepPage, False),
        (cms.StepPlanIndexPage, cms.StepPage, True),
        (cms.RegionIndexPage, cms.RegionPage, True),
        (cms.ContentPage, cms.ContentPage, True),
        (cms.ContentPage, cms.NewsIndexPage, False),
        (cms.NewsPage, cms.ContentPage, False),
        (cms.StepPage, cms.ContentPage, False),
        (cms.FormPage, cms.ContentPage, False),
    ],
)
def test_parent_child_rules(parent, child, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_single_index_pages_cannot_be_added_twice(public_site):
    home = public_site.home
    for model in [cms.NewsIndexPage, cms.MeetingIndexPage, cms.AdviceIndexPage, cms.StepPlanIndexPage, cms.MembersPage]:
        assert not model.can_create_at(home), model
    assert cms.ContentPage.can_create_at(home)


def test_editor_cannot_add_a_page_type_where_it_does_not_belong(client, login, public_site, world):
    login(world["editor"])
    wrong = client.get(f"/admin/pages/add/cms/newspage/{public_site.home.pk}/")
    assert wrong.status_code == 302 and wrong.url == "/admin/"  # Wagtail: "permission denied" message
    assert not cms.NewsPage.objects.child_of(public_site.home).exists()
    right = client.get(f"/admin/pages/add/cms/newspage/{public_site['news_index'].pk}/")
    assert right.status_code == 200
