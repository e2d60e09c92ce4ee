"""Right-to-left decided per full language code, in the one place Django asks.

This works around two behaviours of Django (django/utils/translation/trans_real.py and
django/utils/translation/__init__.py, unchanged up to Django 6.1):

- `trans_real.get_language_bidi()` looks only at the part of the active language before its first
  hyphen (`get_language().split("-")[0] in settings.LANGUAGES_BIDI`), so with `ug` right to left,
  `ug-latn` and `ug-cyrl` would render right to left too;
- `get_language_info(code)` falls back to the entry of that same prefix in
  `django.conf.locale.LANG_INFO` when the full code has none, so `ug-latn` would be named and
  directed as Arabic-script Uyghur.

Both are corrected here, once, at start-up; every template tag, the admin and our own templates
then agree. awaz/i18n/tests/test_direction.py checks that Django still behaves so (and fails, saying
this patch can go, the day it does not).
"""

from collections.abc import Callable

from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation import trans_real

from awaz.i18n import languages

# Django's own function, kept for the test that tells when the patch is no longer needed.
DJANGO_GET_LANGUAGE_BIDI: Callable[[], bool] = trans_real.get_language_bidi
# The codes Django's LANG_INFO lacks, filled in from our table at start-up.
ADDED_TO_LANG_INFO: set[str] = {
    language.code for language in languages.LANGUAGES if language.code not in LANG_INFO
}


def get_language_bidi() -> bool:
    """Whether the active language is written right to left, judged on its whole code."""
    return languages.is_bidi(translation.get_language())


def install_script_aware_direction() -> None:
    for language in languages.LANGUAGES:
        if language.code in ADDED_TO_LANG_INFO:
            LANG_INFO[language.code] = {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.name,
                "name_local": language.name_local,
            }
    trans_real.get_language_bidi = get_language_bidi
    # Trans caches the function it served first; make it look again.
    translation._trans.__dict__.pop("get_language_bidi", None)  # type: ignore[attr-defined]
