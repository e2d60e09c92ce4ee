"""One conversion: tokens in, text out, with the passes that look beyond a single word."""

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Final

from awaz.scripts.casing import Effect, ProperNouns, text_effect
from awaz.scripts.cyrillic import parse_cyrillic, render_cyrillic, render_cyrillic_abbreviation
from awaz.scripts.errors import CyrillicHamza, CyrillicSpelling
from awaz.scripts.latin import parse_latin, render_latin, render_latin_abbreviation
from awaz.scripts.lexicon import FOREIGN_PHRASES
from awaz.scripts.loans import LoanTable
from awaz.scripts.pivot import Case, Word, parse_arabic, single_letter, spell_abbreviation
from awaz.scripts.tables import (
    ARABIC_PUNCTUATION_TO_ASCII,
    ASCII_PUNCTUATION_TO_ARABIC,
    UEY_VOWELS,
)
from awaz.scripts.tokens import Kind, tokenize

_PARSERS: Final[dict[str, Callable[[str], Word | None]]] = {
    "ug": parse_arabic,
    "ug-latn": parse_latin,
    "ug-cyrl": parse_cyrillic,
}
_CACHE_LIMIT: Final = 200_000  # distinct words or separators kept per direction
# ZWNJ, and ZWJ unless it joins two emoji, are dropped from Latin and Cyrillic output.
_JOINERS: Final = re.compile(
    "\u200c|(?<![\U0001f000-\U0001faff\u2600-\u27bf\ufe0f])\u200d"
    "|\u200d(?![\U0001f000-\U0001faff\u2600-\u27bf])"
)
# , ; ? become Arabic punctuation, except inside a number (1,000).
_ASCII_PUNCTUATION: Final = re.compile(r"(?<![0-9])[,;?]|[,;?](?![0-9])")
_ABBREVIATION_LETTERS: Final = range(2, 6)  # a short all-capital word is an abbreviation


def _to_arabic_punctuation(match: re.Match[str]) -> str:
    return match.group().translate(ASCII_PUNCTUATION_TO_ARABIC)


class Direction:
    """Converts words from one script to another, remembering the words it has seen."""

    def __init__(
        self,
        source: str,
        target: str,
        hamza: CyrillicHamza,
        loans: LoanTable | None = None,
        spelling: CyrillicSpelling = CyrillicSpelling.STANDARD,
    ) -> None:
        self.source = source
        self.target = target
        self._parse = _PARSERS[source]
        if source == "ug-cyrl" and loans is not None:
            self._parse = partial(parse_cyrillic, loans=loans)
        self._render: Callable[[str], str]
        if target == "ug-latn":
            self._render = render_latin
        elif target == "ug-cyrl":
            self._render = partial(render_cyrillic, hamza=hamza, loans=loans, spelling=spelling)
        else:
            self._render = str
        self._words: dict[str, tuple[Word, str] | None] = {}
        self._texts: dict[str, tuple[str, Effect]] = {}

    def word(self, text: str) -> tuple[Word, str] | None:
        """The parsed word and its lower-case rendering, or ``None`` to keep it verbatim."""
        try:
            return self._words[text]
        except KeyError:
            pass
        if len(self._words) > _CACHE_LIMIT:
            self._words.clear()
        word = self._parse(text)
        result = (word, self._render(word.pivot)) if word is not None else None
        self._words[text] = result
        return result

    def between(self, text: str) -> tuple[str, Effect]:
        """Text between words, with Arabic punctuation and joiners handled, and its effect on
        the next capital (for a Latin or Cyrillic target)."""
        try:
            return self._texts[text]
        except KeyError:
            pass
        if len(self._texts) > _CACHE_LIMIT:
            self._texts.clear()
        if self.target == "ug":
            converted = _ASCII_PUNCTUATION.sub(_to_arabic_punctuation, text)
            result = (converted, Effect.KEEP)
        else:
            converted = text.translate(ARABIC_PUNCTUATION_TO_ASCII)
            if "\u200c" in converted or "\u200d" in converted:
                converted = _JOINERS.sub("", converted)
            result = (converted, text_effect(text))
        self._texts[text] = result
        return result


def run(text: str, direction: Direction, proper_nouns: ProperNouns) -> str:
    """Convert a normalized ``text`` in the given direction."""
    kinds, texts = tokenize(text, direction.source)
    word = direction.word
    word_kind = Kind.WORD
    words: list[tuple[Word, str] | None] = [
        word(texts[i]) if kind is word_kind else None for i, kind in enumerate(kinds)
    ]
    if direction.source == "ug-latn":
        lowered = text.lower()
        phrases = [p for p in FOREIGN_PHRASES if " ".join(p) in lowered]
        if phrases:
            _mark_foreign_phrases(kinds, texts, words, phrases)
    overrides: dict[int, str] = {}
    if direction.source == "ug":
        _spell_arabic_abbreviations(kinds, texts, words, direction.target, overrides)
    abbreviations: set[int] = set()
    if direction.source != "ug":
        abbreviations = _latin_or_cyrillic_abbreviations(words)
    if direction.target == "ug":
        return _write_arabic(kinds, texts, words, direction, abbreviations)
    names: dict[int, Case] = {}
    if proper_nouns:
        names = proper_nouns.find(kinds, texts, [w[0] if w else None for w in words])
    return _write_cased(kinds, texts, words, direction, overrides, abbreviations, names)


def _mark_foreign_phrases(
    kinds: Sequence[Kind],
    texts: Sequence[str],
    words: list[tuple[Word, str] | None],
    phrases: list[tuple[str, ...]],
) -> None:
    # Human Rights Watch: each word looks like ULY, the phrase is English.
    starts = {phrase[0] for phrase in phrases}
    for i, kind in enumerate(kinds):
        if kind is not Kind.WORD or texts[i].lower() not in starts:
            continue
        for phrase in phrases:
            end = i + 2 * len(phrase) - 1
            if end > len(texts) or phrase[0] != texts[i].lower():
                continue
            if all(
                texts[i + 2 * k].lower() == part and (k == 0 or texts[i + 2 * k - 1] == " ")
                for k, part in enumerate(phrase)
            ):
                for k in range(len(phrase)):
                    words[i + 2 * k] = None
                break


def _spell_arabic_abbreviations(
    kinds: Sequence[Kind],
    texts: Sequence[str],
    words: Sequence[tuple[Word, str] | None],
    target: str,
    overrides: dict[int, str],
) -> None:
    # ش ئۇ ئا ر: single letters separated by single spaces ([3690] §6.6).
    size = len(kinds)
    candidates = [i for i, text in enumerate(texts) if len(text) <= 2 and kinds[i] is Kind.WORD]
    done = -1
    for i in candidates:
        letter = _letter_at(i, kinds, texts, words) if i > done else None
        if letter is None:
            continue
        letters = [letter]
        end = i
        while end + 2 < size and texts[end + 1] == " ":
            following = _letter_at(end + 2, kinds, texts, words)
            if following is None:
                break
            letters.append(following)
            end += 2
        consonants = sum(letter not in UEY_VOWELS for letter in letters)
        if len(letters) >= 3 or (len(letters) == 2 and consonants):
            spelled = tuple(letters)
            if target == "ug-latn":
                overrides[i] = render_latin_abbreviation(spelled)
            else:
                overrides[i] = render_cyrillic_abbreviation(spelled)
            for k in range(i + 1, end + 1):
                overrides[k] = ""
        done = end


def _letter_at(
    i: int, kinds: Sequence[Kind], texts: Sequence[str], words: Sequence[tuple[Word, str] | None]
) -> str | None:
    result = words[i]
    if kinds[i] is not Kind.WORD or result is None or len(texts[i]) > 2:
        return None
    return single_letter(result[0])


def _latin_or_cyrillic_abbreviations(words: Sequence[tuple[Word, str] | None]) -> set[int]:
    # A short all-capital word (ShUAR, ДУҚ) is an abbreviation, unless it stands next to a long
    # all-capital word: then the whole heading is shouted.
    found: set[int] = set()
    upper = [i for i, result in enumerate(words) if result and result[0].case is Case.UPPER]
    for i in upper:
        result = words[i]
        if result is None:
            continue
        if len(result[0].letters) not in _ABBREVIATION_LETTERS:
            continue
        shouted = False
        for neighbour in (i - 2, i + 2):
            other = words[neighbour] if 0 <= neighbour < len(words) else None
            if other and other[0].case is Case.UPPER and len(other[0].letters) > 5:
                shouted = True
        if not shouted:
            found.add(i)
    return found


def _write_arabic(
    kinds: Sequence[Kind],
    texts: Sequence[str],
    words: Sequence[tuple[Word, str] | None],
    direction: Direction,
    abbreviations: set[int],
) -> str:
    out: list[str] = []
    append = out.append
    between = direction.between
    text_kind, word_kind = Kind.TEXT, Kind.WORD
    for i, kind in enumerate(kinds):
        if kind is text_kind:
            text = texts[i]
            converted = between(text)[0]
            # Punctuation between two foreign words (Hello, world) stays Latin.
            if (
                converted != text
                and _is_foreign(i - 1, kinds, texts, words)
                and _is_foreign(i + 1, kinds, texts, words)
            ):
                converted = text
            append(converted)
        elif kind is word_kind:
            result = words[i]
            if result is None:
                append(texts[i])
            elif abbreviations and i in abbreviations:
                append(spell_abbreviation(result[0].letters))
            else:
                append(result[1])
        else:
            append(texts[i])
    return "".join(out)


def _is_foreign(
    i: int, kinds: Sequence[Kind], texts: Sequence[str], words: Sequence[tuple[Word, str] | None]
) -> bool:
    # Foreign prose or a number, whose punctuation stays Latin (Hello, world; 1,000). An
    # acronym (UN, EU) or a URL sits in a Uyghur sentence, whose punctuation becomes Arabic.
    if i < 0 or i >= len(kinds) or kinds[i] is not Kind.WORD or words[i] is not None:
        return False
    text = texts[i]
    return text.isdigit() or any(char.islower() for char in text)


def _write_cased(
    kinds: Sequence[Kind],
    texts: Sequence[str],
    words: Sequence[tuple[Word, str] | None],
    direction: Direction,
    overrides: dict[int, str],
    abbreviations: set[int],
    names: dict[int, Case],
) -> str:
    latin = direction.target == "ug-latn"
    between = direction.between
    out: list[str] = []
    append = out.append
    capital = True
    text_kind, word_kind, verbatim_kind = Kind.TEXT, Kind.WORD, Kind.VERBATIM
    lower_case, title_case, set_effect = Case.LOWER, Case.TITLE, Effect.SET
    special = bool(overrides or names)
    for i, kind in enumerate(kinds):
        if special and i in overrides:
            append(overrides[i])
            if kind is word_kind:
                capital = False
            continue
        if kind is text_kind:
            text, effect = between(texts[i])
            append(text)
            if effect:
                capital = effect is set_effect
        elif kind is word_kind:
            result = words[i]
            if result is None:
                append(texts[i])
                capital = False
                continue
            word, lower = result
            case = word.case
            if not capital and case is lower_case and not special:
                append(lower)  # the common case: a lower-case word inside a sentence
                continue
            if capital and case is lower_case:
                case = title_case
            capital = False
            if special and i in names:
                case = max(case, names[i])
            if case is lower_case:
                append(lower)
            elif case is title_case:
                append(lower[:1].upper() + lower[1:])
            elif latin and (i in abbreviations or (i in names and len(word.letters) < 6)):
                append(render_latin_abbreviation(word.letters))
            else:
                append(lower.upper())
        elif kind is verbatim_kind:
            append(texts[i])
            capital = False
        else:
            append(texts[i])
    return "".join(out)
