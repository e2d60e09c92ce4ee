"""Names an organizer may want to add to a petition's Names list, found in its texts.

Nothing here changes a conversion: the converter capitalises only the names it is given
(``convert(..., proper_nouns=...)``). These functions find candidates for a person to choose:
words another version of the text capitalises, and the common Uyghur names of
``common_names.tsv`` (ULY, UEY and USY as the converter writes them, and other spellings such
as Kashgar or Urumqi), where a version shows them in lower case.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from awaz.scripts.casing import ProperNouns, loose_key, name_key
from awaz.scripts.cyrillic import parse_cyrillic
from awaz.scripts.errors import SCRIPTS
from awaz.scripts.latin import parse_latin
from awaz.scripts.normalize import check_input, normalize
from awaz.scripts.pivot import Case, Word, parse_arabic
from awaz.scripts.tokens import Kind, tokenize

_DATA: Final = Path(__file__).with_name("common_names.tsv")
_PARSERS: Final = {"ug": parse_arabic, "ug-latn": parse_latin, "ug-cyrl": parse_cyrillic}


@dataclass(frozen=True)
class CommonName:
    """A well-known Uyghur name in the three scripts, with other spellings of it."""

    latin: str
    arabic: str
    cyrillic: str
    kind: str  # "place" or "person"
    other_spellings: tuple[str, ...]

    def for_list(self, script: str) -> str:
        """The name as it goes into the Names list for a text in ``script``: in Cyrillic for a
        Cyrillic text, else in Latin (a reader of the list sees the capitals)."""
        return self.cyrillic if script == "ug-cyrl" else self.latin


@cache
def common_names() -> tuple[CommonName, ...]:
    """The built-in list, read once from ``common_names.tsv``."""
    names = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        latin, arabic, cyrillic, kind, other = line.split("\t")
        spellings = tuple(s.strip() for s in other.split(",") if s.strip())
        names.append(CommonName(latin, arabic, cyrillic, kind, spellings))
    return tuple(names)


# A word of any alphabet with case: letters, inner apostrophes and hyphens (Alma-Ata).
_CASED_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END: Final = re.compile(r"[.!?؟…:\n]")


def capitalized_names(text: str) -> list[str]:
    """Runs of capitalised words in ``text`` (English, Latin or Cyrillic Uyghur, any language
    with capitals) that are not merely the first word of a sentence: "Ilham Tohti", "Kashgar".
    All-capital words (acronyms, shouting) are left out."""
    runs: list[list[str]] = []
    run: list[str] = []
    position = 0
    for match in _CASED_WORD.finditer(text):
        between = text[position : match.start()]
        word = match.group()
        starts_sentence = position == 0 or bool(_SENTENCE_END.search(between))
        position = match.end()
        capital = word[:1].isupper() and not (word.isupper() and len(word) > 1)
        if not capital or starts_sentence or (run and between != " "):
            if run:
                runs.append(run)
            run = []
        if capital and not starts_sentence:
            run.append(word)
    if run:
        runs.append(run)
    found: list[str] = []
    for words in runs:
        name = " ".join(words)
        if name not in found:
            found.append(name)
    return found


def _words(text: str, script: str) -> tuple[list[Kind], list[str], list[Word | None]]:
    text = normalize(check_input(text), script)
    kinds, texts = tokenize(text, script)
    parse = _PARSERS[script]
    words = [parse(texts[i]) if kind is Kind.WORD else None for i, kind in enumerate(kinds)]
    return kinds, texts, words


def names_in_lower_case(text: str, *, script: str, names: Iterable[str]) -> list[str]:
    """Those of ``names`` that ``text`` (Uyghur in ``script``) writes at least once with a
    lower-case first letter (in Arabic script, which has no capitals, wherever they occur), in
    the order given. A longer name is tried before a shorter one that starts it ("Ilham Toxti"
    before "Ilham"). A name counts as in lower case when any of its words is."""
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}")
    ordered = sorted(dict.fromkeys(names), key=lambda name: -len(name.split()))
    finder = ProperNouns(ordered)
    if not finder:
        return []
    kinds, texts, words = _words(text, script)
    found = finder.occurrences(kinds, texts, words)
    lower = {
        name
        for name, occurrences in found.items()
        if any(_is_lower(words[i]) for positions in occurrences for i in positions)
    }
    return [name for name in ordered if name in lower]


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    size = len(short)
    return size < len(long) and any(
        long[i : i + size] == short for i in range(len(long) - size + 1)
    )


def _is_lower(word: Word | None) -> bool:
    return word is not None and word.case is Case.LOWER


@dataclass(frozen=True)
class Suggestion:
    """A name to offer: as it would go into the Names list, and where it was seen capitalised
    (a language code of another version, or ``""`` for the built-in list)."""

    name: str
    seen_in: str


def suggest_names(
    text: str,
    *,
    script: str,
    listed: Iterable[str] = (),
    others: Sequence[tuple[str, str]] = (),
) -> list[Suggestion]:
    """Names to offer for a Uyghur ``text`` in ``script`` whose converted words are in lower
    case: first the names that ``others`` (pairs of a language code and a text, e.g. the English
    version) capitalise, then the built-in common names. A name already ``listed`` is never
    offered, nor one that the text already capitalises everywhere; a built-in name is offered
    as ``script`` writes it, an other version's word as that version spells it (the converter
    matches spellings loosely: Tohti finds Toxti). An other spelling of a built-in name in
    another version (Kashgar) offers the built-in name (Qeshqer)."""
    taken = {key for key in map(name_key, listed) if key is not None}
    builtin = common_names()
    by_spelling: dict[tuple[str, ...], CommonName] = {}
    for common in builtin:
        for spelling in (common.latin, *common.other_spellings):
            by_spelling.setdefault(tuple(loose_key(w) for w in spelling.split()), common)
    candidates: dict[str, Suggestion] = {}
    for language, other in others:
        for run in capitalized_names(other):
            words = run.split()
            # The whole run first; its words alone only if the run is not found.
            for name in (run, *words) if len(words) > 1 else (run,):
                known = by_spelling.get(tuple(loose_key(w) for w in name.split()))
                offered = known.for_list(script) if known is not None else name
                candidates.setdefault(offered, Suggestion(offered, language))
    for common in builtin:
        offered = common.for_list(script)
        candidates.setdefault(offered, Suggestion(offered, ""))
    lower = set(names_in_lower_case(text, script=script, names=candidates))
    chosen: set[str] = set()
    longer: list[tuple[str, ...]] = []
    for offered in sorted(candidates, key=lambda name: -len(name.split())):
        key = name_key(offered)
        if offered not in lower or key is None or key in taken:
            continue
        if any(_inside(key, other) for other in longer):
            continue  # "Tohti" alone when "Ilham Toxti" is offered already
        taken.add(key)
        longer.append(key)
        chosen.add(offered)
    return [suggestion for offered, suggestion in candidates.items() if offered in chosen]
