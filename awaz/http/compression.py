"""gzip for the pages that carry no reader's secret; every other response goes out as it is.

Compression with a secret and attacker-chosen text in one body lets an attacker who sees the
sizes of a victim's responses guess the secret byte by byte (BREACH). So a response is
compressed only when all of these hold:

- it is the answer to a GET or HEAD (a POST's answer echoes what was typed);
- the reader has no session and gets none (an organizer's workspace, "My signatures" and their
  API keys, recovery codes and personal data all need one);
- it is not `no-store`, the mark of a page that holds a form's input or a page only its reader
  should have (awaz.http.headers gives it to every page that used the CSRF token unless its
  view chose otherwise; a page with a token in its address is one of them);
- it is HTML or XML (pages, feeds, the sitemap).

What is left are the pages every anonymous reader sees alike: the home page, search, browsing,
organizations and the petition page, the one page of this kind with a form. Its CSRF token is
masked afresh in every response (Django) and its stamp is new each time, so neither repeats for
a size to reveal, and Django's GZipMiddleware pads each body with up to 100 random bytes.
Behind nginx the same rule holds: Awaz compresses, nginx passes it on and compresses only its
micro-cache's anonymous pages itself (deploy/nginx.conf, docs/deploy.md).
"""

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

_DIRECTIVES = re.compile(r"\s*,\s*")
COMPRESSED_TYPES = ("text/html", "application/atom+xml", "application/xml")


def may_compress(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether `response` holds nothing that one reader has and another has not."""
    if request.method not in ("GET", "HEAD"):
        return False
    session = settings.SESSION_COOKIE_NAME
    if session in request.COOKIES or session in response.cookies:
        return False
    directives = _DIRECTIVES.split(response.get("Cache-Control", "").strip().lower())
    if "no-store" in directives:
        return False
    return response.get("Content-Type", "").split(";")[0].strip() in COMPRESSED_TYPES


class AnonymousPageCompressionMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not may_compress(request, response):
            return response
        return super().process_response(request, response)
