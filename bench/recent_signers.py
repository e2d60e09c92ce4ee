"""How long the petition page's "recent signatures" take to read, and key rotation's pace.

    .venv/bin/python -m bench.recent_signers [signatures]            # SQLite
    DATABASE_URL=postgres://... .venv/bin/python -m bench.recent_signers 100000 --rotate

It builds a throw-away database (a temporary SQLite file, or `bench_recent_signers` beside the
DATABASE_URL database), fills one petition
with confirmed signatures (half public, a few countries below k), times `signatures_recent`
(CPU time, best of 5 runs of 200 calls), and with --rotate times `manage.py
rotate_encryption_keys` after a new key is put first. Figures depend on the machine: compare
runs made one after the other.
"""

import argparse
import os
import sys
import tempfile
import time
import timeit
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("signatures", type=int, nargs="?", default=10_000)
    parser.add_argument("--rotate", action="store_true")
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "sqlite":  # never the test suite's database file: it may be running
        scratch = Path(tempfile.mkdtemp()) / "bench-recent-signers.sqlite3"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = str(scratch)
    else:
        connection.settings_dict.setdefault("TEST", {})["NAME"] = "bench_recent_signers"
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        _run(options.signatures, rotate=options.rotate, settings=settings)
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


def _run(count: int, *, rotate: bool, settings: object) -> None:
    from django.core.management import call_command
    from django.db import connection

    from awaz.petitions.models import Petition
    from awaz.signatures import selectors
    from tests.factories import make_petition, make_signatures

    petition = make_petition(private_signers=Petition.PrivateSigners.COUNTRY)
    started = time.perf_counter()
    countries = ["KZ", "TR", "DE", "US", "NL", "SE", "JP", "AU"]
    for index in range(0, count, 1000):
        batch = min(1000, count - index)
        country = "KZ" if index % 2000 == 0 else countries[(index // 1000) % len(countries)]
        make_signatures(petition, batch, is_public=bool((index // 1000) % 2), country=country)
    # The latest few: from countries with one signer each (below k), public and private.
    for country in ["IS", "LI", "MC", "SM"]:
        make_signatures(petition, 1, is_public=country in {"IS", "MC"}, country=country)
    print(f"{count} signatures written in {time.perf_counter() - started:.1f} s")
    print(f"database: {connection.vendor}")
    recent = selectors.signatures_recent(petition=petition)
    print("recent:", [(row.first_name, row.country) for row in recent[:6]])
    # CPU time of this process (and on SQLite, of the database too): neighbours on a shared
    # machine distort it much less than the wall clock (PostgreSQL's own work is not in it).
    runs = timeit.repeat(
        lambda: selectors.signatures_recent(petition=petition),
        number=200,
        repeat=5,
        timer=time.process_time,
    )
    print(f"signatures_recent: {min(runs) / 200 * 1e6:.0f} µs CPU per call (best of 5 x 200)")
    if not rotate:
        return
    keys = list(settings.AWAZ_ENCRYPTION_KEYS)  # type: ignore[attr-defined]
    settings.AWAZ_ENCRYPTION_KEYS = ["a new key for the benchmark", *keys]  # type: ignore[attr-defined]
    started = time.perf_counter()
    call_command("rotate_encryption_keys", stdout=sys.stdout)
    seconds = time.perf_counter() - started
    print(f"rotation: {count} signatures in {seconds:.1f} s, {count / seconds:.0f} signatures/s")


if __name__ == "__main__":
    main()
