from typing import Literal, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from awaz.i18n.negotiation import language_for_tag

SameSite = Literal["Lax", "Strict", "None", False] | None


def _local_path(request: HttpRequest, candidate: str) -> str:
    """`candidate` if it is a path on this site, else the root: never a way off the site."""
    safe = candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if safe else "/"


def _same_page_in(path: str, language: str) -> str:
    """The address of the page at `path` in `language`; its home page when it has none."""
    current = translation.get_language_from_path(path)
    if current is None:
        return path  # outside the language prefixes (the admin): the cookie alone decides
    with translation.override(current):  # the path resolves only in its own language
        translated = translate_url(path, language)
    if translated != path or current == language:
        return translated
    with translation.override(language):
        return reverse("public:home")


@require_safe
@never_cache
def language_choose(request: HttpRequest, code: str) -> HttpResponse:
    """Remember the reader's choice of language (a cookie; no JavaScript needed) and show them
    the page they were on (`?next=`) in it."""
    path = _local_path(request, request.GET.get("next", "/"))
    language = language_for_tag(code)
    if language is None:
        return HttpResponseRedirect(path)
    response = HttpResponseRedirect(_same_page_in(path, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=cast(SameSite, settings.LANGUAGE_COOKIE_SAMESITE),
    )
    return response
