"""Uyghur Cyrillic script (USY, DB65/T 3691-2015): reading words into UEY letters, writing them."""

import re
from typing import Final

from awaz.scripts.errors import CyrillicHamza, CyrillicSpelling
from awaz.scripts.kazakhstan import spellings
from awaz.scripts.lexicon import USY_HARD_SIGN_STEMS
from awaz.scripts.loans import SUFFIXES, LoanTable, default_table
from awaz.scripts.pivot import Case, Word, add_hamza
from awaz.scripts.tables import (
    HAMZA,
    UEY_TO_USY,
    UEY_VOWELS,
    USY_LOWER_LETTERS,
    USY_TO_UEY,
    USY_VOWEL_CHARS,
)

_USY_CHARS: Final = USY_LOWER_LETTERS | {c.upper() for c in USY_LOWER_LETTERS} | {"'"}
_TO_CYRILLIC: Final = str.maketrans(UEY_TO_USY)
_FROM_CYRILLIC: Final = str.maketrans(USY_TO_UEY)
_SIGN_BEFORE_E: Final = re.compile("[ъь](?=е)")
_HAMZA_SIGN: Final = re.compile(f"['ъ](?=[{''.join(sorted(USY_VOWEL_CHARS))}])")
# ц is written for تس of Russian loans ending in -ция/-цион (ئاۋىياتسىيە). Not for every تس:
# that is also a t-final stem plus a native suffix (ئادالەتسىزلىك, كەتسە, كەتسۇن).
_TS_AS_TSE: Final = re.compile("(?<=.)تس(?=ىي)")
# Kazakhstan writes the adjective ending ىۋى (Arabic -awī, -iwī) as -ивий, like the ending ىي
# it writes -ий (аммивий, мәнивий: Uyghur Avazi, uyguravazi-6; RFA's generated
# Cyrillic and DB65/T 3691 write аммиви). Only after и: ئۆۋى (his hunt) stays өви.
_IVIY: Final = "ивий"
_IWI: Final = "ىۋى"


def parse_cyrillic(word: str, loans: LoanTable | None = None) -> Word | None:
    """Read a USY word, or return ``None`` for a word to keep verbatim (letters outside USY,
    mixed case).

    A Russian loan in its Russian spelling (конституция, концертни) is read from the loan
    table (``loans``, by default the generated one). Other words follow the letters: the
    Russian-loan letters are read by [3691] §7: ц is تس inside a word and س at its start,
    щ is چ, э is ې, ы is ى, ь is dropped and ъ is a hamza before a vowel (мәнъий); before е
    either sign reads й (объект, пьеса). An apostrophe before a
    vowel is a hamza (ма'арип); a hamza that real-world USY leaves out is restored between
    vowels (маарип) and for listed words (мәсул). A word-initial жи is Kazakhstan's spelling of
    й before и (жил, жиғин, жигит: UEY يىل, يىغىن, يىگىت); a Russian loan with ж there comes
    from the loan table.
    """
    if not _USY_CHARS.issuperset(word):
        return None
    lower = word.lower()
    if word == lower:
        case = Case.LOWER
    elif word[0].isupper() and word[1:] == lower[1:]:
        case = Case.TITLE
    elif word.isupper():
        case = Case.UPPER if sum(c.isalpha() for c in word) > 1 else Case.TITLE
    else:
        return None
    kazakhstan = spellings().uey_stem(lower, spell_cyrillic)
    if kazakhstan is not None:
        return Word(kazakhstan[0].uey + kazakhstan[1], case)
    loan = _read_loan(lower, default_table() if loans is None else loans)
    if loan is not None:
        return Word(loan, case)
    spelled = spell_cyrillic(lower)
    if not spelled.strip("'"):
        return None  # a lone ь or ъ: nothing to convert, keep it
    if lower.endswith(_IVIY):
        spelled = spelled[:-1]  # Kazakhstan's аммивий, мәнивий: UEY ئاممىۋى, مەنىۋى
    return Word(add_hamza(spelled), case)


def _read_loan(lower: str, loans: LoanTable) -> str | None:
    found = loans.uey_stem(lower) if loans else None
    if found is None:
        return None
    uey, rest = found
    if not rest:
        return uey
    suffix = spell_cyrillic(rest)
    if not SUFFIXES.fullmatch(suffix):
        return None
    if suffix.startswith("سى") and uey.endswith(("ا", "ە")):
        uey = uey[:-1] + "ى"  # the stem's last vowel is raised: конституцияси -> ...يىسى
    return uey + suffix


def spell_cyrillic(lower: str) -> str:
    """The UEY letters of a lower-case USY word by the letter rules alone (no hamza added)."""
    # Plain string operations rather than a loop over characters: this runs for every
    # distinct word of a text.
    spelled = lower
    if spelled.startswith("жи"):
        spelled = "й" + spelled[1:]  # Kazakhstan's жил, жиғин, жигит, жирақ: UEY يىل
    if "ъ" in spelled or "ь" in spelled or "'" in spelled:
        spelled = _SIGN_BEFORE_E.sub("й", spelled)  # объект, пьеса: the sign makes е read йе
        spelled = _HAMZA_SIGN.sub(HAMZA, spelled)  # ма'арип; [3691] §6.4 lists мәнъий
        spelled = spelled.replace("ь", "").replace("ъ", "")
    if "ц" in spelled:
        if spelled[0] == "ц":
            spelled = "س" + spelled[1:]
        spelled = spelled.replace("ц", "تس")
    return spelled.translate(_FROM_CYRILLIC)


def render_cyrillic(
    pivot: str,
    hamza: CyrillicHamza,
    loans: LoanTable | None = None,
    spelling: CyrillicSpelling = CyrillicSpelling.STANDARD,
) -> str:
    """Write UEY letters in USY, in lower case.

    A Russian loan of the loan table (``loans``, by default the generated one) keeps its
    Russian spelling, suffixes included (كونستىتۇتسىيەنى -> конституцияни). Otherwise
    يا and يۇ become я and ю ([3691]); the hamza is dropped at the start of a word, and inside
    a word dropped (real-world usage, маарип) or written ' ([3691] §6.4, ма'арип). With
    ``CyrillicSpelling.KAZAKHSTAN`` the words of ``kazakhstan_spellings.tsv`` take their
    Kazakhstan spelling and two Kazakhstan rules apply (``render_kazakhstan``).
    """
    kazakhstan = spelling is CyrillicSpelling.KAZAKHSTAN
    if kazakhstan:
        listed = spellings().cyrillic_stem(pivot)
        if listed is not None:
            row, tail = listed
            return row.cyrillic + render_cyrillic_letters(tail, hamza) if tail else row.cyrillic
    table = default_table() if loans is None else loans
    found = table.cyrillic_stem(pivot) if table else None
    if found is not None:
        stem, rest = found
        return stem + render_cyrillic_letters(rest, hamza) if rest else stem
    written = render_cyrillic_letters(pivot, hamza)
    return render_kazakhstan(pivot, written) if kazakhstan else written


def render_kazakhstan(pivot: str, written: str) -> str:
    """Kazakhstan's letter rules on a word ``written`` from UEY ``pivot`` by the standard's.

    - ж for й before и at the start of a word: the Almaty press prints жил, жиғин, жигит, жирақ
      (Uyghur Avazi: uyguravazi-5, -10, emirsaba-1) where Xinjiang's DB65/T 3691 and RFA's
      generated Cyrillic write йил; ``parse_cyrillic`` reads either as UEY يى.
    - -ивий for a final ىۋى (аммивий; see ``_IVIY``).
    """
    if written.startswith("йи"):
        written = "ж" + written[1:]
    if pivot.endswith(_IWI) and written.endswith("иви"):
        written += "й"
    return written


def render_cyrillic_letters(pivot: str, hamza: CyrillicHamza) -> str:
    """Write UEY letters in USY by the letter rules alone, in lower case."""
    if pivot[:1] == HAMZA and pivot[1:2] in UEY_VOWELS:
        pivot = pivot[1:]
    if "ي" in pivot:
        pivot = pivot.replace("يا", "я").replace("يۇ", "ю")
    if "تس" in pivot:
        pivot = _TS_AS_TSE.sub("ц", pivot)
    if HAMZA in pivot:
        if hamza is CyrillicHamza.DROP and pivot.startswith(USY_HARD_SIGN_STEMS):
            pivot = pivot[:3] + "ъ" + pivot[4:]  # сәнъәт
        pivot = pivot.replace(HAMZA, "" if hamza is CyrillicHamza.DROP else "'")
    return pivot.translate(_TO_CYRILLIC)


def render_cyrillic_abbreviation(letters: tuple[str, ...]) -> str:
    """Write an abbreviation in capitals: ش ئۇ ئا ر -> ШУАР, ج ك پ -> ҖКП ([3691])."""
    return "".join(UEY_TO_USY[letter] for letter in letters).upper()
