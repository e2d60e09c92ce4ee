"""Database set-up that Django's settings cannot express."""

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


def use_wal_journal(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Put a SQLite file in WAL mode once; the mode is stored in the file itself.

    Setting it on every new connection, while another process writes, fails with
    "disk I/O error" on some file systems, so it is only set when it is not set yet.
    """
    if connection.vendor != "sqlite" or connection.is_in_memory_db():  # type: ignore[attr-defined]
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0].lower() != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
