"""Opaque cursors: where a list left off, signed so that a client can neither forge one nor
read more into it than "the next page". A cursor that was altered, or made for another list,
is refused (CursorError, answered 400)."""

import datetime
from typing import Any

from django.core import signing


class CursorError(ValueError):
    pass


def cursor_make(kind: str, position: dict[str, Any]) -> str:
    return signing.dumps(position, salt=f"awaz.api.cursor.{kind}", compress=False)


def cursor_read(kind: str, cursor: str) -> dict[str, Any]:
    try:
        position = signing.loads(cursor, salt=f"awaz.api.cursor.{kind}")
    except signing.BadSignature as error:
        raise CursorError(
            "The cursor is not one this API gave out (altered or truncated)."
        ) from error
    if not isinstance(position, dict):
        raise CursorError("The cursor is not one this API gave out.")
    return position


def moment(value: datetime.datetime) -> str:
    return value.isoformat()


def moment_read(value: object) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError as error:
        raise CursorError("The cursor is not one this API gave out.") from error
