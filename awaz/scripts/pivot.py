"""The pivot form of a word: its letters in Arabic script (UEY), plus its case in the source.

Every direction reads a source word into a ``Word`` and writes the ``Word`` in the target
script, so the six directions share one set of rules for the hamza and for casing.
"""

import re
from enum import IntEnum
from typing import Final, NamedTuple

from awaz.scripts.lexicon import CHINESE_LOANS, HAMZA_STEMS
from awaz.scripts.tables import HAMZA, UEY_LETTERS, UEY_VOWELS, UEY_WORD_CHARS


class Case(IntEnum):
    """How a word is capitalised in Latin or Cyrillic script."""

    LOWER = 0
    TITLE = 1  # first letter only; only the first character of a digraph (Shinjang)
    UPPER = 2  # every letter (ShUAR, ШУАР); an abbreviation when short


class Word(NamedTuple):
    """A source word read into UEY letters: ``pivot`` is its UEY spelling with every hamza."""

    pivot: str
    case: Case

    @property
    def letters(self) -> tuple[str, ...]:
        """The letters without hamza or apostrophe (to spell an abbreviation letter by letter)."""
        return tuple(letter for letter in self.pivot if letter in UEY_LETTERS)


_VOWEL: Final = "[اەېىوۇۆۈ]"
_BETWEEN_VOWELS: Final = re.compile(f"(?<={_VOWEL})(?={_VOWEL})")


def add_hamza(spelled: str) -> str:
    """Add to UEY letters the hamza that Latin and Cyrillic leave out.

    A vowel that starts the word, or follows another vowel, gets a hamza ([3690] §7.3; real ULY
    and USY omit it between vowels: maarip, tebiiy). Word lists then fix Chinese loans with a true
    vowel sequence (jungxua) and known words with a hamza after a consonant (мәсул).
    """
    if spelled[:1] in UEY_VOWELS:
        spelled = HAMZA + spelled
    spelled = _BETWEEN_VOWELS.sub(HAMZA, spelled)
    return _apply_stems(spelled) if len(spelled) > 3 else spelled


def _hamza_between_vowels(stem: str) -> str:
    out: list[str] = []
    previous_is_vowel = False
    for letter in stem:
        is_vowel = letter in UEY_VOWELS
        if is_vowel and previous_is_vowel:
            out.append(HAMZA)
        out.append(letter)
        previous_is_vowel = is_vowel
    return "".join(out)


# What add_hamza would produce for each listed stem, mapped to the right spelling.
_STEM_FIXES: Final[dict[str, str]] = {
    **{_hamza_between_vowels(stem): stem for stem in CHINESE_LOANS},
    **{_hamza_between_vowels(key): fixed for key, fixed in HAMZA_STEMS.items()},
}
_STEMS: Final = re.compile("|".join(sorted(map(re.escape, _STEM_FIXES), key=len, reverse=True)))


def _apply_stems(pivot: str) -> str:
    match = _STEMS.match(pivot)
    if match is None:
        return pivot
    return _STEM_FIXES[match.group()] + pivot[match.end() :]


def parse_arabic(word: str) -> Word | None:
    """Read a UEY word; ``None`` when it holds letters outside the Uyghur alphabet (Arabic,
    Persian, harakat), so that it is kept as it is."""
    if not UEY_WORD_CHARS.issuperset(word):
        return None
    pivot = word.replace("\u200c", "").replace("\u200d", "")
    if not pivot:
        return None
    return Word(pivot, Case.LOWER)


def single_letter(word: Word) -> str | None:
    """The letter of a one-letter UEY word (ش, ئۇ), as used to write abbreviations."""
    if len(word.letters) != 1:
        return None
    letter = word.letters[0]
    if word.pivot == letter and letter not in UEY_VOWELS:
        return letter
    if word.pivot == HAMZA + letter and letter in UEY_VOWELS:
        return letter
    return None


def spell_abbreviation(letters: tuple[str, ...]) -> str:
    """Write an abbreviation in UEY: single letters separated by spaces (ShUAR -> ش ئۇ ئا ر)."""
    return " ".join(HAMZA + letter if letter in UEY_VOWELS else letter for letter in letters)
