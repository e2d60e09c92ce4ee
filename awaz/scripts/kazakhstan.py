"""Kazakhstan's Cyrillic spellings of native Uyghur words (``kazakhstan_spellings.tsv``).

Kazakhstan's Uyghur Cyrillic (the Almaty press: Uyghur Avazi) follows the Soviet-era
orthography, not DB65/T 3691-2015 letter for letter. Where that difference is a rule it is
coded in ``cyrillic.py`` (ж for й before и at the start of a word, -ивий for ىۋى); where it
belongs to single words (қазақстан for قازاقىستان, хәлиқ for خەلق, мәзкүр for مەزكۇر, екән for
ئىكەن) it is this short list, typed from attested forms with their pages named.

The list is written only with ``CyrillicSpelling.KAZAKHSTAN`` and always read, so Cyrillic
typed in Kazakhstan comes back to the Arabic-script norm. A stem is followed only by the
suffixes its row allows; ``test_kazakhstan_spellings.py`` checks that no other word of the
project's Uyghur texts changes.
"""

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Final, NamedTuple

from awaz.scripts.loans import SUFFIXES
from awaz.scripts.tables import UEY_VOWELS

DATA: Final = Path(__file__).with_name("kazakhstan_spellings.tsv")
MODES: Final = frozenset(("word", "suffix", "consonant", "prefix"))
_START: Final = 3  # letters of the shortest stem (еди)


class Spelling(NamedTuple):
    """One row: the UEY stem, its Kazakhstan spelling, what may follow it, its sources."""

    uey: str
    cyrillic: str
    mode: str
    sources: str


def allows(mode: str, rest: str) -> bool:
    """Whether ``rest`` (UEY letters) may follow a stem of ``mode``."""
    if not rest:
        return True
    if mode == "prefix":
        return True
    if mode == "word":
        return False
    if mode == "consonant" and rest[0] in UEY_VOWELS:
        return False
    return SUFFIXES.fullmatch(rest) is not None


class KazakhstanSpellings:
    """The rows of the list, looked up by UEY stem and by Kazakhstan spelling."""

    def __init__(self, rows: list[Spelling]) -> None:
        self.rows = rows
        self.by_uey = {row.uey: row for row in rows}
        self.by_cyrillic = {row.cyrillic: row for row in rows}
        # The first three letters of every stem: one set look-up rules out almost every word.
        self._uey_starts = frozenset(row.uey[:_START] for row in rows)
        self._cyrillic_starts = frozenset(row.cyrillic[:_START] for row in rows)
        self._uey_lengths = sorted({len(row.uey) for row in rows}, reverse=True)
        self._cyrillic_lengths = sorted({len(row.cyrillic) for row in rows}, reverse=True)

    def cyrillic_stem(self, pivot: str) -> tuple[Spelling, str] | None:
        """The row whose UEY stem ``pivot`` starts with, and the rest (UEY), or ``None``."""
        if pivot[:_START] not in self._uey_starts:
            return None
        for length in self._uey_lengths:
            row = self.by_uey.get(pivot[:length])
            if row is not None and allows(row.mode, pivot[length:]):
                return row, pivot[length:]
        return None

    def uey_stem(self, lower: str, spell: Callable[[str], str]) -> tuple[Spelling, str] | None:
        """The row whose Kazakhstan spelling ``lower`` (USY) starts with, and the rest read
        into UEY letters by ``spell``, or ``None``."""
        if lower[:_START] not in self._cyrillic_starts:
            return None
        for length in self._cyrillic_lengths:
            row = self.by_cyrillic.get(lower[:length])
            if row is None:
                continue
            rest = spell(lower[length:]) if length < len(lower) else ""
            if allows(row.mode, rest):
                return row, rest
        return None


def read_rows(lines: list[str]) -> list[Spelling]:
    """The rows of the data: ``UEY<TAB>Cyrillic<TAB>mode<TAB>sources``; ``#`` starts a comment."""
    rows = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        uey, cyrillic, mode, sources = line.rstrip("\n").split("\t")
        if mode not in MODES or min(len(uey), len(cyrillic)) < _START:
            raise ValueError(f"unknown mode or short stem in {line!r}")
        rows.append(Spelling(uey, cyrillic, mode, sources))
    return rows


@cache
def spellings() -> KazakhstanSpellings:
    """The list shipped with the converter."""
    return KazakhstanSpellings(read_rows(DATA.read_text(encoding="utf-8").splitlines()))
