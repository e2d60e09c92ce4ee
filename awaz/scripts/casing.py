"""Capital letters in Latin and Cyrillic output.

UEY has no case, so [3690] §5 and [3691] §5 say where capitals go: the first letter of a text,
of a sentence, after a line break and inside double quotes, and proper nouns. Only the first
character of a digraph is a capital (Shinjang).
"""

import re
from collections.abc import Iterable, Iterator, Sequence
from enum import IntEnum
from typing import Final

from awaz.scripts.cyrillic import parse_cyrillic
from awaz.scripts.latin import render_latin
from awaz.scripts.lexicon import PROPER_NOUN_SUFFIXES
from awaz.scripts.normalize import normalize
from awaz.scripts.pivot import Case, Word, parse_arabic
from awaz.scripts.tokens import Kind


class Effect(IntEnum):
    """What a stretch of text between words does to the next word's first letter."""

    KEEP = 0
    SET = 1  # the next word starts a sentence
    CLEAR = 2  # something that counts as a first word (a number, a foreign word) came first


# Events that decide the next capital, in text order; the last one wins.
_EVENTS: Final = re.compile(
    r"(\n)"  # a line break
    r"|([.!?؟…][\"'”’»)\]]*(?=\s))"  # the end of a sentence
    r"|([«“„‹]|(?<=[\s(\[{—–-])\")"  # an opening double quote
    r"|([^\W_])"  # a letter or digit of a word that is not converted
)


def text_effect(text: str) -> Effect:
    """The effect of ``text`` (between two words) on capitalisation."""
    effect = Effect.KEEP
    for match in _EVENTS.finditer(text):
        effect = Effect.CLEAR if match.lastindex == 4 else Effect.SET
    return effect


_ARABIC_LETTER: Final = re.compile("[\u0600-\u06ff]")
_CYRILLIC_LETTER: Final = re.compile("[\u0400-\u04ff]")
# Names are compared in a loose Latin spelling, so that the English or Kazakh-style spelling of
# a name (Serikzhan, Dolkun, Tohti) finds its ULY form (Sérikjan, Dolqun, Toxti), and a hamza
# or an apostrophe makes no difference.
_LOOSE: Final = (("'", ""), ("kh", "h"), ("zh", "j"), ("gh", "g"), ("q", "k"), ("x", "h"))
_LOOSE_LETTERS: Final = str.maketrans("éëwöü", "eevou")


def loose_key(latin: str) -> str:
    """A Latin spelling reduced so that common spellings of one name compare equal."""
    key = latin.lower()
    for spelling, reduced in _LOOSE:
        key = key.replace(spelling, reduced)
    return key.translate(_LOOSE_LETTERS)


_SUFFIXES: Final = tuple(
    sorted({loose_key(render_latin(suffix)) for suffix in PROPER_NOUN_SUFFIXES}, key=len)
)


def _read_name_word(word: str) -> tuple[str, Case] | None:
    if _ARABIC_LETTER.search(word):
        parsed = parse_arabic(normalize(word, "ug"))
        return (loose_key(render_latin(parsed.pivot)), Case.TITLE) if parsed else None
    if _CYRILLIC_LETTER.search(word):
        parsed = parse_cyrillic(normalize(word, "ug-cyrl"))
        return (loose_key(render_latin(parsed.pivot)), parsed.case) if parsed else None
    word = normalize(word, "ug-latn")
    if word.isupper() and len(word) > 1:
        return loose_key(word), Case.UPPER
    return loose_key(word), Case.TITLE if word[:1].isupper() else Case.LOWER


def name_key(name: str) -> tuple[str, ...] | None:
    """The words of a name as the Names list compares them (any script, loose Latin spelling),
    or ``None`` for a line that is not a name (a loan, or a word the converter cannot read)."""
    if "=" in name:
        return None
    parsed = [_read_name_word(part) for part in name.split()]
    if not parsed or any(word is None for word in parsed):
        return None
    return tuple(word[0] for word in parsed if word is not None)


class ProperNouns:
    """Names to capitalise as listed, given in any of the three scripts ("Serikzhan Bilash",
    "Уйғур", "ئاتاجۇرت"). The text keeps its own spelling; only the capitals follow the list.
    A name followed by a case or plural suffix keeps its capital (Uyghurlarning); a name written
    in Arabic script is capitalised like a title."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[Case, ...], str]]] = {}
        lengths: set[int] = set()
        for name in names:
            if "=" in name:
                continue  # a loan ("كونستىتۇتسىيە = конституция") of the same list
            parsed = [_read_name_word(part) for part in name.split()]
            if not parsed or any(word is None for word in parsed):
                continue
            words = [word for word in parsed if word is not None]
            keys = tuple(key for key, _ in words)
            cases = tuple(case for _, case in words)
            self._by_first.setdefault(keys[0], []).append((keys, cases, name))
            if len(keys) == 1:
                lengths.add(len(keys[0]))
        self._single_lengths = sorted(lengths, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(
        self, kinds: Sequence[Kind], texts: Sequence[str], words: Sequence[Word | None]
    ) -> dict[int, Case]:
        """Map token indices of listed names to the case they are listed with."""
        found: dict[int, Case] = {}
        for _, cases, positions in self._matches(kinds, texts, words):
            for position, case in zip(positions, cases, strict=True):
                found[position] = max(found.get(position, Case.LOWER), case)
        return found

    def occurrences(
        self, kinds: Sequence[Kind], texts: Sequence[str], words: Sequence[Word | None]
    ) -> dict[str, list[list[int]]]:
        """Map each listed name found in the tokens to the token indices of each occurrence."""
        found: dict[str, list[list[int]]] = {}
        for name, _, positions in self._matches(kinds, texts, words):
            found.setdefault(name, []).append(positions)
        return found

    def _matches(
        self, kinds: Sequence[Kind], texts: Sequence[str], words: Sequence[Word | None]
    ) -> Iterator[tuple[str, tuple[Case, ...], list[int]]]:
        keys: dict[str, str] = {}
        word_keys: list[str | None] = []
        for i, word in enumerate(words):
            if word is None or kinds[i] is not Kind.WORD:
                word_keys.append(None)
                continue
            key = keys.get(word.pivot)
            if key is None:
                key = keys[word.pivot] = loose_key(render_latin(word.pivot))
            word_keys.append(key)
        for i, key in enumerate(word_keys):
            if key is None:
                continue
            for name_keys, cases, name in self._candidates(key):
                positions = self._match(name_keys, i, texts, word_keys)
                if positions:
                    yield name, cases, positions
                    break

    def _candidates(self, key: str) -> list[tuple[tuple[str, ...], tuple[Case, ...], str]]:
        candidates = list(self._by_first.get(key, ()))
        for length in self._single_lengths:
            if length < len(key) and _is_suffix(key[length:]):
                candidates.extend(e for e in self._by_first.get(key[:length], ()) if len(e[0]) == 1)
        return candidates

    @staticmethod
    def _match(
        name_keys: tuple[str, ...], start: int, texts: Sequence[str], word_keys: list[str | None]
    ) -> list[int]:
        positions = [start]
        for expected in name_keys[1:]:
            at = positions[-1] + 2
            if at >= len(word_keys) or texts[at - 1] != " ":
                return []
            key = word_keys[at]
            if key is None:
                return []
            if key != expected and not (
                key.startswith(expected) and _is_suffix(key[len(expected) :])
            ):
                return []
            positions.append(at)
        return positions


def _is_suffix(rest: str) -> bool:
    return rest.startswith(_SUFFIXES)
