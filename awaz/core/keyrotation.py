"""Key rotation: every encrypted column re-encrypted under the newest of AWAZ_ENCRYPTION_KEYS.

To rotate: put a new key first in AWAZ_ENCRYPTION_KEYS (keep the old ones after it), deploy,
run `manage.py rotate_encryption_keys`, and remove the old keys only once it reports that
nothing is left under them. Until then every value stays readable, whichever key it is under.

- Every column: each `EncryptedTextField` of every installed model, found by type (a new one
  is rotated without anyone remembering to list it), and the columns in TOKEN_COLUMNS that hold
  a token written by `crypto.encrypt` by hand.
- Batched and resumable: rows are read in primary-key order, `batch_size` at a time, each batch
  in its own short transaction; a value already under the newest key is skipped, so a run that
  was stopped half-way simply starts again and finishes the rest.
- Safe beside live traffic: a row is written only if its value is still the one that was read
  (compare and set), so a signer confirming (which erases the address) or withdrawing meanwhile
  is never overwritten with an old value.
"""

import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from awaz.core.fields import EncryptedTextField
from awaz.privacy import crypto

# Plain text columns that hold a Fernet token from `crypto.encrypt` (app_label.Model, field).
TOKEN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("signatures.Signature", "email_encrypted"),
    ("core.OutgoingEmail", "recipient_encrypted"),  # mail waiting in the outbox
    ("core.OutgoingEmail", "content_encrypted"),
)


@dataclass(frozen=True, slots=True)
class Column:
    model: type[models.Model]
    field: str

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field}"


@dataclass(slots=True)
class Rotated:
    column: str
    rows_read: int = 0
    reencrypted: int = 0


def encrypted_columns() -> list[Column]:
    """Every column of the database that holds values under AWAZ_ENCRYPTION_KEYS."""
    columns = [
        Column(model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]
    columns += [Column(apps.get_model(label), name) for label, name in TOKEN_COLUMNS]
    return sorted(columns, key=lambda column: column.label)


def _sql_names(column: Column) -> tuple[str, str, str]:
    """The quoted table, primary key and value column names."""
    meta = column.model._meta
    quote = connection.ops.quote_name
    pk = typing.cast(models.Field[object, object], meta.pk)  # every concrete model has one
    field = typing.cast(models.Field[object, object], meta.get_field(column.field))
    return quote(meta.db_table), quote(str(pk.column)), quote(str(field.column))


def _batches(column: Column, batch_size: int) -> Iterator[list[tuple[int, str]]]:
    table, pk, value = _sql_names(column)
    # Raw SQL: the tokens themselves, not what an EncryptedTextField would decrypt them to.
    query = (
        f"SELECT {pk}, {value} FROM {table} "  # noqa: S608  # nosec B608 - model names, quoted
        f"WHERE {pk} > %s AND {value} <> '' ORDER BY {pk} LIMIT %s"
    )
    last = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(query, [last, batch_size])
            rows = cursor.fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [(int(row[0]), str(row[1])) for row in rows]


def column_rotate(*, column: Column, batch_size: int = 1000) -> Rotated:
    """Re-encrypt one column's values that are not yet under the newest key."""
    table, pk, value = _sql_names(column)
    update = f"UPDATE {table} SET {value} = %s WHERE {pk} = %s AND {value} = %s"  # noqa: S608  # nosec B608
    result = Rotated(column.label)
    for rows in _batches(column, batch_size):
        result.rows_read += len(rows)
        changes = []
        for key, token in rows:
            fresh = crypto.reencrypt(token)
            if fresh is not None:
                changes.append((fresh, key, token))
        if changes:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(update, changes)
            result.reencrypted += len(changes)
    return result


def encryption_keys_rotate(
    *, batch_size: int = 1000, progress: Callable[[Rotated], None] | None = None
) -> list[Rotated]:
    """Move every encrypted value in the database under the newest key (resumable)."""
    results = []
    for column in encrypted_columns():
        result = column_rotate(column=column, batch_size=batch_size)
        if progress is not None:
            progress(result)
        results.append(result)
    return results


def values_under_old_keys() -> dict[str, int]:
    """How many values of each column are not under the newest key (0 everywhere: done)."""
    left = {}
    for column in encrypted_columns():
        left[column.label] = sum(
            1
            for rows in _batches(column, 5000)
            for _key, token in rows
            if not crypto.is_current(token)
        )
    return left
