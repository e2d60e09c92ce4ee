"""A page's own addresses for search engines: its canonical link and its versions (`hreflang`).

Every address is absolute and built from SITE_URL, never from the request's Host header: a page
reached through a proxy, an onion address or a test server names the site's public address, as
the sitemap does (awaz.public.sitemaps), and relative `hreflang` links are invalid anyway.
`x-default` is the address without a language prefix, which sends each reader to their own
language (awaz.i18n.language_prefix), as in the sitemap.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from awaz.i18n import languages


@dataclass(frozen=True, slots=True)
class Alternate:
    hreflang: str  # a BCP 47 tag (`ug-Latn`) or `x-default`
    href: str


@dataclass(frozen=True, slots=True)
class PageAddresses:
    canonical: str
    alternates: list[Alternate]


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def page_addresses(
    path: str, *, codes: Iterable[str] | None = None, canonical: str = ""
) -> PageAddresses:
    """The canonical address of the page at `path` (or `canonical`) and its versions in `codes`
    (every site language by default), each where the page exists in that language."""
    current = translation.get_language_from_path(path)
    if current is None or not path.startswith(f"/{current}/"):
        return PageAddresses(canonical or absolute(path), [])
    wanted = [code for code, _name in settings.LANGUAGES] if codes is None else list(codes)
    found = []
    with translation.override(current):  # a prefixed path resolves only in its own language
        for code in wanted:
            translated = translate_url(path, code)
            if translated != path or code == current:
                found.append(Alternate(languages.get(code).bcp47, absolute(translated)))
    if found:
        found.append(Alternate("x-default", absolute(path.removeprefix(f"/{current}"))))
    return PageAddresses(canonical or absolute(path), found)
