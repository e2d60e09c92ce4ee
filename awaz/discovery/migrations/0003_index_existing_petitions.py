from django.db import migrations

from awaz.discovery.text import document


def index(apps, schema_editor):  # type: ignore[no-untyped-def]
    Petition = apps.get_model("petitions", "Petition")
    PetitionText = apps.get_model("petitions", "PetitionText")
    SearchDocument = apps.get_model("discovery", "SearchDocument")
    for petition in Petition.objects.select_related("organization").iterator():
        versions = list(PetitionText.objects.filter(petition_id=petition.pk))
        if versions:
            title, body = document(petition.organization.name, versions)
            SearchDocument.objects.update_or_create(
                petition_id=petition.pk, defaults={"title": title, "body": body}
            )


class Migration(migrations.Migration):
    dependencies = [("discovery", "0002_fulltext_index")]

    operations = [migrations.RunPython(index, migrations.RunPython.noop)]
