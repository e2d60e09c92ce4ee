"""Signers' names and comments are encrypted at rest (like their addresses).

The columns become text (a token is longer than the name it hides), then every existing row is
encrypted in batches with raw SQL: the historical model's field would try to decrypt the plain
text it finds. Rows that already hold a token are left alone, so a second run changes nothing.
Going back decrypts every row before the columns become plain varchars again.
"""

from collections.abc import Callable

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

import awaz.core.fields
from awaz.privacy import crypto

_BATCH = 2000
_COLUMNS = ("name", "comment")


def _is_token(value: str) -> bool:
    try:
        crypto.decrypt(value)
    except crypto.DecryptionError:
        return False
    return True


def _convert(schema_editor: BaseDatabaseSchemaEditor, change: Callable[[str], str | None]) -> None:
    connection = schema_editor.connection
    table = connection.ops.quote_name("signatures_signature")
    columns = ", ".join(connection.ops.quote_name(column) for column in _COLUMNS)
    assignments = ", ".join(f"{connection.ops.quote_name(column)} = %s" for column in _COLUMNS)
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT id, {columns} FROM {table} WHERE id > %s ORDER BY id LIMIT %s",  # noqa: S608  # nosec B608
                [last, _BATCH],
            )
            rows = cursor.fetchall()
            if not rows:
                return
            last = rows[-1][0]
            updates = []
            for pk, *values in rows:
                changed = [change(value) if value else None for value in values]
                if any(value is not None for value in changed):
                    kept = [
                        new if new is not None else old
                        for new, old in zip(changed, values, strict=True)
                    ]
                    updates.append([*kept, pk])
            if updates:
                cursor.executemany(f"UPDATE {table} SET {assignments} WHERE id = %s", updates)  # noqa: S608  # nosec B608


def encrypt_rows(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _convert(schema_editor, lambda value: None if _is_token(value) else crypto.encrypt(value))


def decrypt_rows(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    _convert(schema_editor, lambda value: crypto.decrypt(value) if _is_token(value) else None)


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0005_risky_email_countries"),
        ("signatures", "0004_moderators_hide_comments"),
    ]

    operations = [
        migrations.AlterField(
            model_name="signature",
            name="comment",
            field=awaz.core.fields.EncryptedTextField(
                blank=True, max_length=1000, verbose_name="why I am signing"
            ),
        ),
        migrations.AlterField(
            model_name="signature",
            name="name",
            field=awaz.core.fields.EncryptedTextField(max_length=100, verbose_name="name"),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows, elidable=False),
    ]
