from django.db import migrations

# The seven advices of "Mét andere ogen" (23 November 2018); 1 and 4 are the core advices.
ADVICES = [
    (1, "Verbreden van teams", "Verbreden van teams", True,
     "Interprofessionele teams van onderwijs en zorg op en rond de school, zodat hulp snel en dichtbij is."),
    (2, "Inperken vrijstellingen 5a", "Inperken vrijstellingen 5a", False,
     "Minder vrijstellingen van de leerplicht (artikel 5a): elk kind hoort onderwijs te krijgen."),
    (3, "Betrekken ouders en kinderen is essentieel om resultaat te behalen", "Betrekken ouders en kinderen", False,
     "Ouders en kinderen zijn partner: zij denken en beslissen mee over wat nodig is."),
    (4, "Brede lokale afspraken over jeugd onder regie gemeente", "Brede lokale afspraken", True,
     "Gemeente, onderwijs en zorg maken samen brede afspraken over de jeugd, onder regie van de gemeente."),
    (5, "Monitoring op het niveau waarop gezamenlijke afspraken zijn gemaakt", "Monitoring", False,
     "Meten en bijsturen op het niveau waarop de gezamenlijke afspraken zijn gemaakt."),
    (6, "Budgetten en beleid moeten poreuze randen hebben", "Poreuze budgetten", False,
     "Budgetten en beleid van onderwijs en zorg sluiten op elkaar aan en mogen in elkaar overlopen."),
    (7, "De coalitie dienend aan de regio's", "Coalitie dienend aan de regio's", False,
     "De landelijke coalitie ondersteunt de regio's en neemt belemmeringen weg."),
]


def create_advices(apps, schema_editor):
    Advice = apps.get_model("learning", "Advice")
    for number, title, short_title, is_core, summary in ADVICES:
        Advice.objects.update_or_create(
            number=number,
            defaults={"title": title, "short_title": short_title, "is_core": is_core, "summary": summary},
        )


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(create_advices, migrations.RunPython.noop)]
