from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from awaz.core import widgets
from awaz.core.markdown import render_markdown
from awaz.i18n import languages

register = template.Library()


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
