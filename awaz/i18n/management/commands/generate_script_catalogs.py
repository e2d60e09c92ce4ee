from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awaz.i18n.catalogs.scripts import generate


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = (
        "Generate the Latin and Cyrillic Uyghur catalogs (locale/ug_Latn, locale/ug_Cyrl) from "
        "every Arabic-script (ug) catalog: ours, Django's and the installed apps'."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--check",
            action="store_true",
            help="write nothing; fail when a generated catalog is out of date",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        locale_dir = Path(settings.LOCALE_PATHS[0])
        results = generate(locale_dir, write=not options["check"])
        for result in results:
            state = "changed" if result.changed else "unchanged"
            if options["verbosity"] > 0:
                self.stdout.write(
                    f"{result.path.relative_to(settings.BASE_DIR)}: {result.messages} messages, "
                    f"{state}"
                )
        if options["check"] and any(result.changed for result in results):
            raise CommandError(
                "The Latin and Cyrillic catalogs are out of date: run make messages."
            )
