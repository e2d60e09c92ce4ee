"""The petition page for anonymous readers, from a cache, with per-reader values put back.

A viral petition is read far more than it is signed (UK Parliament 2019: 100,000 readers at
once). Rendering it per request costs most of a core, so readers without a session get a body
rendered at most once per AWAZ_PAGE_CACHE_SECONDS per language; so do readers whose session
names no signed-in user. The only per-reader values in it, the CSRF token and the sign form's
stamp, are cut out when it is stored and filled in for each reader. The count it shows is at
most one cache period behind the published count.

Behind nginx's micro-cache (deploy/nginx.conf) the stored body itself goes out, with printable
holes (`EDGE_CSRF`, `EDGE_STAMP`) and `X-Accel-Expires`, to a request without a session that
nginx marks with `EDGE_HEADER`; nginx fills the holes for each reader from `form_tokens`. A
client that sends the header itself only gets a form it cannot send.
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from awaz.public.forms import form_stamp

CSRF_SLOT = "\x00csrf\x00"
STAMP_SLOT = "\x00stamp\x00"
EDGE_HEADER = "X-Awaz-Edge-Cache"
EDGE_CSRF = "__awaz_csrf__"
EDGE_STAMP = "__awaz_stamp__"
_CSRF_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def petition_key(slug: str, language: str) -> str:
    return f"petition-page:{slug}:{language}"


def forget_petition(slug: str) -> None:
    """Drop the cached pages of a petition in every language (it changed)."""
    cache.delete_many([petition_key(slug, code) for code, _name in settings.LANGUAGES])


def for_anonymous_reader(request: HttpRequest) -> bool:
    """A reader who is not signed in sees exactly what every other such reader sees.

    That includes a reader whose session names no user (one who asked for "my signatures", or
    whose login expired): nothing on the page depends on the session, so rendering it anew for
    them (12-20 ms of CPU, issue 15) only made them the slow path of a surge. A signed-in
    organizer or moderator is always served a page rendered for them.
    """
    if settings.AWAZ_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True  # no session to look up: no query
    return not request.user.is_authenticated


def cached_page(
    request: HttpRequest, key: str, render: Callable[[str], HttpResponse]
) -> HttpResponse:
    """Serve `key` from the cache, or render it with `render(stamp)` and keep it."""
    # Holes only for nginx's shared copy: a reader with a session is never served from it.
    edge = (
        request.headers.get(EDGE_HEADER) == "1"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )
    body = cache.get(key)
    if body is None:
        stamp = form_stamp()
        response = render(stamp)
        if response.status_code != 200:
            return response
        body = _CSRF_FIELD.sub(rf"\g<1>{CSRF_SLOT}\g<2>", response.content.decode()).replace(
            stamp, STAMP_SLOT
        )
        cache.set(key, body, settings.AWAZ_PAGE_CACHE_SECONDS)
        if not edge:
            return response
    if edge:
        page = HttpResponse(body.replace(CSRF_SLOT, EDGE_CSRF).replace(STAMP_SLOT, EDGE_STAMP))
        page["X-Accel-Expires"] = str(settings.AWAZ_PAGE_CACHE_SECONDS)
        return page
    html = body.replace(CSRF_SLOT, get_token(request)).replace(STAMP_SLOT, form_stamp())
    return HttpResponse(html)


def form_tokens(request: HttpRequest) -> HttpResponse:
    """One reader's CSRF token and stamp, as headers, for nginx to put into a cached page."""
    response = HttpResponse(status=204)
    response["X-Awaz-Csrf-Token"] = get_token(request)
    response["X-Awaz-Stamp"] = form_stamp()
    return response
