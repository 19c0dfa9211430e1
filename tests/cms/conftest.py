"""A compact public site with one page of every type, built directly (the full demo is tested apart)."""

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image

from cms.demo_files import banner_png, text_pdf, wordmark_png
from cms.models import (
    AdviceIndexPage,
    AdvicePage,
    ContentPage,
    FormField,
    FormPage,
    HomePage,
    MeetingIndexPage,
    MeetingPage,
    MembersPage,
    NewsIndexPage,
    NewsletterIndexPage,
    NewsletterPage,
    NewsPage,
    OrganisationLogo,
    StepPage,
    StepPlanIndexPage,
)
from cms.region_pages import region_index_ensure, region_page_ensure
from learning.models import Advice


def add(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_image(title="Beeld", colour="#00549f"):
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(banner_png(colour, "#ffffff")), name="beeld.png")
    )


def make_document(title="Werkblad"):
    document = Document(title=title)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(text_pdf(title, ["Vraag 1"])), save=False)
    document.save()
    return document


def news(index, n, **extra):
    return add(
        index,
        NewsPage(
            title=f"Nieuwsbericht {n}",
            slug=f"nieuws-{n}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            intro=f"Samenvatting {n}",
            **extra,
        ),
    )


def meeting(index, n, days, **extra):
    start = timezone.now() + datetime.timedelta(days=days)
    return add(
        index,
        MeetingPage(
            title=f"Bijeenkomst {n}",
            slug=f"bijeenkomst-{n}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            location="Utrecht",
            intro=f"Over bijeenkomst {n}",
            **extra,
        ),
    )


@dataclass
class PublicSite:
    home: HomePage
    pages: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.pages[key]


@pytest.fixture
def public_site(world):
    home = HomePage.objects.get()
    image = make_image()
    worksheet = make_document("Werkblad stap 1")
    site = PublicSite(home=home)
    p = site.pages
    p["content"] = add(home, ContentPage(title="Over ons", slug="over-ons", intro="Wie wij zijn."))
    p["content"].body = [
        ("heading", {"text": "Kop", "level": "h2"}),
        ("paragraph", "<p>Tekst met <b>nadruk</b>.</p>"),
        ("image", {"image": image, "alt_text": "Twee cirkels", "caption": "Een illustratie"}),
        ("quote", {"text": "Samen leren.", "attribution": "Een verbinder"}),
        (
            "call_to_action",
            {
                "title": "Doe mee",
                "text": "Meld uw regio aan.",
                "button_label": "Aanmelden",
                "link": {"page": home, "url": ""},
            },
        ),
        ("documents", {"title": "Downloads", "documents": [worksheet]}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": "Uitleg in twee minuten",
                "transcript": "<p>Wat er gezegd wordt.</p>",
            },
        ),
        (
            "accordion",
            {"title": "Vragen", "items": [{"question": "Wat is een regio?", "answer": "<p>Een gebied.</p>"}]},
        ),
    ]
    p["content"].save_revision().publish()
    p["news_index"] = add(home, NewsIndexPage(title="Nieuws", slug="nieuws", show_in_menus=True))
    p["news"] = news(p["news_index"], 1, image=image, image_alt="")
    p["meeting_index"] = add(home, MeetingIndexPage(title="Bijeenkomsten", slug="bijeenkomsten", show_in_menus=True))
    p["meeting"] = meeting(p["meeting_index"], 1, 10, registration_url="https://example.org/aanmelden")
    p["past_meeting"] = meeting(p["meeting_index"], 2, -10)
    p["newsletter_index"] = add(home, NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief"))
    p["newsletter"] = add(
        p["newsletter_index"],
        NewsletterPage(
            title="Nieuwsbrief 1",
            slug="nummer-1",
            number=1,
            intro="Eerste nummer.",
            document=make_document("Nieuwsbrief 1"),
        ),
    )
    p["advice_index"] = add(home, AdviceIndexPage(title="Adviezen", slug="adviezen", show_in_menus=True))
    p["advice"] = add(
        p["advice_index"], AdvicePage(title="Verbreden van teams", slug="advies-1", advice=Advice.objects.get(number=1))
    )
    p["step_index"] = add(home, StepPlanIndexPage(title="Stappenplan", slug="stappenplan", show_in_menus=True))
    p["step"] = add(
        p["step_index"],
        StepPage(
            title="Zoek naar de gezamenlijkheid in de urgentie",
            slug="stap-1",
            number=1,
            result="Een gedeeld beeld.",
            involves="<p>Gesprekken voeren.</p>",
            guiding_questions=[("question", "Welke signalen zien wij allemaal?")],
            worksheet=worksheet,
        ),
    )
    p["step2"] = add(
        p["step_index"],
        StepPage(
            title="Organiseer de samenwerking",
            slug="stap-2",
            number=2,
            result="Een werkgroep.",
            involves="<p>Afspraken.</p>",
        ),
    )
    p["region_index"] = region_index_ensure()
    p["region"] = region_page_ensure(region=world.region_a, publish=True)
    p["members"] = add(home, MembersPage(title="Over de coalitie", slug="over-de-coalitie", show_in_menus=True))
    OrganisationLogo.objects.create(
        organisation=world.org_a,
        image=Image.objects.create(
            title="Logo A", file=ImageFile(io.BytesIO(wordmark_png("A", "#00549f")), name="a.png")
        ),
    )
    contact = FormPage(
        title="Contact",
        slug="contact",
        show_in_menus=True,
        to_address="programmabureau@example.org",
        from_address="noreply@example.org",
        subject="Contactformulier",
        thank_you_text="<p>Bedankt voor uw bericht.</p>",
    )
    contact.form_fields = [
        FormField(sort_order=0, label="Naam", field_type="singleline", required=True),
        FormField(sort_order=1, label="E-mailadres", field_type="email", required=True),
        FormField(sort_order=2, label="Bericht", field_type="multiline", required=True),
    ]
    p["form"] = add(home, contact)
    return site
