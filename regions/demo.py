"""Demo data for organisations, people and the eleven first-round inspiration regions.

Real organisations, regions and municipalities (shared/DOMAIN.md); invented people with
example.org addresses. Idempotent: running it again updates rows instead of duplicating them.
"""

from django.db import transaction
from django.utils.text import slugify

from regions import services
from regions.models import Municipality, Organisation, Region, Samenwerkingsverband, User
from regions.reference_data import load_reference_data, swv_municipality_names
from regions.roles import Role

DEMO_PASSWORD = "Welkom-OZJ-2026"

# name, slug, province, status, lead municipality, municipalities, paired member orgs, connector org,
# development question
REGIONS = [
    (
        "Twente",
        "twente",
        "overijssel",
        "active",
        "Enschede",
        [
            "Almelo",
            "Borne",
            "Dinkelland",
            "Enschede",
            "Haaksbergen",
            "Hellendoorn",
            "Hengelo",
            "Hof van Twente",
            "Losser",
            "Oldenzaal",
            "Rijssen-Holten",
            "Tubbergen",
            "Twenterand",
            "Wierden",
        ],
        ["vng", "po-raad"],
        "vng",
        "Hoe zorgen veertien gemeenten en hun samenwerkingsverbanden voor één arrangement onderwijs-zorg "
        "dat op elke school in Twente hetzelfde werkt?",
    ),
    (
        "Noord-Kennemerland",
        "noord-kennemerland",
        "noord-holland",
        "alumni",
        "Alkmaar",
        ["Alkmaar", "Bergen (NH)", "Castricum", "Dijk en Waard", "Heiloo"],
        ["vo-raad"],
        None,
        "Hoe voorkomen we dat jongeren thuis komen te zitten bij de overstap van po naar vo?",
    ),
    (
        "Noordoost-Friesland",
        "noordoost-friesland",
        "fryslan",
        "active",
        "Tytsjerksteradiel",
        ["Achtkarspelen", "Dantumadiel", "Noardeast-Fryslân", "Tytsjerksteradiel"],
        ["jeugdzorg-nederland"],
        "jeugdzorg-nederland",
        "Hoe brengen we jeugdhulp dichter bij de dorpsscholen in een krimpregio?",
    ),
    (
        "Holland-Rijnland",
        "holland-rijnland",
        "zuid-holland",
        "active",
        "Leiden",
        [
            "Alphen aan den Rijn",
            "Hillegom",
            "Kaag en Braassem",
            "Katwijk",
            "Leiden",
            "Leiderdorp",
            "Lisse",
            "Nieuwkoop",
            "Noordwijk",
            "Oegstgeest",
            "Teylingen",
            "Voorschoten",
            "Zoeterwoude",
        ],
        ["po-raad", "ggz-nederland"],
        None,
        "Hoe maken we van de OOGO's van drie subregio's één gezamenlijke agenda?",
    ),
    (
        "Zuid-Kennemerland",
        "zuid-kennemerland",
        "noord-holland",
        "active",
        "Haarlem",
        ["Bloemendaal", "Haarlem", "Heemstede", "Zandvoort"],
        ["ouders-onderwijs"],
        None,
        "Hoe betrekken we ouders en kinderen structureel bij de afspraken tussen school en wijkteam?",
    ),
    (
        "Meierij",
        "meierij",
        "noord-brabant",
        "active",
        "'s-Hertogenbosch",
        ["Meierijstad", "'s-Hertogenbosch", "Sint-Michielsgestel", "Vught", "Boxtel"],
        ["lecso"],
        None,
        "Hoe verminderen we het aantal vrijstellingen 5a met onderwijs-zorgarrangementen?",
    ),
    (
        "Utrecht",
        "utrecht",
        "utrecht",
        "active",
        "Utrecht",
        ["Utrecht"],
        ["vng", "jeugdzorg-nederland"],
        "vng",
        "Hoe werken buurtteams en scholen samen in één team rond het kind, met één plan?",
    ),
    (
        "Leeuwarden",
        "leeuwarden",
        "fryslan",
        "alumni",
        "Leeuwarden",
        ["Leeuwarden"],
        ["sociaal-werk-nederland"],
        None,
        "Hoe zetten we sociaal werkers in op school zonder wachtlijst?",
    ),
    (
        "Zuid-Limburg",
        "zuid-limburg",
        "limburg",
        "active",
        "Heerlen",
        [
            "Beekdaelen",
            "Brunssum",
            "Eijsden-Margraten",
            "Gulpen-Wittem",
            "Heerlen",
            "Kerkrade",
            "Landgraaf",
            "Maastricht",
            "Meerssen",
            "Simpelveld",
            "Vaals",
            "Valkenburg aan de Geul",
            "Voerendaal",
        ],
        ["jeugdzorg-nederland", "mbo-raad"],
        "jeugdzorg-nederland",
        "Hoe monitoren we gezamenlijk op het niveau waarop we afspraken maken?",
    ),
    (
        "Almere",
        "almere",
        "flevoland",
        "active",
        "Almere",
        ["Almere"],
        ["ouders-onderwijs", "branche-kinderopvang"],
        None,
        "Hoe sluiten kinderopvang, onderwijs en jeugdhulp aan voor het jonge kind (0-6 jaar)?",
    ),
    (
        "FoodValley",
        "foodvalley",
        "gelderland",
        "active",
        "Ede",
        ["Barneveld", "Ede", "Nijkerk", "Renswoude", "Rhenen", "Scherpenzeel", "Veenendaal", "Wageningen"],
        ["ggd-ghor"],
        None,
        "Hoe maken we budgetten van gemeenten en samenwerkingsverbanden poreus voor gezamenlijke voorzieningen?",
    ),
]

# username, first, last, role, organisation slug or "Gemeente <name>", region slug (team) or None, verbinder?
PEOPLE = [
    ("beheerder", "Bram", "Beheer", Role.ADMINISTRATOR, "programmabureau", None, False),
    ("programmabureau", "Petra", "Bakker", Role.PROGRAMME_OFFICE, "programmabureau", None, False),
    ("redacteur", "Romy", "Dekker", Role.CONTENT_EDITOR, "programmabureau", None, False),
    ("beoordelaar-vng", "Vincent", "Gerritsen", Role.COALITION_REVIEWER, "vng", None, False),
    ("beoordelaar-poraad", "Paula", "Oosterhuis", Role.COALITION_REVIEWER, "po-raad", None, False),
    ("beoordelaar-jeugdzorg", "Jasper", "Zwart", Role.COALITION_REVIEWER, "jeugdzorg-nederland", None, False),
    ("beoordelaar-ouders", "Olga", "Ouwehand", Role.COALITION_REVIEWER, "ouders-onderwijs", None, False),
    ("verbinder-vng", "Carla", "Verbeek", Role.COALITION_CONNECTOR, "vng", None, False),
    ("verbinder-jeugdzorg", "Koen", "Janssen", Role.COALITION_CONNECTOR, "jeugdzorg-nederland", None, False),
    ("kennisverbinder-nji", "Nadia", "Jansen", None, "nji", None, False),
    ("regio-twente", "Tessa", "Wolters", Role.REGION_TEAM, "Gemeente Enschede", "twente", True),
    ("regio-twente-2", "Tim", "Nijhuis", Role.REGION_TEAM, "Gemeente Enschede", "twente", False),
    ("regio-utrecht", "Ulla", "de Wit", Role.REGION_TEAM, "Gemeente Utrecht", "utrecht", True),
    ("regio-zuid-limburg", "Luc", "Maes", Role.REGION_TEAM, "Gemeente Heerlen", "zuid-limburg", True),
    ("regio-almere", "Amira", "El Idrissi", Role.REGION_TEAM, "Gemeente Almere", "almere", True),
]

KNOWLEDGE_CONTACT_REGIONS = ["twente", "utrecht", "zuid-limburg", "almere", "foodvalley"]


def municipality_organisation(municipality_name: str) -> Organisation:
    slug = slugify(f"gemeente {municipality_name}")
    organisation, _created = Organisation.objects.update_or_create(
        slug=slug,
        defaults={
            "name": f"Gemeente {municipality_name}",
            "kind": Organisation.Kind.MUNICIPALITY,
            "sector": "gemeente",
        },
    )
    return organisation


def _regions() -> dict[str, Region]:
    swv_areas = swv_municipality_names()
    regions = {}
    for name, slug, province, status, lead, municipality_names, paired, _connector, question in REGIONS:
        region, _created = Region.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "province": province,
                "status": status,
                "round": 1,
                "development_question": question,
                "summary": f"Inspiratieregio {name} (eerste ronde, 2019): gemeenten, samenwerkingsverbanden, "
                "scholen en jeugdhulp werken samen aan de kernadviezen.",
            },
        )
        municipalities = list(Municipality.objects.filter(name__in=municipality_names))
        region.municipalities.set(municipalities)
        swv_codes = [code for code, area in swv_areas.items() if set(area) & set(municipality_names)]
        region.samenwerkingsverbanden.set(Samenwerkingsverband.objects.filter(code__in=swv_codes))
        lead_org = municipality_organisation(lead)
        care, _created = Organisation.objects.update_or_create(
            slug=f"jeugdhulp-{slug}",
            defaults={"name": f"Jeugdhulpaanbieder regio {name}", "kind": Organisation.Kind.CARE_PROVIDER},
        )
        board, _created = Organisation.objects.update_or_create(
            slug=f"schoolbestuur-{slug}",
            defaults={"name": f"Schoolbestuur primair onderwijs {name}", "kind": Organisation.Kind.SCHOOL_BOARD},
        )
        region.partner_organisations.set([lead_org, care, board])
        for org_slug in paired:
            services.region_pair_organisation(region=region, organisation=Organisation.objects.get(slug=org_slug))
        regions[slug] = region
    return regions


def person(username, first, last, organisation) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save()
    services.user_set_organisation(user=user, organisation=organisation)
    return user


@transaction.atomic
def build() -> dict[str, int]:
    load_reference_data()
    regions = _regions()
    people = {}
    for username, first, last, role, org_slug, region_slug, verbinder in PEOPLE:
        if org_slug.startswith("Gemeente "):
            organisation = municipality_organisation(org_slug.removeprefix("Gemeente "))
        else:
            organisation = Organisation.objects.get(slug=org_slug)
        user = person(username, first, last, organisation)
        people[username] = user
        if role == Role.ADMINISTRATOR:
            User.objects.filter(pk=user.pk).update(is_superuser=True, is_staff=True)
        elif role == Role.REGION_TEAM:
            services.region_add_member(region=regions[region_slug], user=user, is_verbinder=verbinder)
        elif role is not None:
            services.user_set_roles(user=user, roles={role})

    for _name, slug, *_rest, connector_org, _question in REGIONS:
        if connector_org:
            connector = next(
                u
                for u in people.values()
                if u.organisation and u.organisation.slug == connector_org and u.username.startswith("verbinder-")
            )
            services.region_set_connector(region=regions[slug], user=connector)

    knowledge_contact = people["kennisverbinder-nji"]
    Region.objects.filter(slug__in=KNOWLEDGE_CONTACT_REGIONS).update(knowledge_contact=knowledge_contact)
    return {"regions": len(regions), "people": len(people)}
