"""The public entry point: ``convert``."""

from collections.abc import Iterable
from threading import Lock
from typing import Final

from awaz.scripts.casing import ProperNouns
from awaz.scripts.errors import SCRIPTS, CyrillicHamza, CyrillicSpelling, UnknownScriptError
from awaz.scripts.loans import LoanEntry, LoanTable, table_with
from awaz.scripts.normalize import check_input, normalize
from awaz.scripts.pipeline import Direction, run

_DIRECTIONS: Final[
    dict[tuple[str, str, CyrillicHamza, LoanTable | None, CyrillicSpelling], Direction]
] = {}
_DIRECTIONS_LIMIT: Final = 256  # directions kept for texts with their own loan lists
_DIRECTIONS_LOCK: Final = Lock()


def convert(
    text: str,
    *,
    source: str,
    target: str,
    proper_nouns: Iterable[str] = (),
    cyrillic_hamza: CyrillicHamza = CyrillicHamza.DROP,
    loans: Iterable[LoanEntry] = (),
    cyrillic_spelling: CyrillicSpelling = CyrillicSpelling.STANDARD,
) -> str:
    """Convert Uyghur ``text`` from the ``source`` script to the ``target`` script.

    Scripts are ``"ug"`` (Arabic, UEY), ``"ug-latn"`` (Latin, ULY) and ``"ug-cyrl"`` (Cyrillic,
    USY), following DB65/T 3690-2015, DB65/T 3691-2015 and real-world usage. With
    ``source == target`` the text is only normalized (digits, presentation forms, keyboard
    look-alikes, apostrophes). URLs, e-mail addresses, handles, tags, numbers, Markdown markup and
    code, HTML, and words of other scripts pass through unchanged. ``proper_nouns`` (in any
    script) are capitalised as listed in Latin and Cyrillic output; ``cyrillic_hamza`` chooses how
    a hamza inside a word is written in Cyrillic. ``loans`` adds Russian loans to the
    generated list, or overrides its spellings, for this text: ``"كونستىتۇتسىيە = конституция"``
    or a (Uyghur, Russian) pair, the Uyghur side in Arabic or Latin script; other entries (such
    as names) are ignored, so one list can serve both parameters. ``cyrillic_spelling`` chooses
    between the standard's Cyrillic (DB65/T 3691-2015, as RFA prints it: йил, қазақистан) and
    Kazakhstan's (жил, қазақстан); Cyrillic input is read in either.

    Raises ``UnknownScriptError`` for a script code not in ``SCRIPTS`` and ``ConversionError``
    for input that is refused (not a str, longer than ``MAX_INPUT_CHARS``, lone surrogates).
    """
    for code in (source, target):
        if code not in SCRIPTS:
            raise UnknownScriptError(
                f"unknown script {code!r}; expected one of {', '.join(SCRIPTS)}"
            )
    hamza = CyrillicHamza(cyrillic_hamza)
    spelling = CyrillicSpelling(cyrillic_spelling)
    if target != "ug-cyrl":
        spelling = CyrillicSpelling.STANDARD  # only written Cyrillic differs: one direction
    text = normalize(check_input(text), source)
    if source == target or not text:
        return text
    entries = tuple(loans)
    table = table_with(entries) if entries and "ug-cyrl" in (source, target) else None
    return run(text, _direction(source, target, hamza, table, spelling), ProperNouns(proper_nouns))


def _direction(
    source: str,
    target: str,
    hamza: CyrillicHamza,
    loans: LoanTable | None,
    spelling: CyrillicSpelling,
) -> Direction:
    key = (source, target, hamza, loans, spelling)
    direction = _DIRECTIONS.get(key)
    if direction is None:
        with _DIRECTIONS_LOCK:
            if len(_DIRECTIONS) > _DIRECTIONS_LIMIT:
                for stale in [k for k in _DIRECTIONS if k[3] is not None]:
                    del _DIRECTIONS[stale]
            direction = _DIRECTIONS.setdefault(
                key, Direction(source, target, hamza, loans, spelling)
            )
    return direction
