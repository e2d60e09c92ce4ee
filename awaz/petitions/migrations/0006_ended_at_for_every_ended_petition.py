"""Give every ended petition the end date the new constraint (0007) requires.

Until now only closing and victory set `ended_at`: rejected and taken-down petitions had none,
so the retention purge never erased their signers' personal data. Their end is taken from the
audit log's entry for the move where there is one, else from a closing date that has passed,
else it is now (retention then starts today). A petition that is not ended has no end date.
"""

from django.db import migrations
from django.utils import timezone

ENDED = ["closed", "victory", "rejected", "removed"]
MOVES = ["petition.close", "petition.victory", "petition.reject", "petition.remove"]


def set_ended_at(apps, schema_editor):
    Petition = apps.get_model("petitions", "Petition")
    AuditEntry = apps.get_model("audit", "AuditEntry")
    now = timezone.now()
    Petition.objects.exclude(status__in=ENDED).exclude(ended_at=None).update(ended_at=None)
    for petition in Petition.objects.filter(status__in=ENDED, ended_at=None):
        moved = (
            AuditEntry.objects.filter(action__in=MOVES, target=f"petitions.petition:{petition.pk}")
            .order_by("-at")
            .values_list("at", flat=True)
            .first()
        )
        closes = petition.closes_at if petition.closes_at and petition.closes_at <= now else None
        Petition.objects.filter(pk=petition.pk).update(ended_at=moved or closes or now)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_on_postgresql"),
        ("petitions", "0005_risky_email_countries"),
    ]

    operations = [migrations.RunPython(set_ended_at, migrations.RunPython.noop)]
