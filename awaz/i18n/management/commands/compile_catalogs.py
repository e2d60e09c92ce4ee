from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from awaz.i18n.catalogs.compiling import catalog_paths, compile_catalogs, untranslated


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # it fixes what awaz.W001 warns about
    help = (
        "Compile the .po catalogs in LOCALE_PATHS to .mo in pure Python (no GNU gettext needed); "
        "only the missing or outdated ones unless --all."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--all", action="store_true", help="compile every catalog")
        parser.add_argument(
            "--status", action="store_true", help="list what is untranslated or fuzzy per catalog"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        locale_dirs = [Path(path) for path in settings.LOCALE_PATHS]
        compiled = compile_catalogs(locale_dirs, only_stale=not options["all"])
        if options["verbosity"] > 0:
            self.stdout.write(f"Compiled {len(compiled)} catalog(s).")
        if options["status"]:
            for po in catalog_paths(locale_dirs):
                total, empty, fuzzy = untranslated(po)
                line = f"{po.relative_to(settings.BASE_DIR)}: {total} messages"
                if empty or fuzzy:
                    line += f", {len(empty)} untranslated, {len(fuzzy)} fuzzy"
                self.stdout.write(line)
                for english in [*empty, *fuzzy]:
                    self.stdout.write(f"    {english[:90]}")
