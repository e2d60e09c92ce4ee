"""Russian loans in Uyghur Cyrillic (USY), as Kazakhstan writes them.

Kazakhstan's Uyghur Cyrillic keeps the Russian spelling of a Russian loan (конституция, энергия,
концерт, театр: [3691] §6 and its examples; the Uyghur Avazi newspaper), while the Arabic
script (UEY) writes the same word with Uyghur letters and added vowels (كونستىتۇتسىيە,
ئېنېرگىيە, كونتسېرت, تېئاتىر). The letter rules alone would give конституцийә and read
конституция back as كونستىتۇتسىيا, so a word list decides.

The list (``russian_loans.tsv``) is generated, not typed: ``python -m awaz.scripts.build_loans``
adapts the loan families of a Russian word list (Debian's ``hunspell-ru``) to UEY by the
standard's rules and keeps only the words whose spelling the letter rules get wrong. Runtime
needs no dictionary.

Uyghur suffixes follow a Russian stem unchanged (Азиядики, театрлири, концертни); a stem whose
UEY spelling ends in ا or ە raises that vowel before a suffix (كونستىتۇتسىيىسى), and
Kazakhstan writes the raised vowel too (динамика -> динамикисини), so конституцийиси.
A suffix is accepted only when the rest of the word is a chain of known Uyghur suffixes, so a
native word that merely starts like a loan is left to the letter rules.
"""

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Final

DATA: Final = Path(__file__).with_name("russian_loans.tsv")
MIN_STEM_FOR_SUFFIX: Final = 4  # letters of a stem before a suffix may follow it

# Uyghur suffixes that follow a loan stem (UEY): plural, possessive, case, derivation, particles.
_SUFFIX: Final = (
    "لىرى|لار|لەر|لىر|نىڭ|نى|غا|گە|قا|كە|دا|دە|تا|تە|دىن|تىن|دىكى|تىكى|غىچە|گىچە|قىچە|كىچە"
    "|دەك|تەك|چىلىك|چىلىق|لىق|لىك|لۇق|لۈك|چى|چە|سىز|سى|مىز|ىمىز|ڭىز|ىڭىز|ىڭلار|ڭلار|ىم|م"
    "|ىڭ|ڭ|ى|مۇ|لا|لاش|لەش|لاشتۇرۇش|لەشتۈرۈش|ۋى|ۋىي|ىي|ىك|لىشىش|دۇر|تۇر|لىگى|لىغى|لىكى|لىقى"
)
SUFFIXES: Final = re.compile(f"(?:{_SUFFIX})+")
_RAISABLE: Final = ("ا", "ە")


def _raised_cyrillic(cyrillic: str) -> str | None:
    # конституция -> конституцийи(си), динамика -> динамики(си)
    if cyrillic.endswith("я"):
        return cyrillic[:-1] + "йи"
    if cyrillic.endswith("а"):
        return cyrillic[:-1] + "и"
    return None


class LoanTable:
    """Russian loans: UEY stem <-> Russian (USY) spelling, both in lower case.

    ``to_cyrillic`` maps a UEY stem to its Russian spelling, ``from_cyrillic`` a Russian
    spelling to its UEY stem. Both sides may differ in size: a pair whose one direction the
    letter rules already get right needs no entry for that direction.
    """

    def __init__(self, to_cyrillic: Mapping[str, str], from_cyrillic: Mapping[str, str]) -> None:
        self.to_cyrillic = dict(to_cyrillic)
        self.from_cyrillic = dict(from_cyrillic)
        self._raised: dict[str, str] = {}
        for uey, cyrillic in self.to_cyrillic.items():
            raised = _raised_cyrillic(cyrillic)
            if uey.endswith(_RAISABLE) and raised is not None:
                self._raised.setdefault(uey[:-1] + "ى", raised)
        self._longest_uey = max(map(len, self.to_cyrillic), default=0)
        self._longest_cyrillic = max(map(len, self.from_cyrillic), default=0)

    def __bool__(self) -> bool:
        return bool(self.to_cyrillic or self.from_cyrillic)

    def overridden(self, pairs: Iterable[tuple[str, str]]) -> "LoanTable":
        """This table with ``pairs`` of (UEY, Russian spelling) added or replacing entries."""
        pairs = list(pairs)
        to_cyrillic = {**self.to_cyrillic, **dict(pairs)}
        from_cyrillic = {**self.from_cyrillic, **{usy: uey for uey, usy in pairs}}
        return LoanTable(to_cyrillic, from_cyrillic)

    def cyrillic_stem(self, pivot: str) -> tuple[str, str] | None:
        """The Russian spelling of the loan that ``pivot`` (UEY) starts with, and the rest of
        the word (a chain of Uyghur suffixes), or ``None``."""
        exact = self.to_cyrillic.get(pivot)
        if exact is not None:
            return exact, ""
        to_cyrillic, raised = self.to_cyrillic, self._raised
        for end in range(min(len(pivot) - 1, self._longest_uey), MIN_STEM_FOR_SUFFIX - 1, -1):
            stem = pivot[:end]
            found = to_cyrillic.get(stem) or raised.get(stem)
            if found is not None and SUFFIXES.fullmatch(pivot, end):
                return found, pivot[end:]
        return None

    def uey_stem(self, lower: str) -> tuple[str, str] | None:
        """The UEY stem of the Russian spelling that ``lower`` (USY, lower case) starts with,
        and the rest of the word in USY, or ``None``. The caller checks the rest is a suffix."""
        exact = self.from_cyrillic.get(lower)
        if exact is not None:
            return exact, ""
        for end in range(min(len(lower) - 1, self._longest_cyrillic), MIN_STEM_FOR_SUFFIX - 1, -1):
            found = self.from_cyrillic.get(lower[:end])
            if found is not None:
                return found, lower[end:]
        return None


def read_table(lines: Iterable[str]) -> LoanTable:
    """Read the generated data: ``UEY<TAB>Russian<TAB>directions`` (``>`` UEY to USY, ``<``
    USY to UEY, ``=`` both); lines starting with ``#`` are comments."""
    to_cyrillic: dict[str, str] = {}
    from_cyrillic: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        uey, cyrillic, directions = line.rstrip("\n").split("\t")
        if directions in {">", "="}:
            to_cyrillic[uey] = cyrillic
        if directions in {"<", "="}:
            from_cyrillic[cyrillic] = uey
    return LoanTable(to_cyrillic, from_cyrillic)


LoanEntry = str | tuple[str, str]
_ARABIC_LETTER: Final = re.compile("[\u0600-\u06ff]")


def loan_pair(entry: LoanEntry) -> tuple[str, str] | None:
    """A per-text loan, ``"كونستىتۇتسىيە = конституция"`` or a (Uyghur, Russian) pair with
    the Uyghur side in Arabic or Latin script, as (UEY stem, Russian spelling); ``None`` if it
    is not one."""
    # Imported here: the letter modules import this one for the default table.
    from awaz.scripts.latin import parse_latin
    from awaz.scripts.normalize import normalize
    from awaz.scripts.pivot import parse_arabic

    if isinstance(entry, str):
        if entry.count("=") != 1:
            return None
        left, right = (part.strip() for part in entry.split("="))
    else:
        left, right = (part.strip() for part in entry)
    if not left or not right or " " in left or " " in right:
        return None
    if _ARABIC_LETTER.search(left):
        word = parse_arabic(normalize(left, "ug"))
    else:
        word = parse_latin(normalize(left, "ug-latn").lower())
    russian = normalize(right, "ug-cyrl").lower()
    if word is None or not russian.isalpha() or not all("\u0400" <= c <= "\u04ff" for c in russian):
        return None
    return word.pivot, russian


@lru_cache(maxsize=64)
def table_with(entries: tuple[LoanEntry, ...]) -> LoanTable | None:
    """The default table with a text's own loans added or overriding entries; entries that are
    not loans (names) are ignored. ``None`` when there is no loan among them: the default table
    then serves, with its shared word cache."""
    pairs = [pair for pair in map(loan_pair, entries) if pair is not None]
    return default_table().overridden(pairs) if pairs else None


@cache
def default_table() -> LoanTable:
    """The generated table shipped with the converter."""
    with DATA.open(encoding="utf-8") as handle:
        return read_table(handle)
