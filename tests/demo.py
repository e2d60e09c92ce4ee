"""The demo content (`manage.py seed_demo`) for tests that read it, built once per process.

The command costs a second or more of CPU (5,000 signatures, each name encrypted), and the
journeys that show the seed petition each start from an empty database. So `seed_demo()` runs
the real command the first time a test process needs it, keeps the rows it wrote exactly as
SQLite stored them, and on later calls from an empty database writes those rows back: the same
ids, the same ciphertexts, the search index filled by its own triggers. On PostgreSQL, or when
the database is not empty, it runs the command every time.
"""

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]  # table: (columns, rows)
_written: Rows | None = None


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _rows(table: str) -> tuple[list[str], list[tuple[object, ...]]]:
    raw = connection.connection
    quote = connection.ops.quote_name
    columns = [column[1] for column in raw.execute(f"PRAGMA table_info({quote(table)})")]
    # `+column` is the stored value itself: an expression has no declared type, so the driver
    # converts nothing (no datetimes parsed, no booleans made) and the copy is byte for byte.
    values = ", ".join(f"+{quote(column)}" for column in columns)
    return columns, raw.execute(f"SELECT {values} FROM {quote(table)}").fetchall()  # noqa: S608


def _empty() -> bool:
    organization = apps.get_model("organizations", "Organization")
    petition = apps.get_model("petitions", "Petition")
    return not organization.objects.exists() and not petition.objects.exists()


def seed_demo() -> None:
    """Load the demo organization and its petitions, as `manage.py seed_demo` does."""
    global _written
    connection.ensure_connection()
    if connection.vendor != "sqlite" or not _empty():
        call_command("seed_demo", verbosity=0)
        return
    if _written is None:
        before = {table: set(_rows(table)[1]) for table in _tables()}
        call_command("seed_demo", verbosity=0)
        _written = {}
        for table in _tables():
            columns, rows = _rows(table)
            new = [row for row in rows if row not in before.get(table, set())]
            if new:
                _written[table] = (columns, new)
        return
    quote = connection.ops.quote_name
    with transaction.atomic():  # foreign keys are checked at the end, as they were written
        for table, (columns, rows) in _written.items():
            names = ", ".join(quote(column) for column in columns)
            marks = ", ".join("?" for _ in columns)
            connection.connection.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                rows,
            )
