"""Countries a signer can live in, named in the reader's language and script (CLDR via Babel)."""

from functools import cache

from babel import Locale

from awaz.i18n import languages
from awaz.i18n.collation import sort_key

# CLDR territories that are not places a person lives in, or not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)
# The country a form starts with for a page language; only where one country is a safe guess.
# No guess for Uyghur in Arabic script: most readers of this site live outside China.
PRESELECTED = {"kk": "KZ", "ug-cyrl": "KZ", "ru": "RU", "tr": "TR"}

_BABEL_LOCALE = {"zh-hans": "zh_Hans", "ug-latn": "ug", "ug-cyrl": "ug"}


@cache
def country_names(language: str) -> dict[str, str]:
    """Code -> name, in `language`, for every country (falls back to English names)."""
    code = languages.get(language).code
    english: dict[str, str] = {
        str(key): str(value) for key, value in Locale.parse("en").territories.items()
    }
    local = Locale.parse(_BABEL_LOCALE.get(code, code)).territories
    names = {
        territory: str(local.get(territory, english[territory]))
        for territory in english
        if len(territory) == 2 and territory.isalpha() and territory not in _NOT_COUNTRIES
    }
    if code in ("ug-latn", "ug-cyrl"):
        from awaz.scripts import CyrillicSpelling, convert
        from awaz.scripts.titlecase import proper_name_case

        # As the interface's catalogs spell Cyrillic (awaz.i18n.catalogs.scripts): Қазақстан.
        spelling = CyrillicSpelling.KAZAKHSTAN
        names = {
            territory: proper_name_case(
                convert(name, source="ug", target=code, cyrillic_spelling=spelling)
            )
            if name != english[territory]
            else name
            for territory, name in names.items()
        }
    return names


@cache
def country_choices(language: str) -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name as the reader sees it: in the alphabetical order of
    their language (`awaz.i18n.collation`), not by code point."""
    code = languages.get(language).code
    return sorted(country_names(language).items(), key=lambda item: sort_key(item[1], code))


def is_country(code: str) -> bool:
    return code in country_names("en")


def country_name(code: str, language: str) -> str:
    return country_names(language).get(code, code)
