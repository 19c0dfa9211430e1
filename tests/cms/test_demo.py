"""The demo builds the whole public site in Dutch; building it again changes and duplicates nothing."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, WorkflowPage

from cms import demo as cms_demo
from cms import models as cms
from regions import demo as regions_demo

MAX_QUERIES = 15


def _counts():
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    return {
        "pages": Page.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "logos": cms.OrganisationLogo.objects.count(),
        "form_fields": cms.FormField.objects.count(),
    }


def test_demo_builds_every_page_type_once_and_renders_it(db):
    regions_demo.build()
    cms_demo.build()
    first = _counts()
    result = cms_demo.build()
    assert result["pages_created"] == 0
    assert _counts() == first

    page_models = {
        m for m in vars(cms).values() if isinstance(m, type) and issubclass(m, Page) and m._meta.app_label == "cms"
    }
    for model in page_models:
        assert model.objects.live().exists(), model
    assert cms.StepPage.objects.live().count() == 7
    assert cms.AdvicePage.objects.live().count() == 7
    assert all(step.worksheet_id for step in cms.StepPage.objects.all())
    assert cms.OrganisationLogo.objects.filter(organisation__slug="vng").exists()
    assert WorkflowPage.objects.filter(page__depth=1).exists()

    client = Client()
    seen = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        url = page.get_url()
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        assert len(context.captured_queries) <= MAX_QUERIES, f"{url}: {len(context.captured_queries)} queries"
    assert seen == page_models


def test_demo_menu_and_meetings_to_come(db):
    regions_demo.build()
    cms_demo.build()
    body = Client().get("/").content.decode()
    for link in [
        "/nieuws/",
        "/bijeenkomsten/",
        "/adviezen/",
        "/stappenplan/",
        "/regios/",
        "/over-de-coalitie/",
        "/contact/",
    ]:
        assert f'href="{link}"' in body, link
    assert "Komende bijeenkomsten" in body and "Landelijke leerbijeenkomst" in body
