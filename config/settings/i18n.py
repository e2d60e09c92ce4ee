"""Languages, scripts, formats and time."""

from awaz.i18n import languages
from config.env import env_bool
from config.settings.base import BASE_DIR

LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = [(language.code, language.name) for language in languages.LANGUAGES]
LANGUAGES_BIDI = [language.code for language in languages.LANGUAGES if language.bidi]
# Ours first: it also holds the Latin and Cyrillic Uyghur catalogs generated from `ug` (and from
# Django's own), so that gettext never falls back to Arabic script on a Latin or Cyrillic page.
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["awaz.i18n.formats"]
# The language a reader picks with the switcher, remembered for a year; an address's prefix wins.
LANGUAGE_COOKIE_NAME = "awaz_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = env_bool("AWAZ_HTTPS", default=False)
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
