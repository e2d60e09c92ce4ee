"""Requests Awaz refuses before anything reads them: too large, or not in UTF-8.

- A declared body over AWAZ_MAX_REQUEST_BYTES gets 413 before a byte of it is read (the default
  server, waitress, refuses it even earlier, from the same setting).
- A body whose Content-Type names a character set other than UTF-8 (`charset=utf-7`,
  `latin-1`, or one Python does not know) gets 400: every form here is UTF-8, and decoding a
  form in a charset chosen by the sender gives text no field expects.
"""

import codecs
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from awaz.http.errors import bad_request, too_large

_UTF8 = codecs.lookup("utf-8").name
_ASCII = codecs.lookup("ascii").name


def _readable_charset(charset: str) -> bool:
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return False
    return name in (_UTF8, _ASCII)


class RequestLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            length = int(declared)
        except ValueError:
            return bad_request(request)
        if length < 0:
            return bad_request(request)
        if length > settings.AWAZ_MAX_REQUEST_BYTES:
            return too_large(request)
        charset = request.content_params.get("charset") if request.content_params else None
        if charset is not None and not _readable_charset(charset):
            return bad_request(request)
        return self.get_response(request)
