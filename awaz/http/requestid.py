"""A short id per request, in the response's `X-Request-ID` header and in every log line.

A signer who reports a problem can quote the id from their browser's developer tools, and an
operator finds every line of that request, without logs ever holding an address, a name or
a token to search by.
"""

import logging
import re
import secrets
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponseBase

from awaz.privacy.logs import redact

HEADER = "X-Request-ID"
NONE = "-"  # in log lines written outside a request (the worker, management commands)

# Letters, digits, "-" and "_" only: no dots or colons, so a proxy cannot pass an IP address
# through, and no spaces or control characters to forge log lines with.
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")

request_id: ContextVar[str] = ContextVar("request_id", default=NONE)
logger = logging.getLogger("awaz.request")


def incoming_or_new(value: str | None) -> str:
    """The proxy's id when it is a safe short token, else a fresh random one."""
    if value and _SAFE_ID.fullmatch(value):
        return value
    return secrets.token_urlsafe(12)


def loggable_path(request: HttpRequest) -> str:
    """The URL pattern the request matched (`/en/my-signatures/open/<str:token>/`), never the
    values in it; an unmatched path with anything like a token, address or IP cut out."""
    match = request.resolver_match
    if match is not None and match.route:
        return "/" + match.route
    return redact(request.path)


class RequestIdMiddleware:
    """Give the request an id for its whole life; first in MIDDLEWARE so every line has it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        current = incoming_or_new(request.headers.get(HEADER))
        token = request_id.set(current)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = current
            if logger.isEnabledFor(logging.DEBUG):
                # Method, path without its tokens, status, time: never the query or the client.
                logger.debug(
                    "%s %s %d %.1fms",
                    request.method,
                    loggable_path(request),
                    response.status_code,
                    (time.perf_counter() - started) * 1000,
                )
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on each record as `%(request_id)s`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True
