"""The API object: django-ninja, its parser and error handlers, and the OpenAPI document.

Every error is a problem (awaz.api.problems). The OpenAPI document is generated from the
routes and schemas (so it cannot drift from the code); error responses are declared there as
`application/problem+json`.
"""

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from awaz.api.auth import RateLimitedError
from awaz.api.cursors import CursorError
from awaz.api.edge import WINDOW_SECONDS
from awaz.api.problems import CONTENT_TYPE, FieldError, problem

JSON_TYPES = ("application/json",)


class UnsupportedMediaTypeError(Exception):
    pass


class MalformedJsonError(Exception):
    pass


class StrictJsonParser(Parser):
    """JSON only, said so in the Content-Type; a body that is not JSON says where it broke."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        content_type = (request.content_type or "").lower()
        if content_type not in JSON_TYPES and not content_type.endswith("+json"):
            raise UnsupportedMediaTypeError(content_type)
        try:
            data = json.loads(request.body)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise MalformedJsonError(str(error)) from error
        if not isinstance(data, dict):
            raise MalformedJsonError("the body must be a JSON object")
        return data


class AwazApi(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[CONTENT_TYPE] = content.pop("application/json")
        return schema


api = AwazApi(
    title="Awaz API",
    version="1",
    description="Petitions, counts and organizations of Awaz; an organization's own petitions "
    "and signatures with its key. Field names follow the OSDI vocabulary. Errors are RFC 9457 "
    "problems. See docs/api.md.",
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
    parser=StrictJsonParser(),
)


def _field_errors(error: ValidationError) -> list[FieldError]:
    found = []
    for item in error.errors:
        location = [str(part) for part in item.get("loc", ())]
        if location[:1] in (["body"], ["query"], ["path"]):
            location = location[1:]
        if location[:1] in (["payload"], ["filters"]):
            location = location[1:]
        field = ".".join(location)
        message = str(item.get("msg", "is not valid"))
        if item.get("type") == "extra_forbidden":
            message = "is not a field of this document"
        found.append(FieldError(field=field, message=message))
    return found


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = _field_errors(error)
    unknown = [e.field for e in errors if e.message == "is not a field of this document"]
    if unknown:
        detail = "Unknown fields: " + ", ".join(unknown) + "."
    else:
        detail = "Invalid: " + "; ".join(f"{e.field or 'body'} {e.message}" for e in errors)
    return problem(400, detail, errors=errors)


@api.exception_handler(MalformedJsonError)
def _malformed(request: HttpRequest, error: MalformedJsonError) -> HttpResponse:
    return problem(400, f"The body is not valid JSON: {error}.")


@api.exception_handler(UnsupportedMediaTypeError)
def _media_type(request: HttpRequest, error: UnsupportedMediaTypeError) -> HttpResponse:
    sent = str(error) or "none"
    return problem(415, f"The body must be application/json (it was {sent}).")


@api.exception_handler(CursorError)
def _cursor(request: HttpRequest, error: CursorError) -> HttpResponse:
    return problem(400, str(error))


@api.exception_handler(AuthenticationError)
def _unauthorized(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return problem(
        401,
        "A valid API key is needed: Authorization: Bearer <key>.",
        headers={"WWW-Authenticate": 'Bearer realm="awaz"'},
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    # The framework wraps what the parser raised ("Cannot parse request body"): say what it was.
    cause = error.__cause__
    if isinstance(cause, MalformedJsonError):
        return _malformed(request, cause)
    if isinstance(cause, UnsupportedMediaTypeError):
        return _media_type(request, cause)
    return problem(error.status_code, str(error))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem(404, str(error) or "There is nothing at this address.")


@api.exception_handler(RateLimitedError)
def _too_many(request: HttpRequest, error: RateLimitedError) -> HttpResponse:
    return problem(429, str(error), headers={"Retry-After": str(WINDOW_SECONDS)})
