"""Errors as RFC 9457 problem details: `application/problem+json`, with a `detail` that says
what was wrong and, for fields, which ones (`errors`). Nothing in them depends on whether an
organization, a key or a signer exists beyond what the public may read."""

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpResponse
from ninja import Schema

CONTENT_TYPE = "application/problem+json"


class FieldError(Schema):
    field: str  # dotted path of the field ("email", "body.name"), "" for the whole body
    message: str


class Problem(Schema):
    """An RFC 9457 problem: `type` is always "about:blank", so `title` is the status's name."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


def problem(
    status: int,
    detail: str,
    *,
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = [error.dict() for error in errors]
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_problem(response: HttpResponse) -> bool:
    return str(response.get("Content-Type", "")).startswith(CONTENT_TYPE)
