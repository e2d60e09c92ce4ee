import datetime
import unicodedata
from collections.abc import Iterable
from typing import Protocol

from django import template
from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.timezone import is_aware, localtime

from awaz.core import addresses, widgets
from awaz.core.markdown import render_markdown
from awaz.i18n import languages

register = template.Library()


class HasLanguage(Protocol):
    @property
    def language(self) -> str: ...


@register.filter
def grouped(value: int) -> str:
    """A count with the reader's digit grouping: 1,204 in English, 1 204 in Russian."""
    return formats.number_format(value, decimal_pos=0, force_grouping=True)


@register.filter
def language(code: str) -> languages.Language:
    """The Language behind a Django code, for its tag, direction and own name."""
    return languages.get(code)


@register.filter
def own_name(code: str) -> SafeString:
    """A language's own name, isolated in its language and direction, for inside a sentence."""
    return widgets.own_name(code)


@register.filter
def bcp47(code: str) -> str:
    """The tag for lang= and hreflang=: `ug-Latn` for Django's `ug-latn`."""
    return languages.get(code).bcp47


@register.filter
def direction(code: str) -> str:
    return "rtl" if languages.is_bidi(code) else "ltr"


@register.filter
def markdown(source: str) -> SafeString:
    return render_markdown(source)


@register.simple_tag
def choose_language_url(request: HttpRequest, code: str) -> str:
    """The switcher's link to `code`: it remembers the choice, then shows this page in it (the
    view takes only a path on this site as `next`)."""
    return reverse("language-choose", args=[code]) + "?" + urlencode({"next": request.path})


@register.filter
def web_url(url: str) -> str:
    """`url` if it is an http(s) address, else "": a stored `javascript:` link never renders."""
    return url if url.lower().startswith(("https://", "http://")) else ""


def _has_letters_of_its_own_direction(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in {"R", "AL", "L"} for char in text)


@register.simple_tag
def when(value: datetime.date | None, style: str = "DATE_FORMAT") -> SafeString | str:
    """A date (or moment) as a `<time>`, isolated so it reads in order in a right-to-left page.

    All digits and signs ("2026/03/05 14:30") it is laid out left to right, as it is written;
    one with a month's name ("5-مارت 2026") keeps its own direction (`<bdi>` picks it), and
    neither is reordered with the text around it.
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and is_aware(value):
        value = localtime(value)
    text = formats.date_format(value, style) if style.isupper() else date_format(value, style)
    machine = (
        value.isoformat(timespec="minutes")
        if isinstance(value, datetime.datetime)
        else value.isoformat()
    )
    if _has_letters_of_its_own_direction(text):
        return format_html('<bdi><time datetime="{}">{}</time></bdi>', machine, text)
    return format_html('<bdi dir="ltr"><time datetime="{}">{}</time></bdi>', machine, text)


@register.simple_tag(takes_context=True)
def page_addresses(
    context: template.Context,
    versions: Iterable[HasLanguage] | None = None,
    canonical: str = "",
) -> SafeString:
    """`<link rel="canonical">` and one `<link rel="alternate" hreflang>` per language the page
    is in (`versions`: the petition's texts; else every site language), all absolute."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return SafeString("")  # an address that names no page (a 404 of the resolver)
    codes = None if versions is None else [version.language for version in versions]
    found = addresses.page_addresses(request.path, codes=codes, canonical=canonical)
    alternates = format_html_join(
        "",
        '\n<link rel="alternate" hreflang="{}" href="{}">',
        ((item.hreflang, item.href) for item in found.alternates),
    )
    return format_html('<link rel="canonical" href="{}">{}', found.canonical, alternates)


# The faces a page's own text needs first (regular and bold), fetched with the stylesheet
# rather than after layout: text drawn in a fallback font and then redrawn moves the page
# (Lighthouse's layout-shift audit). Only faces the page fetches anyway: the others still load
# on demand (unicode-range), as do the switcher's few Cyrillic, Arabic and Chinese letters.
# Every page shows Latin (the brand, the footer's site name); some their own script too.
_LATIN = ("noto-sans-latin-400", "noto-sans-latin-700")
_CYRILLIC = ("noto-sans-cyrillic-400", "noto-sans-cyrillic-700")
SCRIPT_FONTS: dict[str, tuple[str, ...]] = {
    "ug": ("noto-sans-arabic-ug-400", "noto-sans-arabic-ug-700"),
    "ug-cyrl": _CYRILLIC,
    "kk": _CYRILLIC,
    "ru": _CYRILLIC,
    # Chinese text: the reader's system fonts (awaz.css).
}


@register.simple_tag
def font_preloads(code: str) -> SafeString:
    """`<link rel="preload">` for the fonts of a page in `code`."""
    return format_html_join(
        "\n",
        '<link rel="preload" href="{}" as="font" type="font/woff2" crossorigin>',
        ((static(f"awaz/fonts/{name}.woff2"),) for name in (*SCRIPT_FONTS.get(code, ()), *_LATIN)),
    )
