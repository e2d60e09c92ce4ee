from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from awaz.petitions.models import Petition
from awaz.signatures.counting import signature_count_recount


class Command(BaseCommand):
    help = (
        "Prove that each petition's count equals its confirmed signatures; "
        "with --repair, correct any drift. Exits 1 when drift was found."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("slugs", nargs="*", help="petitions to check (default: all)")
        parser.add_argument("--repair", action="store_true", help="set counts to the rows")

    def handle(self, *args: Any, slugs: list[str], repair: bool, **options: Any) -> None:
        petitions = Petition.objects.order_by("pk")
        if slugs:
            petitions = petitions.filter(slug__in=slugs)
            missing = set(slugs) - set(petitions.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No such petition: {', '.join(sorted(missing))}")
        drifted = 0
        for petition in petitions:
            report = signature_count_recount(petition_id=petition.pk, repair=repair)
            line = (
                f"{petition.slug}: published {report.published}, unfolded {report.unfolded:+d}, "
                f"confirmed rows {report.confirmed_rows}, on paper {report.paper}"
            )
            if report.drift:
                drifted += 1
                action = "repaired" if repair else "DRIFT"
                self.stdout.write(f"{line}  {action} {report.drift:+d}")
            else:
                self.stdout.write(f"{line}  ok")
        if drifted and not repair:
            raise CommandError(f"{drifted} petition(s) drifted; run with --repair to correct.")
