"""Use-once claims for forms, links and puzzles (see UsedOnce)."""

import datetime
import functools
import hashlib

from django.db import connection
from django.utils import timezone

from awaz.core.models import UsedOnce


def claim_once(purpose: str, value: str, *, valid_for: datetime.timedelta) -> bool:
    """True the first time (`purpose`, `value`) is claimed, False every time after.

    One statement that skips a key already there (SQLite and PostgreSQL both say ON CONFLICT):
    no savepoint to catch a conflict, nothing for a caller's transaction to roll back.
    """
    key = hashlib.sha256(f"{purpose}\x00{value}".encode()).hexdigest()
    expires_at = connection.ops.adapt_datetimefield_value(timezone.now() + valid_for)
    with connection.cursor() as cursor:
        cursor.execute(_claim_sql(), [key, expires_at])
        return bool(cursor.rowcount == 1)


@functools.cache
def _claim_sql() -> str:
    meta = UsedOnce._meta
    quote = connection.ops.quote_name
    columns = {field.name: quote(str(field.column)) for field in meta.concrete_fields}
    key, expires = columns["key"], columns["expires_at"]
    # No value is formatted in: the table's and columns' names only.
    return (
        f"INSERT INTO {quote(meta.db_table)} ({key}, {expires}) "  # noqa: S608 # nosec B608
        f"VALUES (%s, %s) ON CONFLICT ({key}) DO NOTHING"
    )


def forget_expired() -> int:
    """Periodic: drop markers whose thing has expired anyway."""
    deleted, _ = UsedOnce.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted
