"""Demo content for the whole public site, in Dutch: home, about the coalition with the members,
news, meetings and webinars, the newsletter archive, the seven advices, the seven-step plan, the
region pages, contact, and the accessibility and privacy statements.

Idempotent: pages are found by their slug under their parent, images and documents by title, so
running it again updates the content (a new published revision) and never duplicates anything.
Dates of meetings are relative to today, so the demo always has meetings to come.
"""

import datetime
import io
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site

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
from cms.moderation import moderation_workflow_ensure
from cms.region_pages import region_index_ensure, region_page_ensure
from learning.models import Advice
from regions.models import Organisation, Region

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
            ("heading", {"text": "Het contactformulier", "level": "h2"}),
            (
                "paragraph",
                "<p>Wat u via het contactformulier stuurt, bewaren wij om uw vraag te beantwoorden en "
                "verwijderen wij na een jaar. Wij gebruiken geen diensten van derden om spam te weren.</p>",
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

NEWS = [
    (
        "elf-inspiratieregios-gekozen",
        "Elf inspiratieregio's gekozen",
        datetime.date(2019, 10, 1),
        "Dertig regio's meldden zich aan; elf gaan als eerste inspiratieregio aan de slag met de adviezen uit "
        "Mét andere ogen.",
        [
            (
                "paragraph",
                "<p>De coalitie onderwijs-zorg-jeugd heeft elf inspiratieregio's gekozen: Twente, "
                "Noord-Kennemerland, Noordoost-Friesland, Holland-Rijnland, Zuid-Kennemerland, Meierij, Utrecht, "
                "Leeuwarden, Zuid-Limburg, Almere en FoodValley. Zij werken de komende jaren aan hun eigen "
                "ontwikkelvraag en delen wat zij leren.</p>",
            ),
            (
                "quote",
                {"text": "Wij leggen niets op. We leren samen, in de praktijk.", "attribution": "Programmabureau"},
            ),
        ],
    ),
    (
        "kennisverbinders-van-het-nji",
        "Kennisverbinders van het NJi sluiten aan",
        datetime.date(2020, 2, 12),
        "Elke inspiratieregio krijgt naast een coalitieverbinder ook een kennisverbinder van het Nederlands "
        "Jeugdinstituut.",
        [
            (
                "paragraph",
                "<p>De kennisverbinders helpen regio's bij het verzamelen en duiden van gegevens, bijvoorbeeld uit "
                "de Monitor Aansluiting Onderwijs Jeugdhulp, en brengen kennis uit andere regio's in.</p>",
            ),
        ],
    ),
    (
        "stappenplan-voor-een-gezamenlijk-plan",
        "Nieuw: stappenplan voor een gezamenlijk plan van gemeente en onderwijs",
        datetime.date(2021, 5, 18),
        "Zeven stappen, met per stap een werkblad, helpen gemeente en onderwijs om samen tot één plan te komen.",
        [
            (
                "paragraph",
                "<p>Het stappenplan is geen blauwdruk maar een leidraad om continu te leren. Elke stap heeft een "
                "resultaat, een beschrijving van wat de stap inhoudt, richtvragen en een werkblad voor de "
                "werkgroep.</p>",
            ),
        ],
    ),
    (
        "twente-een-arrangement-voor-alle-scholen",
        "Twente werkt aan één arrangement voor alle scholen",
        datetime.date(2023, 3, 7),
        "Veertien gemeenten en hun samenwerkingsverbanden in Twente maken afspraken die op elke school hetzelfde "
        "werken.",
        [
            (
                "paragraph",
                "<p>In Twente schuiven jeugdhulp en onderwijs aan bij hetzelfde overleg op school. Ouders vertellen "
                "hun verhaal één keer; de school, het wijkteam en de jeugdarts kijken samen wat nodig is.</p>",
            ),
        ],
    ),
    (
        "lessen-uit-vijf-jaar-inspiratieregios",
        "Lessen uit vijf jaar inspiratieregio's",
        datetime.date(2024, 9, 24),
        "Wat werkt er in de regio's? Een overzicht van de belangrijkste lessen, van wijkteams op school tot "
        "gezamenlijke monitoring.",
        [
            (
                "paragraph",
                "<p>De inspiratieregio's laten zien dat samenwerken begint bij een gedeelde urgentie. Regio's die "
                "samen gegevens verzamelen en duiden, maken concretere afspraken.</p>",
            ),
        ],
    ),
    (
        "monitor-aansluiting-onderwijs-jeugdhulp-bijgewerkt",
        "Monitor Aansluiting Onderwijs Jeugdhulp bijgewerkt",
        datetime.date(2025, 11, 4),
        "De monitor bevat nieuwe cijfers over jeugdhulpgebruik per onderwijssoort, per gemeente en per regio.",
        [
            (
                "paragraph",
                "<p>Regio's gebruiken de monitor in hun OOGO om het gesprek te voeren over de samenhang tussen "
                "hun taken. De cijfers komen uit microdata van het CBS en zijn bewerkt door het NJi.</p>",
            ),
        ],
    ),
]

# slug, title, kind, days from today, hours, place, online link, introduction
MEETINGS = [
    (
        "landelijke-leerbijeenkomst-inspiratieregios",
        "Landelijke leerbijeenkomst inspiratieregio's",
        MeetingPage.Kind.MEETING,
        21,
        (10, 16),
        "Jaarbeurs, Jaarbeursplein 6, Utrecht",
        "",
        "Een dag voor verbinders, coalitieverbinders en kennisverbinders: regio's leren van elkaar in werkplaatsen.",
    ),
    (
        "webinar-samen-monitoren",
        "Webinar: samen monitoren met de Monitor AOJ",
        MeetingPage.Kind.WEBINAR,
        35,
        (15, 16),
        "",
        "https://example.org/webinar/samen-monitoren",
        "Hoe gebruik je de Monitor Aansluiting Onderwijs Jeugdhulp in het OOGO? Met voorbeelden uit twee regio's.",
    ),
    (
        "werkconferentie-thuiszitters",
        "Werkconferentie: geen kind thuis",
        MeetingPage.Kind.CONFERENCE,
        63,
        (9, 13),
        "Stadhuis Almere, Stadhuisplein 1, Almere",
        "https://example.org/livestream/geen-kind-thuis",
        "Over het inperken van vrijstellingen (artikel 5a) en wat scholen, gemeenten en jeugdhulp samen doen.",
    ),
    (
        "terugblik-startbijeenkomst",
        "Startbijeenkomst inspiratieregio's",
        MeetingPage.Kind.MEETING,
        -120,
        (13, 17),
        "Den Haag, Nieuwspoort",
        "",
        "De start van de nieuwe ronde: kennismaking tussen regio's en hun coalitieverbinders.",
    ),
    (
        "webinar-ouders-als-partner",
        "Webinar: ouders als partner",
        MeetingPage.Kind.WEBINAR,
        -45,
        (19, 20),
        "",
        "https://example.org/webinar/ouders-als-partner",
        "Ouders & Onderwijs en twee regio's over het betrekken van ouders en kinderen bij de ondersteuning.",
    ),
]

NEWSLETTERS = [
    (
        1,
        datetime.date(2025, 3, 12),
        "Nieuwsbrief maart 2025",
        "De nieuwe ronde inspiratieregio's, het stappenplan in de praktijk en een terugblik op de leerbijeenkomst.",
    ),
    (
        2,
        datetime.date(2025, 6, 25),
        "Nieuwsbrief juni 2025",
        "Lessen over wijkteams op school, de monitor in het OOGO en de agenda voor het najaar.",
    ),
    (
        3,
        datetime.date(2025, 10, 8),
        "Nieuwsbrief oktober 2025",
        "Poreuze budgetten in FoodValley, ouders als partner in Almere en de nieuwe cijfers van de monitor.",
    ),
]

ADVICE_TEXT = {
    1: "Leerkrachten staan er niet alleen voor: jeugdhulp, jeugdgezondheidszorg en het wijkteam zijn op en rond "
    "de school aanwezig, zodat een kind snel de juiste hulp krijgt.",
    2: "Elk kind heeft recht op onderwijs. Regio's zoeken samen naar een passende plek voordat een vrijstelling "
    "van de leerplicht aan de orde is.",
    3: "Ouders en kinderen kennen hun situatie het best. Zij denken mee vanaf het begin, niet pas als er een "
    "besluit ligt.",
    4: "De gemeente neemt de regie over brede afspraken met onderwijs en zorg, en legt die vast in het OOGO.",
    5: "Wie samen afspraken maakt, meet ook samen: op het niveau van de regio, met dezelfde gegevens.",
    6: "Geld en regels mogen geen schotten vormen. Budgetten van onderwijs en zorg lopen waar nodig in elkaar over.",
    7: "De landelijke organisaties ondersteunen de regio's, brengen kennis samen en nemen belemmeringen weg.",
}

# title, result, what the step involves, guiding questions (editable content, not NJi's own text)
STEPS = [
    (
        "Zoek naar de gezamenlijkheid in de urgentie",
        "Een gedeeld beeld van waarom gemeente en onderwijs samen aan de slag gaan.",
        "Gemeente, samenwerkingsverbanden en schoolbesturen vertellen elkaar wat zij zien en wat hen zorgen baart. "
        "Zo wordt duidelijk welke urgentie zij delen.",
        [
            "Welke signalen over kinderen en jongeren zien wij allemaal?",
            "Wat gebeurt er als we niets doen?",
            "Waar liggen onze gezamenlijke belangen?",
        ],
    ),
    (
        "Organiseer de samenwerking en besluitvorming",
        "Een werkgroep met mandaat en heldere afspraken over wie waarover beslist.",
        "De partners richten een werkgroep in en leggen vast hoe besluiten worden genomen, ook in het OOGO.",
        [
            "Wie zitten er aan tafel, en wie ontbreekt nog?",
            "Welk mandaat hebben de leden van de werkgroep?",
            "Hoe betrekken we ouders en jongeren?",
        ],
    ),
    (
        "Verzamel gegevens en analyseer en interpreteer ze gezamenlijk",
        "Een gezamenlijke analyse van de cijfers en de verhalen achter de cijfers.",
        "De werkgroep verzamelt gegevens, bijvoorbeeld uit de Monitor Aansluiting Onderwijs Jeugdhulp, en duidt "
        "ze samen met professionals uit de praktijk.",
        [
            "Welke gegevens hebben we al, en welke missen we?",
            "Wat vertellen de cijfers per onderwijssoort?",
            "Herkennen professionals dit beeld?",
        ],
    ),
    (
        "Formuleer concrete maatschappelijke resultaten",
        "Enkele concrete, gedeelde resultaten voor kinderen en jongeren in de regio.",
        "Op basis van de analyse kiest de werkgroep welke resultaten zij samen wil bereiken, zo concreet mogelijk.",
        [
            "Wat is er over vier jaar anders voor kinderen en jongeren?",
            "Hoe weten we dat we dat bereikt hebben?",
            "Welke resultaten kiezen we als eerste?",
        ],
    ),
    (
        "Kies de passende aanpak",
        "Een aanpak die past bij de resultaten en bij wat er al is in de regio.",
        "De werkgroep kiest interventies en werkwijzen, bouwt voort op wat werkt en verdeelt taken en middelen.",
        [
            "Wat werkt al goed en kunnen we uitbreiden?",
            "Wat vraagt de aanpak van scholen, wijkteams en jeugdhulp?",
            "Hoe verdelen we de middelen?",
        ],
    ),
    (
        "Maak afspraken over meten en bijsturen",
        "Afspraken over wat de partners meten, wanneer zij terugkijken en hoe zij bijsturen.",
        "De partners spreken af welke indicatoren zij volgen, op welk niveau, en wanneer zij samen de balans opmaken.",
        [
            "Welke indicatoren laten zien of we op koers liggen?",
            "Wanneer kijken we samen terug?",
            "Wie mag bijsturen, en hoe?",
        ],
    ),
    (
        "Voer het plan uit",
        "Een plan dat werkt in de praktijk en dat de partners samen blijven verbeteren.",
        "De partners voeren het plan uit, delen ervaringen en passen het plan aan waar dat nodig is.",
        [
            "Wat leren we van de eerste maanden?",
            "Wat delen we met andere regio's?",
            "Wat passen we aan in het plan?",
        ],
    ),
]

LOGO_COLOURS = ["#00549f", "#1e6b35", "#7a2e8e", "#b3261e", "#005f6b", "#5c4a00", "#2b3a55", "#8a3b12"]

CONTACT_FIELDS = [
    ("Naam", "singleline", True, ""),
    ("E-mailadres", "email", True, "Wij gebruiken uw e-mailadres alleen om te antwoorden."),
    ("Organisatie", "singleline", False, ""),
    ("Uw vraag of bericht", "multiline", True, ""),
]


def _home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Coalitie onderwijs-zorg-jeugd", slug="home"))
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


def _ensure(parent: Page, model, slug: str, on_create: dict | None = None, **fields) -> Page:
    """The page of type ``model`` at ``slug`` under ``parent``, created or updated, then published.
    ``on_create`` holds fields only set on a new page (such as a form's fields, which editors own)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields, **(on_create or {}))
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


def _document(title: str, filename: str, data: bytes) -> Document:
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(filename, ContentFile(data), save=False)
        document.save()
    return document


def _image(title: str, filename: str, data: bytes) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, file=ImageFile(io.BytesIO(data), name=filename))
        image.save()
    return image


def _site_settings(home: HomePage) -> None:
    """The default site answers on the demo's own address, so canonical URLs and the sitemap match it."""
    base = urlparse(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        site.hostname = base.hostname or "localhost"
        site.port = base.port or (443 if base.scheme == "https" else 80)
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.root_page = home
        site.save()


def _members(home: HomePage) -> MembersPage:
    for index, organisation in enumerate(Organisation.objects.filter(kind__in=Organisation.NATIONAL_KINDS)):
        if organisation.kind == Organisation.Kind.PROGRAMME_OFFICE:
            continue
        image = _image(
            f"Logo {organisation.display_name}",
            f"logo-{organisation.slug}.png",
            wordmark_png(organisation.display_name, LOGO_COLOURS[index % len(LOGO_COLOURS)]),
        )
        OrganisationLogo.objects.update_or_create(organisation=organisation, defaults={"image": image})
    return _ensure(
        home,
        MembersPage,
        "over-de-coalitie",
        title="Over de coalitie",
        show_in_menus=True,
        search_description="Wie zijn de organisaties achter de coalitie onderwijs-zorg-jeugd, en wat doen zij samen?",
        intro=(
            "<p>In de coalitie onderwijs-zorg-jeugd werken landelijke organisaties uit onderwijs, kinderopvang, "
            "jeugdhulp, gezondheidszorg en ouders samen. De ministeries van OCW en VWS zijn nauw betrokken; het "
            "NJi en het NCJ zijn kennispartners.</p>"
        ),
        body=[
            ("heading", {"text": "Het programma", "level": "h2"}),
            (
                "paragraph",
                "<p>In juni 2019 startte het programma <i>Verbeteren aansluiting onderwijs-zorg-jeugd</i>. Het "
                "adviesrapport <i>Mét andere ogen</i> (november 2018) geeft zeven adviezen. Het programma legt niets "
                "op: in de inspiratieregio's leren we al doende.</p>",
            ),
            (
                "accordion",
                {
                    "title": "Veelgestelde vragen",
                    "items": [
                        {
                            "question": "Wat is een inspiratieregio?",
                            "answer": "<p>Een regio van een of meer gemeenten met hun samenwerkingsverbanden, scholen "
                            "en zorgaanbieders die meedoet aan het programma en deelt wat zij leert.</p>",
                        },
                        {
                            "question": "Wat doet een coalitieverbinder?",
                            "answer": "<p>Een coalitieverbinder komt van een van de lidorganisaties en is het "
                            "aanspreekpunt van de coalitie voor een regio.</p>",
                        },
                        {
                            "question": "Kan onze regio meedoen?",
                            "answer": "<p>Ja. Regio's kunnen zich aanmelden via <i>Mijn omgeving</i>; het "
                            "programmabureau neemt daarna contact op.</p>",
                        },
                    ],
                },
            ),
        ],
    )


def _contact(home: HomePage) -> FormPage:
    page = _ensure(
        home,
        FormPage,
        "contact",
        title="Contact",
        show_in_menus=True,
        search_description="Een vraag aan het programmabureau van de coalitie onderwijs-zorg-jeugd? "
        "Stuur ons een bericht.",
        intro="<p>Heeft u een vraag over het programma of de inspiratieregio's? Stuur ons een bericht. Wij "
        "antwoorden binnen vijf werkdagen.</p>",
        thank_you_text="<p>Dank u wel. Wij hebben uw bericht ontvangen en antwoorden binnen vijf werkdagen.</p>",
        to_address="programmabureau@example.org",
        from_address="noreply@example.org",
        subject="Bericht via het contactformulier",
        on_create={
            "form_fields": [
                FormField(sort_order=position, label=label, field_type=field_type, required=required, help_text=help)
                for position, (label, field_type, required, help) in enumerate(CONTACT_FIELDS)
            ]
        },
    )
    return page


def _news(home: HomePage) -> NewsIndexPage:
    index = _ensure(
        home,
        NewsIndexPage,
        "nieuws",
        title="Nieuws",
        show_in_menus=True,
        intro="Nieuws over het programma, de inspiratieregio's en wat zij leren.",
        search_description="Nieuws van de coalitie onderwijs-zorg-jeugd en de inspiratieregio's.",
    )
    banner = _image("Illustratie samenwerking", "samenwerking.png", banner_png("#003a70", "#ffbf47"))
    for number, (slug, title, date, intro, body) in enumerate(NEWS):
        fields = {"title": title, "date": date, "intro": intro, "body": body}
        if number == len(NEWS) - 1:
            fields.update(image=banner, image_alt="")
        _ensure(index, NewsPage, slug, **fields)
    return index


def _meetings(home: HomePage) -> MeetingIndexPage:
    index = _ensure(
        home,
        MeetingIndexPage,
        "bijeenkomsten",
        title="Bijeenkomsten en webinars",
        show_in_menus=True,
        intro="Leerbijeenkomsten, werkconferenties en webinars voor regio's en partners.",
    )
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    for slug, title, kind, days, (start_hour, end_hour), location, online_url, intro in MEETINGS:
        day = today + datetime.timedelta(days=days)
        start = datetime.datetime.combine(day, datetime.time(start_hour), tzinfo=tz)
        end = datetime.datetime.combine(day, datetime.time(end_hour), tzinfo=tz)
        meeting = _ensure(
            index,
            MeetingPage,
            slug,
            title=title,
            kind=kind,
            start=start,
            end=end,
            location=location,
            online_url=online_url,
            intro=intro,
            registration_url="" if days > 30 or days < 0 else "https://example.org/aanmelden/" + slug,
            body=[("paragraph", f"<p>{intro} Deelname is kosteloos.</p>")],
        )
        if days > 30:
            _registration_form(meeting)
    return index


def _registration_form(meeting: MeetingPage) -> None:
    form = _ensure(
        meeting,
        FormPage,
        "aanmelden",
        title=f"Aanmelden: {meeting.title}",
        intro=f"<p>Meld u aan voor {meeting.title}. U krijgt een bevestiging per e-mail.</p>",
        thank_you_text="<p>Dank u wel, u bent aangemeld. U ontvangt de bevestiging per e-mail.</p>",
        to_address="programmabureau@example.org",
        from_address="noreply@example.org",
        subject=f"Aanmelding {meeting.title}",
        on_create={
            "form_fields": [
                FormField(sort_order=position, label=label, field_type=field_type, required=True)
                for position, (label, field_type) in enumerate(
                    [("Naam", "singleline"), ("E-mailadres", "email"), ("Organisatie", "singleline")]
                )
            ]
        },
    )
    if meeting.registration_page_id != form.pk:
        meeting.registration_page = form
        meeting.save_revision().publish()


def _newsletters(home: HomePage) -> NewsletterIndexPage:
    index = _ensure(
        home,
        NewsletterIndexPage,
        "nieuwsbrief",
        title="Nieuwsbrief",
        intro="Alle nummers van de nieuwsbrief van de coalitie onderwijs-zorg-jeugd.",
    )
    for number, date, title, intro in NEWSLETTERS:
        document = _document(
            f"{title} (pdf)",
            f"nieuwsbrief-{number}.pdf",
            text_pdf(title, [intro, "", "Coalitie onderwijs-zorg-jeugd"]),
        )
        _ensure(
            index,
            NewsletterPage,
            f"nummer-{number}",
            title=title,
            number=number,
            date=date,
            intro=intro,
            document=document,
            body=[("paragraph", f"<p>{intro}</p>")],
        )
    return index


def _advices(home: HomePage) -> AdviceIndexPage:
    index = _ensure(
        home,
        AdviceIndexPage,
        "adviezen",
        title="De zeven adviezen",
        show_in_menus=True,
        search_description="De zeven adviezen uit Mét andere ogen (2018), met de twee kernadviezen.",
        intro="<p>Het adviesrapport <i>Mét andere ogen</i> (november 2018) geeft zeven adviezen. Advies 1 en 4 "
        "zijn de kernadviezen van het programma.</p>",
    )
    for advice in Advice.objects.order_by("number"):
        page = AdvicePage.objects.filter(advice=advice).first()
        slug = page.slug if page else slugify(f"{advice.number}-{advice.short_title}")
        _ensure(
            index,
            AdvicePage,
            slug,
            title=advice.title,
            advice=advice,
            intro=ADVICE_TEXT.get(advice.number, ""),
        )
    return index


def _step_plan(home: HomePage) -> StepPlanIndexPage:
    index = _ensure(
        home,
        StepPlanIndexPage,
        "stappenplan",
        title="Stappenplan",
        show_in_menus=True,
        search_description="Zeven stappen naar een gezamenlijk plan van gemeente en onderwijs, met werkbladen.",
        intro="<p>Zeven stappen naar een gezamenlijk plan van gemeente en onderwijs (NJi, 2021). Het stappenplan "
        "is geen blauwdruk maar een leidraad om continu te leren. De richtvragen zijn door het programmabureau "
        "opgesteld en worden aangevuld met wat regio's leren.</p>",
    )
    for number, (title, result, involves, questions) in enumerate(STEPS, start=1):
        worksheet = _document(
            f"Werkblad stap {number}: {title}",
            f"werkblad-stap-{number}.pdf",
            text_pdf(f"Werkblad stap {number}: {title}", [f"Resultaat: {result}", "", *questions]),
        )
        _ensure(
            index,
            StepPage,
            f"stap-{number}",
            title=title,
            number=number,
            result=result,
            involves=f"<p>{involves}</p>",
            guiding_questions=[("question", question) for question in questions],
            worksheet=worksheet,
        )
    return index


@transaction.atomic
def build() -> dict[str, int]:
    pages_before = Page.objects.count()
    home = _home()
    _site_settings(home)
    # Created in menu order: about, news, meetings, advices, step plan, regions, contact.
    _members(home)
    _news(home)
    _meetings(home)
    _newsletters(home)
    _advices(home)
    steps = _step_plan(home)

    region_index = region_index_ensure()
    region_index.show_in_menus = True
    region_index.intro = (
        "<p>In de inspiratieregio's werken gemeenten, samenwerkingsverbanden, scholen en jeugdhulp samen aan hun "
        "eigen ontwikkelvraag. Hieronder staan de regio's per provincie.</p>"
    )
    region_index.search_description = "De inspiratieregio's van de coalitie onderwijs-zorg-jeugd, per provincie."
    region_index.save_revision().publish()
    region_pages = 0
    for region in Region.objects.exclude(status=Region.Status.APPLICANT):
        region_page_ensure(region=region, publish=True)
        region_pages += 1

    _contact(home)
    for slug, title, intro, body in STATEMENTS:
        _ensure(home, ContentPage, slug, title=title, intro=intro, body=body)

    home.intro = HOME_INTRO
    home.search_description = "De coalitie onderwijs-zorg-jeugd: onderwijs en jeugdhulp werken als één rond elk kind."
    home.body = [
        (
            "call_to_action",
            {
                "title": "Samen een plan maken?",
                "text": "Het stappenplan helpt gemeente en onderwijs in zeven stappen naar een gezamenlijk plan.",
                "button_label": "Naar het stappenplan",
                "link": {"page": steps, "url": ""},
            },
        )
    ]
    home.save_revision().publish()

    moderation_workflow_ensure()
    return {"pages_created": Page.objects.count() - pages_before, "region_pages": region_pages}
