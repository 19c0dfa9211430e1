"""Demo content for the public site: the home page and the statements the footer links to."""

from django.db import transaction
from wagtail.models import Page, Site

from cms.models import ContentPage, HomePage
from cms.region_pages import region_page_ensure
from regions.models import Region

HOME_INTRO = (
    "<p>Ruim twintig landelijke organisaties uit onderwijs, kinderopvang, jeugdhulp, zorg en ouders werken "
    "samen in de coalitie onderwijs-zorg-jeugd. Ons doel: scholen en jeugdhulp werken als één rond elk kind. "
    "In inspiratieregio's leren we al doende, en wat één regio leert, delen we met iedereen.</p>"
)

STATEMENTS = [
    (
        "toegankelijkheid",
        "Toegankelijkheidsverklaring",
        "Wij willen dat iedereen deze website kan gebruiken. De website voldoet aan WCAG 2.1 niveau A en AA.",
        [
            ("heading", {"text": "Hoe wij toegankelijkheid bewaken", "level": "h2"}),
            (
                "paragraph",
                "<p>Elke paginasoort wordt bij iedere wijziging automatisch getoetst met axe-core in een "
                "echte browser. Formulieren, menu's en filters zijn met alleen het toetsenbord te bedienen.</p>",
            ),
            ("heading", {"text": "Iets niet toegankelijk?", "level": "h2"}),
            (
                "paragraph",
                "<p>Loopt u tegen een probleem aan? Laat het ons weten via het programmabureau; wij "
                "reageren binnen vijf werkdagen.</p>",
            ),
        ],
    ),
    (
        "privacy",
        "Privacyverklaring",
        "Wij verwerken zo weinig persoonsgegevens als mogelijk: alleen contactgegevens van professionals.",
        [
            ("heading", {"text": "Welke gegevens", "level": "h2"}),
            (
                "paragraph",
                "<p>Van medewerkers van regio's en coalitiepartners bewaren wij naam, organisatie, "
                "functie en e-mailadres. Gegevens over individuele kinderen of leerlingen horen niet op dit "
                "platform en worden geweigerd.</p>",
            ),
            ("heading", {"text": "Bewaartermijn en uw rechten", "level": "h2"}),
            (
                "paragraph",
                "<p>Accounts die twee jaar niet zijn gebruikt, worden verwijderd. U kunt uw gegevens "
                "opvragen, laten corrigeren of laten verwijderen via het programmabureau.</p>",
            ),
        ],
    ),
]


@transaction.atomic
def build() -> dict[str, int]:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Coalitie onderwijs-zorg-jeugd", slug="home"))
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    home.intro = HOME_INTRO
    home.search_description = "De coalitie onderwijs-zorg-jeugd: onderwijs en jeugdhulp werken als één rond elk kind."
    home.save_revision().publish()

    created = 0
    for slug, title, intro, body in STATEMENTS:
        page = ContentPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = ContentPage(title=title, slug=slug)
            home.add_child(instance=page)
            created += 1
        page.title = title
        page.intro = intro
        page.body = body
        page.save_revision().publish()

    region_pages = 0
    for region in Region.objects.exclude(status=Region.Status.APPLICANT):
        region_page_ensure(region=region, publish=True)
        region_pages += 1
    return {"pages_created": created, "region_pages": region_pages}
