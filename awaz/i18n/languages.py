"""The languages and scripts Awaz speaks, in one table.

Django keys languages by lower-case codes (`ug-latn`); HTML and HTTP want BCP 47 (`ug-Latn`).
Django also treats every `ug-*` code as right-to-left because it looks only at the part before
the first hyphen; direction here is decided per full code.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # Django's code, used in URLs and settings.LANGUAGES
    bcp47: str  # for lang= and hreflang=
    name: str  # English name
    name_local: str  # the name in its own language and script
    bidi: bool  # right-to-left
    uyghur_script: bool = False  # one of the three Uyghur scripts the converter serves


LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "English", "English", bidi=False),
    Language("ug", "ug", "Uyghur (Arabic script)", "ئۇيغۇرچە", bidi=True, uyghur_script=True),
    Language(
        "ug-latn", "ug-Latn", "Uyghur (Latin)", "Uyghurche (Latin)", bidi=False, uyghur_script=True
    ),
    Language(
        "ug-cyrl", "ug-Cyrl", "Uyghur (Cyrillic)", "Уйғурчә (Кирил)", bidi=False, uyghur_script=True
    ),
    Language("kk", "kk", "Kazakh", "Қазақша", bidi=False),
    Language("ru", "ru", "Russian", "Русский", bidi=False),
    Language("tr", "tr", "Turkish", "Türkçe", bidi=False),
    Language("zh-hans", "zh-Hans", "Chinese (Simplified)", "简体中文", bidi=False),
)

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
CODES: tuple[str, ...] = tuple(BY_CODE)
DEFAULT = "en"

# For a reader whose language a text lacks, the versions they read best, best first; the text's
# original comes after these. Readers of Kazakh and Cyrillic Uyghur (Kazakhstan, Kyrgyzstan)
# read Cyrillic before the Arabic script; readers of Turkish read Latin Uyghur; a reader of one
# Uyghur script reads Uyghur in another script before any other language.
CLOSEST: dict[str, tuple[str, ...]] = {
    "ug": ("ug-latn", "ug-cyrl"),
    "ug-latn": ("ug", "ug-cyrl", "tr"),
    "ug-cyrl": ("ug-latn", "ug", "kk", "ru"),
    "kk": ("ug-cyrl", "ru", "ug-latn"),
    "tr": ("ug-latn", "ug"),
}


def closest(code: str) -> tuple[str, ...]:
    """The languages a reader of `code` reads best after their own, best first."""
    return CLOSEST.get(code, ())


def get(code: str | None) -> Language:
    """The language for a Django code, English for an unknown or missing one."""
    return BY_CODE.get((code or DEFAULT).lower(), BY_CODE[DEFAULT])


def is_bidi(code: str | None) -> bool:
    """Whether text in `code` runs right to left, decided on the whole code, not its prefix."""
    return get(code).bidi
