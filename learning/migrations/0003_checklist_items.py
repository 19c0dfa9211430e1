from django.db import migrations

# Starting content for the implementation checklists: concrete, checkable steps per advice.
# Written for this platform (not the coalition's own text); the programme office edits them.
ITEMS = {
    1: [
        ("Er is per school een vast aanspreekpunt jeugdhulp", "Elke school weet wie uit het (wijk)team zij direct kunnen inschakelen."),
        ("Onderwijs- en zorgprofessionals overleggen structureel op of rond de school", "Vaste momenten, met ouders waar dat kan."),
        ("Er is één gezamenlijk plan per kind, gezin en school", "Geen losse plannen van school, wijkteam en aanbieder naast elkaar."),
        ("Professionals hebben tijd en mandaat om direct hulp in te zetten", "Zonder aparte beschikking voor lichte ondersteuning."),
        ("De samenwerking wordt samen geëvalueerd en bijgesteld", "Minstens jaarlijks, met cijfers en ervaringen van ouders."),
    ],
    2: [
        ("Alle vrijstellingen 5a in de regio zijn in beeld", "Aantallen en achtergronden, per gemeente en samenwerkingsverband."),
        ("Voor elk kind met een vrijstelling is onderzocht of onderwijs mogelijk is", "Met leerplicht, samenwerkingsverband en zorg samen."),
        ("Er zijn onderwijs-zorgarrangementen voor kinderen met complexe ondersteuningsvragen", ""),
        ("Nieuwe vrijstellingen worden pas afgegeven na gezamenlijk overleg", ""),
    ],
    3: [
        ("Ouders en kinderen denken mee bij het opstellen van plannen", "Niet alleen geïnformeerd, maar aan tafel."),
        ("Er is een ouder- of jongerenpanel dat meepraat over de regionale aanpak", ""),
        ("Informatie voor ouders is begrijpelijk en op één plek te vinden", ""),
        ("Ervaringen van ouders en kinderen worden gebruikt om de aanpak te verbeteren", ""),
    ],
    4: [
        ("Gemeente, onderwijs en zorg hebben een gezamenlijke visie op jeugd", "Vastgelegd en bestuurlijk onderschreven."),
        ("De gemeente voert regie op de brede lokale afspraken", "Met een vaste regisseur en een gezamenlijke agenda."),
        ("Het OOGO gaat over gezamenlijke resultaten, niet alleen over plannen", ""),
        ("Afspraken zijn vertaald naar concrete werkafspraken per school en wijk", ""),
        ("Bestuurders bespreken de voortgang minstens twee keer per jaar", ""),
    ],
    5: [
        ("Er zijn gezamenlijke indicatoren op het niveau van de afspraken", "Bijvoorbeeld uit de Monitor Aansluiting Onderwijs Jeugdhulp."),
        ("De cijfers worden jaarlijks samen besproken en geduid", ""),
        ("Bijsturing op basis van de cijfers wordt vastgelegd", ""),
    ],
    6: [
        ("Er is een gezamenlijk budget of een afspraak over gedeelde financiering", ""),
        ("Knelpunten door schotten tussen budgetten worden verzameld en opgelost", ""),
        ("Voorzieningen op de grens van onderwijs en zorg zijn gezamenlijk bekostigd", ""),
    ],
    7: [
        ("De regio weet welke ondersteuning de coalitie biedt", ""),
        ("Belemmeringen in landelijke regels zijn aan de coalitie gemeld", ""),
        ("De regio deelt lessen met andere regio's via het platform", ""),
    ],
}


def create_items(apps, schema_editor):
    Advice = apps.get_model("learning", "Advice")
    ChecklistItem = apps.get_model("learning", "ChecklistItem")
    for number, items in ITEMS.items():
        advice = Advice.objects.get(number=number)
        for position, (title, guidance) in enumerate(items, start=1):
            ChecklistItem.objects.update_or_create(
                advice=advice, position=position, defaults={"title": title, "guidance": guidance}
            )


class Migration(migrations.Migration):
    dependencies = [("learning", "0002_seven_advices")]

    operations = [migrations.RunPython(create_items, migrations.RunPython.noop)]
