"""Django's LocaleMiddleware with our choice of language, and a redirect, rather than a "page not
found", for an address whose language prefix we do not serve (`/xx/…`, `/ug-arab/…`, `/UG/…`)."""

import re
from typing import Final

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.middleware import locale
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

from awaz.i18n import languages
from awaz.i18n.negotiation import language_for_tag, preferred_language

# What looks like a language tag as the first part of an address: `de`, `ug-Arab`, `zh_CN`.
_PREFIX: Final = re.compile(r"^/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3})(/.*)?$", re.DOTALL)


class LocaleMiddleware(locale.LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        match = _PREFIX.match(request.path_info)
        if match and match[1] in languages.CODES:
            translation.activate(match[1])
        else:
            translation.activate(preferred_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if response.status_code == 404:
            redirect = _redirect_from_foreign_prefix(request)
            if redirect is not None:
                return redirect
        return super().process_response(request, response)


def _redirect_from_foreign_prefix(request: HttpRequest) -> HttpResponseRedirect | None:
    """The same page under a prefix we serve, when the address's prefix is not one of ours."""
    match = _PREFIX.match(request.path_info)
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    if match is None or match[1] in languages.CODES:
        return None
    language = language_for_tag(match[1]) or preferred_language(request)
    target = f"/{language}{match[2] or '/'}"
    translation.activate(language)  # a prefixed path resolves only in its own language
    if not is_valid_path(target, urlconf):
        if not (settings.APPEND_SLASH and is_valid_path(f"{target}/", urlconf)):
            return None
        target += "/"
    query = request.META.get("QUERY_STRING", "")
    redirect = HttpResponseRedirect(
        get_script_prefix().rstrip("/") + target + (f"?{query}" if query else "")
    )
    patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
    return redirect
