from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from awaz.core.keyrotation import Rotated, encryption_keys_rotate, values_under_old_keys
from awaz.privacy import crypto


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column under the newest of AWAZ_ENCRYPTION_KEYS (put the new "
        "key first, keep the old ones after it until this has run). Batched, and safe to stop "
        "and run again. With --check, only count the values still under older keys (exit 1 if any)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--batch-size", type=int, default=1000, help="rows per transaction")
        parser.add_argument("--check", action="store_true", help="count, change nothing")

    def handle(self, *args: Any, batch_size: int, check: bool, **options: Any) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if check:
            left = values_under_old_keys()
            for label, count in left.items():
                self.stdout.write(f"{label}: {count} under older keys")
            if any(left.values()):
                raise CommandError("Some values are still under older keys: keep those keys.")
            self.stdout.write("Every value is under the newest key.")
            return

        def report(result: Rotated) -> None:
            self.stdout.write(
                f"{result.column}: {result.rows_read} values read, "
                f"{result.reencrypted} re-encrypted"
            )

        try:
            encryption_keys_rotate(batch_size=batch_size, progress=report)
        except crypto.DecryptionError as error:
            raise CommandError(
                f"{error} Was a key removed from AWAZ_ENCRYPTION_KEYS too early? Nothing "
                "already rotated is lost: put the key back and run this again."
            ) from error
        self.stdout.write(
            "Every value is under the newest key; the older keys can be removed from "
            "AWAZ_ENCRYPTION_KEYS once no e-mail queued before this run is still waiting."
        )
