"""Sorting words as a reader of a language expects: by their alphabet, not by code point.

Sorted by code point, a Latin Uyghur list ends with "Éfiyopiye" and "Özbékistan" after "Zambiye",
a Cyrillic one puts "Қазақистан" and "Әзәрбәйҗан" after "Я", a Turkish one "Çin" and "Şili"
after "Zambiya". Each alphabet here is the language's own order; Latin Uyghur's digraphs (ch, gh,
ng, sh, zh) are letters of their own, which an apostrophe splits (n'g is n, then g). Letters a
language's alphabet lacks sort as their base letter (a foreign "ç" as "c"), then by code point.
"""

import unicodedata
from functools import cache
from typing import Final

_ALPHABETS: Final[dict[str, str]] = {
    "ug-latn": "a b c ch d e é f g gh h i j k l m n ng o ö p q r s sh t u ü v w x y z zh",
    "ug-cyrl": "а ә б в г ғ д е ё ж җ з и й к қ л м н ң о ө п р с т у ү ф х һ ц ч ш щ ъ ы ь э ю я",
    "kk": "а ә б в г ғ д е ё ж з и й к қ л м н ң о ө п р с т у ұ ү ф х һ ц ч ш щ ъ ы і ь э ю я",
    "ru": "а б в г д е ё ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я",
    "tr": "a b c ç d e f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z",
}
_FOLDED: Final = {"ë": "é"}  # the Latin Uyghur é written with a diaeresis
_SPACE: Final = (0, 0)  # a space before any letter: "Ékwator" before "Ékwator giwiniyesi"


@cache
def _ranks(language: str) -> dict[str, int]:
    return {letter: rank for rank, letter in enumerate(_ALPHABETS[language].split(), start=1)}


def _lower(text: str, language: str) -> str:
    if language == "tr":  # Turkish dotted and dotless i
        text = text.replace("I", "ı").replace("İ", "i")
    return "".join(_FOLDED.get(char, char) for char in text.lower())


def sort_key(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """A key that sorts `text` in `language`'s alphabetical order (case ignored)."""
    if language not in _ALPHABETS:
        return tuple((1, ord(char)) for char in text.casefold())
    ranks = _ranks(language)
    lower = _lower(text, language)
    key: list[tuple[int, int]] = []
    index = 0
    while index < len(lower):
        pair = lower[index : index + 2]
        if len(pair) == 2 and pair in ranks:
            key.append((1, ranks[pair]))
            index += 2
            continue
        char = lower[index]
        index += 1
        if char in ranks:
            key.append((1, ranks[char]))
        elif char.isspace():
            key.append(_SPACE)
        elif char.isalpha():
            base = unicodedata.normalize("NFD", char)[0]
            key.append((1, ranks[base]) if base in ranks else (2, ord(char)))
        # other marks (apostrophes, hyphens, dots) do not count, but they split digraphs
    return tuple(key)
