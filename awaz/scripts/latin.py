"""Uyghur Latin script (ULY, DB65/T 3690-2015): reading words into UEY letters and writing them."""

import re
from typing import Final

from awaz.scripts.lexicon import ENGLISH_SIGNALS, FOREIGN_WORDS, LATIN_ACRONYMS, ROMAN_NUMERAL
from awaz.scripts.pivot import Case, Word, add_hamza
from awaz.scripts.tables import (
    HAMZA,
    UEY_TO_ULY,
    UEY_VOWELS,
    ULY_DIGRAPHS,
    ULY_LOWER_LETTERS,
    ULY_TO_UEY,
)

# c is only read as part of ch; the loop below refuses it alone.
_ULY_CHARS: Final = frozenset(
    "".join(ULY_LOWER_LETTERS) + "c" + "".join(ULY_LOWER_LETTERS).upper() + "C'"
)
_SEPARATOR: Final = "\ue000"  # a private-use mark that stops two letters forming a digraph
_READ_SEPARATOR: Final = re.compile("(?<=n)'(?=g)|(?<=[szg])'(?=h)")
_READ_HAMZA: Final = re.compile("'(?=[aeéëiouöü])")
# Replacing digraphs in this order reads them greedily: only "ngh" could overlap, and it is
# handled before.
_DIGRAPHS: Final = tuple(
    (digraph, ULY_TO_UEY[digraph]) for digraph in ("ch", "zh", "sh", "ng", "gh")
)
_FROM_LATIN: Final = str.maketrans(
    {**{k: v for k, v in ULY_TO_UEY.items() if len(k) == 1}, _SEPARATOR: None}
)
# Letters of a word as ULY reads them, to check which are capitals (ShUAR).
_UNITS: Final = re.compile("n(?=gh)|ch|zh|sh|gh|ng|[^']")
_WRITE_SEPARATOR: Final = re.compile("(?<=ن)(?=[گغ])|(?<=[سزگ])(?=ھ)")
_TO_LATIN: Final = str.maketrans(UEY_TO_ULY)


def parse_latin(word: str) -> Word | None:
    """Read a ULY word, or return ``None`` for a word to keep verbatim.

    Kept verbatim: letters outside ULY (c not in ch, v, ç ş ğ ı ä...), known foreign words
    (Google, YouTube), spellings typical of English (th, ph, oo, a consonant before a final y),
    listed acronyms (UN, WTO), Roman numerals, and mixed case (iPhone, YouTube).
    Digraphs are read greedily, longest first; an apostrophe is a separator (n'g, n'gh, s'h, z'h,
    g'h), a hamza before a vowel, and otherwise kept ([3690] §7.5.1).
    """
    if not _ULY_CHARS.issuperset(word):
        return None
    lower = word.lower()
    if lower in FOREIGN_WORDS or ENGLISH_SIGNALS.search(lower):
        return None
    # A lone I is the Uyghur word ئى; Roman numerals have two letters or more here (II, XX).
    if word in LATIN_ACRONYMS or (
        len(word) > 1 and word.isupper() and ROMAN_NUMERAL.fullmatch(word)
    ):
        return None
    case = _case_of(word, lower)
    if case is None:
        return None
    # Plain string operations rather than a loop over characters: this runs for every
    # distinct word of a text.
    spelled = lower
    if "'" in spelled:
        spelled = _READ_SEPARATOR.sub(_SEPARATOR, spelled)
        spelled = _READ_HAMZA.sub(HAMZA, spelled)
    if "ngh" in spelled:
        # n + gh: real ULY often omits the apostrophe of n'gh (qilinghan); ng + h hardly occurs.
        spelled = spelled.replace("ngh", "n" + _SEPARATOR + "gh")
    for digraph, letter in _DIGRAPHS:
        if digraph in spelled:
            spelled = spelled.replace(digraph, letter)
    spelled = spelled.translate(_FROM_LATIN)
    if "c" in spelled:
        return None  # c without h
    return Word(add_hamza(spelled), case)


def _case_of(word: str, lower: str) -> Case | None:
    if word == lower:
        return Case.LOWER
    if word[1:] == lower[1:] or (lower[:2] in ULY_DIGRAPHS and word[2:] == lower[2:]):
        # Only the first letter is a capital; its second character too (SHinjang).
        return Case.TITLE if word[0].isupper() else None
    starts = [match.start() for match in _UNITS.finditer(lower)]
    if all(word[start].isupper() for start in starts):
        return Case.UPPER if len(starts) > 1 else Case.TITLE
    return None  # mixed case such as iPhone or YouTube: a foreign word


def render_latin(pivot: str) -> str:
    """Write UEY letters in ULY, in lower case.

    The hamza is dropped at the start of a word and written ' elsewhere ([3690] §6.4-6.5);
    an apostrophe separates letters that would read as a digraph (nemen'gan, is'haq).
    """
    if pivot[:1] == HAMZA and pivot[1:2] in UEY_VOWELS:
        pivot = pivot[1:]
    if HAMZA in pivot:
        pivot = pivot.replace(HAMZA, "'")
    if "گ" in pivot or "غ" in pivot or "ھ" in pivot:
        pivot = _WRITE_SEPARATOR.sub("'", pivot)
    return pivot.translate(_TO_LATIN)


def render_latin_abbreviation(letters: tuple[str, ...]) -> str:
    """Write an abbreviation with a capital for each letter: ش ئۇ ئا ر -> ShUAR ([3690] §6.6)."""
    return "".join(UEY_TO_ULY[letter].capitalize() for letter in letters)
