"""Which language a visitor reads: the address's prefix, else the language they chose with the
switcher (a cookie), else their browser's (Accept-Language), else English.

Browsers and links name Uyghur in many ways: `ug-Latn-CN`, `ug-Cyrl-KZ`, `ug-Arab`, `ug-KZ`,
ISO 639-2's `uig`, underscores. Django would match only some of them (`uig` not at all); here the
script subtag decides, then the region (CLDR: Uyghur in Kazakhstan is written in Cyrillic).
"""

import re
from typing import Final

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from awaz.i18n import languages

_TAG: Final = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8}){0,5}")
# ISO 639-2/3 codes of our languages -> the ISO 639-1 ones Django knows.
_THREE_LETTER: Final = {
    "uig": "ug",
    "kaz": "kk",
    "rus": "ru",
    "tur": "tr",
    "zho": "zh",
    "chi": "zh",
    "eng": "en",
}
_UYGHUR_SCRIPTS: Final = {"arab": "ug", "latn": "ug-latn", "cyrl": "ug-cyrl"}
# Where Uyghur is written in Cyrillic script when a tag names a region and no script.
_CYRILLIC_REGIONS: Final = frozenset({"kz", "kg", "mn", "ru"})


def language_for_tag(tag: str) -> str | None:
    """The language we serve for a BCP 47 tag (any case, `-` or `_`), or None."""
    if not _TAG.fullmatch(tag):
        return None
    primary, *rest = tag.lower().replace("_", "-").split("-")
    primary = _THREE_LETTER.get(primary, primary)
    if primary == "ug":
        script = next((_UYGHUR_SCRIPTS[part] for part in rest if part in _UYGHUR_SCRIPTS), None)
        if script is None and _CYRILLIC_REGIONS.intersection(rest):
            script = "ug-cyrl"
        return script or "ug"
    try:
        language = get_supported_language_variant("-".join([primary, *rest]))
    except LookupError:
        return None
    return language.lower() if language.lower() in languages.BY_CODE else None


def preferred_language(request: HttpRequest) -> str:
    """The visitor's language when the address names none: cookie, browser, English."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen and (language := language_for_tag(chosen)):
        return language
    header = request.headers.get("accept-language", "")
    for tag, quality in parse_accept_lang_header(header):
        if tag == "*":
            break
        if quality > 0 and (language := language_for_tag(tag)):
            return language
    return languages.DEFAULT
