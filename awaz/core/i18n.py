"""Right-to-left decided per full language code, in the one place Django asks.

Django's `get_language_bidi()` looks only at the part before the first hyphen, so `ug-latn` and
`ug-cyrl` would render right to left, and `get_language_info()` would give them the Arabic-script
entry. Both are corrected here, once, at start-up; every template tag, the admin and our own
templates then agree.
"""

from django.conf.locale import LANG_INFO
from django.utils import translation
from django.utils.translation import trans_real

from awaz.core import languages


def get_language_bidi() -> bool:
    """Whether the active language is written right to left, judged on its whole code."""
    return languages.is_bidi(translation.get_language())


def install_script_aware_direction() -> None:
    for language in languages.LANGUAGES:
        if language.code not in LANG_INFO:
            LANG_INFO[language.code] = {
                "bidi": language.bidi,
                "code": language.code,
                "name": language.name,
                "name_local": language.name_local,
            }
    trans_real.get_language_bidi = get_language_bidi
    # Trans caches the function it served first; make it look again.
    translation._trans.__dict__.pop("get_language_bidi", None)  # type: ignore[attr-defined]
