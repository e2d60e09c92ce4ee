"""The error pages: each says, in the page's language, what happened and what to do.

- 400 for a request Awaz cannot read (a form sent in another character set than UTF-8, a broken
  multipart body, a bad header): nothing was saved.
- 413 for a body over the limits (AWAZ_MAX_REQUEST_BYTES, or Django's for form fields).
- 503 with `Retry-After` while the database cannot be reached: nothing was saved, try again in
  a minute. Any other uncaught error keeps the 500 page.

These pages render without the database (the frame reads no row), in the language of the
address (its prefix) or of the reader's choice when the failure came before LocaleMiddleware.
"""

import sys

from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation

RETRY_AFTER_SECONDS = 60
_UNREACHABLE = (OperationalError, InterfaceError)


def _render(request: HttpRequest, template: str, status: int) -> HttpResponse:
    language = translation.get_language_from_path(request.path_info)
    language = language or translation.get_language_from_request(request)
    with translation.override(language):
        body = loader.get_template(template).render({}, request)
    return HttpResponse(body, status=status)


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) says the database cannot be reached right now."""
    while error is not None:
        if isinstance(error, _UNREACHABLE):
            return True
        error = error.__cause__ or error.__context__
    return False


def too_large(request: HttpRequest) -> HttpResponse:
    return _render(request, "413.html", 413)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: a 413 for a body over Django's limits, else the 400 page."""
    if isinstance(exception, RequestDataTooBig):
        return too_large(request)
    return _render(request, "400.html", 400)


def unavailable(request: HttpRequest) -> HttpResponse:
    response = _render(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 while the database is unreachable, else the 500 page."""
    if database_unreachable(sys.exception()):
        return unavailable(request)
    try:
        return _render(request, "500.html", 500)
    except DatabaseError:  # the frame itself failed: say the least, in plain text
        return HttpResponse("Server error", status=500, content_type="text/plain")
